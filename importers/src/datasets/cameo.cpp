#include "cameo.hpp"

#include "../tsv.hpp"

#include <diplograph/graph/fold.hpp>

#include <algorithm>
#include <array>

namespace diplograph::datasets {

namespace {

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The 20 roots of the CAMEO event codebook (v1.1b3), lower case.
constexpr std::array<std::string_view, 21> kRoots = {"",
                                                     "make public statement",
                                                     "appeal",
                                                     "express intent to cooperate",
                                                     "consult",
                                                     "engage in diplomatic cooperation",
                                                     "engage in material cooperation",
                                                     "provide aid",
                                                     "yield",
                                                     "investigate",
                                                     "demand",
                                                     "disapprove",
                                                     "reject",
                                                     "threaten",
                                                     "protest",
                                                     "exhibit military posture",
                                                     "reduce relations",
                                                     "coerce",
                                                     "assault",
                                                     "fight",
                                                     "use unconventional mass violence"};

// CAMEO codes that are one of our types, by their first three digits (DESIGN.md §2). 1663
// (expel aid agencies) and 174 (deport individuals) are not expulsions of diplomats: OTHER.
struct Mapped {
    std::string_view code;
    EventType type;
    std::string_view subtype;
    bool swap;
};
constexpr std::array<Mapped, 28> kMapped = {{
    {"040", EventType::MEET, "", false},
    {"041", EventType::MEET, "", false},   // discuss by telephone
    {"042", EventType::VISIT, "", false},  // Actor1 visits Actor2
    {"043", EventType::VISIT, "", true},   // Actor1 hosts Actor2's visit
    {"044", EventType::MEET, "", false},   // meet at a third location
    {"045", EventType::MEET, "", false},   // mediate
    {"046", EventType::MEET, "", false},   // engage in negotiation
    {"050", EventType::COOPERATION, "diplomatic", false},
    {"051", EventType::SUPPORT, "", false},                // praise or endorse
    {"052", EventType::COOPERATION, "diplomatic", false},  // defend verbally
    {"053", EventType::COOPERATION, "diplomatic", false},  // rally support
    {"054", EventType::RELATIONS_ESTABLISH, "", false},    // grant diplomatic recognition
    {"055", EventType::COOPERATION, "diplomatic", false},  // apologize
    {"056", EventType::COOPERATION, "diplomatic", false},  // forgive
    {"057", EventType::AGREEMENT, "", false},              // sign formal agreement
    {"060", EventType::COOPERATION, "", false},
    {"061", EventType::COOPERATION, "economic", false},
    {"062", EventType::COOPERATION, "military", false},
    {"063", EventType::COOPERATION, "security", false},  // judicial cooperation
    {"064", EventType::COOPERATION, "security", false},  // share intelligence
    {"070", EventType::AID, "", false},
    {"071", EventType::AID, "economic", false},
    {"072", EventType::AID, "military", false},
    {"073", EventType::AID, "humanitarian", false},
    {"074", EventType::AID, "military", false},      // military protection or peacekeeping
    {"075", EventType::AID, "humanitarian", false},  // grant asylum
    {"111", EventType::CONDEMN, "", false},          // criticize or denounce
    {"112", EventType::CONDEMN, "", false},          // accuse (1121…1125)
}};
constexpr std::array<Mapped, 2> kMappedConflict = {{
    {"161", EventType::RELATIONS_SEVER, "", false},  // reduce or break diplomatic relations
    {"163", EventType::SANCTION, "", false},         // impose embargo, boycott or sanctions
}};

// CAMEO country codes that differ from ISO 3166-1 alpha-3.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kCameoCountries = {{
    {"ROM", "ROU"},
    {"TMP", "TLS"},
    {"ZAR", "COD"},
    {"KSV", "XKX"},
}};

// CAMEO known-group and IGO codes (IGOxxx, or Actor1KnownGroupCode) → our organisations'
// acronyms. Only the groups data/organizations.tsv has; the others name no entity of ours.
constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kGroups = {{
    {"UNO", "UN"},    {"NAT", "NATO"}, {"EEC", "EU"},           {"ARL", "LAS"}, {"ASN", "ASEAN"},
    {"GCC", "GCC"},   {"OPC", "OPEC"}, {"OSC", "OSCE"},         {"IMF", "IMF"}, {"WTO", "WTO"},
    {"WHO", "WHO"},   {"ICC", "ICC"},  {"ICJ", "ICJ"},          {"CIS", "CIS"}, {"COE", "CoE"},
    {"SAD", "SADC"},  {"SHA", "SCO"},  {"CWN", "Commonwealth"}, {"OAS", "OAS"}, {"IAE", "IAEA"},
    {"HCR", "UNHCR"}, {"WFP", "WFP"},  {"FAO", "FAO"},          {"ILO", "ILO"}, {"IOM", "IOM"},
}};

}  // namespace

std::string_view cameo_root_name(std::string_view root) {
    if (root.size() != 2 || !digits(root))
        return {};
    int n = (root[0] - '0') * 10 + (root[1] - '0');
    return n >= 1 && n <= 20 ? kRoots[static_cast<std::size_t>(n)] : std::string_view();
}

std::optional<CameoType> cameo_type(std::string_view code) {
    if (code.size() < 2 || code.size() > 4 || !digits(code) ||
        cameo_root_name(code.substr(0, 2)).empty())
        return std::nullopt;
    if (code.size() >= 3) {
        auto three = code.substr(0, 3);
        for (const auto& m : kMapped)
            if (m.code == three)
                return CameoType{m.type, m.subtype, m.swap};
        for (const auto& m : kMappedConflict)
            if (m.code == three)
                return CameoType{m.type, m.subtype, m.swap};
    } else if (code == "04") {
        return CameoType{EventType::MEET, "", false};
    } else if (code == "07") {
        return CameoType{EventType::AID, "", false};
    }
    return CameoType{EventType::OTHER, cameo_root_name(code.substr(0, 2)), false};
}

namespace {
// PLOVER's 16 categories (the 2021 codebook as POLECAT uses it).
constexpr std::array<std::string_view, 16> kPlover = {
    "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};
}  // namespace

constexpr std::array<std::string_view, 16> kPloverNames = {
    "agree",  "consult", "support",  "concede", "cooperate", "aid",      "retreat", "request",
    "accuse", "reject",  "threaten", "protest", "sanction",  "mobilize", "coerce",  "assault"};

bool is_plover(std::string_view category) {
    return std::find(kPlover.begin(), kPlover.end(), category) != kPlover.end();
}

CameoType plover_type(std::string_view category, std::string_view mode) {
    auto has = [&](std::string_view word) { return mode.find(word) != std::string_view::npos; };
    if (category == "CONSULT")
        return {has("visit") ? EventType::VISIT : EventType::MEET, "", false};
    if (category == "AGREE")
        return {EventType::AGREEMENT, "", false};
    if (category == "COOPERATE")
        return {EventType::COOPERATION, "", false};
    if (category == "AID")
        return {EventType::AID, "", false};
    if (category == "SUPPORT")
        return {EventType::SUPPORT, "", false};
    if (category == "ACCUSE")
        return {EventType::CONDEMN, "", false};
    if (category == "SANCTION")
        return {has("relations") ? EventType::RELATIONS_SEVER : EventType::SANCTION, "", false};
    // The category's name in lower case, as the CAMEO roots' ("assault").
    for (std::size_t i = 0; i < kPlover.size(); ++i)
        if (kPlover[i] == category)
            return {EventType::OTHER, kPloverNames[i], false};
    return {EventType::OTHER, "", false};
}

ActorCodes::ActorCodes(const Dictionaries& dictionaries) : dict_(dictionaries) {
    auto file = Dictionaries::default_data_dir() / "fips10-4.tsv";
    tsv::read(file, {2, 0, false},
              [&](const std::vector<std::string>& f, int) { fips_[f[0]] = f[1]; });
}

const Entity* ActorCodes::country(std::string_view code) const {
    if (code.size() != 3)
        return nullptr;
    for (const auto& [cameo, iso] : kCameoCountries)
        if (cameo == code)
            return dict_.country(iso);
    return dict_.country(code);
}

const Entity* ActorCodes::actor(std::string_view code, std::string_view country_code,
                                std::string_view known_group) const {
    auto group = [&](std::string_view g) -> const Entity* {
        for (const auto& [cameo, acronym] : kGroups)
            if (cameo == g)
                return dict_.organization(acronym);
        return nullptr;
    };
    if (code.size() >= 6 && code.substr(0, 3) == "IGO")
        if (const Entity* org = group(code.substr(3, 3)))
            return org;
    if (!known_group.empty())
        if (const Entity* org = group(known_group))
            return org;
    if (const Entity* c = country(country_code))
        return c;
    if (code.size() >= 3)
        return country(code.substr(0, 3));
    return nullptr;
}

const Entity* ActorCodes::fips(std::string_view code) const {
    auto it = fips_.find(std::string(code));
    return it == fips_.end() ? nullptr : dict_.country(it->second);
}

const Entity* ActorCodes::country_named(std::string_view name) const {
    if (const Entity* c = country(name))
        return c;
    if (by_name_.empty()) {
        for (const auto& n : dict_.names()) {
            const Entity* e = dict_.entity(n.entity);
            if (e && e->kind == EntityKind::country &&
                (n.kind == NameKind::name || n.kind == NameKind::acronym))
                by_name_.try_emplace(fold(n.text), e);
        }
        for (const auto& [id, e] : dict_.entities())
            if (e.kind == EntityKind::country)
                by_name_.try_emplace(fold(e.name), &e);
    }
    auto it = by_name_.find(fold(name));
    return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace diplograph::datasets
