// TABARI/PETRARCH/Phoenix actor dictionaries (../shared/dictionaries/README.md):
//
//   VLADIMIR_PUTIN_  # a comment        an actor: words joined by '_'
//   +PUTIN_                             another name of the same actor
//       [RUSGOV >000507]                a CAMEO code valid from a date (YYMMDD or YYYYMMDD)
//       [RUSELI 991231-000507]          … between two dates, or [CODE <YYMMDD] until a date
//   AFGHANISTAN_ [AFG]                  codes may sit on the name line itself
//
// An actor whose codes are bare country codes ([RUS]) gives names to that country; one whose
// codes are undated IGO codes is an organisation; one with dated codes is a person with one
// role per dated code. Agents ([~GOV]) and undated institutions ([AFGMIL]) are left out.
#include <diplograph/importers/dictionaries.hpp>
#include <diplograph/importers/importer.hpp>

#include <diplograph/graph/fold.hpp>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>

namespace diplograph {

namespace {

struct Code {
    std::string code;  // "RUSGOV"
    Date from;         // invalid when open
    Date to;
    bool dated = false;
};

struct Block {
    int line = 0;
    std::string name;                  // as written: "VLADIMIR_PUTIN_"
    std::vector<std::string> aliases;  // as written
    std::vector<Code> codes;
    bool dropped = false;  // its name line was unusable: ignore what follows
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool upper_letters(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "YYMMDD" (00-30 → 20YY, else 19YY) or "YYYYMMDD"; nullopt when neither or not a real day.
std::optional<Date> parse_cameo_date(std::string_view s) {
    if ((s.size() != 6 && s.size() != 8) ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    auto num = [&](std::size_t at, std::size_t len) {
        int v = 0;
        std::from_chars(s.data() + at, s.data() + at + len, v);
        return v;
    };
    Date d;
    if (s.size() == 6) {
        int yy = num(0, 2);
        d = {yy <= 30 ? 2000 + yy : 1900 + yy, num(2, 2), num(4, 2)};
    } else {
        d = {num(0, 4), num(4, 2), num(6, 2)};
    }
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

// "RUSGOV >000507" → a Code, or the problem.
std::optional<Code> parse_code(std::string_view inside, std::string& problem) {
    inside = trim(inside);
    auto space = inside.find_first_of(" \t");
    Code c;
    c.code = std::string(inside.substr(0, space));
    if (space == std::string_view::npos)
        return c;
    std::string_view when = trim(inside.substr(space));
    if (when.empty())
        return c;
    auto date = [&](std::string_view text) -> std::optional<Date> {
        text = trim(text);
        auto d = parse_cameo_date(text);
        if (!d)
            problem = fmt::format("date \"{}\" in [{}]: expected YYMMDD or YYYYMMDD", text, inside);
        return d;
    };
    c.dated = true;
    if (when.front() == '>' || when.front() == '<') {
        auto d = date(when.substr(1));
        if (!d)
            return std::nullopt;
        (when.front() == '>' ? c.from : c.to) = *d;
        return c;
    }
    auto dash = when.find('-');
    if (dash == std::string_view::npos) {
        problem =
            fmt::format("[{}]: a date needs '>' (from), '<' (until) or '-' (a range): [{} >{}]",
                        inside, c.code, when);
        return std::nullopt;
    }
    auto from = date(when.substr(0, dash));
    if (!from)
        return std::nullopt;
    auto to = date(when.substr(dash + 1));
    if (!to)
        return std::nullopt;
    if (*to < *from) {
        problem = fmt::format("[{}]: the range ends before it starts", inside);
        return std::nullopt;
    }
    c.from = *from;
    c.to = *to;
    return c;
}

// "FAURE_GNASSINGBE_" → "Faure Gnassingbe"; "BAN_KI-MOON" → "Ban Ki-Moon".
std::string title_case(std::string_view raw) {
    std::string text(raw);
    std::replace(text.begin(), text.end(), '_', ' ');
    auto t = trim(text);
    text = std::string(t);
    bool ascii = std::all_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    auto separator = [](UChar32 c) { return c == ' ' || c == '-' || c == '\'' || c == '.'; };
    if (ascii) {
        bool start = true;
        for (auto& c : text) {
            auto u = static_cast<unsigned char>(c);
            c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
            start = separator(u);
        }
    } else {
        auto in = icu::UnicodeString::fromUTF8(
            icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        icu::UnicodeString out;
        bool start = true;
        for (int32_t i = 0; i < in.length();) {
            UChar32 c = in.char32At(i);
            out.append(start ? u_toupper(c) : u_tolower(c));
            start = separator(c);
            i += U16_LENGTH(c);
        }
        text.clear();
        out.toUTF8String(text);
    }
    // collapse runs of spaces left by "A__B"
    std::string collapsed;
    for (char c : text)
        if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' '))
            collapsed += c;
    while (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();
    return collapsed;
}

// Readable titles for the main CAMEO sector codes (the three letters after the country).
std::string title_of_sector(std::string_view sector) {
    static const std::unordered_map<std::string_view, std::string_view> titles = {
        {"GOV", "government"}, {"MIL", "military"},    {"ELI", "elite"},
        {"OPP", "opposition"}, {"REB", "rebel"},       {"LEG", "legislature"},
        {"JUD", "judiciary"},  {"COP", "police"},      {"SPY", "intelligence"},
        {"BUS", "business"},   {"MED", "media"},       {"EDU", "education"},
        {"CVL", "civilian"},   {"PTY", "party"},       {"LAB", "labour"},
        {"REL", "religion"},   {"UAF", "armed group"}, {"INS", "insurgent"},
        {"IGO", "official"},   {"NGO", "ngo"},
    };
    auto it = titles.find(sector);
    return std::string(it == titles.end() ? std::string_view("government") : it->second);
}

class Reader {
  public:
    Reader(const std::filesystem::path& file, Dictionaries& dict) : file_(file), dict_(dict) {
        for (const auto& n : dict_.names())
            if (n.entity.rfind("org/", 0) == 0)
                org_names_.try_emplace(fold(n.text), n.entity);
    }

    std::vector<std::string> run() {
        std::ifstream in(file_, std::ios::binary);
        if (!in)
            throw DictionaryError(file_.string() + ": cannot read the dictionary");
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            read_line(line, number);
        }
        finish();
        return std::move(problems_);
    }

  private:
    std::filesystem::path file_;
    Dictionaries& dict_;
    std::vector<std::string> problems_;
    std::optional<Block> block_;
    std::unordered_map<std::string, std::string> org_names_;  // folded name → org id

    void problem(int line, const std::string& what) {
        problems_.push_back(fmt::format("{}: line {}: {}", file_.string(), line, what));
    }

    void read_line(std::string_view line, int number) {
        auto hash = line.find('#');
        if (hash != std::string_view::npos)
            line = line.substr(0, hash);
        auto text = trim(line);
        if (text.empty())
            return;
        if (find_invalid_utf8(text) != std::string_view::npos) {
            problem(number, "not valid UTF-8; the line is skipped (save the file as UTF-8)");
            if (text.front() != '+' && text.front() != '[' && line.front() != ' ' &&
                line.front() != '\t') {
                finish();
                block_ = Block{};
                block_->line = number;
                block_->dropped = true;
            }
            return;
        }
        if (text.front() == '!')
            return;  // PETRARCH substitution sets: !PERSON! = MAN, MEN…
        auto bracket = text.find('[');
        std::string_view words = trim(text.substr(0, bracket));
        if (text.front() == '+') {
            if (!block_) {
                problem(number, "an alias (+) before any actor");
                return;
            }
            words = trim(words.substr(1));
            if (!words.empty() && !block_->dropped)
                block_->aliases.emplace_back(words);
        } else if (!words.empty()) {
            finish();
            block_ = Block{};
            block_->line = number;
            block_->name = std::string(words);
        } else if (!block_) {
            problem(number, "a code line before any actor");
            return;
        }
        // The codes of the line: [A] [B >YYMMDD] …
        while (bracket != std::string_view::npos) {
            auto close = text.find(']', bracket);
            if (close == std::string_view::npos) {
                problem(number, fmt::format("\"{}\": '[' without ']'", text.substr(bracket)));
                return;
            }
            std::string why;
            auto code = parse_code(text.substr(bracket + 1, close - bracket - 1), why);
            if (!code)
                problem(number, why);
            else if (!block_->dropped)
                block_->codes.push_back(std::move(*code));
            bracket = text.find('[', close);
        }
    }

    // The organisation an IGO code points at: IGOUNO… is the UN; other IGO codes name a kind of
    // organisation (IGOEUR: European), kept as "org/IGOEUR".
    std::string org_of_code(std::string_view code) {
        if (code.substr(0, 6) == "IGOUNO") {
            if (const Entity* un = dict_.organization("UN"))
                return un->id;
            dict_.upsert("org/UN", EntityKind::organization, "United Nations");
            return "org/UN";
        }
        std::string id =
            "org/" + std::string(code.substr(0, std::min<std::size_t>(6, code.size())));
        if (!dict_.entity(id))
            dict_.upsert(id, EntityKind::organization, "CAMEO " + id.substr(4));
        return id;
    }

    void finish() {
        if (!block_)
            return;
        Block b = std::move(*block_);
        block_.reset();
        if (b.dropped || b.name.empty())
            return;
        std::vector<Code> codes;
        for (auto& c : b.codes)
            if (c.code != "---" && c.code.find('~') == std::string::npos && upper_letters(c.code))
                codes.push_back(std::move(c));
        if (codes.empty())
            return;
        bool all_bare_country = std::all_of(codes.begin(), codes.end(), [](const Code& c) {
            return c.code.size() == 3 && c.code != "IGO";
        });
        bool any_dated =
            std::any_of(codes.begin(), codes.end(), [](const Code& c) { return c.dated; });
        if (all_bare_country) {
            const Entity* country = dict_.country(codes.back().code);
            if (!country)
                return;  // a former or unknown country (USR, YUG…): nothing to name
            add_names(b, country->id, false);
            return;
        }
        bool all_igo = std::all_of(codes.begin(), codes.end(),
                                   [](const Code& c) { return c.code.rfind("IGO", 0) == 0; });
        if (all_igo && !any_dated) {
            add_organization(b);
            return;
        }
        if (!any_dated)
            return;  // an institution or a generic title ([AFGMIL], [IGOUNO] for "UN chief")
        add_person(b, codes);
    }

    void add_names(const Block& b, const std::string& id, bool person) {
        auto add = [&](const std::string& raw) {
            std::string name = title_case(raw);
            if (name.empty())
                return;
            bool single = name.find(' ') == std::string::npos;
            dict_.add_name({name, "*", person && single ? NameKind::surname : NameKind::name, id});
        };
        add(b.name);
        for (const auto& a : b.aliases)
            add(a);
    }

    void add_organization(const Block& b) {
        std::string id;
        for (const std::string* raw : {&b.name}) {
            auto it = org_names_.find(fold(title_case(*raw)));
            if (it != org_names_.end())
                id = it->second;
        }
        for (const auto& a : b.aliases) {
            if (!id.empty())
                break;
            auto it = org_names_.find(fold(title_case(a)));
            if (it != org_names_.end())
                id = it->second;
        }
        if (id.empty() && b.codes.front().code.rfind("IGOUNO", 0) == 0 &&
            b.codes.front().code.size() == 6)
            id = org_of_code("IGOUNO");
        if (id.empty())
            id = "org/" + slugify(title_case(b.name));
        std::string name = title_case(b.name);
        dict_.upsert(id, EntityKind::organization, name);
        add_names(b, id, false);
        org_names_.try_emplace(fold(name), id);
    }

    void add_person(const Block& b, const std::vector<Code>& codes) {
        std::string name = title_case(b.name);
        std::string slug = slugify(name);
        if (slug.empty())
            return;
        std::string id = "person/" + slug;
        Entity& e = dict_.upsert(id, EntityKind::person, name);
        add_names(b, id, true);
        const Code* latest = nullptr;
        for (const auto& c : codes) {
            if (!c.dated)
                continue;
            Role r;
            r.person = id;
            r.from = c.from;
            r.to = c.to;
            if (c.code.rfind("IGO", 0) == 0) {
                r.of = org_of_code(c.code);
                r.title = "official";
            } else {
                r.of = c.code.substr(0, 3);
                r.title = title_of_sector(c.code.size() >= 6 ? std::string_view(c.code).substr(3, 3)
                                                             : std::string_view("GOV"));
                auto key = [](const Code& k) { return k.to.valid() ? k.to : Date{9999, 12, 31}; };
                if (dict_.country(r.of) && (!latest || key(*latest) < key(c)))
                    latest = &c;
            }
            dict_.add_role(std::move(r));
        }
        if (latest && e.country.empty())
            e.country = latest->code.substr(0, 3);
    }
};

}  // namespace

std::vector<std::string> read_cameo_actors(const std::filesystem::path& file, Dictionaries& dict) {
    return Reader(file, dict).run();
}

}  // namespace diplograph
