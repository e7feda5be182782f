// What a language brings as data (data/lang/<xx>/): event patterns, modality cues, subtype
// cues, frequent words and abbreviations; and the tokens the patterns are matched against.
#pragma once

#include "morphology.hpp"

#include <diplograph/graph/model.hpp>
#include <diplograph/importers/text.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace diplograph::text {

//! The code point at s[i] (U+FFFD for a bad byte); moves i past it.
char32_t next_code_point(std::string_view s, std::size_t& i);

//! ICU's classes of the ASCII code points, looked up once.
struct AsciiClasses {
    std::array<bool, 128> alnum{};  //!< u_isalnum: the characters of words
    std::array<bool, 128> alpha{};
    std::array<bool, 128> upper{};  //!< upper or title case
};
const AsciiClasses& ascii_classes();
//! A character of words (letters and digits, ICU's u_isalnum) whatever the code point.
bool is_word_code_point(char32_t c);

struct LanguageData;

//! The tokens of a folded text as tokenize() splits it: emit(start, stop, word) for each,
//! with byte positions in `f`. Words are runs of word characters; punctuation is each of
//! , ; : ( ) . " « » “ ” alone; everything else separates.
template <class Emit>
void for_each_token(std::string_view f, Emit&& emit) {
    const AsciiClasses& a = ascii_classes();
    auto next = [&](std::size_t& i) -> char32_t {
        auto b = static_cast<unsigned char>(f[i]);
        if (b < 0x80) {
            ++i;
            return b;
        }
        return next_code_point(f, i);
    };
    auto is_word = [&](char32_t c) { return c < 128 ? a.alnum[c] : is_word_code_point(c); };
    std::size_t i = 0;
    while (i < f.size()) {
        std::size_t start = i;
        char32_t c = next(i);
        if (is_word(c)) {
            std::size_t stop = i;
            while (i < f.size()) {
                std::size_t j = i;
                if (!is_word(next(j)))
                    break;
                i = j;
                stop = j;
            }
            emit(start, stop, true);
        } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.' ||
                   c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D) {
            emit(start, i, false);
        }
    }
}

//! A word of the text: its folded form and where it is in the original.
struct Token {
    std::string norm;       //!< folded ("ambassade"); punctuation tokens are the character
    std::size_t begin = 0;  //!< byte offsets in the original text
    std::size_t end = 0;
    bool capitalized = false;  //!< first letter upper case in the original
    bool all_caps = false;     //!< every letter upper case (and at least two)
    bool word = true;          //!< false for punctuation
    //! A word of a date ("mardi", "06", "août", "2019"): a pattern's gap does not count it, so
    //! that "ont signé mardi 06 août 2019 douze accords" is "signer ~ accord".
    bool light = false;
    //! The lexicon's readings of the word, set by analyse() (empty before, and for a word the
    //! lexicon does not know); they live as long as the language data.
    std::span<const Analysis> analyses;
    //! Set by analyse(): the first reading's class, or for a word the lexicon does not know
    //! number (digits), proper (capitalised), punctuation or unknown.
    WordClass word_class = WordClass::unknown;

    //! Whether a reading has this lemma (folded).
    bool has_lemma(std::string_view lemma) const {
        for (const auto& a : analyses)
            if (*a.lemma == lemma)
                return true;
        return false;
    }
    //! Whether a reading is of this class.
    bool is(WordClass c) const {
        if (word_class == c)
            return true;
        for (const auto& a : analyses)
            if (a.word_class == c)
                return true;
        return false;
    }
};

//! fold_with_offsets() into `out`, whose buffers are reused.
void fold_with_offsets(std::string_view text, FoldedText& out);

//! Tokens of text[begin, end): words (letters and digits) and , ; : ( ) . as punctuation.
std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end);
//! The same from `folded`, the folding of the whole of `text` (valid UTF-8; begin and end at
//! code points): a text folded once for all its sentences.
std::vector<Token> tokenize(const FoldedText& folded, std::string_view text, std::size_t begin,
                            std::size_t end);
//! split_sentences() with the language's data at hand (null: no abbreviations).
std::vector<Span> split_sentences(std::string_view text, std::string_view lang,
                                  const LanguageData* data);
//! How much of a text detect_language() reads: its first 20,000 bytes.
inline constexpr std::size_t kLanguageSample = 20000;
//! detect_language() of a text of at most kLanguageSample bytes from its folding, among `langs`.
std::string detect_language(const FoldedText& folded,
                            const std::map<std::string, LanguageData>& langs);
//! Folded words of a phrase, split like the text ("chef de l'État" → chef de l etat).
std::vector<std::string> phrase_words(std::string_view phrase);

//! One element of a pattern: alternatives, each a word, a prefix (`mot*`) or a lemma (`@mot`:
//! every form the morphology gives it), or a gap (`~`).
struct PatternItem {
    bool gap = false;
    std::size_t max_gap = 4;         //!< `~` up to four words, `~~` up to eight
    std::vector<std::string> words;  //!< sorted, the forms of the lemmas included
    std::vector<std::string> prefixes;
    std::vector<std::string>
        lemmas;  //!< the `@lemma` alternatives, folded (their forms are in words)
    bool matches(std::string_view w) const;
};
using Pattern = std::vector<PatternItem>;

//! Parses "sign* ~ accord*|traite*"; `@lemma` alternatives ("@signer ~ @accord") take their
//! forms from `morphology`. Throws std::invalid_argument on an empty pattern, and on a lemma
//! without a morphology.
Pattern parse_pattern(std::string_view text, const Morphology* morphology = nullptr);
//! Several patterns separated by " | " ("s est rendu* | se rendra").
std::vector<Pattern> parse_patterns(std::string_view text, const Morphology* morphology = nullptr);
//! Where the pattern matches starting at words[i] (punctuation skipped only by gaps): the end
//! token index, or 0 when it does not.
std::size_t match_at(const Pattern& p, const std::vector<Token>& tokens, std::size_t i);

//! Patterns by the words their first item accepts (it is never a gap): what may match at a
//! token, without trying every pattern of a list there. A trie of those words and prefixes:
//! one walk along the word finds both, without hashing it or its prefixes.
class PatternIndex {
  public:
    //! Adds the pattern at position `id` of its list.
    void add(std::size_t id, const Pattern& pattern);
    //! The ids of the patterns whose first item accepts the word `w`, ascending, into `out`
    //! (cleared first). Only those can match at a word token that is `w`; none match at
    //! punctuation.
    void candidates(std::string_view w, std::vector<std::size_t>& out) const;

    //! Hashes strings and string_views alike, for lookups without a string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

  private:
    struct Node {
        std::vector<std::pair<char, std::uint32_t>> children;  // by byte, ascending
        std::vector<std::size_t> words;     // the patterns that accept this very word
        std::vector<std::size_t> prefixes;  // those that accept every word starting so
    };
    //! The node of `s`, made with the nodes on its way when missing.
    Node& node(std::string_view s);
    std::vector<Node> nodes_{1};  // nodes_[0]: the empty string
};

//! The modality kinds of modality.tsv besides `future`: a cue's kind is its position here.
inline constexpr std::array<std::string_view, 21> kCueKinds = {
    "negation", "invitation",  "denial",  "agreed",  "planned",   "reported", "mutual",
    "both",     "both_people", "ousted",  "sourced", "comment",   "topic",    "aside",
    "host",     "place_noun",  "another", "clause",  "committed", "vague",    "subordinate"};

//! A cue kind the code names, found in kCueKinds when compiling: a name that is none does not
//! compile.
struct CueKind {
    std::size_t slot;
    consteval CueKind(const char* name) : slot(kCueKinds.size()) {
        for (std::size_t k = 0; k < kCueKinds.size(); ++k)
            if (kCueKinds[k] == name)
                slot = k;
        if (slot == kCueKinds.size())
            throw "no such cue kind in kCueKinds";
    }
};

struct EventRule {
    std::string id;
    EventType type = EventType::MEET;
    std::string subtype;
    std::string direction;  //!< sym, dir, embassy or recv
    Pattern pattern;
    bool weak = false;  //!< dropped when a trigger of another type that is not weak is there
    bool blocks =
        false;  //!< type `-`: words that look like a trigger and are none ("dénoncer un accord")
};

//! The stop words of the languages loaded together, each with the languages that list it.
struct StopwordTable {
    //! word → a bit per language listing it (bit k: the k-th language of languages()' map).
    std::unordered_map<std::string, std::uint64_t, PatternIndex::Hash, std::equal_to<>> langs;
    std::size_t longest = 0;    //!< in bytes
    std::size_t languages = 0;  //!< how many languages the bits are for
};

struct LanguageData {
    std::string lang;
    //! The morphology stage's lexicon (verbs.tsv, conjugation.tsv, words.tsv), shared so that
    //! the readings it gives tokens stay put.
    std::shared_ptr<const Morphology> morphology;
    std::vector<EventRule> events;
    std::map<std::string, std::vector<Pattern>> cues;  //!< modality kind → patterns
    std::vector<std::string> future_suffixes;
    std::vector<std::pair<std::string, Pattern>> subtypes;
    std::vector<std::string> stopwords;
    //! The same, to look words up (by string_view too).
    std::unordered_set<std::string, PatternIndex::Hash, std::equal_to<>> stopword_set;
    std::size_t longest_stopword = 0;  //!< in bytes: longer words need no looking up
    //! Set by languages(): the table of all its languages' stop words, so that
    //! detect_language() looks a word up once, and this language's bit in it.
    std::shared_ptr<const StopwordTable> all_stopwords;
    std::uint64_t stopword_bit = 0;
    std::vector<std::string> abbreviations;  //!< as written, period included
    std::vector<std::string> regions;        //!< phrases that name regions, not states

    // The same patterns indexed by their first words (positions in the lists above).
    PatternIndex event_index;
    std::map<std::string, PatternIndex> cue_index;  //!< by modality kind, as cues
    PatternIndex subtype_index;
    //! Every cue of every kind in one index: ids are positions in cue_refs, which gives the
    //! kind (its position in kCueKinds) and the pattern's position in that kind's list.
    PatternIndex cue_any_index;
    std::vector<std::pair<std::size_t, std::size_t>> cue_refs;
};

//! The cues (modality patterns) of one sentence, looked for at a token the first time it is
//! asked about, for every kind at once: one index lookup per token instead of one per kind and
//! question.
class CueTable {
  public:
    //! Forgets the previous sentence; `tokens` must outlive the answers asked of it.
    void reset(const LanguageData& data, const std::vector<Token>& tokens);
    const std::vector<Token>* tokens() const { return tokens_; }
    //! The least end that match_at gives for the cues of kind `kind` (a position in
    //! kCueKinds) starting at token i, or 0 when none matches there.
    std::size_t end(std::size_t kind, std::size_t i) {
        // Asked several times a token (cue_in scans ranges): inline once the token is known.
        const auto& t = *tokens_;
        if (i >= t.size() || kind >= lists_.size() || !t[i].word)
            return 0;
        if (!known_[i])
            fill(i);
        return ends_[i * lists_.size() + kind];
    }

  private:
    //! Finds the cues of every kind at token i.
    void fill(std::size_t i);

    const LanguageData* data_ = nullptr;
    const std::vector<Token>* tokens_ = nullptr;
    std::vector<const std::vector<Pattern>*> lists_;  // by kind, null when the data has none
    std::vector<std::uint32_t> ends_;                 // token × kind
    std::vector<char> known_;                         // by token
    std::vector<std::size_t> candidates_;
};

//! The morphology stage: fills each token's `analyses` and `word_class` from the language's
//! lexicon (one lookup a word). Matching patterns does not need it (their `@lemma` items hold
//! the lemma's forms); what reads structure (chunks, clauses, frames) does.
void analyse(std::vector<Token>& tokens, const LanguageData& data);

//! The languages under data_dir/lang/ (loaded once; throws DictionaryError naming file:line).
const std::map<std::string, LanguageData>& languages(const std::filesystem::path& data_dir);
//! languages() of Dictionaries::default_data_dir().
const std::map<std::string, LanguageData>& default_languages();

}  // namespace diplograph::text
