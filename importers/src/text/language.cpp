#include "language.hpp"

#include "../tsv.hpp"

#include <diplograph/importers/dictionaries.hpp>
#include <diplograph/importers/text.hpp>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include <mutex>
#include <stdexcept>

namespace diplograph::text {

namespace {

LanguageData load_language(const std::filesystem::path& dir, const std::string& lang) {
    LanguageData d;
    d.lang = lang;
    d.morphology = std::make_shared<const Morphology>(Morphology::load(dir, lang));
    const Morphology* morphology = d.morphology.get();
    tsv::read(dir / "events.tsv", {6, 0, true}, [&](const std::vector<std::string>& f, int) {
        EventRule r;
        r.id = f[0];
        auto type = event_type_from_string(f[1]);
        r.blocks = f[1] == "-";
        if (!type && !r.blocks)
            throw std::invalid_argument(fmt::format("unknown event type \"{}\"", f[1]));
        r.type = type.value_or(EventType::MEET);
        r.subtype = f[2] == "-" ? "" : f[2];
        if (f[3] != "sym" && f[3] != "dir" && f[3] != "embassy" && f[3] != "recv" &&
            !(r.blocks && f[3] == "-"))
            throw std::invalid_argument(
                fmt::format("direction \"{}\": expected sym, dir, embassy or recv", f[3]));
        r.direction = f[3];
        if (f[5] != "weak" && f[5] != "-")
            throw std::invalid_argument(fmt::format("strength \"{}\": expected weak or -", f[5]));
        r.weak = f[5] == "weak";
        for (auto& pattern : parse_patterns(f[4], morphology)) {
            r.pattern = std::move(pattern);
            d.events.push_back(r);
        }
    });
    tsv::read(dir / "modality.tsv", {2, 0, true}, [&](const std::vector<std::string>& f, int) {
        if (f[0] == "future") {
            std::size_t start = 0;
            while (start <= f[1].size()) {
                auto bar = f[1].find('|', start);
                d.future_suffixes.push_back(
                    f[1].substr(start, bar == std::string::npos ? bar : bar - start));
                if (bar == std::string::npos)
                    break;
                start = bar + 1;
            }
            return;
        }
        if (std::find(kCueKinds.begin(), kCueKinds.end(), f[0]) == kCueKinds.end()) {
            std::string known = "future";
            for (auto k : kCueKinds)
                known += fmt::format(", {}", k);
            throw std::invalid_argument(
                fmt::format("kind \"{}\": expected one of {}", f[0], known));
        }
        // Alternatives at the top level are separate patterns so that each may have its own
        // length ("n a pas|pas").
        for (auto& pattern : parse_patterns(f[1], morphology))
            d.cues[f[0]].push_back(std::move(pattern));
    });
    tsv::read(dir / "subtypes.tsv", {2, 0, true}, [&](const std::vector<std::string>& f, int) {
        for (auto& pattern : parse_patterns(f[1], morphology))
            d.subtypes.emplace_back(f[0], std::move(pattern));
    });
    tsv::read(dir / "stopwords.tsv", {1, 0, true}, [&](const std::vector<std::string>& f, int) {
        d.stopwords.push_back(diplograph::fold_with_offsets(f[0]).text);
    });
    tsv::read(dir / "regions.tsv", {1, 0, true},
              [&](const std::vector<std::string>& f, int) { d.regions.push_back(f[0]); });
    tsv::read(dir / "abbreviations.tsv", {1, 0, true},
              [&](const std::vector<std::string>& f, int) { d.abbreviations.push_back(f[0]); });
    d.stopword_set.insert(d.stopwords.begin(), d.stopwords.end());
    for (const auto& w : d.stopwords)
        d.longest_stopword = std::max(d.longest_stopword, w.size());
    for (std::size_t i = 0; i < d.events.size(); ++i)
        d.event_index.add(i, d.events[i].pattern);
    for (const auto& [kind, patterns] : d.cues) {
        auto slot = static_cast<std::size_t>(std::find(kCueKinds.begin(), kCueKinds.end(), kind) -
                                             kCueKinds.begin());
        for (std::size_t i = 0; i < patterns.size(); ++i) {
            d.cue_index[kind].add(i, patterns[i]);
            d.cue_any_index.add(d.cue_refs.size(), patterns[i]);
            d.cue_refs.emplace_back(slot, i);
        }
    }
    for (std::size_t i = 0; i < d.subtypes.size(); ++i)
        d.subtype_index.add(i, d.subtypes[i].second);
    return d;
}

}  // namespace

const AsciiClasses& ascii_classes() {
    // ICU's classes, looked up once: most of a text is ASCII.
    static const AsciiClasses classes = [] {
        AsciiClasses a;
        for (UChar32 c = 0; c < 128; ++c) {
            auto k = static_cast<std::size_t>(c);
            a.alnum[k] = u_isalnum(c) != 0;
            a.alpha[k] = u_isalpha(c) != 0;
            a.upper[k] = u_isupper(c) || u_istitle(c);
        }
        return a;
    }();
    return classes;
}

bool is_word_code_point(char32_t c) {
    return c < 128 ? ascii_classes().alnum[c] : u_isalnum(static_cast<UChar32>(c)) != 0;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
    // ICU's U8_NEXT narrows ints to bytes inside the macro; -Wconversion is off for it only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
    int32_t k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s.data(), k, static_cast<int32_t>(s.size()), c);
#pragma GCC diagnostic pop
    i = static_cast<std::size_t>(k);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

namespace {

// The code point at s[i], moving i past it; ASCII without a call.
inline UChar32 code_point_at(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    return static_cast<UChar32>(next_code_point(s, i));
}

}  // namespace

namespace {

// The tokens of the folded text f, whose byte k comes from the code point of `text` at
// offset(k) (offset(f.size()): where f's part of the text ends).
template <class Offset>
std::vector<Token> make_tokens(std::string_view text, std::string_view f, Offset&& offset) {
    std::vector<Token> out;
    out.reserve(f.size() / 4);
    const auto& classes = ascii_classes();
    for_each_token(f, [&](std::size_t start, std::size_t stop, bool word) {
        Token& t = out.emplace_back();
        t.norm.assign(f.data() + start, stop - start);
        t.begin = offset(start);
        t.end = offset(stop);
        t.word = word;
        if (word) {
            // Case from the original letters.
            std::size_t k = t.begin;
            int upper = 0, letters = 0;
            bool first = true;
            while (k < t.end) {
                UChar32 o = code_point_at(text, k);
                bool letter, up;
                if (o < 128) {
                    letter = classes.alpha[static_cast<std::size_t>(o)];
                    up = classes.upper[static_cast<std::size_t>(o)];
                } else {
                    letter = u_isalpha(o) != 0;
                    up = letter && (u_isupper(o) || u_istitle(o));
                }
                if (letter) {
                    ++letters;
                    if (up) {
                        ++upper;
                        if (first)
                            t.capitalized = true;
                    }
                    first = false;
                }
            }
            t.all_caps = letters >= 1 && upper == letters;
        }
    });
    return out;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
    thread_local FoldedText folded;
    fold_with_offsets(text.substr(begin, end - begin), folded);
    return make_tokens(text, folded.text, [&](std::size_t k) { return begin + folded.offsets[k]; });
}

std::vector<Token> tokenize(const FoldedText& folded, std::string_view text, std::size_t begin,
                            std::size_t end) {
    // The folding is by code point: text[begin, end) folds to the bytes whose code points
    // are in it, and offsets ascend.
    const auto& o = folded.offsets;
    auto first =
        static_cast<std::size_t>(std::lower_bound(o.begin(), o.end() - 1, begin) - o.begin());
    auto last = static_cast<std::size_t>(
        std::lower_bound(o.begin() + static_cast<std::ptrdiff_t>(first), o.end() - 1, end) -
        o.begin());
    return make_tokens(text, std::string_view(folded.text).substr(first, last - first),
                       [&](std::size_t k) { return first + k == last ? end : o[first + k]; });
}

std::vector<std::string> phrase_words(std::string_view phrase) {
    std::vector<std::string> out;
    for (auto& t : tokenize(phrase, 0, phrase.size()))
        out.push_back(std::move(t.norm));
    return out;
}

bool PatternItem::matches(std::string_view w) const {
    // Words are sorted: a lemma brings dozens of forms.
    if (words.size() > 8) {
        if (std::binary_search(words.begin(), words.end(), w, std::less<>{}))
            return true;
    } else {
        for (const auto& x : words)
            if (w == x)
                return true;
    }
    for (const auto& p : prefixes)
        if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0)
            return true;
    return false;
}

Pattern parse_pattern(std::string_view text, const Morphology* morphology) {
    Pattern p;
    // Items are separated by spaces and apostrophes; alternatives by bars. An alternative of
    // several words ("n a pas|pas") is expanded by the caller: here bars bind tightest.
    std::string folded = diplograph::fold_with_offsets(text).text;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\''))
            ++i;
        if (i >= folded.size())
            break;
        std::size_t j = i;
        while (j < folded.size() && folded[j] != ' ' && folded[j] != '\'')
            ++j;
        std::string item = folded.substr(i, j - i);
        i = j;
        PatternItem it;
        if (item == "~" || item == "~~") {
            it.gap = true;
            it.max_gap = item == "~" ? 4 : 8;
            p.push_back(std::move(it));
            continue;
        }
        std::size_t start = 0;
        while (start <= item.size()) {
            auto bar = item.find('|', start);
            std::string alt = item.substr(start, bar == std::string::npos ? bar : bar - start);
            if (alt.size() > 1 && alt[0] == '@') {
                if (!morphology)
                    throw std::invalid_argument(fmt::format(
                        "pattern \"{}\": @{} needs a language's morphology", text, alt.substr(1)));
                auto forms = morphology->forms(alt.substr(1));
                it.words.insert(it.words.end(), forms.begin(), forms.end());
                it.lemmas.push_back(alt.substr(1));
            } else if (!alt.empty()) {
                if (alt.back() == '*')
                    it.prefixes.push_back(alt.substr(0, alt.size() - 1));
                else
                    it.words.push_back(alt);
            }
            if (bar == std::string::npos)
                break;
            start = bar + 1;
        }
        if (it.words.empty() && it.prefixes.empty())
            throw std::invalid_argument(fmt::format("pattern \"{}\": empty alternative", text));
        std::sort(it.words.begin(), it.words.end());
        it.words.erase(std::unique(it.words.begin(), it.words.end()), it.words.end());
        p.push_back(std::move(it));
    }
    if (p.empty() || p.front().gap || p.back().gap)
        throw std::invalid_argument(
            fmt::format("pattern \"{}\": empty, or starting or ending with ~", text));
    return p;
}

namespace {

std::size_t match_from(const Pattern& p, std::size_t k, const std::vector<Token>& tokens,
                       std::size_t i) {
    if (k == p.size())
        return i;
    const PatternItem& item = p[k];
    if (item.gap) {
        // Up to max_gap words (punctuation other than commas breaks the gap, unless light: the
        // brackets of a short aside, "(UAE)").
        std::size_t words = 0;
        for (std::size_t j = i; j <= tokens.size(); ++j) {
            if (auto end = match_from(p, k + 1, tokens, j))
                return end;
            if (j == tokens.size())
                break;
            if (!tokens[j].word && tokens[j].norm != "," && !tokens[j].light)
                break;
            if (tokens[j].word && !tokens[j].light && ++words > item.max_gap)
                break;
        }
        return 0;
    }
    if (i >= tokens.size() || !tokens[i].word || !item.matches(tokens[i].norm))
        return 0;
    return match_from(p, k + 1, tokens, i + 1);
}

}  // namespace

std::vector<Pattern> parse_patterns(std::string_view text, const Morphology* morphology) {
    std::vector<Pattern> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto bar = text.find(" | ", start);
        out.push_back(parse_pattern(
            text.substr(start, bar == std::string_view::npos ? bar : bar - start), morphology));
        if (bar == std::string_view::npos)
            break;
        start = bar + 3;
    }
    return out;
}

std::size_t match_at(const Pattern& p, const std::vector<Token>& tokens, std::size_t i) {
    return match_from(p, 0, tokens, i);
}

PatternIndex::Node& PatternIndex::node(std::string_view s) {
    std::uint32_t at = 0;
    for (char c : s) {
        auto& children = nodes_[at].children;
        auto it = std::lower_bound(children.begin(), children.end(), c,
                                   [](const auto& child, char x) { return child.first < x; });
        if (it == children.end() || it->first != c) {
            auto next = static_cast<std::uint32_t>(nodes_.size());
            children.insert(it, {c, next});
            nodes_.emplace_back();  // after the insert: `children` lives in nodes_
            at = next;
        } else {
            at = it->second;
        }
    }
    return nodes_[at];
}

void PatternIndex::add(std::size_t id, const Pattern& pattern) {
    const PatternItem& first = pattern.front();
    for (const auto& w : first.words)
        node(w).words.push_back(id);
    for (const auto& p : first.prefixes)
        node(p).prefixes.push_back(id);
}

void PatternIndex::candidates(std::string_view w, std::vector<std::size_t>& out) const {
    out.clear();
    const Node* at = &nodes_[0];
    out.insert(out.end(), at->prefixes.begin(), at->prefixes.end());
    for (char c : w) {
        const auto& children = at->children;
        auto it = std::lower_bound(children.begin(), children.end(), c,
                                   [](const auto& child, char x) { return child.first < x; });
        if (it == children.end() || it->first != c) {
            at = nullptr;
            break;
        }
        at = &nodes_[it->second];
        out.insert(out.end(), at->prefixes.begin(), at->prefixes.end());
    }
    if (at)
        out.insert(out.end(), at->words.begin(), at->words.end());
    if (out.size() > 1) {
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
}

void analyse(std::vector<Token>& tokens, const LanguageData& data) {
    const Morphology* m = data.morphology.get();
    for (auto& t : tokens) {
        if (!t.word) {
            t.word_class = WordClass::punctuation;
            continue;
        }
        if (m)
            t.analyses = m->analyses(t.norm);
        if (!t.analyses.empty()) {
            // A capitalised word inside a sentence that the lexicon knows only as a common
            // word is still read as the lexicon says; names are the mentions stage's.
            t.word_class = t.analyses.front().word_class;
        } else if (!t.norm.empty() && t.norm[0] >= '0' && t.norm[0] <= '9') {
            t.word_class = WordClass::number;
        } else {
            t.word_class = t.capitalized ? WordClass::proper : WordClass::unknown;
        }
    }
}

void CueTable::reset(const LanguageData& data, const std::vector<Token>& tokens) {
    if (data_ != &data) {
        data_ = &data;
        lists_.clear();
        for (auto kind : kCueKinds) {
            auto it = data.cues.find(std::string(kind));
            lists_.push_back(it == data.cues.end() ? nullptr : &it->second);
        }
    }
    tokens_ = &tokens;
    // A token's row of ends_ is cleared by fill(), when first asked about: most never are.
    if (ends_.size() < tokens.size() * lists_.size())
        ends_.resize(tokens.size() * lists_.size());
    known_.assign(tokens.size(), 0);
}

void CueTable::fill(std::size_t i) {
    const auto& t = *tokens_;
    std::uint32_t* ends = ends_.data() + i * lists_.size();
    std::fill(ends, ends + lists_.size(), 0);
    known_[i] = 1;
    data_->cue_any_index.candidates(t[i].norm, candidates_);
    for (std::size_t id : candidates_) {
        auto [k, n] = data_->cue_refs[id];
        auto e = static_cast<std::uint32_t>(match_at((*lists_[k])[n], t, i));
        if (e && (ends[k] == 0 || e < ends[k]))
            ends[k] = e;
    }
}

const std::map<std::string, LanguageData>& languages(const std::filesystem::path& data_dir) {
    static std::mutex mutex;
    static std::map<std::string, std::map<std::string, LanguageData>> cache;
    std::lock_guard lock(mutex);
    auto key = data_dir.string();
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    std::map<std::string, LanguageData> out;
    std::error_code ec;
    auto dir = data_dir / "lang";
    if (std::filesystem::is_directory(dir, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (!entry.is_directory() || !std::filesystem::exists(entry.path() / "events.tsv"))
                continue;
            auto lang = entry.path().filename().string();
            out.emplace(lang, load_language(entry.path(), lang));
        }
    }
    if (!out.empty() && out.size() <= 64) {
        auto table = std::make_shared<StopwordTable>();
        table->languages = out.size();
        std::uint64_t bit = 1;
        for (auto& [lang, data] : out) {
            for (const auto& w : data.stopword_set)
                table->langs[w] |= bit;
            table->longest = std::max(table->longest, data.longest_stopword);
            data.stopword_bit = bit;
            bit <<= 1;
        }
        for (auto& [lang, data] : out)
            data.all_stopwords = table;
    }
    return cache.emplace(key, std::move(out)).first->second;
}

const std::map<std::string, LanguageData>& default_languages() {
    // Found once, like the dates' lexicons: default_data_dir() asks the file system, and
    // every article asks for its language.
    static const std::map<std::string, LanguageData>& found =
        languages(Dictionaries::default_data_dir());
    return found;
}

}  // namespace diplograph::text
