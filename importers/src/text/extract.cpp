// The text pipeline: one article → a Batch of entities, roles and events with evidence.
#include "discourse.hpp"
#include "language.hpp"
#include "morphology.hpp"

#include <diplograph/graph/fold.hpp>
#include <diplograph/importers/dates.hpp>
#include <diplograph/importers/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace diplograph {

namespace {

using text::Token;

// ---- dictionary index ----

struct NameEntry {
    std::vector<std::string> words;
    std::vector<bool> upper;  // words the dictionary writes with a capital must have one
    const Name* name = nullptr;
    bool case_sensitive = false;  // short acronyms: "US" is not "us"
    bool proper = false;          // must start with a capital in the text
};

struct TitleEntry {
    std::vector<std::string> words;
    std::string role;
};

//! What starts with one folded word.
struct WordEntries {
    std::vector<NameEntry> names;
    //! Region phrases ("Central American"), taken whole so that they name nothing.
    std::vector<std::vector<std::string>> regions;
    std::vector<TitleEntry> titles;
};

struct Index {
    //! By first word: one lookup per word of a sentence tells its names, regions and titles.
    std::unordered_map<std::string, WordEntries> words;
};

//! The fixed word lists below, asked about for most words of every sentence: by hash.
using WordSet = std::unordered_set<std::string_view>;

bool short_acronym(std::string_view text) {
    int letters = 0;
    for (char c : text) {
        if (std::islower(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
            return false;
        if (std::isupper(static_cast<unsigned char>(c)))
            ++letters;
    }
    return letters >= 1 && letters <= 4;
}

int kind_rank(NameKind k) {
    switch (k) {
        case NameKind::name:
        case NameKind::acronym:
            return 0;
        case NameKind::seat:
            return 1;
        case NameKind::capital:
            return 2;
        case NameKind::surname:
            return 3;
        case NameKind::adj:
            return 4;
        case NameKind::epithet:
            return 5;
    }
    return 6;
}

const Index& index_for(const Dictionaries& dict, const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::tuple<const Dictionaries*, std::size_t, std::size_t, std::string>, Index>
        cache;
    std::lock_guard lock(mutex);
    auto key = std::make_tuple(&dict, dict.names().size(), dict.titles().size(), lang);
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    Index idx;
    for (const auto& n : dict.names()) {
        if (n.lang != lang && n.lang != "*")
            continue;
        NameEntry e;
        for (auto& tok : text::tokenize(n.text, 0, n.text.size())) {
            e.upper.push_back(tok.capitalized);
            e.words.push_back(std::move(tok.norm));
        }
        if (e.words.empty())
            continue;
        e.name = &n;
        e.case_sensitive = short_acronym(n.text);
        e.proper = n.kind != NameKind::adj && n.kind != NameKind::epithet;
        idx.words[e.words.front()].names.push_back(std::move(e));
    }
    if (auto it = text::default_languages().find(lang); it != text::default_languages().end())
        for (const auto& r : it->second.regions)
            if (auto words = text::phrase_words(r); !words.empty())
                idx.words[words.front()].regions.push_back(std::move(words));
    for (const auto& t : dict.titles()) {
        if (t.lang != lang && t.lang != "*")
            continue;
        TitleEntry e{text::phrase_words(t.phrase), t.role};
        if (e.words.empty())
            continue;
        idx.words[e.words.front()].titles.push_back(std::move(e));
    }
    return cache.emplace(key, std::move(idx)).first->second;
}

// ---- mentions ----

struct Mention {
    Mention() = default;
    Mention(std::size_t first_, std::size_t last_, std::string entity_,
            EntityKind kind_ = EntityKind::country, NameKind name_kind_ = NameKind::name)
        : first(first_),
          last(last_),
          entity(std::move(entity_)),
          kind(kind_),
          name_kind(name_kind_) {}

    std::size_t first = 0, last = 0;  // token range [first, last)
    std::string entity;               // country, org or person id
    EntityKind kind = EntityKind::country;
    NameKind name_kind = NameKind::name;
    //! Other countries the same words name ("congolais": COG, then COD), in dictionary order
    //! after `entity`; the article decides between them.
    std::vector<std::string> others;
};

struct TitleMention {
    std::size_t first = 0, last = 0;
    std::string role;
};

bool words_at(const std::vector<Token>& t, std::size_t i, const std::vector<std::string>& words) {
    if (i + words.size() > t.size())
        return false;
    for (std::size_t k = 0; k < words.size(); ++k)
        if (t[i + k].norm != words[k])
            return false;
    return true;
}

// "Otan" for "OTAN", "Sadc" for "SADC": acronyms of four letters as some outlets write them.
// Shorter ones must match exactly: "US" is not "us", "NAM" is not "Nam" (the data lists "Onu"
// where it wants it).
bool titlecase_of(std::string_view surface, std::string_view acronym) {
    if (acronym.size() < 4 || surface.size() != acronym.size())
        return false;
    if (surface[0] != acronym[0])
        return false;
    for (std::size_t i = 1; i < surface.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(acronym[i])) != surface[i])
            return false;
    return true;
}

// Honorifics and ranks that precede a name but are not part of it.
bool honorific(std::string_view w) {
    static const WordSet kWords = {
        "m",          "mme",        "mr",          "mrs",       "ms",          "dr",
        "pr",         "general",    "colonel",     "col",       "capitaine",   "captain",
        "lieutenant", "commandant", "marechal",    "marshal",   "admiral",     "amiral",
        "sheikh",     "cheikh",     "his",         "her",       "highness",    "son",
        "sa",         "altesse",    "majeste",     "majesty",   "excellence",  "excellency",
        "sir",        "lord",       "prince",      "princess",  "emir",        "king",
        "roi",        "sultan",     "counterpart", "homologue", "archbishop",  "archeveque",
        "cardinal",   "bishop",     "eveque",      "mgr",       "monseigneur", "monsignor",
        "sem",        "hon",        "honourable",  "honorable", "amb"};
    return kWords.count(w) != 0;
}

// Verbs and auxiliaries of three letters or fewer: the end of a title, never inside one.
bool short_verb(std::string_view w) {
    static const WordSet kWords = {"met", "has", "had", "was", "is",  "are", "did", "led",
                                   "saw", "sat", "won", "got", "set", "put", "ont", "est",
                                   "fut", "va",  "vit", "dit", "lu",  "eu"};
    return kWords.count(w) != 0;
}

// Words of an office or a body, never of a person's name: "Minister of Ports and Civil
// Aviation", "the President's Media Division" are no people.
bool office_words(const std::vector<Token>& t, std::size_t from, std::size_t to) {
    static const WordSet kWords = {
        "minister",    "ministre",       "ministry",      "ministere",     "aviation",
        "division",    "finance",        "finances",      "planning",      "affairs",
        "affaires",    "department",     "departement",   "directorate",   "direction",
        "bureau",      "office",         "customs",       "douanes",       "commission",
        "council",     "conseil",        "media",         "secretary",     "secretaire",
        "secretariat", "agency",         "agence",        "authority",     "autorite",
        "services",    "cooperation",    "labour",        "labor",         "ports",
        "development", "developpement",  "relations",     "trade",         "commerce",
        "industry",    "industrie",      "health",        "sante",         "defence",
        "defense",     "interior",       "interieur",     "justice",       "education",
        "energy",      "energie",        "transport",     "transports",    "tourism",
        "tourisme",    "environment",    "environnement", "communication", "information",
        "economy",     "economie",       "budget",        "treasury",      "tresor",
        "exterieur",   "etrangeres",     "foreign",       "external",      "public",
        "works",       "infrastructure", "agriculture",   "fisheries",     "peche",
        "petroleum",   "petrole",        "security",      "securite",      "national",
        "nationale",   "federal",        "federale",      "republic",      "republique",
        "government",  "gouvernement",   "presidency",    "presidence",    "parliament",
        "parlement",   "assembly",       "assemblee",     "senate",        "senat",
        "police",      "army",           "armee",         "navy",          "forces",
        "relief",      "team",           "unit",          "centre",        "center",
        "institute",   "institut",       "university",    "universite",    "foundation",
        "fondation",   "bank",           "banque",        "fund",          "fonds",
        "group",       "groupe",         "company",       "societe",       "association",
        "union",       "party",          "parti",         "committee",     "comite",
        "court",       "tribunal",       "embassy",       "ambassade",     "consulate",
        "consulat",    "mission",        "delegation",    "headquarters",  "planification"};
    for (std::size_t k = from; k < to && k < t.size(); ++k)
        if (t[k].word && kWords.count(t[k].norm) != 0)
            return true;
    return false;
}

// Words that end the name of a body, not of a person ("the general secretary of the Communist
// Party").
bool institution_word(std::string_view w) {
    static const WordSet kWords = {
        "party",        "parti",     "council",    "conseil",   "committee",    "comite",
        "assembly",     "assemblee", "parliament", "parlement", "ministry",     "ministere",
        "front",        "movement",  "mouvement",  "army",      "armee",        "forces",
        "bank",         "banque",    "commission", "congress",  "congres",      "government",
        "gouvernement", "agency",    "agence",     "court",     "cour",         "senate",
        "senat",        "union",     "league",     "ligue",     "organisation", "organization"};
    return kWords.count(w) != 0;
}

// Words that may sit between a title and the name it introduces.
bool title_filler(std::string_view w) {
    static const WordSet kWords = {"de",
                                   "du",
                                   "des",
                                   "la",
                                   "le",
                                   "l",
                                   "d",
                                   "of",
                                   "the",
                                   "and",
                                   "et",
                                   "affaires",
                                   "etrangeres",
                                   "exterieures",
                                   "foreign",
                                   "affairs",
                                   "cooperation",
                                   "defense",
                                   "defence",
                                   "republique",
                                   "federation",
                                   "conseil",
                                   "transition",
                                   "gouvernement",
                                   "integration",
                                   "africaine",
                                   "charge",
                                   "en",
                                   "aupres",
                                   "to",
                                   "s",
                                   "democratique",
                                   "populaire",
                                   "state",
                                   "internationale",
                                   "international",
                                   "ministry",
                                   "ministere",
                                   "intelligence",
                                   "chief",
                                   "his",
                                   "her",
                                   "son",
                                   "sa",
                                   "deputy",
                                   "adjoint",
                                   "information",
                                   "communication",
                                   "health",
                                   "sante",
                                   "finance",
                                   "finances",
                                   "economy",
                                   "economie",
                                   "interior",
                                   "interieur",
                                   "justice",
                                   "trade",
                                   "commerce",
                                   "transport",
                                   "transports",
                                   "transportation",
                                   "energy",
                                   "energie",
                                   "agriculture",
                                   "education",
                                   "security",
                                   "securite",
                                   "nationale",
                                   "national",
                                   "commissioner",
                                   "political",
                                   "politiques",
                                   "union",
                                   "for",
                                   "pour"};
    return kWords.count(w) != 0 || honorific(w);
}

// Words after which a country is where an envoy is posted, not whom the title serves.
bool destination(std::string_view w) {
    static const WordSet kWords = {"to", "in", "aupres", "au", "aux", "en", "a"};
    return kWords.count(w) != 0;
}

bool connector(std::string_view w) {
    static const WordSet kWords = {"de", "du",  "des",  "la",  "le",  "l",   "d",
                                   "of", "the", "s",    "van", "von", "ben", "bin",
                                   "al", "el",  "ould", "ibn", "da",  "dos", "ag"};
    return kWords.count(w) != 0;
}

// Words that may stand between a preposition and the title of the person it introduces
// ("of longtime Syrian President", "du feu président").
bool modifier(std::string_view w) {
    static const WordSet kWords = {
        "the",    "le",       "la",      "l",        "former",   "longtime", "late",
        "then",   "new",      "current", "outgoing", "ancien",   "ancienne", "feu",
        "actuel", "actuelle", "nouveau", "nouvel",   "nouvelle", "sortant",  "defunt"};
    return kWords.count(w) != 0 || honorific(w);
}

// Words that make the person they introduce a complement, not a party: "le fils de X", "under
// President X", "chez le président X", "since President X took office".
bool complement_word(std::string_view w) {
    static const WordSet kWords = {"of",   "de",    "du",   "d",     "des",
                                   "chez", "under", "sous", "since", "depuis"};
    return kWords.count(w) != 0;
}

// ---- events ----

// How many words (punctuation aside) before a trigger a negation reaches ("n'a pas imposé, à
// ce stade, de sanctions").
constexpr std::size_t kNegationWindow = 6;

// Words that may join the parties of a coordinated subject.
bool coordination(std::string_view w) {
    static const WordSet kWords = {",",   "et", "and",  "ainsi", "que",     "le", "la",
                                   "les", "l",  "the",  "as",    "well",    "du", "de",
                                   "des", "s",  "avec", "with",  "together"};
    return kWords.count(w) != 0;
}

// A word that opens a new clause ("as Washington announces", "alors que Paris…").
bool clause_start(const std::vector<Token>& t, std::size_t k) {
    static const WordSet kWords = {"while",  "whereas", "when",  "alors",
                                   "tandis", "lorsque", "quand", "whilst"};
    if (kWords.count(t[k].norm))
        return true;
    // "as" but not "as well as", "such as", "as a", "so as"
    return t[k].norm == "as" && k + 1 < t.size() && t[k + 1].word && t[k + 1].capitalized &&
           (k == 0 || (t[k - 1].norm != "well" && t[k - 1].norm != "such"));
}

// Between a symmetric trigger and a name after it, a preposition of subject ("on", "about",
// "sur") nearer the name than any that introduces a party ("with", "between", "by"): the name
// is what the parties talked or agreed about. "on" before a date word is none ("on Monday").
bool about_after(const std::vector<Token>& t, std::size_t from, std::size_t name) {
    static const WordSet kAbout = {"on", "about", "regarding", "concerning", "sur", "concernant"};
    static const WordSet kParty = {"with", "avec", "between", "entre", "by", "par", "among"};
    for (std::size_t k = name; k > from; --k) {
        const Token& w = t[k - 1];
        if (kParty.count(w.norm))
            return false;
        if (kAbout.count(w.norm) && k < t.size() && !t[k].light)
            return true;
    }
    return false;
}

// Words before the place where something happens ("à Pékin", "in Beijing").
bool at_place(std::string_view w) {
    return w == "a" || w == "in" || w == "at";
}

// "à Pékin", "in Beijing", "at the White House", "à la Maison Blanche".
bool after_at_place(const std::vector<Token>& t, std::size_t first) {
    std::size_t k = first;
    if (k > 0 && (t[k - 1].norm == "the" || t[k - 1].norm == "la" || t[k - 1].norm == "le" ||
                  t[k - 1].norm == "l"))
        --k;
    return k > 0 && at_place(t[k - 1].norm);
}

// A country that brokers what others do is no party to it: "US-brokered", "sous médiation
// chinoise", "under Chinese mediation", "sous l'égide de Pékin", "mediated by Qatar".
bool mediator(const std::vector<Token>& t, std::size_t first, std::size_t last) {
    static const WordSet kAfter = {"brokered", "mediated", "sponsored", "mediation", "mediator"};
    static const WordSet kBefore = {"mediation",  "egide",       "auspices",    "brokered",
                                    "mediated",   "parrainage",  "mediator",    "mediateur",
                                    "mediatrice", "facilitated", "facilitation"};
    static const WordSet kBetween = {"de", "du",  "d",  "l",   "la", "le",
                                     "of", "the", "by", "par", "des"};
    if (last < t.size() && kAfter.count(t[last].norm))
        return true;
    for (std::size_t k = first, steps = 0; k > 0 && steps < 4; --k, ++steps) {
        if (kBefore.count(t[k - 1].norm))
            return true;
        if (!kBetween.count(t[k - 1].norm))
            break;
    }
    return false;
}

// Words that introduce a complement rather than a subject.
//! A passive in tokens [first, last) or just before them: a form of "be" / "être" followed by
//! a past participle ("will be opened", "a été fermée", "were expelled").
bool passive_in(const std::vector<Token>& t, std::size_t first, std::size_t last) {
    static const WordSet kBe = {"be",     "been",  "being",   "is",     "are",      "was",
                                "were",   "ete",   "etre",    "sera",   "seront",   "est",
                                "sont",   "etait", "etaient", "serait", "seraient", "soit",
                                "soient", "fut",   "furent"};
    static const std::array<std::string_view, 16> kEndings = {
        "ed",   "en",  "ee",   "ees",   "es", "e",  "is", "ise",
        "ises", "ert", "erte", "ertes", "u",  "ue", "us", "ues"};
    static const WordSet kIrregular = {"shut", "cut", "sent", "held", "set", "put", "made"};
    for (std::size_t k = first > 0 ? first : 1; k < last && k < t.size(); ++k) {
        if (!kBe.count(t[k - 1].norm) || !t[k].word)
            continue;
        // "s'est rendu", "se sont entretenus": reflexive, no passive.
        if (k >= 2 && (t[k - 2].norm == "s" || t[k - 2].norm == "se"))
            continue;
        const std::string& w = t[k].norm;
        if (kIrregular.count(w))
            return true;
        for (auto ending : kEndings)
            if (w.size() > ending.size() + 2 && w.ends_with(ending))
                return true;
    }
    return false;
}

bool preposition(std::string_view w) {
    static const WordSet kWords = {
        "de",      "du",     "des",   "d",       "avec",    "with",   "to",   "of",   "a",
        "au",      "aux",    "en",    "in",      "on",      "for",    "pour", "from", "contre",
        "against", "par",    "by",    "envers",  "towards", "toward", "sur",  "dans", "apres",
        "after",   "before", "avant", "between", "entre",   "at",     "chez", "into", "vers"};
    return kWords.count(w) != 0;
}

// The token after the mention that starts at `first`.
template <typename M>
std::size_t mention_end(const std::vector<M>& mentions, std::size_t first) {
    for (const auto& m : mentions)
        if (m.first == first)
            return m.last;
    return first + 1;
}

// Dates of a sentence that do not date what it tells: the dateline's filing date ("KYIV, Feb
// 25, 2022 – Ukraine severed…": the event is "on Thursday", or unknown), the start of a state
// ("since 1959", "depuis 2012") and a span since something last happened ("the first visit in
// 12 years", "une première depuis dix ans").
bool not_event_date(std::string_view sentence, const DateMention& d) {
    std::string before = fold(sentence.substr(0, d.begin));
    std::string_view after = sentence.substr(d.end);
    while (!after.empty() && (after.front() == ' ' || after.front() == ','))
        after.remove_prefix(1);
    bool dash = after.starts_with("\u2013") || after.starts_with("\u2014") ||
                after.starts_with("- ") || after.starts_with("(");
    if (dash && d.begin < 60 && sentence.substr(0, d.begin).find(',') != std::string_view::npos)
        return true;
    while (!before.empty() && before.back() == ' ')
        before.pop_back();
    for (std::string_view w : {"since", "depuis", "depuis le", "depuis la", "depuis l"})
        if (before.ends_with(w) &&
            (before.size() == w.size() || before[before.size() - w.size() - 1] == ' '))
            return true;
    std::string text = fold(sentence.substr(d.begin, d.end - d.begin));
    if (text.starts_with("in ") || text.starts_with("dans ")) {
        std::string_view near(before);
        if (near.size() > 60)
            near = near.substr(near.size() - 60);
        for (std::string_view w : {"first", "time", "premier", "premiere", "fois"})
            if (near.find(w) != std::string_view::npos)
                return true;
    }
    return false;
}

//! date + days.
Date add_days(const Date& date, int days) {
    using namespace std::chrono;
    sys_days d = year_month_day{year{date.year}, month{static_cast<unsigned>(date.month)},
                                day{static_cast<unsigned>(date.day)}};
    year_month_day r{d + std::chrono::days{days}};
    return Date{static_cast<int>(r.year()), static_cast<int>(static_cast<unsigned>(r.month())),
                static_cast<int>(static_cast<unsigned>(r.day()))};
}

using Found = text::Told;

class Extractor {
  public:
    Extractor(const Article& a, const Dictionaries& d, const ImportOptions& o)
        : article_(a), dict_(d), options_(o) {}

    Batch run();

  private:
    //! One sentence: the events it tells, else the event it names back.
    void sentence(std::size_t index, Span span);
    //! The events a sentence tells, into found_; its tokens and mentions into t and mentions.
    void events_of(std::size_t index, Span span, std::vector<Token>& t,
                   std::vector<Mention>& mentions);
    //! A noun that names an event told before ("les échanges", "the talks"), with the date and
    //! place its sentence gives, into references_.
    void refer_back(std::size_t index, Span span, const std::vector<Token>& t,
                    const std::vector<Mention>& mentions);
    std::vector<text::BackReference> references_;
    std::vector<std::pair<std::size_t, std::size_t>> participial_;  // the sentence's, [from, to)
    std::vector<std::pair<std::size_t, std::size_t>> relative_;     // the sentence's, [from, to)
    //! What an article without a date is read against: its latest full date (day, month and
    //! year), or a later day and month it names without a year ("dimanche 6 avril" after "le 31
    //! mars 2025"); an invalid Date when it names none. The article stays undated.
    Date own_date() const;
    const text::ReferenceNouns* nouns_ = nullptr;
    //! The index's entries of each word token of t (null: none, or not a word), in words_.
    void look_up_words(const std::vector<Token>& t);
    //! find_names and find_titles read the entries of t's words in words_ (look_up_words).
    std::vector<Mention> find_names(const std::vector<Token>& t) const;
    std::vector<TitleMention> find_titles(const std::vector<Token>& t,
                                          const std::vector<Mention>& names) const;
    std::vector<const WordEntries*> words_;
    void people_from_titles(const std::vector<Token>& t, std::vector<Mention>& mentions,
                            const std::vector<TitleMention>& titles, std::size_t index, Span span);
    std::string new_person(const std::string& name, const std::string& country,
                           const std::string& role, std::size_t index, Span span);
    //! Where the sentence's first denial is that is not only a comment after its triggers, or
    //! t.size() when it has none.
    std::size_t denial_at(const std::vector<Token>& t, std::size_t triggers_end) const;
    //! A cue of this kind starts at token i and ends by token `to`.
    bool cue_at(const std::vector<Token>& t, text::CueKind kind, std::size_t i,
                std::size_t to = SIZE_MAX) const;
    bool cue_in(const std::vector<Token>& t, text::CueKind kind, std::size_t from,
                std::size_t to) const;
    //! The end of the earliest-ending cue of the kind (a position in kCueKinds) at token i,
    //! 0 when none starts there.
    std::size_t cue_end(const std::vector<Token>& t, std::size_t kind, std::size_t i) const;
    mutable text::CueTable cues_;  //!< the current sentence's cues, found as they are asked for
    std::pair<std::string, std::string> top_pair() const;
    //! Within the few words after position `from`, a noun that names an event back ("the
    //! agreements", "cette décision"), or right at it a definite determiner ("the plan").
    bool names_event_after(const std::vector<Token>& t, std::size_t from) const {
        for (std::size_t k = from; k < t.size() && k < from + 4; ++k)
            if (nouns_->definite_at(t, k))
                return true;
        // "condemned the plan", "a regretté le manque de transparence": a definite object.
        return from < t.size() && nouns_->definite(t[from].norm);
    }
    //! The two parties (countries or organisations) most named in the article so far.
    std::pair<std::string, std::string> top_parties() const;
    std::pair<std::string, std::string> recent_pair_;  //!< countries of the last two-party event
    std::string protagonist_;  //!< the country that first acts as a named subject
    std::string country_of(const Mention& m) const;
    //! t[k] is the "s" of a genitive ("Macron's"), not the elided French pronoun ("Macron s'est
    //! rendu"): the tokens are the same, the apostrophe's side differs.
    bool genitive(const std::vector<Token>& t, std::size_t k) const {
        if (t[k].norm != "s")
            return false;
        std::string_view after(article_.text);
        after.remove_prefix(std::min(after.size(), t[k].end));
        return !(after.starts_with('\'') || after.starts_with("\xE2\x80\x99"));
    }
    bool bystander(const std::vector<Token>& t, std::size_t first, std::size_t last,
                   const std::vector<TitleMention>& titles) const;
    std::string actor_of(const Mention& m) const;

    const Article& article_;
    const Dictionaries& dict_;
    const ImportOptions& options_;
    std::string lang_;
    FoldedText folded_;  //!< the article's text folded
    const text::LanguageData* data_ = nullptr;
    const Index* index_ = nullptr;
    Batch batch_;
    Date reference_;
    std::optional<Date> holder_date_;
    //! The article's date, else the latest full date of its first 20 KB (found once).
    const Date& holder_date() {
        if (!holder_date_) {
            holder_date_ = reference_.day != 0 ? reference_ : Date{};
            if (!holder_date_->valid()) {
                std::string_view head(article_.text);
                if (head.size() > 20000)
                    head = head.substr(0, head.find_last_of(" \n", 20000));
                for (const auto& d : find_dates(head, lang_, Date{}))
                    if (d.interval.precision == Precision::day && d.interval.first > *holder_date_)
                        holder_date_ = d.interval.first;
            }
        }
        return *holder_date_;
    }
    std::map<std::string, int> country_counts_;
    // Countries and bodies named so far by a name that is theirs alone (not an adjective,
    // epithet or ambiguous name): what an ambiguous name or an epithet is resolved by.
    std::map<std::string, int> named_parties_;
    // Countries and organisations named by name, capital or seat (not adjective).
    std::map<std::string, int> party_counts_;
    std::map<std::string, int> people_counts_;
    std::string last_lead_;   // the person the previous sentence opened with
    std::string last_party_;  // the state or body the previous sentence opened with
    std::map<std::string, std::string> surnames_;     // folded surname → person id
    std::map<std::string, std::string> person_orgs_;  // official → organisation served
    std::map<std::string, Entity> entities_;
    std::vector<Found> found_;
    std::set<std::string> titled_;  // people named with their title: officials who act
    struct Span3 {
        std::size_t first, last;
        EventType type;
    };
    std::vector<Span3> spans_;  // the current sentence's triggers
};

std::string Extractor::country_of(const Mention& m) const {
    if (m.kind == EntityKind::country)
        return m.entity;
    if (m.kind != EntityKind::person)
        return {};
    if (auto it = entities_.find(m.entity); it != entities_.end())
        return it->second.country;
    if (const Entity* e = dict_.entity(m.entity))
        return e->country;
    return {};
}

std::string Extractor::actor_of(const Mention& m) const {
    if (m.kind != EntityKind::person)
        return m.entity;
    // An official of an organisation acts for it ("the AU Commission chairperson").
    if (auto it = person_orgs_.find(m.entity); it != person_orgs_.end())
        return it->second;
    // A head of state who also chairs a bloc (Goïta and the AES) still acts for the country:
    // the organisation is the actor only when no country office is held at the time.
    const Role* current = nullptr;
    bool country_office = false;
    auto roles = dict_.roles_of(m.entity);
    for (const auto& r : roles) {
        bool after = !r.from.valid() || !reference_.valid() || r.from <= reference_;
        bool before = !r.to.valid() || !reference_.valid() || reference_ <= r.to;
        if (after && before) {
            current = &r;
            country_office |= r.of.rfind("org/", 0) != 0;
        }
    }
    if (!current && !roles.empty())
        current = &roles.back();
    if (current && !country_office && current->of.rfind("org/", 0) == 0)
        return current->of;
    return country_of(m);
}

// Someone only named, not acting nor targeted: "President X's inner circle", "the overthrow of
// longtime President X", "under President X", "soldiers overthrew President X". A person after
// a complement word still acts when an event noun owns it ("la visite d'État du président X").
bool Extractor::bystander(const std::vector<Token>& t, std::size_t first, std::size_t last,
                          const std::vector<TitleMention>& titles) const {
    if (last + 1 < t.size() && genitive(t, last) && t[last + 1].word && !t[last + 1].capitalized) {
        // "Macron's visit", "Putin's talks": an event's owner acts; "X's inner circle" not.
        std::vector<std::size_t> rules;
        data_->event_index.candidates(t[last + 1].norm, rules);
        return rules.empty();
    }
    std::size_t p = first;
    bool titled = std::any_of(titles.begin(), titles.end(),
                              [&](const TitleMention& x) { return x.first == first; });
    for (std::size_t steps = 0; p > 0 && steps < 10; ++steps) {
        auto title = std::find_if(titles.begin(), titles.end(),
                                  [&](const TitleMention& x) { return x.last == p; });
        if (title != titles.end()) {
            p = title->first;
            titled = true;
            continue;
        }
        const Token& w = t[p - 1];
        bool abbrev_dot = !w.word && w.norm == "." && p >= 2 && honorific(t[p - 2].norm);
        if (abbrev_dot || (w.word && !complement_word(w.norm) &&
                           (modifier(w.norm) || (titled && w.capitalized)))) {
            --p;
            continue;
        }
        break;
    }
    if (p < first && !titled)
        p = first;  // only articles or capitalised words crossed: not a title's complement
    if (p > 0 && complement_word(t[p - 1].norm)) {
        std::size_t prep = p - 1;
        bool owned = std::any_of(spans_.begin(), spans_.end(), [&](const Span3& x) {
            return x.type != EventType::SUPPORT && x.last <= prep && prep - x.last <= 3 &&
                   (t[prep].norm == "of" || t[prep].norm == "de" || t[prep].norm == "du" ||
                    t[prep].norm == "d");
        });
        return !owned;
    }
    return cue_in(t, "ousted", p >= 3 ? p - 3 : 0, p);
}

void Extractor::look_up_words(const std::vector<Token>& t) {
    words_.assign(t.size(), nullptr);
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i].word)
            if (auto it = index_->words.find(t[i].norm); it != index_->words.end())
                words_[i] = &it->second;
}

std::vector<Mention> Extractor::find_names(const std::vector<Token>& t) const {
    std::vector<Mention> out;
    for (std::size_t i = 0; i < t.size();) {
        if (!t[i].word) {
            ++i;
            continue;
        }
        const NameEntry* best = nullptr;
        std::vector<std::string> others;
        const WordEntries* entries = words_[i];
        if (entries) {
            for (const auto& e : entries->names) {
                // The filters are independent: the cheapest first (most words are lower case).
                if (e.proper && !t[i].capitalized)
                    continue;
                // An epithet follows a definite article and names no place of its own ("le
                // royaume", not "l'île de Gorée").
                if (e.name->kind == NameKind::epithet) {
                    static const WordSet kThe = {"le", "la",  "l",     "the",
                                                 "ce", "cet", "cette", "this"};
                    static const WordSet kOf = {"of", "de", "d", "du", "des"};
                    std::size_t end = i + e.words.size();
                    if (i == 0 || !kThe.count(t[i - 1].norm) ||
                        (end < t.size() && kOf.count(t[end].norm)))
                        continue;
                }
                if (!words_at(t, i, e.words))
                    continue;
                std::size_t last = i + e.words.size();
                if (e.case_sensitive) {
                    std::string_view surface(article_.text.data() + t[i].begin,
                                             t[last - 1].end - t[i].begin);
                    if (surface != e.name->text && !titlecase_of(surface, e.name->text))
                        continue;
                }
                // "central African country" is not the Central African Republic, nor "African
                // Union commission" the AU Commission.
                bool cased = true;
                for (std::size_t k = 0; k < e.words.size() && cased; ++k)
                    cased = !e.upper[k] || t[i + k].capitalized;
                if (!cased)
                    continue;
                if (const Entity* ent = dict_.entity(e.name->entity);
                    ent && ent->kind == EntityKind::person && !t[i].capitalized)
                    continue;
                if (!best || e.words.size() > best->words.size() ||
                    (e.words.size() == best->words.size() &&
                     kind_rank(e.name->kind) < kind_rank(best->name->kind))) {
                    best = &e;
                    others.clear();
                } else if (e.words.size() == best->words.size() &&
                           kind_rank(e.name->kind) == kind_rank(best->name->kind) &&
                           e.name->entity != best->name->entity &&
                           std::find(others.begin(), others.end(), e.name->entity) ==
                               others.end()) {
                    others.push_back(e.name->entity);
                }
            }
        }
        std::size_t region = 0;
        if (entries)
            for (const auto& words : entries->regions)
                if (words_at(t, i, words))
                    region = std::max(region, words.size());
        if (region > 0 && (!best || region >= best->words.size())) {
            i += region;
            continue;
        }
        // A surname learned from this article ("Diop" after "Abdoulaye Diop").
        // Not the end of another full name: "Masud Bin Momen" is not the Momen told before, nor
        // "Ahmed Diop" the "Abdoulaye Diop" of the headline.
        auto name_before = [&] {
            if (i == 0 || !t[i - 1].word)
                return false;
            static const WordSet kParticles = {"bin", "ben", "ibn", "bint", "al", "el",
                                               "abu", "van", "von", "da",   "di", "del"};
            if (kParticles.count(t[i - 1].norm))
                return true;
            const WordEntries* before = words_[i - 1];
            return t[i - 1].capitalized && !honorific(t[i - 1].norm) &&
                   (!before || (before->titles.empty() && before->names.empty())) && i >= 2;
        };
        if (!best && t[i].capitalized && !name_before()) {
            if (auto s = surnames_.find(t[i].norm); s != surnames_.end()) {
                out.push_back({i, i + 1, s->second, EntityKind::person, NameKind::surname});
                ++i;
                continue;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        const Entity* ent = dict_.entity(best->name->entity);
        if (!ent) {
            ++i;
            continue;
        }
        out.push_back({i, i + best->words.size(), ent->id, ent->kind, best->name->kind});
        // A capital that is also a body's seat ("Bruxelles" for Belgium and the EU) may name
        // either; other names only other countries.
        bool seat = best->name->kind == NameKind::capital;
        if (ent->kind == EntityKind::country)
            std::erase_if(others, [&](const std::string& id) {
                const Entity* o = dict_.entity(id);
                return !o || (o->kind != EntityKind::country &&
                              !(seat && o->kind == EntityKind::organization));
            });
        else
            others.clear();
        out.back().others = std::move(others);
        i += best->words.size();
    }
    return out;
}

std::vector<TitleMention> Extractor::find_titles(const std::vector<Token>& t,
                                                 const std::vector<Mention>& names) const {
    std::vector<TitleMention> out;
    std::vector<bool> taken(t.size(), false);
    for (const auto& m : names)
        for (auto k = m.first; k < m.last; ++k)
            taken[k] = true;
    for (std::size_t i = 0; i < t.size();) {
        const TitleEntry* best = nullptr;
        if (!taken[i] && t[i].word) {
            if (const WordEntries* entries = words_[i])
                for (const auto& e : entries->titles)
                    if (words_at(t, i, e.words) && (!best || e.words.size() > best->words.size()))
                        best = &e;
        }
        if (!best) {
            ++i;
            continue;
        }
        out.push_back({i, i + best->words.size(), best->role});
        i += best->words.size();
    }
    return out;
}

std::string Extractor::new_person(const std::string& name, const std::string& country,
                                  const std::string& role, std::size_t index, Span span) {
    if (const Entity* known = dict_.person_by_name(name))
        return known->id;
    std::string id = "person/" + slugify(name);
    auto [it, fresh] = entities_.try_emplace(id, Entity{id, EntityKind::person, name, country, {}});
    if (it->second.country.empty())
        it->second.country = country;
    auto space = name.find_last_of(' ');
    if (space != std::string::npos)
        surnames_[fold(name.substr(space + 1))] = id;
    if (fresh && !role.empty() && !country.empty()) {
        Role r{id, role, country, reference_, Date{}, Evidence{}};
        r.evidence->sentence = static_cast<int>(index);
        r.evidence->begin = static_cast<int64_t>(span.begin);
        r.evidence->end = static_cast<int64_t>(span.end);
        r.evidence->text = article_.text.substr(span.begin, span.end - span.begin);
        r.evidence->rule = lang_ + ".title.apposition";
        r.evidence->confidence = 0.7;
        batch_.roles.push_back(std::move(r));
    }
    return id;
}

void Extractor::people_from_titles(const std::vector<Token>& t, std::vector<Mention>& mentions,
                                   const std::vector<TitleMention>& titles, std::size_t index,
                                   Span span) {
    auto mention_at = [&](std::size_t k) -> const Mention* {
        for (const auto& m : mentions)
            if (m.first == k)
                return &m;
        return nullptr;
    };
    auto mention_ending = [&](std::size_t k) -> const Mention* {
        for (const auto& m : mentions)
            if (m.last == k)
                return &m;
        return nullptr;
    };
    auto covered = [&](std::size_t k) {
        return std::any_of(mentions.begin(), mentions.end(),
                           [&](const Mention& m) { return m.first <= k && k < m.last; });
    };
    std::vector<Mention> added;
    for (const auto& title : titles) {
        // "le conseiller du roi, X", "an adviser to the president, X", "le fils du président,
        // X": the title names whom X is related to, not X.
        {
            std::size_t k = title.first;
            if (k > 0 && modifier(t[k - 1].norm) && !honorific(t[k - 1].norm))
                --k;
            static const WordSet kRelations = {
                "conseiller", "conseillere", "adviser", "advisor", "aide",   "fils",   "fille",
                "son",        "daughter",    "wife",    "husband", "epouse", "mari",   "frere",
                "soeur",      "brother",     "sister",  "pere",    "mere",   "father", "mother",
                "proche",     "cousin",      "neveu",   "nephew",  "niece",  "gendre", "beau"};
            if (k >= 2 && (complement_word(t[k - 1].norm) || t[k - 1].norm == "to") &&
                kRelations.count(t[k - 2].norm))
                continue;
        }
        // A former office ("Corneille Nangaa, ancien président de la commission électorale",
        // "former president X") makes no official of today: the person is known for what
        // follows, but is only listed when an event names them.
        bool former = false;
        for (std::size_t k = title.first; k > 0 && k + 3 > title.first; --k) {
            static const WordSet kFormer = {"ancien", "ancienne", "former", "ex", "feu", "late"};
            if (kFormer.count(t[k - 1].norm)) {
                former = true;
                break;
            }
        }
        std::string of;
        // Before the title: "Kenyan President", "Qatar's emir", "Israeli Foreign Ministry
        // spokesman" (a few capitalised ministry words may sit between).
        for (std::size_t k = title.first, steps = 0; k > 0 && steps < 4; --k, ++steps) {
            std::size_t end = k;
            if (k >= 2 && genitive(t, k - 1))
                end = k - 1;
            if (const Mention* m = mention_ending(end);
                m && m->kind != EntityKind::person &&
                (m->name_kind == NameKind::adj || end != k || steps == 0)) {
                of = m->entity;
                break;
            }
            if (!t[k - 1].word ||
                !(t[k - 1].capitalized || title_filler(t[k - 1].norm) || modifier(t[k - 1].norm)))
                break;
        }
        std::string person;
        bool comma = false;
        bool portfolio = false;  // the title went on with its portfolio after the comma
        bool posted = false;     // after "to"/"auprès de": the next country is a destination
        for (std::size_t k = title.last; k < t.size() && k < title.last + 20;) {
            if (const Mention* m = mention_at(k)) {
                if (m->kind == EntityKind::person) {
                    person = m->entity;
                    if (!bystander(t, m->first, m->last, titles))
                        if (!former)
                            titled_.insert(person);
                    break;
                }
                if (!posted && (of.empty() || m->name_kind == NameKind::adj))
                    of = m->entity;
                posted = false;
                k = m->last;
                continue;
            }
            if (!t[k].word) {
                // "le ministre des Affaires étrangères, de la Coopération et des Mauritaniens
                // de l'Extérieur, M. X": a second comma closes the portfolio.
                if (t[k].norm == "," && (!comma || portfolio)) {
                    if (comma)
                        portfolio = false;  // one portfolio, one more comma
                    comma = true;
                    ++k;
                    continue;
                }
                if (t[k].norm == "." && k > 0 && honorific(t[k - 1].norm)) {
                    ++k;
                    continue;
                }
                break;
            }
            // "the crown prince in the Red Sea city": what follows is a place.
            if (t[k].norm == "in" || t[k].norm == "at" || t[k].norm == "dans")
                break;
            if (destination(t[k].norm))
                posted = true;
            // Right after "to" / "auprès de": where the envoy is posted ("an ambassador to
            // Tel Aviv"), not a name.
            if (t[k].capitalized && k > 0 && destination(t[k - 1].norm) && !covered(k))
                break;
            if (t[k].capitalized && !title_filler(t[k].norm) && !covered(k)) {
                // A name: capitalised words, connectors allowed inside ("bin", "Al").
                std::size_t j = k;
                while (j < t.size() && t[j].word && !covered(j) &&
                       (t[j].capitalized ||
                        (connector(t[j].norm) && j + 1 < t.size() && t[j + 1].capitalized)))
                    ++j;
                while (j > k && connector(t[j - 1].norm))
                    --j;
                std::size_t words = j - k;
                // A first name spelt otherwise before a known surname ("President Volodymyr
                // Zelenskiy" for Zelenskyy): the known person.
                if (const Mention* next = mention_at(j);
                    next && next->kind == EntityKind::person && words <= 2) {
                    person = next->entity;
                    if (!bystander(t, next->first, next->last, titles))
                        if (!former)
                            titled_.insert(person);
                    break;
                }
                // A surname alone ("Defense Minister Teodoro") when the title says whose.
                bool surname = words == 1 && !of.empty() && !t[k].all_caps &&
                               t[k].norm.size() >= 3 && k + 1 < t.size() &&
                               !preposition(t[k].norm) && !connector(t[k - 1].norm) &&
                               !preposition(t[k - 1].norm);
                if (((words >= 2 && words <= 5) || surname) && !institution_word(t[j - 1].norm) &&
                    !office_words(t, k, j)) {
                    std::string name(article_.text.data() + t[k].begin, t[j - 1].end - t[k].begin);
                    std::string country = of;
                    std::string org;
                    if (!country.empty() && !dict_.country(country)) {
                        org = country;  // an organisation's official
                        country.clear();
                    }
                    person = new_person(name, country, title.role, index, span);
                    if (!bystander(t, k, j, titles))
                        if (!former)
                            titled_.insert(person);
                    if (!org.empty())
                        person_orgs_[person] = org;
                    added.push_back({k, j, person, EntityKind::person, NameKind::name});
                } else if (words == 1 && k > 0 && connector(t[k - 1].norm)) {
                    // A portfolio in the title ("ministre de l'Europe et des Affaires
                    // étrangères"): the name is further on.
                    portfolio = comma;
                    k = j;
                    continue;
                }
                break;
            }
            // Short words between a title and its name are skipped, except a verb: in "the
            // foreign minister met the Togolese ambassador", Togo is not the minister's.
            if (!title_filler(t[k].norm) &&
                !(t[k].norm.size() <= 3 && !t[k].capitalized && !short_verb(t[k].norm)))
                break;
            ++k;
        }
        if (person.empty() && title.first >= 3) {
            // The name before the title: "Marie Dupont, ambassadrice de France au Sénégal".
            // Between the comma and the title: articles, "new", "former", and whose title it
            // is ("Burhan Koroglu, Turkey's new chargé d'affaires").
            std::size_t k = title.first;
            for (std::size_t steps = 0; k > 0 && steps < 5; ++steps) {
                if (t[k - 1].word && modifier(t[k - 1].norm)) {
                    --k;
                } else if (k >= 2 && genitive(t, k - 1)) {
                    const Mention* m = mention_ending(k - 1);
                    if (!m || m->kind == EntityKind::person)
                        break;
                    k = m->first;
                } else if (const Mention* m = mention_ending(k);
                           m && m->kind != EntityKind::person && m->name_kind == NameKind::adj) {
                    k = m->first;
                } else {
                    break;
                }
            }
            if (k > 0 && t[k - 1].norm == ",") {
                std::size_t j = k - 1;  // one past the name
                std::size_t b = j;
                while (b > 0 && t[b - 1].word && t[b - 1].capitalized && !covered(b - 1) &&
                       !title_filler(t[b - 1].norm))
                    --b;
                // "À New York, le porte-parole": a place, not a name.
                bool place = preposition(t[b].norm) ||
                             std::find(data_->stopwords.begin(), data_->stopwords.end(),
                                       t[b].norm) != data_->stopwords.end();
                if (j - b >= 2 && j - b <= 5 && !place && !office_words(t, b, j) &&
                    (b == 0 || !t[b - 1].word || !t[b - 1].capitalized)) {
                    std::string name(article_.text.data() + t[b].begin, t[j - 1].end - t[b].begin);
                    std::string country = of;
                    std::string org;
                    if (!country.empty() && !dict_.country(country)) {
                        org = country;
                        country.clear();
                    }
                    person = new_person(name, country, title.role, index, span);
                    if (!former)
                        titled_.insert(person);
                    if (!org.empty())
                        person_orgs_[person] = org;
                    added.push_back({b, j, person, EntityKind::person, NameKind::name});
                }
            }
        }
        // "Daniel Ortega, le président nicaraguayen": the apposition names who holds it.
        bool apposition = false;
        {
            std::size_t k = title.first;
            if (k > 0 && modifier(t[k - 1].norm))
                --k;
            if (k >= 2 && t[k - 1].norm == ",")
                if (const Mention* m = mention_ending(k - 1); m && m->kind == EntityKind::person)
                    apposition = true;
        }
        // An ambassador's title says whose envoy, not where posted: "the Israeli ambassador"
        // in Ankara is not Israel's envoy to the UN the dictionary knows.
        if (person.empty() && !of.empty() && holder_date().valid() && !apposition &&
            title.role != "ambassador" && !bystander(t, title.first, title.last, titles)) {
            // "le Président russe" → who held the title on the article's date.
            const Entity* holder = dict_.holder(title.role, of, holder_date());
            for (const char* alt : {"king", "emir"})
                if (!holder && title.role == "head of state")
                    holder = dict_.holder(alt, of, holder_date());
            if (holder)
                added.push_back(
                    {title.first, title.last, holder->id, EntityKind::person, NameKind::name});
        }
    }
    for (auto& m : added)
        if (!covered(m.first))
            mentions.push_back(std::move(m));
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& x, const Mention& y) { return x.first < y.first; });
}

bool Extractor::cue_at(const std::vector<Token>& t, text::CueKind kind, std::size_t i,
                       std::size_t to) const {
    auto end = cue_end(t, kind.slot, i);
    return end && end <= to;
}

bool Extractor::cue_in(const std::vector<Token>& t, text::CueKind kind, std::size_t from,
                       std::size_t to) const {
    for (std::size_t i = from; i < to && i < t.size(); ++i)
        if (auto end = cue_end(t, kind.slot, i); end && end <= to)
            return true;
    return false;
}

std::size_t Extractor::cue_end(const std::vector<Token>& t, std::size_t kind, std::size_t i) const {
    // sentence() resets the table for its tokens; other tokens would reset it for theirs.
    if (cues_.tokens() != &t)
        cues_.reset(*data_, t);
    return cues_.end(kind, i);
}

std::size_t Extractor::denial_at(const std::vector<Token>& t, std::size_t triggers_end) const {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!cue_at(t, "denial", i))
            continue;
        // A comment after every trigger denies what was said, not the event told: "…avaient
        // rompu avec Doha, qu'ils accusaient de…, ce que le Qatar a toujours démenti".
        bool comment = false;
        for (std::size_t k = std::max(triggers_end, i >= 6 ? i - 6 : std::size_t{0});
             k < i && !comment; ++k)
            comment = k > 0 && t[k - 1].norm == "," && cue_in(t, "comment", k, i);
        if (!comment)
            return i;
    }
    return t.size();
}

namespace {
//! The two most counted (ties by id), when the second is counted at least `least` times.
std::pair<std::string, std::string> top_two(const std::map<std::string, int>& counts, int least) {
    // One pass in id order: a later id takes a place only with a greater count.
    const std::pair<const std::string, int>* first = nullptr;
    const std::pair<const std::string, int>* second = nullptr;
    for (const auto& entry : counts) {
        if (!first || entry.second > first->second) {
            second = first;
            first = &entry;
        } else if (!second || entry.second > second->second) {
            second = &entry;
        }
    }
    if (!second || second->second < least)
        return {};
    return {first->first, second->first};
}
}  // namespace

std::pair<std::string, std::string> Extractor::top_parties() const {
    return top_two(party_counts_, 2);
}

std::pair<std::string, std::string> Extractor::top_pair() const {
    return top_two(country_counts_, 0);
}

void Extractor::sentence(std::size_t index, Span span) {
    std::size_t told = found_.size();
    std::vector<Token> t;
    std::vector<Mention> mentions;
    events_of(index, span, t, mentions);
    if (found_.size() == told && !t.empty())
        refer_back(index, span, t, mentions);
}

void Extractor::refer_back(std::size_t index, Span span, const std::vector<Token>& t,
                           const std::vector<Mention>& mentions) {
    const auto& nouns = *nouns_;
    std::optional<std::optional<EventType>> type;
    for (std::size_t i = 0; i < t.size() && !type; ++i)
        if (t[i].word && nouns.definite_at(t, i))
            type = nouns.noun(t[i].norm);
    if (!type)
        return;
    text::BackReference ref;
    ref.sentence = index;
    ref.type = *type;
    const std::string sentence_text = article_.text.substr(span.begin, span.end - span.begin);
    for (const auto& d : find_dates(sentence_text, lang_, reference_))
        if (!not_event_date(sentence_text, d) && d.interval.known()) {
            ref.date = d.interval;
            break;
        }
    for (const auto& m : mentions)
        if (m.name_kind == NameKind::capital || m.name_kind == NameKind::seat) {
            ref.place = m.entity;
            break;
        }
    ref.evidence.sentence = static_cast<int>(index);
    ref.evidence.begin = static_cast<int64_t>(span.begin);
    ref.evidence.end = static_cast<int64_t>(span.end);
    ref.evidence.text = sentence_text;
    ref.evidence.rule = lang_ + ".discourse.reference";
    ref.evidence.confidence = 0.6;
    references_.push_back(std::move(ref));
}

void Extractor::events_of(std::size_t index, Span span, std::vector<Token>& t,
                          std::vector<Mention>& mentions) {
    t = text::tokenize(folded_, article_.text, span.begin, span.end);
    if (t.empty())
        return;
    // The words of dates do not count in the gaps of patterns.
    static const WordSet kDateWords = {
        "lundi",     "mardi",     "mercredi", "jeudi",    "vendredi", "samedi",  "dimanche",
        "janvier",   "fevrier",   "mars",     "avril",    "mai",      "juin",    "juillet",
        "aout",      "septembre", "octobre",  "novembre", "decembre", "monday",  "tuesday",
        "wednesday", "thursday",  "friday",   "saturday", "sunday",   "january", "february",
        "march",     "april",     "june",     "july",     "august",   "october", "december",
        "jan",       "feb",       "mar",      "apr",      "jun",      "jul",     "aug",
        "sep",       "sept",      "oct",      "nov",      "dec",      "er"};
    for (auto& tok : t)
        tok.light = tok.word && (kDateWords.count(tok.norm) != 0 ||
                                 std::all_of(tok.norm.begin(), tok.norm.end(),
                                             [](char c) { return c >= '0' && c <= '9'; }));
    // A hyphen inside a word ("Covid-19", "Guinée-Bissau") is light: it breaks no gap.
    for (std::size_t i = 1; i + 1 < t.size(); ++i)
        if (!t[i].word && t[i].norm == "-" && t[i - 1].end == t[i].begin &&
            t[i].end == t[i + 1].begin)
            t[i].light = true;
    // A short aside in brackets ("(UAE)", "(ANI)") is light too, brackets included.
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].word || t[i].norm != "(")
            continue;
        std::size_t j = i + 1;
        while (j < t.size() && j <= i + 4 && t[j].word)
            ++j;
        if (j < t.size() && j > i + 1 && j <= i + 4 && t[j].norm == ")")
            for (std::size_t k = i; k <= j; ++k)
                t[k].light = true;
    }
    cues_.reset(*data_, t);
    look_up_words(t);
    mentions = find_names(t);
    // "He also thanked Ruto…", "Il a ajouté…": a sentence opened by a personal pronoun goes on
    // about the person the previous sentence opened with.
    if (t.size() > 1 && t[0].capitalized && !last_lead_.empty() &&
        (t[0].norm == "he" || t[0].norm == "she" || t[0].norm == "il" || t[0].norm == "elle") &&
        (mentions.empty() || mentions.front().first > 0))
        mentions.insert(mentions.begin(),
                        Mention{0, 1, last_lead_, EntityKind::person, NameKind::surname});
    // "It also offered aid…", "Elle a aussi rappelé…": a sentence opened by "it" or "they" (or
    // "il"/"elle" when no person leads) goes on about the state or body the previous sentence
    // opened with. Not an impersonal "it" ("It is expected that…", "It was important to…").
    if (t.size() > 2 && t[0].capitalized && !last_party_.empty() &&
        (mentions.empty() || mentions.front().first > 0)) {
        const std::string& w = t[0].norm;
        bool impersonal = (t[1].norm == "is" || t[1].norm == "was") && t.size() > 3 &&
                          (t[3].norm == "that" || t[3].norm == "to");
        bool pronoun = w == "it" || w == "they" ||
                       ((w == "il" || w == "elle") && (last_lead_.empty() || mentions.empty() ||
                                                       mentions.front().entity != last_lead_));
        if (pronoun && !impersonal && (mentions.empty() || mentions.front().first > 0)) {
            const Entity* e = dict_.entity(last_party_);
            mentions.insert(
                mentions.begin(),
                Mention{0, 1, last_party_, e ? e->kind : EntityKind::country, NameKind::name});
        }
    }
    {
        // The state or body this sentence opens with (by name, not adjective), for the next
        // sentence's "it".
        std::string party;
        for (const auto& m : mentions) {
            bool early = std::none_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(m.first),
                                      [](const Token& x) { return x.word && !x.capitalized; });
            if (!early)
                break;
            if ((m.kind == EntityKind::country || m.kind == EntityKind::organization) &&
                m.name_kind != NameKind::adj && m.name_kind != NameKind::epithet) {
                party = m.entity;
                break;
            }
        }
        last_party_ = party;
    }
    {
        // The person this sentence opens with: the first named before its first verb-like
        // lower-case word, for the next sentence's pronoun.
        std::string lead;
        for (const auto& m : mentions) {
            bool early = std::none_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(m.first),
                                      [](const Token& x) { return x.word && !x.capitalized; });
            if (m.kind == EntityKind::person && early) {
                lead = m.entity;
                break;
            }
        }
        last_lead_ = lead;
    }
    auto titles = find_titles(t, mentions);
    // Participial clauses: from a present participle that opens the sentence or follows a
    // comma ("Concrétisant la promesse…,", ", emboîtant le pas aux États-Unis", ", marking an
    // end to…") to the next comma or the end. What they name is not the main verb's party.
    text::analyse(t, *data_);
    participial_.clear();
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (!(k == 0 || t[k - 1].norm == ",") || !t[k].word || t[k].norm.size() < 5)
            continue;
        bool participle = false;
        for (const auto& a : t[k].analyses)
            participle = participle || a.form == text::VerbForm::present_participle;
        // A verb the lexicon does not list, by its ending; "including" lists parties, "pendant" is
        // a preposition.
        static const WordSet kNotClause = {"including",  "cependant", "pendant",   "durant",
                                           "maintenant", "important", "importants"};
        bool cased = k == 0 ? t[k].capitalized : !t[k].capitalized;
        if (t[k].analyses.empty() && cased && !kNotClause.count(t[k].norm))
            participle = lang_ == "fr" ? t[k].norm.ends_with("ant") : t[k].norm.ends_with("ing");
        if (!participle || t[k].is(text::WordClass::noun) || kNotClause.count(t[k].norm))
            continue;
        std::size_t end = k + 1;
        while (end < t.size() && t[end].norm != "," && t[end].norm != ";")
            ++end;
        participial_.push_back({k, end});
    }
    // Relative clauses set off by commas ("Algeria, which backs the Polisario Front, recalled
    // …", "Le Mali, qui accuse Alger d'ingérence, a…"): what they name is not the main verb's
    // party, and a trigger in one has the clause and the name it follows as its only parties.
    relative_.clear();
    for (std::size_t k = 1; k < t.size(); ++k) {
        static const WordSet kRelative = {"which",  "who",      "whose",    "qui",       "dont",
                                          "lequel", "laquelle", "lesquels", "lesquelles"};
        if (t[k - 1].norm != "," || !kRelative.count(t[k].norm))
            continue;
        std::size_t end = k + 1;
        while (end < t.size() && t[end].norm != "," && t[end].norm != ";")
            ++end;
        if (end < t.size())  // closed by a comma: the sentence goes on after it
            relative_.push_back({k, end});
    }
    for (const auto& r : relative_)
        participial_.push_back(r);
    // Triggers: at each position the longest rule; positions covered are skipped.
    struct Trigger {
        const text::EventRule* rule;
        std::size_t first, last;
    };
    std::vector<Trigger> triggers;
    std::size_t previous_end = 0;
    std::vector<std::size_t> rules;  // those that may match at a token, in rule order
    for (std::size_t i = 0; i < t.size(); ++i) {
        const text::EventRule* best = nullptr;
        std::size_t best_end = i < previous_end ? previous_end : 0;
        if (!t[i].word)
            continue;
        data_->event_index.candidates(t[i].norm, rules);
        for (std::size_t k : rules) {
            const auto& r = data_->events[k];
            auto end = text::match_at(r.pattern, t, i);
            if (end > best_end) {
                best = &r;
                best_end = end;
            }
        }
        if (best) {
            triggers.push_back({best, i, best_end});
            previous_end = best_end;
            // The next trigger may start on this one's last word ("rétablir leurs relations
            // rompues").
            if (best_end - i > 1)
                i = best_end - 2;
        }
    }
    // A blocking pattern took its position from a shorter trigger ("dénoncé plusieurs accords"
    // ends them; it condemns nothing): neither is an event.
    std::erase_if(triggers, [](const Trigger& x) { return x.rule->blocks; });
    spans_.clear();
    for (const auto& x : triggers)
        spans_.push_back({x.first, x.last, x.rule->type});
    // A headline in Title Case ("Prime Minister Says Trade Deal Signed": every word of four
    // letters or more capitalised) has no names to learn.
    std::size_t long_words = 0;
    bool lower = false;
    for (const auto& tok : t)
        if (tok.word && tok.norm.size() >= 4) {
            ++long_words;
            lower = lower || !tok.capitalized;
        }
    if (!(index == 0 && long_words >= 4 && !lower))
        people_from_titles(t, mentions, titles, index, span);
    // "son homologue algérien, Ahmed Attaf", "his Philippine counterpart, X": an official
    // named by office, listed like one named with a title.
    for (const auto& m : mentions) {
        if (m.kind != EntityKind::person || m.first < 2 || t[m.first - 1].norm != ",")
            continue;
        for (std::size_t k = m.first - 1; k > 0 && k + 4 > m.first; --k)
            if (t[k - 1].norm == "homologue" || t[k - 1].norm == "counterpart") {
                titled_.insert(m.entity);
                break;
            }
    }
    // Words that name several countries ("congolais" and "Congolese" for both Congos, English
    // "Congo"), or a country and a body ("Bruxelles"), name the one the article has named
    // unambiguously most often so far, the first listed in the dictionary on a tie. An epithet ("le
    // royaume", "the island") is chosen the same way, and names nothing when the article has named
    // none of its countries.
    for (const auto& m : mentions)
        if ((m.kind == EntityKind::country || m.kind == EntityKind::organization) &&
            m.name_kind != NameKind::adj && m.name_kind != NameKind::epithet && m.others.empty())
            ++named_parties_[m.entity];
    // "Russian-speaking", "English-speaking": a language, no country.
    std::erase_if(mentions, [&](const Mention& m) {
        return m.kind == EntityKind::country && m.name_kind == NameKind::adj && m.last < t.size() &&
               t[m.last].norm == "speaking";
    });
    // A body's generic head qualified by a country or as national ("Russia's Security
    // Council", "the National Security Council", "le Conseil de sécurité nationale") is that
    // country's own council: no body.
    std::erase_if(mentions, [&](const Mention& m) {
        if (m.kind != EntityKind::organization || m.name_kind != NameKind::epithet)
            return false;
        static const WordSet kNational = {"national", "nationale", "nationaux",
                                          "federal",  "federale",  "supreme"};
        if ((m.first > 0 && kNational.count(t[m.first - 1].norm)) ||
            (m.last < t.size() && kNational.count(t[m.last].norm)))
            return true;
        return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
            if (o.kind != EntityKind::country)
                return false;
            std::size_t end = o.last;
            if (end < t.size() && genitive(t, end))
                ++end;
            return end == m.first || (o.first == m.last && o.name_kind == NameKind::adj);
        });
    });
    std::erase_if(mentions, [&](Mention& m) {
        if (m.others.empty() && m.name_kind != NameKind::epithet)
            return false;
        auto count = [&](const std::string& id) {
            auto it = named_parties_.find(id);
            return it == named_parties_.end() ? 0 : it->second;
        };
        int best = count(m.entity);
        for (const auto& o : m.others)
            if (int c = count(o); c > best) {
                best = c;
                m.entity = o;
                if (const Entity* e = dict_.entity(o))
                    m.kind = e->kind;
            }
        m.others.clear();
        return m.name_kind == NameKind::epithet && best == 0;
    });
    // A person named in full is then named by surname alone: the last word ("Ramaphosa"), or
    // the first where the family name comes first ("Xi" for Xi Jinping).
    for (const auto& m : mentions) {
        if (m.kind != EntityKind::person || m.name_kind != NameKind::name)
            continue;
        const Entity* person = dict_.entity(m.entity);
        if (!person)
            continue;
        const std::string& name = person->name;
        auto first_space = name.find(' '), last_space = name.find_last_of(' ');
        if (last_space == std::string::npos)
            continue;
        // Not a generational suffix: "Marcos" for Ferdinand Marcos Jr.
        std::string last = fold(name.substr(last_space + 1));
        if (last == "jr." || last == "jr" || last == "sr." || last == "sr" || last == "ii" ||
            last == "iii" || last == "iv") {
            std::string rest = name.substr(0, last_space);
            while (!rest.empty() && (rest.back() == ',' || rest.back() == ' '))
                rest.pop_back();
            if (auto sp = rest.find_last_of(' '); sp != std::string::npos)
                last = fold(rest.substr(sp + 1));
        }
        surnames_.try_emplace(last, m.entity);
        if (dict_.family_name_first(person->country))
            surnames_.try_emplace(fold(name.substr(0, first_space)), m.entity);
    }
    for (const auto& m : mentions) {
        if (auto c = country_of(m); !c.empty())
            ++country_counts_[c];
        if (auto p = m.kind == EntityKind::organization ? m.entity : actor_of(m); !p.empty())
            ++party_counts_[p];
        if (m.kind == EntityKind::person)
            ++people_counts_[m.entity];
    }

    if (triggers.empty())
        return;
    // A question ("Vers une rupture des relations ?", "Will Ankara reopen its embassy?") asks,
    // it tells nothing.
    {
        std::string_view said(article_.text.data() + span.begin, span.end - span.begin);
        while (!said.empty() && (said.back() == ' ' || said.back() == '\n' || said.back() == '"' ||
                                 said.back() == '\r'))
            said.remove_suffix(1);
        if (said.ends_with("?") || said.ends_with("?\xC2\xBB") || said.ends_with("?\xE2\x80\x9D"))
            return;
    }
    // A denial cancels the sentence's events, except a condemnation told before it ("condemned
    // the decision as baseless").
    const std::size_t denial = denial_at(t, triggers.back().last);
    std::erase_if(triggers, [&](const Trigger& x) {
        return denial < t.size() && !(x.rule->type == EventType::CONDEMN && x.last <= denial);
    });
    if (triggers.empty())
        return;
    // A weak trigger ("soutien", "visite") gives way to a firmer one of another type; an
    // embassy "fermée depuis" gives way to its reopening.
    auto has_strong_other = [&](const Trigger& x) {
        return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& y) {
            return !y.rule->weak && y.rule->type != x.rule->type;
        });
    };
    auto has_type = [&](EventType type) {
        return std::any_of(triggers.begin(), triggers.end(),
                           [&](const Trigger& y) { return y.rule->type == type; });
    };
    std::erase_if(triggers, [&](const Trigger& x) {
        return (x.rule->weak && has_strong_other(x)) ||
               (x.rule->type == EventType::EMBASSY_CLOSE && has_type(EventType::EMBASSY_REOPEN));
    });

    // The subtype the sentence's words give (the first of data_->subtypes that matches
    // anywhere in it), found once for all its triggers.
    std::optional<std::string> subtype;
    auto sentence_subtype = [&]() -> const std::string& {
        if (!subtype) {
            std::size_t first = data_->subtypes.size();
            std::vector<std::size_t> patterns;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (!t[i].word)
                    continue;
                data_->subtype_index.candidates(t[i].norm, patterns);
                for (std::size_t k : patterns)
                    if (k < first && text::match_at(data_->subtypes[k].second, t, i) != 0)
                        first = k;
            }
            subtype = first < data_->subtypes.size() ? data_->subtypes[first].first : "";
        }
        return *subtype;
    };
    const std::string sentence_text = article_.text.substr(span.begin, span.end - span.begin);
    std::vector<DateMention> dates = find_dates(sentence_text, lang_, reference_);
    std::erase_if(dates, [&](const DateMention& d) { return not_event_date(sentence_text, d); });

    // Negation just before a trigger ("n'a pas signé", "did not sign"), or an invitation or an
    // offer anywhere before it ("offered to send rescue teams"): nothing happened.
    auto cancelled = [&](const auto& trig) {
        std::size_t from = trig.first;
        for (std::size_t words = 0; from > 0 && words < kNegationWindow; --from)
            words += t[from - 1].word ? 1 : 0;
        // A cue that is the trigger's own first word ("withdrew its ambassador in protest",
        // a line of the lexicon) is the event, not its negation.
        return cue_in(t, "negation", from, trig.first) ||
               cue_in(t, "negation", trig.first + 1, trig.last) ||
               cue_in(t, "invitation", 0, trig.first);
    };
    // Where a new clause with its own subject starts (", tandis que les Émirats ont
    // acheminé…", ", and Italy sent…"): the parties named in it are not an earlier trigger's,
    // and a trigger after it takes none named before it when that part of the sentence has a
    // trigger of its own.
    std::vector<std::size_t> clauses;
    {
        // Its subject comes first (after "que", an article or an apostrophe), then a verb.
        static const WordSet kBefore = {"que", "qu", "le", "la", "les", "l", "the"};
        for (std::size_t k = 1; k < t.size(); ++k)
            if (t[k - 1].norm == "," && cue_at(t, "clause", k) &&
                std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                    if (m.first <= k || m.first > k + 4 || m.last >= t.size() || !t[m.last].word ||
                        t[m.last].capitalized || cue_at(t, "clause", m.last))
                        return false;
                    for (std::size_t j = k + 1; j < m.first; ++j)
                        if (t[j].word && !kBefore.count(t[j].norm))
                            return false;
                    return true;
                }))
                clauses.push_back(k);
        // Clauses side by side with no "while" ("Qatar sent field hospitals, Tunisia flew in
        // food and Morocco dispatched medicine"): after a comma or a bare "and", a party, then
        // a word of the sentence (its verb) and a trigger of its own within a few words, once
        // the part before has a trigger. A list ("Mali, Niger and Chad condemned") has no
        // trigger before its comma; "met Togo and Benin on Monday" none after Benin.
        std::size_t open = 0;  // where the clause being read began
        for (std::size_t k = 1; k < t.size(); ++k) {
            bool comma = t[k - 1].norm == "," && !cue_at(t, "clause", k);
            bool conj = t[k - 1].norm != "," && (t[k].norm == "et" || t[k].norm == "and");
            if (!comma && !conj)
                continue;
            bool before = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& x) {
                return x.first >= open && x.last <= k - (comma ? 1 : 0);
            });
            if (!before)
                continue;
            std::size_t from = conj ? k + 1 : k;
            bool found = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                if (m.first < from || m.first > from + 3 || m.last >= t.size() || !t[m.last].word ||
                    t[m.last].capitalized || cue_at(t, "clause", m.last))
                    return false;
                for (std::size_t j = from; j < m.first; ++j)
                    if (!t[j].word || t[j].capitalized)
                        return false;
                return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& y) {
                    if (y.first < m.last || y.first > m.last + 5)
                        return false;
                    for (std::size_t j = m.last; j < y.first; ++j)
                        if (!t[j].word)
                            return false;
                    return true;
                });
            });
            if (found) {
                clauses.push_back(k);
                open = k;
            }
        }
        // A subordinate clause with a subject of its own ("closed on 14 February, ten days
        // before Russia invaded", "came after the Gambian authorities set up…", "après que
        // le Mali a rompu…"): a conjunction, a party within a few words, then a word of the
        // sentence (its verb, or the noun the party qualifies before its verb).
        for (std::size_t k = 1; k + 1 < t.size(); ++k) {
            std::size_t end = cue_end(t, text::CueKind("subordinate").slot, k);
            if (!end)
                continue;
            bool subject = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                if (m.first < end || m.first > end + 2 || m.last >= t.size() || !t[m.last].word ||
                    t[m.last].capitalized || cue_at(t, "clause", m.last) || genitive(t, m.last))
                    return false;
                for (std::size_t j = end; j < m.first; ++j)
                    if (!t[j].word || t[j].capitalized)
                        return false;
                return true;
            });
            if (subject)
                clauses.push_back(k);
        }
        std::sort(clauses.begin(), clauses.end());
        clauses.erase(std::unique(clauses.begin(), clauses.end()), clauses.end());
    }
    std::size_t first_trigger_end = t.size();
    for (const auto& x : triggers)
        first_trigger_end = std::min(first_trigger_end, x.last);
    // "ordered them to leave by Saturday", "d'ici samedi": a deadline, not when it happened.
    std::vector<bool> deadline(dates.size());
    for (std::size_t k = 0; k < dates.size(); ++k) {
        std::string before = fold(sentence_text.substr(0, dates[k].begin));
        while (!before.empty() && before.back() == ' ')
            before.pop_back();
        deadline[k] = before.ends_with(" by") || before.ends_with("d'ici") ||
                      before.ends_with("d\u2019ici") || before.ends_with(" d ici");
    }
    // "from 18 August to 22 August", "du 18 août au 22 août": the span's end is not when it
    // began; the date before it stands for both.
    std::vector<bool> span_end(dates.size());
    for (std::size_t k = 1; k < dates.size(); ++k) {
        if (dates[k - 1].end > dates[k].begin)
            continue;
        std::string between =
            fold(sentence_text.substr(dates[k - 1].end, dates[k].begin - dates[k - 1].end));
        while (!between.empty() && between.front() == ' ')
            between.erase(0, 1);
        while (!between.empty() && between.back() == ' ')
            between.pop_back();
        span_end[k] = between == "to" || between == "until" || between == "au" ||
                      between == "jusqu'au" || between == "jusqu\u2019au" || between == "-" ||
                      between == "\u2013";
    }
    std::set<std::pair<EventType, std::string>> done;
    std::optional<Status> previous_status;  // of the sentence's previous trigger
    for (const auto& trig : triggers) {
        const auto& rule = *trig.rule;
        // A reaction to what others did: its target may be taken from the article.
        // Not one told in a relative clause about a party ("Algeria, which supports the
        // Polisario Front, …"): that clause names all it is about.
        const bool reaction =
            (rule.type == EventType::CONDEMN || rule.type == EventType::SUPPORT) &&
            std::none_of(relative_.begin(), relative_.end(), [&](const auto& r) {
                return trig.first >= r.first && trig.first < r.second;
            });
        if (cancelled(trig))
            continue;
        Status status = Status::occurred;
        // "reportedly visited", "selon des sources, … aurait rompu": a cue before the trigger
        // or just after it ("severed ties over allegedly …" is no unconfirmed severance).
        // Anonymous sources anywhere in it ("…, three sources familiar with the talks said").
        bool reported = cue_in(t, "reported", 0, std::min(t.size(), trig.last + 3)) ||
                        cue_in(t, "sourced", 0, t.size());
        bool future = false;
        for (const auto& suffix : data_->future_suffixes)
            for (auto k = trig.first; k < trig.last; ++k)
                if (t[k].norm.size() > suffix.size() + 3 && t[k].norm.ends_with(suffix))
                    future = true;
        std::size_t near = trig.first >= 4 ? trig.first - 4 : 0;
        if (future || cue_in(t, "planned", near, std::min(t.size(), trig.last + 3)))
            status = Status::planned;
        if (cue_in(t, "agreed", trig.first >= 6 ? trig.first - 6 : 0, trig.first + 1))
            status = Status::agreed;
        // "se sont engagés à rouvrir leurs ambassades": a commitment to an act is an agreement
        // to do it; a commitment to cooperate is already the cooperation.
        if (rule.type != EventType::COOPERATION &&
            cue_in(t, "committed", trig.first >= 6 ? trig.first - 6 : 0, trig.first + 1))
            status = Status::agreed;
        // "will travel to Beijing next week for talks", "se rendra à Paris pour des
        // entretiens": talks that are the purpose of an earlier act of the sentence share its
        // status, however far the cue of that act is.
        if (previous_status && trig.first > 0) {
            std::size_t k = trig.first - 1;
            static const std::set<std::string> articles{"a",  "an", "the", "des", "de", "d",
                                                        "du", "un", "une", "les", "la", "le"};
            while (k > 0 && articles.count(t[k].norm))
                --k;
            if (t[k].norm == "for" || t[k].norm == "pour")
                status = *previous_status;
            // "are to hold talks and sign an agreement", "vont se rencontrer et signer": a
            // verb coordinated with a planned or agreed one shares its status.
            if (status == Status::occurred &&
                (*previous_status == Status::planned || *previous_status == Status::agreed) &&
                (t[trig.first - 1].norm == "and" || t[trig.first - 1].norm == "et"))
                status = *previous_status;
        }
        // An agreement or a plan that is only reported is not confirmed.
        if (reported)
            status = Status::reported;
        previous_status = status;

        // Actors: countries, organisations in subject position, people (for their country
        // or organisation).
        struct Actor {
            std::string id;
            std::size_t pos;
            NameKind kind;
        };
        std::vector<Actor> actors;
        std::set<std::string> agents;    // the agents of a passive or of a noun ("by Romania")
        std::set<std::string> visitors;  // "the visit of the Saudi minister"
        std::vector<std::string> people;
        auto add_actor = [&](const std::string& id, std::size_t pos, NameKind kind) {
            if (id.empty())
                return;
            for (const auto& x : actors)
                if (x.id == id)
                    return;
            actors.push_back({id, pos, kind});
        };
        // The agent of a passive ("sanctions imposées par l'Union européenne", "expelled by
        // Estonia") acts: it is placed as the subject.
        // Only after the trigger: "désigné médiateur par l'Union africaine, a salué" names who
        // appointed the subject, not who praised.
        // And close to it: "the bank set up by the BRICS" far after "arrived" set up the bank.
        auto agent = [&](const Mention& m) {
            auto by = [&](std::size_t k) { return t[k].norm == "by" || t[k].norm == "par"; };
            // Not a body that only qualifies who did it ("a visit by a G7 leader", "par un
            // pays de l'UE" aside): "G7 leader", "EU country", "NATO member".
            static const WordSet kQualified = {"leader",    "leaders", "country",  "countries",
                                               "member",    "members", "official", "officials",
                                               "state",     "states",  "chief",    "dirigeant",
                                               "dirigeants"};
            if (m.last < t.size() && kQualified.count(t[m.last].norm))
                return false;
            // The agent of the nearest verb or noun: in "condemned the expulsion of its
            // diplomats by Romania", Romania expelled and did not condemn.
            auto nearer = [&](std::size_t k) {
                return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& x) {
                    return x.first >= trig.last && x.first > trig.first && x.last <= k;
                });
            };
            // Coordinated with an agent: "by the United States and Canada".
            std::size_t first = m.first;
            for (bool back = true; back;) {
                back = false;
                for (const auto& o : mentions) {
                    if (o.kind == EntityKind::person || o.last >= first || o.first >= first)
                        continue;
                    bool linked = o.last < first;
                    for (std::size_t k = o.last; k < first && linked; ++k)
                        linked = coordination(t[k].norm);
                    if (linked && o.last + 3 >= first) {
                        first = o.first;
                        back = true;
                        break;
                    }
                }
            }
            // Nor of another participle in between: "condemned the tests carried out by Iran".
            auto participle = [&](std::size_t k) {
                static const WordSet kWords = {
                    "made",      "taken",      "done",     "given",    "led",      "held",
                    "carried",   "conducted",  "launched", "fired",    "staged",   "backed",
                    "mene",      "menee",      "menees",   "menes",    "effectue", "effectuee",
                    "effectues", "effectuees", "pris",     "prise",    "prises",   "fait",
                    "faite",     "faites",     "lance",    "lancee",   "lancees",  "lances",
                    "conduit",   "conduite",   "tire",     "tiree",    "tires",    "tirees",
                    "commis",    "commise",    "commises", "perpetre", "perpetree"};
                const std::string& w = t[k].norm;
                return kWords.count(w) != 0 || (lang_ == "en" && w.size() > 4 && w.ends_with("ed"));
            };
            // A participle after an auxiliary is the trigger's own passive ("sanctions were
            // imposed on Belarus by the EU").
            static const WordSet kAux = {"was", "were", "been", "is",    "are",    "be",
                                         "ete", "est",  "sont", "etait", "etaient"};
            bool other_verb = false;
            for (std::size_t k = trig.last; k + 1 < first && !other_verb; ++k)
                other_verb = t[k].word && participle(k) && !(k > 0 && kAux.count(t[k - 1].norm));
            return first > trig.first && first <= trig.last + 6 &&
                   ((first > 0 && by(first - 1)) || (first > 1 && by(first - 2))) &&
                   !nearer(first) && !other_verb;
        };
        // A country that only qualifies a bystander's title ("the administration of former US
        // President X") takes no part either.
        auto qualifies_bystander = [&](const Mention& m) {
            std::size_t k = m.last;
            if (k + 1 < t.size() && genitive(t, k))
                ++k;
            for (const auto& title : titles) {
                if (title.first != k)
                    continue;
                for (const auto& p : mentions)
                    if (p.kind == EntityKind::person && p.first >= title.first &&
                        p.first <= title.last + 2)
                        return bystander(t, p.first, p.last, titles);
                return bystander(t, title.first, title.last, titles);
            }
            return false;
        };
        // An aside after the trigger and its object ("…on Iranian officers, accusing Tehran of
        // supplying drones that Russia has used"; "…, qu'il accuse de soutenir le Polisario par
        // l'intermédiaire du Hezbollah libanais"): what it names takes no part.
        std::size_t aside = t.size();
        for (std::size_t k = trig.last; k < t.size() && aside == t.size(); ++k)
            if (cue_at(t, "aside", k))
                aside = k;
        if (std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                return m.kind != EntityKind::person && m.first > trig.first && m.first < aside;
            }))
            aside = t.size();
        // The clause the trigger is in (see `clauses` above).
        std::size_t clause_end = t.size(), clause_begin = 0;
        for (std::size_t k : clauses) {
            if (k >= trig.last) {
                clause_end = k;
                break;
            }
            if (k < trig.first && k >= first_trigger_end)
                clause_begin = k;
        }
        // Two triggers of one type in a sentence ("visited Mali …, and travelled to Niamey"):
        // what the earlier one names after it is its own, and what the later one names is not
        // the earlier one's.
        std::size_t same_from = 0, same_to = t.size();
        for (const auto& x : triggers) {
            if (&x == &trig || x.rule->type != rule.type)
                continue;
            if (x.last <= trig.first)
                same_from = std::max(same_from, x.last);
            else if (x.first >= trig.last)
                same_to = std::min(same_to, x.first);
        }
        // A name followed by a comma or a dash in the text ("BRUXELLES –").
        auto dateline_end = [&](const Mention& m) {
            std::string_view rest(article_.text);
            std::size_t k = t[m.last - 1].end;
            while (k < rest.size() && rest[k] == ' ')
                ++k;
            rest.remove_prefix(std::min(k, rest.size()));
            return rest.starts_with(",") || rest.starts_with("-") || rest.starts_with("\u2013") ||
                   rest.starts_with("\u2014");
        };
        // "criticised Ouagadougou's decision to expel…", "la décision du Burkina de rompre…":
        // the one whose decision it is acts; who comments on it, named before, takes no part.
        std::optional<std::size_t> decider;  // the mention's first token
        // Only when the trigger is the decided act, an infinitive right after "to", "de", "d'".
        const bool infinitive =
            trig.first > 0 && (t[trig.first - 1].norm == "to" || t[trig.first - 1].norm == "de" ||
                               t[trig.first - 1].norm == "d");
        for (std::size_t k = trig.first >= 5 ? trig.first - 5 : 0;
             infinitive && k + 1 < trig.first + 1 && k + 1 < t.size() && !decider; ++k) {
            static const WordSet kDecision = {"decision", "move",      "plan",   "intention",
                                              "bid",      "attempt",   "projet", "volonte",
                                              "choix",    "resolution"};
            if (!kDecision.count(t[k].norm))
                continue;
            for (const auto& m : mentions) {
                if (m.kind == EntityKind::person)
                    continue;
                bool before = m.last == k || (m.last + 1 == k && genitive(t, m.last));
                bool after = m.first > k && m.first < trig.first && m.first <= k + 3;
                if (before || after) {
                    decider = m.first;
                    break;
                }
            }
        }
        std::string place;
        for (const auto& m : mentions) {
            if (m.first >= aside || m.first >= clause_end || m.first < clause_begin)
                continue;
            if (decider && m.first < *decider && m.kind != EntityKind::person)
                continue;
            if (std::any_of(participial_.begin(), participial_.end(), [&](const auto& c) {
                    return m.first >= c.first && m.first < c.second &&
                           !(trig.first >= c.first && trig.first < c.second);
                }))
                continue;
            if (m.first >= same_to ||
                (same_from > clause_begin && m.first >= same_from && m.first < trig.first))
                continue;
            if (std::any_of(relative_.begin(), relative_.end(), [&](const auto& r) {
                    bool inside = trig.first >= r.first && trig.first < r.second;
                    bool in_clause = m.first >= r.first && m.first < r.second;
                    bool antecedent = m.last + 1 == r.first;  // the name before the comma
                    return inside && !in_clause && !antecedent;
                }))
                continue;
            // The complement of a visit is its visitor: "la visite à Niamey du ministre russe",
            // "the visit to Niamey of the Russian minister" ("de"/"of" within the three words
            // before the name, right after the trigger).
            bool visitor = false;
            if (rule.type == EventType::VISIT && m.first >= trig.last && m.first <= trig.last + 8)
                for (std::size_t k = m.first; k > trig.last && k + 3 > m.first && !visitor; --k) {
                    const std::string& w = t[k - 1].norm;
                    visitor = w == "du" || w == "de" || w == "d" || w == "des" || w == "of";
                    if (!t[k - 1].word || w == "a" || w == "au" || w == "aux" || w == "to" ||
                        w == "en" || w == "in")
                        break;
                }
            if (agent(m))
                agents.insert(m.kind == EntityKind::person ? actor_of(m) : m.entity);
            // Named by the visit itself: "the visit of …", "the visit to Niamey of …", not
            // "visiting India at the invitation of Minister Jaishankar".
            if (visitor) {
                static const WordSet kOf = {"of", "du", "de", "des", "d"};
                bool own = kOf.count(t[trig.last].norm) != 0;
                if (!own && destination(t[trig.last].norm)) {
                    std::size_t j = trig.last + 1;
                    while (j < m.first && t[j].word && t[j].capitalized)
                        ++j;
                    own = j > trig.last + 1 && j < m.first && kOf.count(t[j].norm);
                }
                if (own)
                    visitors.insert(m.kind == EntityKind::person ? actor_of(m) : m.entity);
            }
            std::size_t pos = agent(m) || visitor || (decider && m.first == *decider) ? 0 : m.first;
            if (m.kind == EntityKind::person) {
                // Someone only named as a complement ("Assad's fall", "le fils de Daniel
                // Ortega") does not take part.
                if (bystander(t, m.first, m.last, titles))
                    continue;
                if (std::find(people.begin(), people.end(), m.entity) == people.end())
                    people.push_back(m.entity);
                if (!(decider && m.first < *decider))  // named, but not the decision's party
                    add_actor(actor_of(m), pos, NameKind::name);
            } else if (m.kind == EntityKind::organization) {
                // A court where a state brings its case is where, not who ("a saisi la Cour
                // internationale de justice, accusant…").
                if (dict_.forum(m.entity))
                    continue;
                // "ramené le royaume au sein de l'Union africaine", "within NATO": where, not
                // who.
                // "on the sidelines of the APEC summit", "en marge du sommet de l'UA": where.
                bool within = false;
                for (std::size_t k = m.first; k > 0 && k + 3 > m.first; --k)
                    within |= t[k - 1].norm == "sein" || t[k - 1].norm == "within" ||
                              t[k - 1].norm == "marge" || t[k - 1].norm == "margins" ||
                              t[k - 1].norm == "margin" || t[k - 1].norm == "sidelines";
                if (within)
                    continue;
                // An organisation acts as the subject or as an agent, not as a complement;
                // one that suspends a member is named after it ("suspended from the AU").
                bool member_of =
                    m.first > 0 && (t[m.first - 1].norm == "from" ||
                                    (m.first > 1 && t[m.first - 2].norm == "from") ||
                                    t[m.first - 1].norm == "de" || t[m.first - 1].norm == "du" ||
                                    t[m.first - 1].norm == "l");
                if (m.first < trig.first || pos == 0)
                    add_actor(m.entity, pos, m.name_kind);
                else if (member_of && rule.type == EventType::SANCTION)
                    add_actor(m.entity, 0, m.name_kind);
                else if ((rule.type == EventType::EXPEL_DIPLOMATS ||
                          rule.type == EventType::CONDEMN) &&
                         m.first >= trig.last)
                    // Whom one expels or condemns may be a body: "a expulsé la coordonnatrice
                    // de l'ONU", "condemned the UN" (not one the trigger names: "saisi le
                    // Conseil de sécurité").
                    add_actor(m.entity, pos, m.name_kind);
            } else if (qualifies_bystander(m) || mediator(t, m.first, m.last)) {
            } else if (m.name_kind == NameKind::adj && m.last < t.size() &&
                       cue_in(t, "place_noun", m.last, m.last + 1) && m.first > 0 &&
                       std::any_of(
                           t.begin() + static_cast<std::ptrdiff_t>(m.first >= 3 ? m.first - 3 : 0),
                           t.begin() + static_cast<std::ptrdiff_t>(m.first), [](const Token& x) {
                               return x.norm == "in" || x.norm == "at" || x.norm == "a" ||
                                      x.norm == "dans" || x.norm == "en";
                           })) {
                // "in the Russian city of Kazan": where, not who.
            } else if (m.first > 0 && cue_in(t, "topic", m.first >= 3 ? m.first - 3 : 0, m.first)) {
                // "s'est entretenu … de la guerre en Ukraine": what was discussed.
            } else if (info(rule.type).symmetric && m.first >= trig.last &&
                       about_after(t, trig.first, m.first)) {
                // "agreed to cooperate on responses to threats, including Iran", "un
                // entretien sur la situation au Mali": what was talked about.
            } else if (rule.type == EventType::VISIT && m.first > 0 &&
                       (t[m.first - 1].norm == "from" || t[m.first - 1].norm == "depuis")) {
                // "From Pyongyang, Putin flew to Hanoi": where the visitor comes from.
            } else if (m.first == 0 && dateline_end(m) &&
                       (m.name_kind == NameKind::capital || m.name_kind == NameKind::seat)) {
                // A dateline ("PÉKIN, 11 mars 2023 –", "BRUXELLES –") says where the story was
                // filed.
            } else if ((m.name_kind == NameKind::capital || m.name_kind == NameKind::seat) &&
                       after_at_place(t, m.first) && rule.type != EventType::VISIT &&
                       rule.type != EventType::EMBASSY_OPEN &&
                       rule.type != EventType::EMBASSY_REOPEN &&
                       rule.type != EventType::EMBASSY_CLOSE && rule.type != EventType::AID) {
                // "à Pékin", "in Beijing": where it happened, not who took part (aid that
                // "landed in Yangon" went to Myanmar).
                if (place.empty())
                    place = m.entity;
            } else if (m.first > trig.last && !agent(m) &&
                       (t[m.first - 1].norm == "par" || t[m.first - 1].norm == "by" ||
                        (m.first >= 2 &&
                         (t[m.first - 2].norm == "par" || t[m.first - 2].norm == "by"))) &&
                       std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
                           return o.kind != EntityKind::person && o.first >= trig.last &&
                                  o.last <= m.first && &o != &m;
                       })) {
                // The agent of another verb far after the trigger and after its object
                // ("l'accueil réservé par le président tunisien … à un forum organisé par le
                // Japon"): it did that, not what the trigger tells. The first one may be whom
                // the trigger aims at ("condemned the tests carried out by Iran").
            } else {
                add_actor(m.entity, pos, m.name_kind);
            }
        }
        // Unnamed actors ("…, et des pays, notamment du Golfe, avaient rappelé…", "several
        // countries sent…") nearest before the trigger, and no named one between them and it:
        // nobody the article names did it.
        {
            std::size_t vague = t.size();
            for (std::size_t k = trig.first; k > 0 && vague == t.size(); --k)
                if (cue_at(t, "vague", k - 1, trig.first) &&
                    std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                        return m.first < k && k <= m.last;  // not in a name ("États du Sahel")
                    }))
                    vague = k - 1;
            if (vague < t.size() && std::none_of(actors.begin(), actors.end(), [&](const Actor& x) {
                    return x.pos >= vague && x.pos < trig.first;
                }))
                continue;
        }
        // A passive with no agent ("the embassies will be opened in Chad and Togo", "l'ambassade
        // sera fermée"): everyone it names is a target; who acts is the story's (discourse).
        const bool agentless = rule.direction != "sym" && rule.direction != "recv" &&
                               !actors.empty() && passive_in(t, trig.first, trig.last) &&
                               std::all_of(actors.begin(), actors.end(),
                                           [&](const Actor& x) { return x.pos > trig.first; });
        bool guessed = false;  // parties taken from the article rather than the sentence
        std::size_t guessed_subject = std::string::npos;  // a guessed party that acts
        if (!agentless && actors.size() < 2 &&
            (cue_in(t, "both", 0, t.size()) || cue_in(t, "both_people", 0, t.size()))) {
            // "les deux pays": the pair of the last event told, else the article's main pair;
            // when the sentence names one of them ("…, a indiqué M. Barry"), a pair it is in.
            auto [a, b] = recent_pair_.first.empty() ? top_pair() : recent_pair_;
            if (actors.size() == 1 && actors[0].id != a && actors[0].id != b) {
                auto [ta, tb] = top_pair();
                if (actors[0].id == ta || actors[0].id == tb) {
                    a = ta;
                    b = tb;
                }
            }
            std::size_t pos = trig.first == 0 ? 0 : trig.first - 1;
            if (cue_in(t, "both_people", 0, t.size())) {
                // "les deux Présidents": the two people most named so far, for their countries.
                std::vector<std::pair<int, std::string>> ranked;
                for (const auto& [id, n] : people_counts_)
                    ranked.emplace_back(-n, id);
                std::sort(ranked.begin(), ranked.end());
                for (std::size_t k = 0; k < ranked.size() && k < 2; ++k) {
                    const std::string& id = ranked[k].second;
                    if (std::find(people.begin(), people.end(), id) == people.end())
                        people.push_back(id);
                    add_actor(actor_of(Mention{0, 0, id, EntityKind::person, NameKind::name}), pos,
                              NameKind::name);
                }
            }
            if (actors.size() < 2) {
                add_actor(a, pos, NameKind::name);
                add_actor(b, pos, NameKind::name);
            }
            guessed = true;
        }
        const std::size_t named = actors.size();
        if (!agentless) {
            // Parties left unnamed ("the two sides signed", "les autorités sénégalaises ont
            // remercié…"): the article's two main countries, when it has them.
            auto [a, b] = top_pair();
            bool pair = !a.empty() && country_counts_[b] >= 2;
            // A reaction to the other of the article's two main parties, an organisation among
            // them ("the EU's sanctions … Iran condemned the decision").
            auto [pa, pb] = top_parties();
            const auto& [ra, rb] = recent_pair_;
            // A visit's named party must be where one goes ("visit Dhaka", "visited in
            // Lome"), and no named person of a known country may be the visitor ("Pena
            // Nieto's trip"); whom an expulsion or a protest aims at may be a person ("the
            // expulsion of the French ambassador Sylvain Itté").
            auto destination_named = [&] {
                std::size_t p = actors[0].pos;
                return p == trig.last || (p > 0 && destination(t[p - 1].norm));
            };
            auto no_known_person = [&] {
                return std::all_of(people.begin(), people.end(), [&](const std::string& id) {
                    return actor_of(Mention{0, 0, id, EntityKind::person, NameKind::name}).empty();
                });
            };
            const bool object_only = named == 1 && rule.direction == "dir" &&
                                     actors[0].pos > trig.first &&
                                     dict_.country(actors[0].id) != nullptr &&
                                     (rule.type != EventType::VISIT ||
                                      (!rule.weak && destination_named() && no_known_person()));
            const bool in_recent = named == 1 && !ra.empty() && !rb.empty() &&
                                   (actors[0].id == ra || actors[0].id == rb);
            if (reaction && !pa.empty() && named == 1 &&
                (actors[0].id == pa || actors[0].id == pb)) {
                add_actor(actors[0].id == pa ? pb : pa, trig.last, NameKind::name);
            } else if (object_only && (pair || in_recent) &&
                       (actors[0].id == (in_recent ? ra : a) ||
                        actors[0].id == (in_recent ? rb : b))) {
                // Only whom it aims at is named, the doer is a noun ("the junta expelled the
                // French ambassador", "le régime a prononcé l'expulsion de l'ambassadeur de
                // France"): the other party of the story acts.
                const std::string& x = in_recent ? ra : a;
                const std::string& y = in_recent ? rb : b;
                add_actor(actors[0].id == x ? y : x, 0, NameKind::name);
                guessed_subject = actors.size() - 1;
                guessed = true;
            } else if (pair && named == 1 && (actors[0].id == a || actors[0].id == b)) {
                add_actor(actors[0].id == a ? b : a, trig.last, NameKind::name);
            } else if (rule.type == EventType::AID && named == 1 && actors[0].pos < trig.first &&
                       !a.empty() && country_counts_[a] >= 2) {
                // "Russia's emergencies ministry sent two planes": to the country the article
                // is about.
                add_actor(actors[0].id == a ? b : a, trig.last, NameKind::name);
            } else if (pair && named == 0 && info(rule.type).symmetric) {
                add_actor(a, trig.last, NameKind::name);
                add_actor(b, trig.last, NameKind::name);
            } else if (named == 1 && rule.type == EventType::VISIT && actors[0].pos > trig.first &&
                       !(protagonist_.empty() ? a : protagonist_).empty() &&
                       actors[0].id != (protagonist_.empty() ? a : protagonist_)) {
                // "Il doit se rendre en Gambie": the one the article follows (the first to
                // act in it) travels.
                add_actor(protagonist_.empty() ? a : protagonist_, 0, NameKind::name);
                guessed = true;
            } else if (pair && named == 1 && actors[0].pos < trig.first &&
                       (rule.type == EventType::CONDEMN || rule.type == EventType::SUPPORT) &&
                       names_event_after(t, trig.last)) {
                // "The Palestinians condemned the agreements": what the article is about. Only
                // when what is condemned or welcomed is an event named back: "supports rapid
                // humanitarian response", "recognized the sovereignty of…" aim at nobody told.
                add_actor(a, trig.last, NameKind::name);
                add_actor(b, trig.last, NameKind::name);
                guessed = true;
            }
        }
        // One country acting and nobody else named: kept as the agent of the passives that
        // tell the rest ("X to open embassies in Asia" … "they will be opened in A and B").
        const bool lone = !agentless && !guessed && actors.size() == 1 && named == 1 &&
                          (rule.direction == "dir" || rule.direction == "embassy") &&
                          actors[0].pos < trig.first && dict_.country(actors[0].id) != nullptr;
        if (actors.size() < 2 && !agentless && !lone)
            continue;
        // A suspension is a sanction only by an organisation of a member ("suspended from the
        // AU"); a dialogue or a flight "suspended since 2018" is none.
        if (rule.type == EventType::SANCTION && rule.subtype == "institutional" &&
            std::none_of(actors.begin(), actors.end(), [&](const Actor& x) {
                const Entity* ent = dict_.entity(x.id);
                return ent && ent->kind == EntityKind::organization;
            }))
            continue;

        Event e;
        e.type = rule.type;
        e.subtype = rule.subtype;
        if (e.subtype.empty())
            e.subtype = sentence_subtype();
        e.status = status;
        e.place = place;
        // The date nearest the trigger, unless another trigger is nearer to it.
        auto distance = [&](const DateMention& d, const Trigger& x) {
            std::size_t db = span.begin + d.begin, tb = t[x.first].begin;
            return db > tb ? db - tb : tb - db;
        };
        // A date between the trigger and a later clause or apposition stays the trigger's even
        // when that clause's trigger is nearer ("visited Pyongyang in 2000, when he met Kim";
        // "met Xi in Beijing on Monday, the first visit in seven years").
        auto own_clause = [&](const DateMention& d, const Trigger& y) {
            std::size_t db = span.begin + d.begin;
            if (y.first <= trig.last || db < t[trig.last - 1].end || db >= t[y.first].begin)
                return false;
            for (std::size_t k = trig.last; k < y.first; ++k)
                if (t[k].begin >= db + 1 && (clause_start(t, k) || t[k].norm == ","))
                    return true;
            return false;
        };
        // A date after the trigger inside a relative clause with no trigger of its own tells
        // when that clause's verb happened ("closed its embassy, months after the coup that
        // toppled Bazoum on 26 July"; "le coup d'État qui a chassé le président le 26
        // juillet"), not the trigger's.
        auto in_relative = [&](const DateMention& d) {
            std::size_t db = span.begin + d.begin;
            if (db < t[trig.last - 1].end)
                return false;
            static const WordSet kRelative = {"qui", "which", "who", "that", "lequel", "laquelle"};
            std::size_t rel = t.size();
            for (std::size_t k = trig.last; k < t.size() && t[k].begin < db; ++k)
                if (kRelative.count(t[k].norm))
                    rel = k;
            if (rel == t.size())
                return false;
            // A clause that says when the thing itself took place or arrived is the trigger's
            // date ("at a function that took place on Wednesday", "doses … qui ont été livrées
            // jeudi", "the dialogue that resumed last month").
            static const std::vector<std::string_view> kOccurred = {
                "took",    "take",  "held",     "hold",    "resum",   "began",  "begun",  "start",
                "happen",  "occur", "deliver",  "arriv",   "sign",    "conclu", "launch", "land",
                "tenu",    "tenue", "tien",     "lieu",    "deroul",  "livr",   "repris", "reprend",
                "commenc", "debut", "interven", "achemin", "parvenu", "remis"};
            for (std::size_t k = rel + 1; k < t.size() && t[k].begin < db; ++k)
                for (auto stem : kOccurred)
                    if (t[k].norm.starts_with(stem))
                        return false;
            return std::none_of(triggers.begin(), triggers.end(), [&](const Trigger& y) {
                return y.first > rel && t[y.first].begin < db;
            });
        };
        const DateMention* best_date = nullptr;
        for (const auto& d : dates) {
            if (status == Status::occurred && deadline[static_cast<std::size_t>(&d - dates.data())])
                continue;
            if (in_relative(d) || span_end[static_cast<std::size_t>(&d - dates.data())])
                continue;
            bool other_nearer =
                std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& y) {
                    return &y != &trig && y.rule->type != trig.rule->type &&
                           distance(d, y) < distance(d, trig) && !own_clause(d, y) && !cancelled(y);
                });
            if (other_nearer)
                continue;
            if (!best_date || distance(d, trig) < distance(*best_date, trig))
                best_date = &d;
        }
        if (best_date) {
            e.date = best_date->interval;
            // "Il doit se rendre samedi en Gambie": a weekday of something to come is the next
            // one, not the last.
            std::string_view said(sentence_text.data() + best_date->begin,
                                  best_date->end - best_date->begin);
            if (status == Status::planned && e.date.precision == Precision::day &&
                reference_.valid() && e.date.first < reference_ &&
                said.find_first_of("0123456789") == std::string_view::npos &&
                e.date.how.starts_with("weekday on or before") &&
                add_days(e.date.first, 7) > reference_)
                e.date = DateInterval::from_date(add_days(e.date.first, 7));
            // "s'était rendu au Caire en février", told in September: what happened is in
            // the past, so a month with no year is the last one, not the nearest.
            if (status == Status::occurred && reference_.valid() && e.date.first.valid() &&
                reference_ < e.date.first && !(e.date.first.month == 2 && e.date.first.day == 29) &&
                (e.date.how.starts_with("month nearest published") ||
                 e.date.how.starts_with("day and month nearest published"))) {
                e.date.first.year -= 1;
                e.date.last.year -= 1;
                e.date.how = "past, " + e.date.how;
            }
        }
        Evidence ev;
        ev.sentence = static_cast<int>(index);
        ev.begin = static_cast<int64_t>(span.begin);
        ev.end = static_cast<int64_t>(span.end);
        ev.text = sentence_text;
        ev.rule = rule.id;
        ev.confidence = status == Status::reported ? 0.5 : rule.weak ? 0.6 : 0.8;
        e.evidence.push_back(ev);

        // The subject: a party before the trigger — the one right before it when it owns
        // what follows ("Bolivia's decision to cut ties"), else the first one not introduced
        // by a preposition ("Le Japon … avec le Sénégal en offrant") — with those coordinated
        // with it ("le Mali, le Burkina Faso et le Niger ont…").
        std::set<std::size_t> subject;
        {
            std::vector<std::size_t> order;
            for (std::size_t k = 0; k < named; ++k)
                if (actors[k].pos < trig.first)
                    order.push_back(k);
            std::sort(order.begin(), order.end(),
                      [&](std::size_t x, std::size_t y) { return actors[x].pos < actors[y].pos; });
            // The subject is in the trigger's clause: "Ukraine cuts ties with Russia as
            // Washington announces sanctions" (Washington sanctions, not Ukraine).
            std::size_t clause = 0;
            for (std::size_t k = trig.first; k > 0; --k)
                if (clause_start(t, k - 1)) {
                    clause = k;
                    break;
                }
            // Reported speech whose speaker is named first and whose subject is a state or a
            // body ("Morocco says Spain supports its plan"): the subject comes after "says".
            for (std::size_t k = std::max<std::size_t>(clause, 1); k + 1 < trig.first; ++k) {
                static const WordSet kSays = {"says", "said", "say"};
                if (!kSays.count(t[k].norm) || !t[k - 1].word)
                    continue;
                std::size_t next = k + 1 < t.size() && t[k + 1].norm == "the" ? k + 2 : k + 1;
                if (std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                        return m.first == next && m.kind != EntityKind::person;
                    }))
                    clause = k + 1;
            }
            if (std::any_of(order.begin(), order.end(),
                            [&](std::size_t x) { return actors[x].pos >= clause; }))
                std::erase_if(order, [&](std::size_t x) { return actors[x].pos < clause; });
            std::size_t head = actors.size();
            if (!order.empty()) {
                std::size_t nearest = order.back();
                std::size_t end = mention_end(mentions, actors[nearest].pos);
                bool owns = end + 1 < t.size() && genitive(t, end) && end + 1 <= trig.first;
                if (owns) {
                    head = nearest;
                } else {
                    for (auto k : order) {
                        std::size_t p = actors[k].pos;
                        if (p == 0 || !preposition(t[p - 1].norm)) {
                            head = k;
                            break;
                        }
                    }
                    if (head == actors.size())
                        head = nearest;
                }
            }
            // The agent acts, and the subject of a passive undergoes: "two Russian
            // diplomats were expelled by Romania".
            bool by_agent = false;
            for (std::size_t k = 0; k < named; ++k)
                if (agents.count(actors[k].id) && actors[k].pos == 0) {
                    subject.insert(k);
                    by_agent = true;
                }
            if (by_agent) {
                // The agent is the subject.
            } else if (guessed_subject < actors.size()) {
                subject.insert(guessed_subject);
            } else if (head < actors.size()) {
                subject.insert(head);
                // Coordinated parties on both sides of the head.
                auto it = std::find(order.begin(), order.end(), head);
                std::size_t cur = head;
                for (auto back = std::make_reverse_iterator(it); back != order.rend(); ++back) {
                    bool linked = true;
                    for (std::size_t k = mention_end(mentions, actors[*back].pos);
                         k < actors[cur].pos && linked; ++k)
                        linked = coordination(t[k].norm);
                    if (!linked)
                        break;
                    subject.insert(*back);
                    cur = *back;
                }
                cur = head;
                for (auto fwd = it + 1; fwd != order.end(); ++fwd) {
                    bool linked = true;
                    for (std::size_t k = mention_end(mentions, actors[cur].pos);
                         k < actors[*fwd].pos && linked; ++k)
                        linked = coordination(t[k].norm);
                    if (!linked)
                        break;
                    subject.insert(*fwd);
                    cur = *fwd;
                }
            }
        }
        // "The US embassy received a list of diplomats declared persona non grata from the
        // Russian ministry", "received a protest note from Ghana": who sent it acts, the
        // subject only received it.
        if (rule.direction == "dir" && !subject.empty()) {
            static const WordSet kReceived = {"received", "receives", "receive", "recu",
                                              "recue",    "recoit",   "got"};
            bool received = false;
            for (std::size_t k = trig.first > 6 ? trig.first - 6 : 0; k < trig.first; ++k)
                received |= kReceived.count(t[k].norm) != 0;
            if (received) {
                for (std::size_t k = 0; k < named; ++k) {
                    std::size_t p = actors[k].pos;
                    if (p <= trig.first || p >= t.size())
                        continue;
                    bool from = t[p - 1].norm == "from" ||
                                (p >= 2 && t[p - 2].norm == "from" && t[p - 1].norm == "the");
                    if (from) {
                        subject.clear();
                        subject.insert(k);
                        break;
                    }
                }
            }
        }
        // "the visit of the Saudi minister to Bangladesh", "la visite du président togolais":
        // whom the noun names after "of" travels, whoever the clause's subject is ("Dhaka
        // welcomed …"); the others are hosts.
        if (!visitors.empty() &&
            std::any_of(actors.begin(), actors.begin() + named,
                        [&](const Actor& x) { return visitors.count(x.id) != 0; })) {
            subject.clear();
            for (std::size_t k = 0; k < named; ++k)
                if (visitors.count(actors[k].id))
                    subject.insert(k);
        }
        // Agents and nobody acted upon ("the mission, supported by the World Bank and the
        // IMF"): no directed event between them.
        if (rule.direction != "sym" && !subject.empty() && subject.size() == actors.size() &&
            std::all_of(actors.begin(), actors.end(),
                        [&](const Actor& x) { return agents.count(x.id) != 0; }))
            continue;
        bool before = !subject.empty();
        // Nobody named as the subject and every party a complement ("je voudrais vous
        // remercier pour … du Mali, du Burkina"): who acts is not known.
        if (!before && !guessed && !agentless &&
            (rule.direction == "dir" || rule.direction == "recv") &&
            std::all_of(actors.begin(), actors.end(), [&](const Actor& x) {
                return x.pos > 0 && preposition(t[x.pos - 1].norm);
            }))
            continue;
        std::vector<std::vector<Participant>> variants;
        if (agentless) {
            std::vector<Participant> parts;
            for (const auto& x : actors)
                parts.push_back({x.id, ParticipantRole::target});
            variants.push_back(std::move(parts));
        } else if (rule.direction == "sym") {
            std::vector<Participant> parts;
            for (const auto& x : actors)
                parts.push_back({x.id, e.type == EventType::AGREEMENT
                                           ? ParticipantRole::party
                                           : ParticipantRole::participant});
            variants.push_back(std::move(parts));
        } else if (actors.size() == 2 && cue_in(t, "mutual", 0, t.size())) {
            // "ont convenu de rouvrir leurs ambassades respectives", "expelled each other's
            // diplomats": one event per direction.
            variants.push_back({{actors[0].id, ParticipantRole::initiator},
                                {actors[1].id, ParticipantRole::target}});
            variants.push_back({{actors[1].id, ParticipantRole::initiator},
                                {actors[0].id, ParticipantRole::target}});
        } else {
            // The subject (named before the trigger) initiates; for an embassy without one,
            // its owner is named by an adjective ("ambassade russe à Lomé"); else the first
            // party named initiates.
            bool adj = rule.direction == "embassy" &&
                       std::any_of(actors.begin(), actors.end(), [&](const Actor& x) {
                           return x.pos >= trig.first && x.kind == NameKind::adj;
                       });
            // "Biden welcomed Kenyan President William Ruto … for the first state visit": the
            // subject of an active hosting verb receives the visit.
            bool hosts = false;
            if (rule.type == EventType::VISIT && rule.direction == "dir" && before)
                for (std::size_t k = 1; k < trig.first && !hosts; ++k)
                    hosts = cue_at(t, "host", k) &&
                            !(t[k - 1].norm == "was" || t[k - 1].norm == "were" ||
                              t[k - 1].norm == "been" || t[k - 1].norm == "ete" ||
                              t[k - 1].norm == "be");
            // "the first visit by a New Zealand prime minister", "la visite effectuée par le
            // président": the visit's agent, named right after it, travels; the subject hosts.
            const Actor* by = nullptr;
            if (rule.type == EventType::VISIT && rule.direction == "dir")
                for (std::size_t k = trig.last; k < t.size() && k < trig.last + 2 && !by; ++k) {
                    if (t[k].norm != "by" && t[k].norm != "par")
                        continue;
                    const Mention* first = nullptr;
                    for (const auto& m : mentions)
                        if (m.first > k && m.first <= k + 4 && (!first || m.first < first->first))
                            first = &m;
                    if (!first)
                        break;
                    std::string id = actor_of(*first);
                    for (const auto& x : actors)
                        if (x.id == id)
                            by = &x;
                }
            // With no subject, the first party named initiates, unless it is where a visit
            // goes: "En visite à Cuba, le ministre béninois a été reçu…" (Benin visits).
            const Actor* first_party = &actors.front();
            if (rule.type == EventType::VISIT && !before && !by && !adj) {
                auto destination_of = [&](const Actor& x) {
                    static const WordSet kTo = {"a",  "au", "aux",  "en",  "to",
                                                "in", "at", "dans", "vers"};
                    return x.pos > 0 && kTo.count(t[x.pos - 1].norm) != 0;
                };
                for (const auto& x : actors)
                    if (!destination_of(x)) {
                        first_party = &x;
                        break;
                    }
            }
            std::vector<Participant> parts;
            for (const auto& x : actors) {
                auto k = static_cast<std::size_t>(&x - actors.data());
                bool init = by       ? &x == by
                            : before ? subject.count(k) != 0
                            : adj    ? x.kind == NameKind::adj
                                     : &x == first_party;
                // "Morocco accepted help from Spain": the subject receives.
                if (rule.direction == "recv" || hosts)
                    init = !init;
                parts.push_back(
                    {x.id, init ? ParticipantRole::initiator : ParticipantRole::target});
            }
            variants.push_back(std::move(parts));
        }
        for (auto& parts : variants) {
            std::string key;
            for (const auto& p : parts)
                key += p.actor + std::string(to_string(p.role)) + ";";
            if (!done.insert({e.type, key}).second)
                continue;
            std::vector<std::string> countries;
            for (const auto& p : parts)
                if (dict_.country(p.actor))
                    countries.push_back(p.actor);
            if (countries.size() == 2 && !guessed)
                recent_pair_ = {countries[0], countries[1]};
            if (protagonist_.empty() && !guessed && before)
                for (const auto& p : parts)
                    if (p.role == ParticipantRole::initiator && dict_.country(p.actor))
                        protagonist_ = p.actor;
            // A headline's topic before a colon ("Guinée : l'UA suspend Conakry") is no
            // subject: who acts is taken from the body when it tells the same event.
            bool topic = index == 0 && std::any_of(t.begin(), t.begin() + trig.first,
                                                   [](const Token& x) { return x.norm == ":"; });
            // A reaction whose subject is named and whose target is the other party in play
            // ("Qatar deplored the decision") is sure of who reacts: it is no retelling of the
            // other side's reaction.
            Found f{e, people,
                    !topic && !guessed &&
                        ((before && (named == actors.size() || (named == 1 && reaction))) ||
                         info(e.type).symmetric)};
            f.another = cue_in(t, "another", trig.first >= 8 ? trig.first - 8 : 0, trig.first);
            // "Singh's visit" names a visit already told, as "his visit" does.
            f.definite = nouns_->definite_at(t, trig.first) ||
                         (trig.first >= 2 && genitive(t, trig.first - 1) &&
                          nouns_->noun(t[trig.first].norm));
            f.agentless = agentless;
            f.lone = lone;
            f.event.participants = parts;
            for (const auto& p : people)
                f.event.participants.push_back({p, ParticipantRole::participant});
            found_.push_back(std::move(f));
        }
    }
}

Date Extractor::own_date() const {
    std::string_view head(article_.text);
    if (head.size() > 20000)
        head = head.substr(0, head.find_last_of(" \n", 20000));
    Date anchor;
    for (const auto& d : find_dates(head, lang_, Date{}))
        if (d.interval.precision == Precision::day && d.interval.first > anchor)
            anchor = d.interval.first;
    if (!anchor.valid())
        return anchor;
    Date latest = anchor;
    for (const auto& d : find_dates(head, lang_, anchor))
        if (d.interval.precision == Precision::day && d.interval.how.starts_with("day and month") &&
            d.interval.first > latest &&
            days_from_civil(d.interval.first) - days_from_civil(anchor) <= 31)
            latest = d.interval.first;
    return latest;
}

Batch Extractor::run() {
    if (find_invalid_utf8(article_.text) != std::string_view::npos)
        throw ArticleError(article_.name + ": invalid UTF-8");
    // Folded once for the language and every sentence.
    text::fold_with_offsets(article_.text, folded_);
    const auto& langs = text::default_languages();
    lang_ = options_.lang == "auto" || options_.lang.empty()
                ? (article_.lang.empty() ? (article_.text.size() <= text::kLanguageSample
                                                ? text::detect_language(folded_, langs)
                                                : detect_language(article_.text))
                                         : article_.lang)
                : options_.lang;
    auto lit = langs.find(lang_);
    if (lit == langs.end())
        throw ArticleError(fmt::format("{}: language \"{}\": no rules in data/lang/{}/",
                                       article_.name, lang_, lang_));
    data_ = &lit->second;
    index_ = &index_for(dict_, lang_);
    nouns_ = &text::ReferenceNouns::of(Dictionaries::default_data_dir(), lang_);

    Source& s = batch_.source;
    s.url = article_.url;
    s.title = article_.title;
    s.outlet = article_.outlet;
    s.lang = lang_;
    s.published = options_.published.empty() ? article_.published : options_.published;
    if (auto d = Date::parse(s.published.substr(0, std::min<std::size_t>(10, s.published.size()))))
        reference_ = *d;
    else
        s.published.clear();
    if (!reference_.valid()) {
        // A wire dateline ("MOSCOW, June 24, 2025 –", "Lomé, le 20 novembre 2025 :") dates the
        // article when nothing else does: a full date near the start, followed by a dash,
        // a colon or a parenthesis.
        std::string_view head = std::string_view(article_.text).substr(0, 400);
        for (const auto& m : find_dates(head, lang_, Date{})) {
            // Near the start of a line (the text may begin with the headline's line).
            auto line_start = head.rfind('\n', m.begin);
            line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
            if (m.begin - line_start > 60 || m.interval.precision != Precision::day)
                break;
            auto after = head.substr(m.end, 6);
            auto mark = after.find_first_not_of(" \t");
            if (mark == std::string_view::npos)
                break;
            auto rest = after.substr(mark);
            bool dateline = rest.starts_with("-") || rest.starts_with(":") ||
                            rest.starts_with("(") || rest.starts_with("\u2013") ||
                            rest.starts_with("\u2014");
            if (dateline) {
                reference_ = m.interval.first;
                s.published = reference_.to_string();
            }
            break;
        }
    }
    if (!reference_.valid())
        reference_ = own_date();
    s.content_hash = stable_hash(article_.text);
    s.id = make_source_id(s);

    auto sentences = text::split_sentences(article_.text, lang_, data_);
    for (std::size_t i = 0; i < sentences.size(); ++i)
        sentence(i, sentences[i]);

    std::vector<Found> merged = text::tell_story(std::move(found_), references_);

    // The body's sentence says more than the headline: it comes first as the evidence shown.
    for (auto& f : merged)
        std::stable_sort(f.event.evidence.begin(), f.event.evidence.end(),
                         [](const Evidence& a, const Evidence& b) {
                             return (a.sentence == 0 ? 1 : 0) < (b.sentence == 0 ? 1 : 0);
                         });

    // Entities: those that take part in an event, and officials named with their title.
    std::set<std::string> used = titled_;
    for (auto& f : merged) {
        for (auto& ev : f.event.evidence)
            ev.source = s.id;
        for (const auto& p : f.event.participants)
            used.insert(p.actor);
        batch_.events.push_back(std::move(f.event));
    }
    for (const auto& id : used) {
        if (auto it = entities_.find(id); it != entities_.end()) {
            batch_.entities.push_back(it->second);
            continue;
        }
        const Entity* e = dict_.entity(id);
        if (!e)
            continue;
        batch_.entities.push_back(*e);
        if (e->kind == EntityKind::person && reference_.valid()) {
            for (const auto& r : dict_.roles_of(id)) {
                Date day = reference_;
                bool after = !r.from.valid() || r.from <= day;
                bool before = !r.to.valid() || day <= r.to;
                if (after && before) {
                    batch_.roles.push_back(r);
                    break;
                }
            }
        } else if (e->kind == EntityKind::person) {
            auto roles = dict_.roles_of(id);
            if (!roles.empty())
                batch_.roles.push_back(roles.back());
        }
    }
    std::erase_if(batch_.roles, [&](const Role& r) { return !used.count(r.person); });
    for (auto& r : batch_.roles)
        if (r.evidence)
            r.evidence->source = s.id;
    // The countries and organisations the roles name go along as context, so that the store
    // can refer to them (Assad's Syria in an article about Canada and Iran).
    std::set<std::string> present;
    for (const auto& e : batch_.entities)
        present.insert(e.id);
    std::erase_if(batch_.roles, [&](const Role& r) { return !present.count(r.person); });
    for (const auto& r : batch_.roles) {
        if (!present.insert(r.of).second)
            continue;
        if (const Entity* e = dict_.entity(r.of))
            batch_.context.push_back(*e);
        else if (auto it = entities_.find(r.of); it != entities_.end())
            batch_.context.push_back(it->second);
    }
    return std::move(batch_);
}

}  // namespace

Batch extract_article(const Article& article, const Dictionaries& dictionaries,
                      const ImportOptions& options) {
    if (article.text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ArticleError(article.name + ": no text: an empty article");
    return Extractor(article, dictionaries, options).run();
}

}  // namespace diplograph
