// The tokenizer, the folding and language detection (importers/src/text/language.hpp, private to
// the importers) cross-checked against plain versions written here on varied texts: the own
// corpus and random mixes of ASCII, accented and title-case letters, ligatures, fractions,
// typographic punctuation, other scripts and invalid bytes.
#include "support/support.hpp"

#include "../importers/src/text/language.hpp"

#include <diplograph/importers/text.hpp>

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace diplograph::text {
namespace {

// tokenize() as first written: one code point at a time with ICU's classes, over the folding.
std::vector<Token> plain_tokenize(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Token> out;
    FoldedText folded = diplograph::fold_with_offsets(text.substr(begin, end - begin));
    const std::string& f = folded.text;
    auto word_char = [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; };
    std::size_t i = 0;
    while (i < f.size()) {
        std::size_t start = i;
        char32_t c = next_code_point(f, i);
        Token t;
        if (word_char(c)) {
            std::size_t stop = i;
            for (std::size_t j = i; j < f.size() && word_char(next_code_point(f, j)); i = j)
                stop = j;
            t.norm = f.substr(start, stop - start);
            t.begin = begin + folded.offsets[start];
            t.end = begin + folded.offsets[stop];
            int upper = 0, letters = 0;
            for (std::size_t k = t.begin; k < t.end;) {
                auto o = static_cast<UChar32>(next_code_point(text, k));
                if (!u_isalpha(o))
                    continue;
                bool up = u_isupper(o) || u_istitle(o);
                t.capitalized = t.capitalized || (letters == 0 && up);
                ++letters;
                upper += up;
            }
            t.all_caps = letters >= 1 && upper == letters;
        } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.' ||
                   c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D) {
            t.norm = f.substr(start, i - start);
            t.begin = begin + folded.offsets[start];
            t.end = begin + folded.offsets[i];
            t.word = false;
        } else {
            continue;
        }
        out.push_back(std::move(t));
    }
    return out;
}

// detect_language() as first written: every token of the first 20,000 bytes looked up.
std::string plain_detect(std::string_view text) {
    auto sample = text.substr(0, std::min<std::size_t>(text.size(), 20000));
    auto tokens = tokenize(sample, 0, sample.size());
    std::string best = "fr";
    std::size_t best_count = 0;
    for (const auto& [lang, data] : default_languages()) {
        std::size_t count = 0;
        for (const auto& t : tokens)
            count += data.stopword_set.count(t.norm);
        if (count > best_count) {
            best = lang;
            best_count = count;
        }
    }
    return best;
}

// split_sentences() as first written: a new iterator over the UTF-16 copy of the text, its
// offsets counted back into bytes; then the same trimming and gluing.
std::vector<Span> plain_split(std::string_view text, std::string_view lang) {
    const auto& abbreviations = default_languages().at(std::string(lang)).abbreviations;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale(std::string(lang).c_str()), status));
    EXPECT_TRUE(U_SUCCESS(status));
    it->setText(u);
    std::vector<Span> raw;
    int32_t u16 = 0;
    std::size_t byte = 0, start = 0;
    it->first();
    for (int32_t end16 = it->next(); end16 != icu::BreakIterator::DONE; end16 = it->next()) {
        for (; u16 < end16; u16 += U16_LENGTH(u.char32At(u16))) {
            UChar32 c = u.char32At(u16);
            byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        raw.push_back({start, std::min(byte, text.size())});
        start = std::min(byte, text.size());
    }
    std::vector<Span> out;
    bool glue = false;
    for (auto s : raw) {
        while (s.begin < s.end && std::isspace(static_cast<unsigned char>(text[s.begin])))
            ++s.begin;
        while (s.end > s.begin && std::isspace(static_cast<unsigned char>(text[s.end - 1])))
            --s.end;
        if (s.begin >= s.end)
            continue;
        if (glue && !out.empty() &&
            text.substr(out.back().end, s.begin - out.back().end).find('\n') ==
                std::string_view::npos)
            out.back().end = s.end;
        else
            out.push_back(s);
        auto piece = text.substr(out.back().begin, out.back().end - out.back().begin);
        auto space = piece.find_last_of(" \t\n(");
        auto last = space == std::string_view::npos ? piece : piece.substr(space + 1);
        glue = std::find(abbreviations.begin(), abbreviations.end(), last) != abbreviations.end() ||
               (last.size() == 2 && last[1] == '.' &&
                std::isupper(static_cast<unsigned char>(last[0])));
    }
    return out;
}

std::vector<std::string> varied_texts() {
    std::vector<std::string> texts = {"",
                                      " ",
                                      ".",
                                      "a",
                                      "\xFF",
                                      "\xC3",
                                      "L'\xC3\x89tat",
                                      "e\xCC\x81t\xCC\x81 \xCC\x81"
                                      "a",  // combining accents
                                      "Ce\xCC\x81sar \xC3\x80 l\xE2\x80\x99\xC3\x89lys\xC3\xA9"
                                      "e"};
    for (const auto& f :
         std::filesystem::directory_iterator(test::test_data("corpus/own/articles")))
        texts.push_back(test::read_file(f.path()));
    const std::vector<std::string> pieces = {"\xCC\x81",  // a combining accent alone
                                             "Le",
                                             "the",
                                             "of",
                                             "les",
                                             "US",
                                             "M.",
                                             "U.S.",
                                             "2026",
                                             "1er",
                                             "19",
                                             ",",
                                             ";",
                                             ":",
                                             "(",
                                             ")",
                                             ".",
                                             "\"",
                                             "-",
                                             "`",
                                             "'",
                                             "\t",
                                             "\n",
                                             "\r",
                                             "  ",
                                             "\xC3\x89",
                                             "\xC3\xA9t\xC3\xA9",  // É, été
                                             "\xC2\xA0",           // no-break space
                                             "\xC2\xAB",
                                             "\xC2\xBB",  // « »
                                             "\xE2\x80\x9C",
                                             "\xE2\x80\x9D",  // “ ”
                                             "\xE2\x80\x99",
                                             "\xE2\x80\x94",  // ’ —
                                             "\xEF\xAC\x81",  // ﬁ (folds to two letters)
                                             "\xC2\xBD",      // ½ (1⁄2: a word, a slash, a word)
                                             "\xC7\x85",      // ǅ (title case)
                                             "\xC4\xB0",      // İ
                                             "\xCE\xA3\xCE\xB9",          // Σι
                                             "\xD0\x9C\xD0\xBE\xD1\x81",  // Мос
                                             "\xE5\x8C\x97\xE4\xBA\xAC",  // 北京
                                             "\xF0\x9F\x98\x80",          // an emoji
                                             "\xFF",
                                             "\xC3",
                                             "\xE2\x80",
                                             "\xED\xA0\x80"};  // invalid: lone, cut, surrogate
    std::mt19937 rng(2026);
    for (int round = 0; round < 400; ++round) {
        std::string text;
        for (std::size_t i = 0, n = rng() % 40; i < n; ++i) {
            text += pieces[rng() % pieces.size()];
            if (rng() % 3)
                text += ' ';
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

void expect_same(const std::vector<Token>& got, const std::vector<Token>& want,
                 const std::string& text) {
    ASSERT_EQ(got.size(), want.size()) << text;
    for (std::size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(got[k].norm, want[k].norm) << text;
        EXPECT_EQ(got[k].begin, want[k].begin) << text;
        EXPECT_EQ(got[k].end, want[k].end) << text;
        EXPECT_EQ(got[k].capitalized, want[k].capitalized) << text << ": " << want[k].norm;
        EXPECT_EQ(got[k].all_caps, want[k].all_caps) << text << ": " << want[k].norm;
        EXPECT_EQ(got[k].word, want[k].word) << text;
    }
}

TEST(Tokenize, AgreesWithThePlainVersionOnVariedTexts) {
    std::size_t tokens = 0, capitalized = 0;
    for (const auto& text : varied_texts()) {
        auto want = plain_tokenize(text, 0, text.size());
        expect_same(tokenize(text, 0, text.size()), want, text);
        tokens += want.size();
        for (const auto& t : want)
            capitalized += t.capitalized;
        // A part of the text, as sentences are tokenized.
        if (text.size() > 8)
            expect_same(tokenize(text, 3, text.size() - 4),
                        plain_tokenize(text, 3, text.size() - 4), text);
    }
    EXPECT_GT(tokens, 10000u);
    EXPECT_GT(capitalized, 1000u);
}

TEST(Tokenize, FromTheWholeFoldingAgreesWithFoldingEachSentence) {
    std::size_t pieces = 0;
    std::mt19937 rng(7);
    for (const auto& text : varied_texts()) {
        if (find_invalid_utf8(text) != std::string_view::npos)
            continue;  // refused before sentences are split
        FoldedText folded = diplograph::fold_with_offsets(text);
        // The sentences, and random pieces between code points (a combining accent folds to
        // nothing: a piece may end just before one).
        std::vector<Span> spans = diplograph::split_sentences(text, "fr");
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i < text.size(); next_code_point(text, i))
            starts.push_back(i);
        starts.push_back(text.size());
        for (int k = 0; k < 10; ++k) {
            auto a = starts[rng() % starts.size()], b = starts[rng() % starts.size()];
            spans.push_back({std::min(a, b), std::max(a, b)});
        }
        for (auto s : spans) {
            expect_same(tokenize(folded, text, s.begin, s.end), tokenize(text, s.begin, s.end),
                        text.substr(s.begin, s.end - s.begin));
            ++pieces;
        }
    }
    EXPECT_GT(pieces, 2000u);
}

TEST(Fold, ReusedBuffersGiveWhatAFreshFoldGives) {
    FoldedText reused;
    std::string last;
    for (const auto& text : varied_texts()) {
        fold_with_offsets(text, reused);
        FoldedText fresh = diplograph::fold_with_offsets(text);
        ASSERT_EQ(reused.text, fresh.text) << text << " after " << last;
        ASSERT_EQ(reused.offsets, fresh.offsets) << text << " after " << last;
        ASSERT_EQ(fresh.offsets.size(), fresh.text.size() + 1);
        last = text;
    }
}

TEST(Fold, FoldsEachCodePointOnItsOwn) {
    // Folding is by code point: the folding of a text is the foldings of its code points.
    for (const auto& text : varied_texts()) {
        std::string joined;
        std::vector<std::size_t> offsets;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t at = i;
            next_code_point(text, i);
            FoldedText one = diplograph::fold_with_offsets(text.substr(at, i - at));
            joined += one.text;
            offsets.resize(joined.size(), at);
        }
        offsets.push_back(text.size());
        FoldedText f = diplograph::fold_with_offsets(text);
        ASSERT_EQ(f.text, joined) << text;
        ASSERT_EQ(f.offsets, offsets) << text;
    }
}

TEST(Sentences, TheCachedIteratorOnUtf8AgreesWithAFreshOneOnUtf16) {
    std::size_t sentences = 0, multibyte = 0;
    for (const auto& text : varied_texts()) {
        if (find_invalid_utf8(text) != std::string_view::npos)
            continue;  // refused before sentences are split
        multibyte += std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; });
        for (const char* lang : {"fr", "en"}) {
            auto want = plain_split(text, lang);
            // By name, and with the language's data as the extractor calls it.
            for (const auto& got : {diplograph::split_sentences(text, lang),
                                    split_sentences(text, lang, &default_languages().at(lang))}) {
                ASSERT_EQ(got.size(), want.size()) << lang << ": " << text;
                for (std::size_t k = 0; k < got.size(); ++k) {
                    EXPECT_EQ(got[k].begin, want[k].begin) << lang << ": " << text;
                    EXPECT_EQ(got[k].end, want[k].end) << lang << ": " << text;
                }
            }
            sentences += want.size();
        }
    }
    EXPECT_GT(sentences, 1000u);
    EXPECT_GT(multibyte, 100u);
}

TEST(Language, DetectionAgreesWithCountingEveryToken) {
    std::size_t en = 0, fr = 0;
    for (const auto& text : varied_texts()) {
        auto want = plain_detect(text);
        EXPECT_EQ(diplograph::detect_language(text), want) << text;
        if (text.size() <= 20000) {
            EXPECT_EQ(detect_language(diplograph::fold_with_offsets(text), default_languages()),
                      want)
                << text;
        }
        (want == "en" ? en : fr) += 1;
    }
    EXPECT_GT(en, 20u);
    EXPECT_GT(fr, 20u);
}

}  // namespace
}  // namespace diplograph::text
