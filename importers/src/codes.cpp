#include <diplograph/importers/codes.hpp>
#include <diplograph/importers/dictionaries.hpp>

#include "tsv.hpp"

#include <diplograph/graph/fold.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>

namespace diplograph {

namespace {

// What the event's evidence says: the ids of the rules that found it ("en.visit.hosted") and
// its sentences, folded ("a recu le president…"), each padded with spaces so that a cue can be
// matched as a whole word (" hosted ").
struct Wording {
    std::string rules;
    std::string text;

    explicit Wording(const Event& event) {
        for (const auto& x : event.evidence) {
            rules += ' ' + x.rule + ' ';
            std::string folded = fold(x.text);
            // Words only: punctuation becomes a space, so " hosted " matches "hosted,".
            for (auto& c : folded)
                if (c == ',' || c == '.' || c == ';' || c == ':' || c == '"' || c == '(' ||
                    c == ')' || c == '\'')
                    c = ' ';
            text += ' ' + folded + ' ';
        }
    }
    //! A rule id contains one of the parts ("hosted", "accueil").
    bool rule(std::initializer_list<std::string_view> parts) const {
        return std::any_of(parts.begin(), parts.end(),
                           [&](std::string_view p) { return rules.find(p) != std::string::npos; });
    }
    //! A sentence contains one of the cues; a cue is a word start: " telephon" matches
    //! "telephoned" and "telephone" but not "radiotelephone".
    bool says(std::initializer_list<std::string_view> cues) const {
        return std::any_of(cues.begin(), cues.end(), [&](std::string_view c) {
            return text.find(' ' + std::string(c)) != std::string::npos;
        });
    }
};

bool is_country_id(std::string_view id) {
    return id.size() == 3 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The place is a country none of the parties is, and every party is a country: a meeting at a
// third location (CAMEO 044). With people as parties their countries are not known here.
bool third_location(const Event& event) {
    if (!is_country_id(event.place) || event.participants.size() < 2)
        return false;
    for (const auto& p : event.participants)
        if (!is_country_id(p.actor) || p.actor == event.place)
            return false;
    return true;
}

EventCode consult(const Event& event, const Wording& w) {
    const bool visit = event.type == EventType::VISIT;
    if (event.status == Status::planned)
        return {"036", "AGREE", visit ? "visit" : "meet"};
    // Hosting: the rules whose direction is `recv` for visits (en.visit.hosted,
    // fr.lemma.visit.accueil, fr.lemma.visit.honneur…), a reception for meetings.
    if (visit) {
        if (w.rule({".hosted", ".host", ".accueil", ".honneur"}) ||
            w.says({"hosted", "hosts ", "hosting", "welcomed", "accueilli", "accueille", "a recu",
                    "recoit"}))
            return {"043", "CONSULT", "host"};
        return {"042", "CONSULT", "visit"};
    }
    if (event.subtype == "phone" || w.rule({"phone", ".call", "telephone"}) ||
        w.says({"telephon", "phone", "videoconferenc", "visioconferenc", "by video"}))
        return {"041", "CONSULT", "phone"};
    if (w.rule({"mediate", "mediat"}) || w.says({"mediat"}))
        return {"045", "CONSULT", "mediate"};
    if (event.subtype == "negotiation" || w.rule({"negotiat", "negocier", "pourparlers"}) ||
        w.says({"negotiat", "negocia", "pourparlers"}))
        return {"046", "CONSULT", "negotiate"};
    if (w.rule({"receive", "recevoir", "accueil", "welcomed", "audience", "host_talks"}))
        return {"043", "CONSULT", "host"};
    if (third_location(event))
        return {"044", "CONSULT", "third-party"};
    return {"040", "CONSULT", "meet"};
}

EventCode cooperation(const Event& event, const Wording& w) {
    if (event.status == Status::planned)
        return {"030", "AGREE", "cooperate"};
    const auto& s = event.subtype;
    if (s == "economic" || s == "trade" || s == "energy" || s == "education")
        return {"061", "COOPERATE", "economic"};
    if (s == "military")
        return {"062", "COOPERATE", "military"};
    if (s == "security") {
        if (w.says({"intelligence", "renseignement", "information"}))
            return {"064", "COOPERATE", "intelligence"};
        if (w.says({"judicial", "judiciaire", "extradit", "police"}))
            return {"063", "COOPERATE", "judicial"};
        return {"062", "COOPERATE", "military"};
    }
    // Partnerships, commissions, dialogues without a material subject: diplomatic cooperation.
    return {"050", "COOPERATE", "diplomatic"};
}

EventCode aid(const Event& event, const Wording& w) {
    if (event.status == Status::planned)
        return {"033", "AGREE", "aid"};
    if (w.says({"peacekeep", "maintien de la paix", "casques bleus"}))
        return {"074", "AID", "military"};
    if (w.says({"asylum", "asile"}))
        return {"075", "AID", "asylum"};
    const auto& s = event.subtype;
    if (s == "economic" || s == "trade" || s == "energy" || s == "education")
        return {"071", "AID", "economic"};
    if (s == "military" || s == "security")
        return {"072", "AID", "military"};
    if (s == "humanitarian")
        return {"073", "AID", "humanitarian"};
    return {"070", "AID", ""};
}

EventCode condemn(const Wording& w) {
    if (w.rule({"accuse", "accuser", "blame", "incriminer", "reprocher"}) ||
        w.says({"accuse", "accusa", "accusing"}))
        return {"112", "ACCUSE", "accuse"};
    // Summoning an ambassador to protest: an official complaint.
    if (w.rule({"summon", "convoquer", "complaint"}) || w.says({"summon", "convoqu"}))
        return {"114", "ACCUSE", "complain"};
    return {"111", "ACCUSE", "criticize"};
}

EventCode sanction(const Event& event, const Wording& w) {
    if (event.status == Status::planned)
        return {"1312", "THREATEN", "sanction"};
    if (w.rule({"cut_aid"}) || w.says({"cut aid", "suspend aid", "suspended aid", "halt aid",
                                       "suspend its aid", "suspendu son aide", "suspend son aide"}))
        return {"162", "SANCTION", "aid"};
    if (w.says({"embargo"}))
        return {"163", "SANCTION", "embargo"};
    if (w.says({"boycott"}))
        return {"163", "SANCTION", "boycott"};
    if (event.subtype == "institutional")
        return {"163", "SANCTION", "suspend"};
    return {"163", "SANCTION", "sanction"};
}

}  // namespace

EventCode code_event(const Event& event) {
    const Wording w(event);
    const bool planned = event.status == Status::planned;
    switch (event.type) {
        case EventType::MEET:
        case EventType::VISIT:
            return consult(event, w);
        case EventType::AGREEMENT:
            // A signature to come is an intent to cooperate (030); one made, 057.
            return planned ? EventCode{"030", "AGREE", "sign"} : EventCode{"057", "AGREE", "sign"};
        case EventType::COOPERATION:
            return cooperation(event, w);
        case EventType::AID:
            return aid(event, w);
        case EventType::SUPPORT:
            return {"051", "SUPPORT", "praise"};
        case EventType::CONDEMN:
            return condemn(w);
        // CAMEO has no code for embassies (docs/codes.md): opening or reopening one is diplomatic
        // cooperation (050), not recognition (054: the states already recognise each other);
        // closing one reduces diplomatic relations (161).
        case EventType::EMBASSY_OPEN:
        case EventType::EMBASSY_REOPEN:
            return {"050", "COOPERATE", "embassy"};
        case EventType::EMBASSY_CLOSE:
            return {"161", "SANCTION", "embassy"};
        // 054 "grant diplomatic recognition" covers establishing relations and restoring them.
        case EventType::RELATIONS_ESTABLISH:
        case EventType::RELATIONS_RESTORE:
            return {"054", "COOPERATE", "relations"};
        case EventType::RELATIONS_SEVER:
            return planned ? EventCode{"1313", "THREATEN", "relations"}
                           : EventCode{"161", "SANCTION", "relations"};
        // Expelling diplomats reduces a state's diplomatic relations (161). 1663 is expelling aid
        // agencies (166x: peacekeepers, inspectors, aid agencies) and 174 deporting individuals,
        // a coercion of persons (root 17), not a diplomatic act.
        case EventType::EXPEL_DIPLOMATS:
            return {"161", "SANCTION", "expel"};
        case EventType::SANCTION:
            return sanction(event, w);
        case EventType::OTHER:
            break;
    }
    return {};
}

std::vector<std::pair<std::string, double>> read_goldstein(const std::filesystem::path& data_dir) {
    std::vector<std::pair<std::string, double>> table;
    tsv::read(
        data_dir / "cameo" / "goldstein.tsv", {2, 0, false},
        [&](const std::vector<std::string>& f, int) {
            const auto& code = f[0];
            if (code.size() < 2 || code.size() > 4 ||
                !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
                throw std::invalid_argument("\"" + code + "\" is not a CAMEO code (2 to 4 digits)");
            double value = 0;
            auto [ptr, ec] = std::from_chars(f[1].data(), f[1].data() + f[1].size(), value);
            if (ec != std::errc() || ptr != f[1].data() + f[1].size() || value < -10 || value > 10)
                throw std::invalid_argument("\"" + f[1] +
                                            "\" is not a Goldstein value (-10 to 10)");
            table.emplace_back(code, value);
        });
    return table;
}

std::optional<double> goldstein(std::string_view cameo) {
    static const std::map<std::string, double, std::less<>> table = [] {
        std::map<std::string, double, std::less<>> t;
        for (auto& [code, value] : read_goldstein(Dictionaries::default_data_dir()))
            t.emplace(code, value);
        return t;
    }();
    for (auto code = cameo; code.size() >= 2; code.remove_suffix(1)) {
        if (auto it = table.find(code); it != table.end())
            return it->second;
        if (code.size() == 3)  // a root ("16") is no value of a code
            break;
    }
    return std::nullopt;
}

void assign_codes(Event& event) {
    if (event.cameo.empty() && event.type != EventType::OTHER) {
        EventCode code = code_event(event);
        event.cameo = std::move(code.cameo);
        if (event.plover.empty()) {
            event.plover = std::move(code.plover);
            event.plover_mode = std::move(code.plover_mode);
        }
    }
    if (!event.goldstein && !event.cameo.empty())
        event.goldstein = goldstein(event.cameo);
}

void assign_codes(Batch& batch) {
    for (auto& e : batch.events)
        assign_codes(e);
}

}  // namespace diplograph
