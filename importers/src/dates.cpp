// Date expressions: a small grammar over words whose meaning comes from data/lang/<xx>/dates.tsv.
//
// The text is cut into tokens (words, numbers with their ordinal suffix, apostrophes) that keep
// their byte offsets in the original text and a folded form for matching. The lexicon maps
// folded phrases (one or more tokens) to (kind, value); the rules below combine them.
#include <diplograph/importers/dates.hpp>

#include <diplograph/graph/fold.hpp>
#include <diplograph/importers/dictionaries.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace diplograph {

namespace {

// ---------------------------------------------------------------------------------------------
// Calendar helpers

Date civil_from_days(int64_t z) {
    // Howard Hinnant's civil_from_days, the inverse of days_from_civil.
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(m <= 2 ? y + 1 : y), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(const Date& date, int64_t days) {
    return civil_from_days(days_from_civil(date) + days);
}

// 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday.
int weekday_of(const Date& date) {
    int64_t days = days_from_civil(date);
    return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

bool real_date(int year, int month, int day) {
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

bool full(const Date& d) {
    return d.valid() && d.month != 0 && d.day != 0;
}

// Month `month` of `year` shifted by `delta` months.
std::pair<int, int> shift_month(int year, int month, int delta) {
    int index = year * 12 + (month - 1) + delta;
    int y = index >= 0 ? index / 12 : (index - 11) / 12;
    return {y, index - y * 12 + 1};
}

DateInterval day_interval(const Date& d, Precision precision, std::string how) {
    DateInterval out;
    out.first = d;
    out.last = d;
    out.precision = precision;
    out.how = std::move(how);
    return out;
}

DateInterval span_interval(const Date& first, const Date& last, Precision precision,
                           std::string how) {
    DateInterval out;
    out.first = first;
    out.last = last;
    out.precision = precision;
    out.how = std::move(how);
    return out;
}

DateInterval month_interval(int year, int month, std::string how) {
    return span_interval({year, month, 1}, {year, month, days_in_month(year, month)},
                         Precision::month, std::move(how));
}

DateInterval year_interval(int year, std::string how) {
    return span_interval({year, 1, 1}, {year, 12, 31}, Precision::year, std::move(how));
}

DateInterval unresolved(std::string how) {
    DateInterval out;
    out.how = std::move(how);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Lexicon: data/lang/<xx>/dates.tsv

enum class Kind {
    month,
    weekday,
    season,
    number,
    ordinal,
    suffix,
    unit,
    article,
    prefix,
    dayprefix,
    of,
    ago,
    in,
    last,
    next,
    this_,
    part,
    time,
    relative,
};

std::optional<Kind> kind_from_string(std::string_view s) {
    static const std::map<std::string_view, Kind> kinds = {
        {"month", Kind::month},
        {"weekday", Kind::weekday},
        {"season", Kind::season},
        {"number", Kind::number},
        {"ordinal", Kind::ordinal},
        {"suffix", Kind::suffix},
        {"unit", Kind::unit},
        {"article", Kind::article},
        {"prefix", Kind::prefix},
        {"dayprefix", Kind::dayprefix},
        {"of", Kind::of},
        {"ago", Kind::ago},
        {"in", Kind::in},
        {"last", Kind::last},
        {"next", Kind::next},
        {"this", Kind::this_},
        {"part", Kind::part},
        {"time", Kind::time},
        {"relative", Kind::relative},
    };
    auto it = kinds.find(s);
    if (it == kinds.end())
        return std::nullopt;
    return it->second;
}

struct Entry {
    Kind kind;
    std::string value;
};

//! Hashes strings and string_views alike, for lookups without a string.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Lexicon {
    std::unordered_map<std::string, std::vector<Entry>> phrases;  // folded tokens joined by ' '
    //! The keys of the first tokens of longer phrases ("en debut" of "en debut d annee"): past
    //! a key that is none, no longer phrase is worth looking up.
    std::unordered_set<std::string> starts;
    //! The first tokens of all phrases: a token that is none starts no phrase.
    std::unordered_set<std::string, ViewHash, std::equal_to<>> firsts;
    std::size_t longest = 1;   // in tokens
    bool month_first = false;  // numeric_order mdy
};

// ---------------------------------------------------------------------------------------------
// Tokens

struct Token {
    std::size_t begin = 0, end = 0;  // bytes in the original text
    std::string key;                 // folded text ("1er" for a number with its suffix)
    bool is_number = false;
    int number = 0;          // value of the digits
    std::size_t digits = 0;  // how many digits
    std::string suffix;      // folded letters right after the digits
    bool break_before = false;
    bool consumed = false;
};

bool is_ascii_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of a multi-byte sequence known as a separator, apostrophe or space; 0 otherwise.
enum class Special { none, space, apostrophe, dash, punct };
std::pair<Special, std::size_t> special_at(std::string_view t, std::size_t i) {
    auto at = [&](std::size_t k) {
        return k < t.size() ? static_cast<unsigned char>(t[k]) : static_cast<unsigned char>(0);
    };
    unsigned char c = at(i);
    if (c == 0xC2 && (at(i + 1) == 0xA0))
        return {Special::space, 2};
    if (c == 0xC2 && (at(i + 1) == 0xAB || at(i + 1) == 0xBB))
        return {Special::punct, 2};
    if (c == 0xE2 && at(i + 1) == 0x80) {
        unsigned char d = at(i + 2);
        if (d == 0x98 || d == 0x99)
            return {Special::apostrophe, 3};
        if (d == 0x90 || d == 0x91 || d == 0x93 || d == 0x94)
            return {Special::dash, 3};
        if (d == 0xAF || d == 0x89 || d == 0x8A || d == 0x88)
            return {Special::space, 3};
        return {Special::punct, 3};
    }
    return {Special::none, 0};
}

// The folding of `word` into `out` (its buffer reused).
void fold_word(std::string_view word, std::string& out) {
    // ASCII: std::tolower of the "C" locale, which the program never changes, without a call
    // per letter; anything else is folded whole.
    out.assign(word);
    for (auto& c : out) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            out = fold(word);
            return;
        }
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 4);
    bool pending_break = false;
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        auto [special, len] = special_at(text, i);
        if (special == Special::space || special == Special::dash) {
            i += len;
            continue;
        }
        if (special == Special::apostrophe || c == '\'') {
            std::size_t n = special == Special::apostrophe ? len : 1;
            tokens.push_back({i, i + n, "'", false, 0, 0, {}, pending_break, false});
            pending_break = false;
            i += n;
            continue;
        }
        if (special == Special::punct) {
            pending_break = true;
            i += len;
            continue;
        }
        if (c >= '0' && c <= '9') {
            std::size_t j = i;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9')
                ++j;
            std::size_t k = j;
            while (k < text.size() && is_ascii_letter(static_cast<unsigned char>(text[k])))
                ++k;
            Token t;
            t.begin = i;
            t.end = k;
            t.is_number = true;
            t.digits = j - i;
            if (t.digits <= 6)
                std::from_chars(text.data() + i, text.data() + j, t.number);
            else
                t.number = -1;
            fold_word(text.substr(j, k - j), t.suffix);
            t.key.assign(text.substr(i, j - i)).append(t.suffix);
            t.break_before = pending_break;
            pending_break = false;
            tokens.push_back(std::move(t));
            i = k;
            continue;
        }
        if (c >= 0x80 || is_ascii_letter(c)) {
            std::size_t j = i;
            while (j < text.size()) {
                auto d = static_cast<unsigned char>(text[j]);
                if (d < 0x80 && !is_ascii_letter(d))
                    break;
                if (d >= 0x80 && special_at(text, j).first != Special::none)
                    break;
                ++j;
            }
            Token& t = tokens.emplace_back();
            t.begin = i;
            t.end = j;
            fold_word(text.substr(i, j - i), t.key);
            t.break_before = pending_break;
            pending_break = false;
            i = j;
            continue;
        }
        // ASCII punctuation: sentence-like marks break phrases; '.' only before a capital.
        if (c == ';' || c == '!' || c == '?' || c == '(' || c == ')' || c == ':' || c == '"')
            pending_break = true;
        if (c == '.') {
            std::size_t j = i + 1;
            while (j < text.size() && text[j] == ' ')
                ++j;
            if (j > i + 1 && j < text.size() && text[j] >= 'A' && text[j] <= 'Z')
                pending_break = true;
        }
        ++i;
    }
    return tokens;
}

std::shared_ptr<const Lexicon> read_lexicon(const std::filesystem::path& file) {
    auto lexicon = std::make_shared<Lexicon>();
    std::ifstream in(file);
    if (!in)
        return lexicon;  // no words for this language: only numeric dates are found
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        auto tab1 = line.find('\t');
        auto tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos)
            throw DictionaryError(fmt::format(
                "{}: line {}: expected three columns `kind  text  value` separated by tabs",
                file.string(), number));
        std::string kind_text = line.substr(0, tab1);
        std::string text = line.substr(tab1 + 1, tab2 - tab1 - 1);
        std::string value = line.substr(tab2 + 1);
        if (kind_text == "setting") {
            if (text == "numeric_order")
                lexicon->month_first = value == "mdy";
            continue;
        }
        auto kind = kind_from_string(kind_text);
        if (!kind)
            throw DictionaryError(fmt::format("{}: line {}: unknown kind \"{}\" (see the header)",
                                              file.string(), number, kind_text));
        auto tokens = tokenize(text);
        if (tokens.empty())
            throw DictionaryError(fmt::format("{}: line {}: empty text", file.string(), number));
        std::string key;
        for (const auto& t : tokens) {
            if (!key.empty())
                key += ' ';
            key += t.key;
        }
        lexicon->longest = std::max(lexicon->longest, tokens.size());
        lexicon->phrases[key].push_back({*kind, value});
        lexicon->firsts.insert(tokens.front().key);
        std::string start;
        for (std::size_t n = 0; n + 1 < tokens.size(); ++n) {
            if (n > 0)
                start += ' ';
            start += tokens[n].key;
            lexicon->starts.insert(start);
        }
    }
    return lexicon;
}

std::shared_ptr<const Lexicon> lexicon_for(std::string_view lang) {
    static std::mutex mutex;
    static std::unordered_map<std::string, std::shared_ptr<const Lexicon>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(std::string(lang));
    if (it != cache.end())
        return it->second;
    std::string safe;
    for (char c : lang)
        if (is_ascii_letter(static_cast<unsigned char>(c)) || c == '-' || c == '_')
            safe += c;
    auto lexicon = read_lexicon(Dictionaries::default_data_dir() / "lang" / safe / "dates.tsv");
    cache.emplace(std::string(lang), lexicon);
    return lexicon;
}

// ---------------------------------------------------------------------------------------------
// The grammar

struct Match {
    std::size_t end = 0;  // one past the last token
    std::string value;
};

struct Found {
    std::size_t first = 0, end = 0;        // tokens
    std::optional<DateInterval> interval;  // nullopt: recognised but not a real date
};

class Parser {
  public:
    Parser(std::string_view text, const Lexicon& lexicon, const Date& reference)
        : text_(text), lex_(lexicon), ref_(reference), tokens_(tokenize(text)) {}

    std::vector<DateMention> run() {
        std::vector<DateMention> out;
        find_numeric(out);
        index_phrases();
        std::size_t i = 0;
        while (i < tokens_.size()) {
            // Every rule starts with a number or a phrase of the lexicon: most words start
            // none and are passed at once.
            if (tokens_[i].consumed ||
                (!tokens_[i].is_number && phrase_begin_[i] == phrase_begin_[i + 1])) {
                ++i;
                continue;
            }
            auto found = parse_at(i);
            if (!found) {
                ++i;
                continue;
            }
            if (found->interval) {
                DateMention m;
                m.begin = tokens_[found->first].begin;
                m.end = tokens_[found->end - 1].end;
                m.interval = std::move(*found->interval);
                out.push_back(std::move(m));
            }
            i = found->end;
        }
        std::sort(out.begin(), out.end(),
                  [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
        return out;
    }

  private:
    std::string_view text_;
    const Lexicon& lex_;
    Date ref_;
    std::vector<Token> tokens_;
    //! The lexicon's phrases that start at each token, longest first: those of token i are
    //! phrases_[phrase_begin_[i], phrase_begin_[i + 1]). Found once, after the numeric dates
    //! have consumed their tokens (nothing changes them later), so that match() walks a few
    //! entries instead of building and hashing a key for each length at each call.
    struct Phrase {
        std::size_t end;  // one past its last token
        const std::vector<Entry>* entries;
    };
    std::vector<Phrase> phrases_;
    std::vector<std::size_t> phrase_begin_;
    //! The kinds of the phrases that start at each token, one bit each (bit()), and
    //! kNumberToken for a number written in digits: what a rule may start with.
    std::vector<std::uint32_t> starts_;

    static constexpr std::uint32_t bit(Kind kind) { return 1U << static_cast<unsigned>(kind); }
    static constexpr std::uint32_t kNumberToken = 1U << 31;

    void index_phrases() {
        phrase_begin_.assign(1, 0);
        starts_.assign(tokens_.size(), 0);
        std::vector<Phrase> at;  // those of one token, shortest first
        std::string key;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            at.clear();
            if (tokens_[i].is_number)
                starts_[i] |= kNumberToken;
            // Most words start no phrase: one lookup, without a key made, tells.
            if (!tokens_[i].consumed && lex_.firsts.count(std::string_view(tokens_[i].key))) {
                std::size_t max = std::min(lex_.longest, tokens_.size() - i);
                key = tokens_[i].key;
                for (std::size_t n = 1; n <= max; ++n) {
                    if (n > 1) {
                        const Token& next = tokens_[i + n - 1];
                        if (next.break_before || next.consumed)
                            break;  // no longer phrase can cross it either
                        key += ' ';
                        key += next.key;
                    }
                    if (auto it = lex_.phrases.find(key); it != lex_.phrases.end()) {
                        at.push_back({i + n, &it->second});
                        for (const auto& e : it->second)
                            starts_[i] |= bit(e.kind);
                    }
                    if (n < max && !lex_.starts.count(key))
                        break;
                }
            }
            phrases_.insert(phrases_.end(), at.rbegin(), at.rend());
            phrase_begin_.push_back(phrases_.size());
        }
    }

    bool has_ref() const { return full(ref_); }

    std::string original(std::size_t first, std::size_t end) const {
        return std::string(
            text_.substr(tokens_[first].begin, tokens_[end - 1].end - tokens_[first].begin));
    }

    // The longest phrase of `kind` starting at token i.
    std::optional<Match> match(std::size_t i, Kind kind) const {
        if (i >= tokens_.size() || tokens_[i].consumed)
            return std::nullopt;
        for (std::size_t p = phrase_begin_[i]; p < phrase_begin_[i + 1]; ++p)
            for (const auto& e : *phrases_[p].entries)
                if (e.kind == kind)
                    return Match{phrases_[p].end, e.value};
        return std::nullopt;
    }

    // A following token that continues the expression (no break in between).
    bool joined(std::size_t i) const {
        return i < tokens_.size() && !tokens_[i].break_before && !tokens_[i].consumed;
    }

    std::optional<Match> match_next(std::size_t i, Kind kind) const {
        return joined(i) ? match(i, kind) : std::nullopt;
    }

    //! A "this", "last" or "next" written before its unit ("last week", "this year"): moves j
    //! past it and returns {offset in units, whether one was read}.
    std::pair<int, bool> leading_modifier(std::size_t& j) const {
        if (auto t = match_next(j, Kind::this_); t && t->value == "before") {
            j = t->end;
            return {0, true};
        }
        if (auto l = match_next(j, Kind::last); l && l->value == "before") {
            j = l->end;
            return {-1, true};
        }
        if (auto n = match_next(j, Kind::next); n && n->value == "before") {
            j = n->end;
            return {1, true};
        }
        return {0, false};
    }

    // A day of the month written "8", "8th", "1er" or "premier"; 0 is read too, so that
    // "0 mars 2025" is rejected whole rather than read as "mars 2025".
    std::optional<Match> day_number(std::size_t i) const {
        if (i >= tokens_.size() || tokens_[i].consumed)
            return std::nullopt;
        const auto& t = tokens_[i];
        if (t.is_number) {
            if (t.digits > 2 || t.number < 0 || t.number > 31)
                return std::nullopt;
            if (!t.suffix.empty() && !suffix(t.suffix))
                return std::nullopt;
            return Match{i + 1, std::to_string(t.number)};
        }
        return match(i, Kind::ordinal);
    }

    bool suffix(const std::string& s) const {
        auto it = lex_.phrases.find(s);
        if (it == lex_.phrases.end())
            return false;
        return std::any_of(it->second.begin(), it->second.end(),
                           [](const Entry& e) { return e.kind == Kind::suffix; });
    }

    std::optional<int> year_at(std::size_t i) const {
        if (!joined(i))
            return std::nullopt;
        const auto& t = tokens_[i];
        if (!t.is_number || t.digits != 4 || !t.suffix.empty() || t.number < 1800 ||
            t.number > 2199)
            return std::nullopt;
        return t.number;
    }

    std::optional<int> count_at(std::size_t i, std::size_t& end) const {
        if (!joined(i))
            return std::nullopt;
        const auto& t = tokens_[i];
        if (t.is_number && t.suffix.empty() && t.digits <= 3 && t.number > 0) {
            end = i + 1;
            return t.number;
        }
        if (auto m = match(i, Kind::number)) {
            end = m->end;
            return std::atoi(m->value.c_str());
        }
        return std::nullopt;
    }

    // -----------------------------------------------------------------------------------------
    // Numeric dates: 2025-11-19, 19/11/2025, 19.11.2025

    void find_numeric(std::vector<DateMention>& out) {
        auto digits_at = [&](std::size_t i, std::size_t min, std::size_t max,
                             int& value) -> std::size_t {
            std::size_t j = i;
            while (j < text_.size() && text_[j] >= '0' && text_[j] <= '9' && j - i < max + 1)
                ++j;
            if (j - i < min || j - i > max)
                return 0;
            std::from_chars(text_.data() + i, text_.data() + j, value);
            return j;
        };
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i] < '0' || text_[i] > '9')
                continue;
            if (i > 0 && text_[i - 1] >= '0' && text_[i - 1] <= '9')
                continue;
            int a = 0, b = 0, c = 0;
            std::size_t j = 0, k = 0, end = 0;
            std::optional<Date> date;
            if ((j = digits_at(i, 4, 4, a)) && j < text_.size() && text_[j] == '-' &&
                (k = digits_at(j + 1, 1, 2, b)) && k < text_.size() && text_[k] == '-' &&
                (end = digits_at(k + 1, 1, 2, c))) {
                date = Date{a, b, c};
            } else if ((j = digits_at(i, 1, 2, a)) && j < text_.size() &&
                       (text_[j] == '/' || text_[j] == '.') && (k = digits_at(j + 1, 1, 2, b)) &&
                       k < text_.size() && text_[k] == text_[j] &&
                       (end = digits_at(k + 1, 4, 4, c))) {
                bool month_first = lex_.month_first;
                if (a > 12)
                    month_first = false;
                else if (b > 12)
                    month_first = true;
                date = month_first ? Date{c, a, b} : Date{c, b, a};
            }
            if (!date)
                continue;
            if (end < text_.size() && text_[end] >= '0' && text_[end] <= '9')
                continue;
            if (real_date(date->year, date->month, date->day))
                out.push_back({i, end, day_interval(*date, Precision::day, "explicit")});
            for (auto& t : tokens_)
                if (t.begin >= i && t.end <= end)
                    t.consumed = true;
            i = end;
        }
    }

    // -----------------------------------------------------------------------------------------

    std::optional<Found> parse_at(std::size_t i) {
        // Each rule with what its first step needs at token i (a phrase of one of these kinds,
        // or digits): a rule that cannot start there is not tried, as it would find nothing.
        using Rule = std::optional<Found> (Parser::*)(std::size_t);
        static constexpr std::pair<Rule, std::uint32_t> kRules[] = {
            {&Parser::weekday_rule,
             bit(Kind::this_) | bit(Kind::last) | bit(Kind::next) | bit(Kind::weekday)},
            {&Parser::day_month_rule, kNumberToken | bit(Kind::ordinal)},
            {&Parser::month_day_rule, bit(Kind::month)},
            {&Parser::day_only_rule, bit(Kind::dayprefix)},
            {&Parser::ago_rule, kNumberToken | bit(Kind::number) | bit(Kind::ago) | bit(Kind::in)},
            {&Parser::period_rule, bit(Kind::part) | bit(Kind::article) | bit(Kind::this_) |
                                       bit(Kind::last) | bit(Kind::next) | bit(Kind::unit)},
            {&Parser::part_rule, bit(Kind::part)},
            {&Parser::month_rule, bit(Kind::last) | bit(Kind::next) | bit(Kind::this_) |
                                      bit(Kind::prefix) | bit(Kind::month)},
            {&Parser::season_rule, bit(Kind::this_) | bit(Kind::season)},
            {&Parser::year_rule, bit(Kind::prefix)},
            {&Parser::relative_rule, bit(Kind::relative)},
        };
        for (const auto& [rule, needs] : kRules) {
            if (!(starts_[i] & needs))
                continue;
            if (auto found = (this->*rule)(i))
                return found;
        }
        return std::nullopt;
    }

    // The occurrence of (month, day) nearest to the reference, or the last one on or before it
    // (direction -1), or the first one after it (+1).
    std::optional<Date> nearest_day(int month, int day, int direction) const {
        std::optional<Date> best;
        int64_t best_distance = 0;
        int64_t r = days_from_civil(ref_);
        for (int y = ref_.year - 1; y <= ref_.year + 1; ++y) {
            if (!real_date(y, month, day))
                continue;
            Date d{y, month, day};
            int64_t delta = days_from_civil(d) - r;
            if ((direction < 0 && delta > 0) || (direction > 0 && delta <= 0))
                continue;
            int64_t distance = std::abs(delta) * 2 + (delta > 0 ? 1 : 0);  // ties go to the past
            if (!best || distance < best_distance) {
                best = d;
                best_distance = distance;
            }
        }
        return best;
    }

    // Year of the occurrence of `month` nearest the reference month (or before/after it).
    int nearest_month_year(int month, int direction) const {
        int best = ref_.year;
        int best_distance = 1 << 30;
        for (int y = ref_.year - 1; y <= ref_.year + 1; ++y) {
            int delta = (y * 12 + month) - (ref_.year * 12 + ref_.month);
            if ((direction < 0 && delta >= 0) || (direction > 0 && delta <= 0))
                continue;
            int distance = std::abs(delta) * 2 + (delta > 0 ? 1 : 0);
            if (distance < best_distance) {
                best = y;
                best_distance = distance;
            }
        }
        return best;
    }

    // "dernier" / "prochain" after position i: -1, +1 or 0, advancing `end`.
    int direction_after(std::size_t& end) const {
        if (auto m = match_next(end, Kind::last); m && m->value == "after") {
            end = m->end;
            return -1;
        }
        if (auto m = match_next(end, Kind::next); m && m->value == "after") {
            end = m->end;
            return 1;
        }
        return 0;
    }

    // "this year", "cette année", "last year", "de l'année dernière" after a month: the year's
    // offset from the reference, advancing `end`.
    std::optional<int> year_after(std::size_t& end) const {
        std::size_t j = end;
        if (auto p = match_next(j, Kind::prefix))
            if (match_next(p->end, Kind::article) || match_next(p->end, Kind::this_) ||
                match_next(p->end, Kind::last))
                j = p->end;
        if (auto a = match_next(j, Kind::article))
            j = a->end;
        auto [offset, modified] = leading_modifier(j);
        auto unit = match_next(j, Kind::unit);
        if (!unit || unit->value != "year")
            return std::nullopt;
        j = unit->end;
        if (auto t = match_next(j, Kind::this_); t && t->value == "after") {
            j = t->end;
            modified = true;
        } else if (int after = direction_after(j); after != 0) {
            offset = after;
            modified = true;
        }
        if (!modified)
            return std::nullopt;
        end = j;
        return offset;
    }

    // 19 novembre 2025, le 1er mars, 30 juillet dernier, the 19th of November
    std::optional<Found> day_month_rule(std::size_t i) {
        auto day = day_number(i);
        if (!day)
            return std::nullopt;
        std::size_t j = day->end;
        // "from 27 to 28 April", "du 27 au 28 avril", "27 and 28 April": a span of days is
        // dated by its first one.
        if (joined(j) && (tokens_[j].key == "to" || tokens_[j].key == "au" ||
                          tokens_[j].key == "and" || tokens_[j].key == "et")) {
            if (auto last = day_number(j + 1);
                last && joined(j + 1) &&
                std::atoi(last->value.c_str()) > std::atoi(day->value.c_str()))
                if (match_next(last->end, Kind::month))
                    j = last->end;
        }
        if (auto of = match_next(j, Kind::of))
            j = of->end;
        auto month = match_next(j, Kind::month);
        if (!month)
            return std::nullopt;
        std::size_t end = month->end;
        int d = std::atoi(day->value.c_str());
        int m = std::atoi(month->value.c_str());
        return finish_day_month(i, end, d, m);
    }

    std::optional<Found> finish_day_month(std::size_t first, std::size_t end, int d, int m) {
        if (auto year = year_at(end)) {
            ++end;
            if (!real_date(*year, m, d))
                return Found{first, end, std::nullopt};
            return Found{first, end, day_interval({*year, m, d}, Precision::day, "explicit")};
        }
        if (auto offset = year_after(end)) {
            std::string said = original(first, end);
            if (!has_ref())
                return Found{first, end, unresolved("relative, no reference: " + said)};
            int year = ref_.year + *offset;
            if (!real_date(year, m, d))
                return Found{first, end, std::nullopt};
            return Found{first, end,
                         day_interval({year, m, d}, Precision::day,
                                      "day and month of a year relative to published: " + said)};
        }
        int direction = direction_after(end);
        if (d > days_in_month(2024, m))  // 2024: a leap year, so 29 février is possible
            return Found{first, end, std::nullopt};
        std::string said = original(first, end);
        if (!has_ref())
            return Found{first, end,
                         unresolved("day and month without year, no reference: " + said)};
        auto date = nearest_day(m, d, direction);
        if (!date)
            return Found{first, end, std::nullopt};
        std::string how = direction < 0   ? "day and month before published: "
                          : direction > 0 ? "day and month after published: "
                                          : "day and month nearest published: ";
        return Found{first, end, day_interval(*date, Precision::day, how + said)};
    }

    // November 19, 2025; on July 30
    std::optional<Found> month_day_rule(std::size_t i) {
        auto month = match(i, Kind::month);
        if (!month || !joined(month->end))
            return std::nullopt;
        const auto& t = tokens_[month->end];
        if (!t.is_number || t.digits > 2)
            return std::nullopt;
        auto day = day_number(month->end);
        if (!day)
            return std::nullopt;
        // "in May 15 soldiers…": a day after a month is followed by a year, a comma or nothing
        return finish_day_month(i, day->end, std::atoi(day->value.c_str()),
                                std::atoi(month->value.c_str()));
    }

    // on the 8th, le 1er
    std::optional<Found> day_only_rule(std::size_t i) {
        auto prefix = match(i, Kind::dayprefix);
        if (!prefix || !joined(prefix->end))
            return std::nullopt;
        const auto& t = tokens_[prefix->end];
        if (!t.is_number || t.suffix.empty() || !suffix(t.suffix) || t.number < 1 || t.number > 31)
            return std::nullopt;
        std::size_t first = prefix->end;
        std::size_t end = first + 1;
        // "le 1er mars": the day-and-month rule takes it at the number
        std::size_t k = end;
        if (auto of = match_next(k, Kind::of))
            k = of->end;
        if (match_next(k, Kind::month))
            return std::nullopt;
        int d = t.number;
        std::string said = original(i, end);
        if (!has_ref())
            return Found{first, end, unresolved("day without month, no reference: " + said)};
        std::optional<Date> best;
        int64_t best_distance = 0;
        int64_t r = days_from_civil(ref_);
        for (int delta = -1; delta <= 1; ++delta) {
            auto [y, m] = shift_month(ref_.year, ref_.month, delta);
            if (!real_date(y, m, d))
                continue;
            int64_t diff = days_from_civil({y, m, d}) - r;
            int64_t distance = std::abs(diff) * 2 + (diff > 0 ? 1 : 0);
            if (!best || distance < best_distance) {
                best = Date{y, m, d};
                best_distance = distance;
            }
        }
        if (!best)
            return Found{first, end, std::nullopt};
        return Found{first, end,
                     day_interval(*best, Precision::day, "day nearest published: " + said)};
    }

    // "jeudi 27 décembre" without a year: the year, within one of the reference's, in which
    // the 27th of December is a Thursday (the nearest such year).
    void agree_with_weekday(Found& dated, int weekday) const {
        if (!dated.interval || dated.interval->precision != Precision::day || !has_ref() ||
            dated.interval->how == "explicit")
            return;
        Date d = dated.interval->first;
        if (weekday_of(d) == weekday)
            return;
        std::optional<Date> best;
        int64_t r = days_from_civil(ref_);
        for (int y = ref_.year - 1; y <= ref_.year + 1; ++y) {
            if (!real_date(y, d.month, d.day) || weekday_of({y, d.month, d.day}) != weekday)
                continue;
            Date c{y, d.month, d.day};
            if (!best || std::abs(days_from_civil(c) - r) < std::abs(days_from_civil(*best) - r))
                best = c;
        }
        if (!best)
            return;
        dated.interval->first = *best;
        dated.interval->last = *best;
        dated.interval->how += " (year where the weekday matches)";
    }

    // mardi, ce jeudi, samedi soir, dimanche dernier, on Tuesday, last Friday, mardi prochain
    std::optional<Found> weekday_rule(std::size_t i) {
        std::size_t j = i;
        int direction = -1;  // on or before the reference unless told otherwise
        bool next = false;
        if (auto m = match(i, Kind::this_); m && m->value == "before")
            j = m->end;
        else if (auto l = match(i, Kind::last); l && l->value == "before")
            j = l->end;
        else if (auto n = match(i, Kind::next); n && n->value == "before") {
            j = n->end;
            next = true;
        }
        if (j != i && !joined(j))
            return std::nullopt;
        auto wd = match(j, Kind::weekday);
        if (!wd)
            return std::nullopt;
        // "mardi 18 novembre": the date says it all; the weekday joins its span.
        if (joined(wd->end)) {
            auto dated = day_month_rule(wd->end);
            if (!dated)
                dated = month_day_rule(wd->end);
            if (dated) {
                dated->first = i;
                agree_with_weekday(*dated, std::atoi(wd->value.c_str()));
                return dated;
            }
        }
        std::size_t end = wd->end;
        if (auto t = match_next(end, Kind::time))
            end = t->end;
        if (int after = direction_after(end); after > 0)
            next = true;
        if (next)
            direction = 1;
        std::string said = original(i, end);
        if (!has_ref())
            return Found{i, end, unresolved("weekday, no reference: " + said)};
        int want = std::atoi(wd->value.c_str());
        int have = weekday_of(ref_);
        int64_t delta = direction < 0 ? -((have - want + 7) % 7) : ((want - have + 7) % 7);
        if (direction > 0 && delta == 0)
            delta = 7;
        std::string how = direction < 0 ? "weekday on or before published: " + said
                                        : "weekday after published: " + said;
        return Found{i, end, day_interval(add_days(ref_, delta), Precision::day, how)};
    }

    // il y a deux semaines, two weeks ago, dans deux mois, in two months
    std::optional<Found> ago_rule(std::size_t i) {
        std::size_t j = i;
        int sign = 0;
        if (auto a = match(i, Kind::ago); a && a->value == "before") {
            j = a->end;
            sign = -1;
        } else if (auto n = match(i, Kind::in)) {
            j = n->end;
            sign = 1;
        }
        std::size_t after_count = 0;
        auto count = (j == i)
                         ? (tokens_[i].consumed ? std::nullopt : count_at_first(i, after_count))
                         : count_at(j, after_count);
        if (!count)
            return std::nullopt;
        auto unit = match_next(after_count, Kind::unit);
        if (!unit)
            return std::nullopt;
        std::size_t end = unit->end;
        if (sign == 0) {
            auto a = match_next(end, Kind::ago);
            if (!a || a->value != "after")
                return std::nullopt;
            end = a->end;
            sign = -1;
        }
        std::string said = original(i, end);
        if (!has_ref())
            return Found{i, end, unresolved("relative, no reference: " + said)};
        int n = *count * sign;
        std::string how = "relative to published: " + said;
        if (unit->value == "day")
            return Found{i, end, day_interval(add_days(ref_, n), Precision::day, how)};
        if (unit->value == "week") {
            Date centre = add_days(ref_, int64_t{n} * 7);
            return Found{i, end,
                         span_interval(add_days(centre, -3), add_days(centre, 3),
                                       Precision::approximate, how)};
        }
        if (unit->value == "month") {
            auto [y, m] = shift_month(ref_.year, ref_.month, n);
            return Found{i, end, month_interval(y, m, how)};
        }
        return Found{i, end, year_interval(ref_.year + n, how)};
    }

    std::optional<int> count_at_first(std::size_t i, std::size_t& end) const {
        const auto& t = tokens_[i];
        if (t.is_number && t.suffix.empty() && t.digits <= 3 && t.number > 0) {
            end = i + 1;
            return t.number;
        }
        if (auto m = match(i, Kind::number)) {
            end = m->end;
            return std::atoi(m->value.c_str());
        }
        return std::nullopt;
    }

    // The interval of a part ("start", "mid", "end", "earlier", "later") of [first, last].
    DateInterval apply_part(const std::string& part, const Date& first, const Date& last,
                            std::string_view unit, std::string how) const {
        if (part.empty())
            return span_interval(first, last, Precision::approximate, std::move(how));
        if (part == "earlier" || part == "later") {
            bool inside = has_ref() && first <= ref_ && ref_ <= last;
            if (!inside)
                return span_interval(first, last, Precision::approximate, std::move(how));
            return part == "earlier"
                       ? span_interval(first, ref_, Precision::approximate, std::move(how))
                       : span_interval(ref_, last, Precision::approximate, std::move(how));
        }
        int index = part == "start" ? 0 : part == "mid" ? 1 : 2;
        if (unit == "year") {
            int m0 = 1 + index * 4;
            return span_interval({first.year, m0, 1},
                                 {first.year, m0 + 3, days_in_month(first.year, m0 + 3)},
                                 Precision::approximate, std::move(how));
        }
        if (unit == "month") {
            static constexpr std::array<int, 3> starts = {1, 11, 21};
            int d0 = starts[static_cast<std::size_t>(index)];
            int d1 = index == 2 ? days_in_month(first.year, first.month) : d0 + 9;
            return span_interval({first.year, first.month, d0}, {first.year, first.month, d1},
                                 Precision::approximate, std::move(how));
        }
        // a week: Monday–Wednesday, Wednesday–Friday, Friday–Sunday
        Date a = add_days(first, index * 2);
        return span_interval(a, add_days(a, 2), Precision::approximate, std::move(how));
    }

    // la semaine dernière, last week, le mois dernier, l'an dernier, cette année, this year,
    // earlier this year, plus tôt ce mois-ci, en début d'année, en fin d'année
    std::optional<Found> period_rule(std::size_t i) {
        std::size_t j = i;
        std::string part;
        if (auto p = match(j, Kind::part)) {
            part = p->value;
            j = p->end;
            if (!joined(j))
                return std::nullopt;
        }
        if (auto a = match(j, Kind::article)) {
            // "la semaine…": an article counts only when a unit or a modifier follows
            if (match_next(a->end, Kind::unit) || match_next(a->end, Kind::last) ||
                match_next(a->end, Kind::this_) || match_next(a->end, Kind::next))
                j = a->end;
        }
        auto [offset, modified] = leading_modifier(j);
        auto unit = (j == i) ? match(j, Kind::unit) : match_next(j, Kind::unit);
        if (!unit || unit->value == "day")
            return std::nullopt;
        std::size_t end = unit->end;
        if (auto t = match_next(end, Kind::this_); t && t->value == "after") {
            end = t->end;
            modified = true;
        } else if (int after = direction_after(end); after != 0) {
            offset = after;
            modified = true;
        }
        if (!modified && part.empty())
            return std::nullopt;
        std::string said = original(i, end);
        if (!has_ref())
            return Found{i, end, unresolved("relative, no reference: " + said)};
        std::string how = "relative to published: " + said;
        Date first, last;
        Precision precision = Precision::approximate;
        if (unit->value == "week") {
            Date monday = add_days(ref_, -(weekday_of(ref_) - 1) + int64_t{offset} * 7);
            first = monday;
            last = add_days(monday, 6);
        } else if (unit->value == "month") {
            auto [y, m] = shift_month(ref_.year, ref_.month, offset);
            first = {y, m, 1};
            last = {y, m, days_in_month(y, m)};
            precision = Precision::month;
        } else {
            first = {ref_.year + offset, 1, 1};
            last = {ref_.year + offset, 12, 31};
            precision = Precision::year;
        }
        if (part.empty())
            return Found{i, end, span_interval(first, last, precision, how)};
        return Found{i, end, apply_part(part, first, last, unit->value, how)};
    }

    // fin janvier, début mars 2024, mi-2024, late 2024, early March
    std::optional<Found> part_rule(std::size_t i) {
        auto p = match(i, Kind::part);
        if (!p || p->value == "earlier" || p->value == "later" || !joined(p->end))
            return std::nullopt;
        std::size_t j = p->end;
        if (auto year = year_at(j)) {
            std::size_t end = j + 1;
            Date first{*year, 1, 1}, last{*year, 12, 31};
            return Found{
                i, end,
                apply_part(p->value, first, last, "year", "part of a year: " + original(i, end))};
        }
        auto month = match(j, Kind::month);
        if (!month)
            return std::nullopt;
        int m = std::atoi(month->value.c_str());
        std::size_t end = month->end;
        int year = 0;
        std::string how;
        if (auto y = year_at(end)) {
            year = *y;
            ++end;
            how = "part of a month: " + original(i, end);
        } else if (auto offset = year_after(end)) {
            if (!has_ref())
                return Found{i, end,
                             unresolved("part of a month, no reference: " + original(i, end))};
            year = ref_.year + *offset;
            how = "part of a month of a year relative to published: " + original(i, end);
        } else {
            int direction = direction_after(end);
            if (!has_ref())
                return Found{i, end,
                             unresolved("part of a month, no reference: " + original(i, end))};
            year = nearest_month_year(m, direction);
            how = "part of a month, year from published: " + original(i, end);
        }
        Date first{year, m, 1}, last{year, m, days_in_month(year, m)};
        return Found{i, end, apply_part(p->value, first, last, "month", how)};
    }

    // novembre 2025, in March 2024, en mars, last November, décembre dernier, mars prochain
    std::optional<Found> month_rule(std::size_t i) {
        std::size_t j = i;
        int direction = 0;
        bool licensed = false;
        bool this_year = false;
        if (auto l = match(i, Kind::last); l && l->value == "before") {
            j = l->end;
            direction = -1;
        } else if (auto n = match(i, Kind::next); n && n->value == "before") {
            j = n->end;
            direction = 1;
        } else if (auto t = match(i, Kind::this_); t && t->value == "before") {
            j = t->end;
            this_year = true;
        } else if (auto p = match(i, Kind::prefix)) {
            // the prefix only licenses the month; it stays out of the span
            if (match_next(p->end, Kind::month)) {
                licensed = true;
                j = p->end;
            }
        }
        std::size_t first = licensed ? j : i;
        if (j != i && !joined(j))
            return std::nullopt;
        auto month = match(j, Kind::month);
        if (!month)
            return std::nullopt;
        // "from April 27": the day is told; the month-day rule dates it.
        if (licensed && day_number(month->end) && joined(month->end))
            return month_day_rule(j);
        int m = std::atoi(month->value.c_str());
        std::size_t end = month->end;
        if (auto y = year_at(end)) {
            ++end;
            return Found{first, end, month_interval(*y, m, "explicit")};
        }
        if (match_next(end, Kind::unit))
            return std::nullopt;  // "depuis sept ans": a number, not September
        if (direction == 0 && !this_year) {
            if (auto offset = year_after(end)) {
                std::string said = original(first, end);
                if (!has_ref())
                    return Found{first, end, unresolved("relative, no reference: " + said)};
                return Found{first, end,
                             month_interval(ref_.year + *offset, m,
                                            "month of a year relative to published: " + said)};
            }
            direction = direction_after(end);
        }
        if (direction == 0 && !this_year && !licensed) {
            // "ce mois de mars" aside, a bare month name may be a word ("May", "mars"): skip it
            return std::nullopt;
        }
        std::string said = original(first, end);
        if (!has_ref())
            return Found{first, end, unresolved("month without year, no reference: " + said)};
        int year = this_year ? ref_.year : nearest_month_year(m, direction);
        std::string how = direction < 0   ? "month before published: "
                          : direction > 0 ? "month after published: "
                          : this_year     ? "month of the published year: "
                                          : "month nearest published: ";
        return Found{first, end, month_interval(year, m, how + said)};
    }

    // automne 2024, autumn 2024, fall 2024, cet automne
    std::optional<Found> season_rule(std::size_t i) {
        std::size_t j = i;
        bool this_year = false;
        if (auto t = match(i, Kind::this_); t && t->value == "before") {
            j = t->end;
            this_year = true;
            if (!joined(j))
                return std::nullopt;
        }
        auto s = match(j, Kind::season);
        if (!s)
            return std::nullopt;
        std::size_t end = s->end;
        int year = 0;
        std::string how = "season: ";
        if (auto y = year_at(end)) {
            year = *y;
            ++end;
        } else if (this_year) {
            if (!has_ref())
                return Found{i, end, unresolved("season, no reference: " + original(i, end))};
            year = ref_.year;
            how = "season of the published year: ";
        } else {
            return std::nullopt;
        }
        how += original(i, end);
        // Meteorological seasons; winter YYYY is taken as its first three months.
        int m0 = s->value == "spring" ? 3 : s->value == "summer" ? 6 : s->value == "autumn" ? 9 : 1;
        Date first{year, m0, 1};
        Date last{year, m0 + 2, days_in_month(year, m0 + 2)};
        return Found{i, end, span_interval(first, last, Precision::approximate, how)};
    }

    // en 2026, in 2026, depuis 2019
    std::optional<Found> year_rule(std::size_t i) {
        auto p = match(i, Kind::prefix);
        if (!p)
            return std::nullopt;
        auto year = year_at(p->end);
        if (!year)
            return std::nullopt;
        // "en 2026 soldats": a year is not followed by a unit of count
        return Found{p->end, p->end + 1, year_interval(*year, "explicit")};
    }

    // hier, avant-hier, aujourd'hui, yesterday, today
    std::optional<Found> relative_rule(std::size_t i) {
        auto r = match(i, Kind::relative);
        if (!r)
            return std::nullopt;
        std::string said = original(i, r->end);
        std::size_t end = r->end;
        if (auto t = match_next(end, Kind::time))
            end = t->end;
        if (!has_ref())
            return Found{i, end, unresolved("relative, no reference: " + said)};
        return Found{i, end,
                     day_interval(add_days(ref_, std::atoi(r->value.c_str())), Precision::day,
                                  "relative to published: " + said)};
    }
};

}  // namespace

std::vector<DateMention> find_dates(std::string_view text, std::string_view lang,
                                    const Date& reference) {
    auto lexicon = lexicon_for(lang);
    Parser parser(text, *lexicon, reference);
    return parser.run();
}

}  // namespace diplograph
