// The first-word index of the event, cue and subtype patterns (importers/src/text/language.hpp,
// private to the importers): what it gives is cross-checked against every pattern's first item.
#include "support/support.hpp"

#include "../importers/src/text/language.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace diplograph::text {
namespace {

std::vector<std::size_t> candidates(const PatternIndex& index, std::string_view word) {
    std::vector<std::size_t> out{99};  // candidates() clears what was there
    index.candidates(word, out);
    return out;
}

// The ids whose first item accepts the word, found by trying each one.
std::vector<std::size_t> by_hand(const std::vector<const Pattern*>& patterns,
                                 std::string_view word) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < patterns.size(); ++k)
        if (patterns[k]->front().matches(word))
            out.push_back(k);
    return out;
}

TEST(PatternIndex, GivesThePatternsWhoseFirstItemAcceptsTheWord) {
    std::vector<Pattern> patterns = {
        parse_pattern("sign* ~ accord"), parse_pattern("rompre|rompu* relations"),
        parse_pattern("s est rendu*"), parse_pattern("si|sig*|signe ~ pacte"),
        parse_pattern("rompre")};
    PatternIndex index;
    for (std::size_t k = 0; k < patterns.size(); ++k)
        index.add(k, patterns[k]);
    using V = std::vector<std::size_t>;
    EXPECT_EQ(candidates(index, "signera"), (V{0, 3}));
    EXPECT_EQ(candidates(index, "si"), (V{3}));
    EXPECT_EQ(candidates(index, "signe"), (V{0, 3}));  // once each, though 3 accepts it twice
    EXPECT_EQ(candidates(index, "sig"), (V{3}));
    EXPECT_EQ(candidates(index, "rompus"), (V{1}));
    EXPECT_EQ(candidates(index, "rompre"), (V{1, 4}));
    EXPECT_EQ(candidates(index, "s"), (V{2}));
    EXPECT_EQ(candidates(index, "est"), (V{}));
    EXPECT_EQ(candidates(index, ""), (V{}));
}

TEST(PatternIndex, AgreesWithEveryPatternOfTheLanguagesOnTheOwnCorpus) {
    const auto& langs = languages(DIPLOGRAPH_DATA_DIR);
    ASSERT_TRUE(langs.count("fr") && langs.count("en"));
    std::vector<std::string> words = {"", "a", "l", "s", "x", "signe", "rompu", "visite"};
    for (const auto& f :
         std::filesystem::directory_iterator(test::test_data("corpus/own/articles"))) {
        std::string text = test::read_file(f.path());
        for (const auto& t : tokenize(text, 0, text.size()))
            if (t.word)
                words.push_back(t.norm);
    }
    ASSERT_GT(words.size(), 2000u);
    std::size_t hits = 0;
    for (const auto& [lang, data] : langs) {
        std::vector<std::pair<const PatternIndex*, std::vector<const Pattern*>>> lists;
        lists.emplace_back(&data.event_index, std::vector<const Pattern*>{});
        for (const auto& r : data.events)
            lists.back().second.push_back(&r.pattern);
        lists.emplace_back(&data.subtype_index, std::vector<const Pattern*>{});
        for (const auto& [sub, p] : data.subtypes)
            lists.back().second.push_back(&p);
        for (const auto& [kind, patterns] : data.cues) {
            lists.emplace_back(&data.cue_index.at(kind), std::vector<const Pattern*>{});
            for (const auto& p : patterns)
                lists.back().second.push_back(&p);
        }
        for (const auto& [index, patterns] : lists) {
            for (const auto& w : words) {
                auto expected = by_hand(patterns, w);
                hits += expected.size();
                ASSERT_EQ(candidates(*index, w), expected) << lang << ": " << w;
            }
        }
    }
    EXPECT_GT(hits, 1000u);  // the words do start patterns
}

// The least end match_at gives for the cues of one kind at token i, trying every pattern.
std::size_t cue_end_by_hand(const std::vector<Pattern>& patterns, const std::vector<Token>& t,
                            std::size_t i) {
    std::size_t best = 0;
    for (const auto& p : patterns)
        if (auto end = match_at(p, t, i); end && (best == 0 || end < best))
            best = end;
    return best;
}

TEST(CueTable, AgreesWithTryingEveryCueOfEveryKindAtEveryToken) {
    const auto& langs = languages(DIPLOGRAPH_DATA_DIR);
    ASSERT_TRUE(langs.count("fr") && langs.count("en"));
    std::vector<std::string> texts = {
        "", ",", "Il n'a pas signé. Ils ont convenu de se rendre à Paris, a-t-il démenti.",
        "Both sides agreed to meet again; they did not sign, officials said (Reuters)."};
    for (const auto& f :
         std::filesystem::directory_iterator(test::test_data("corpus/own/articles")))
        texts.push_back(test::read_file(f.path()));
    for (const auto& [lang, data] : langs) {
        ASSERT_EQ(data.cues.size(), data.cue_index.size());
        std::size_t found = 0;
        CueTable table;
        for (const auto& text : texts) {
            auto t = tokenize(text, 0, text.size());
            table.reset(data, t);
            // Kinds in turn, every other one from the last token back, so that tokens are
            // asked about in both orders and a kind finds tokens another kind already looked at.
            for (const auto& [name, patterns] : data.cues) {
                auto kind = static_cast<std::size_t>(
                    std::find(kCueKinds.begin(), kCueKinds.end(), name) - kCueKinds.begin());
                ASSERT_LT(kind, kCueKinds.size()) << name;
                for (std::size_t n = 0; n <= t.size(); ++n) {
                    std::size_t i = kind % 2 ? t.size() - n : n;
                    auto expected = cue_end_by_hand(patterns, t, i);
                    found += expected != 0;
                    ASSERT_EQ(table.end(kind, i), expected) << lang << ": " << name << " at " << i;
                }
            }
            EXPECT_EQ(table.end(kCueKinds.size(), 0), 0u);  // no such kind
        }
        EXPECT_GT(found, 100u) << lang;  // the texts do have cues
    }
}

}  // namespace
}  // namespace diplograph::text
