// The first-word index of the event, cue and subtype patterns (importers/src/text/language.hpp,
// private to the importers): what it gives is cross-checked against every pattern's first item.
#include "support/support.hpp"

#include "../importers/src/text/language.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
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

namespace diplograph::text {
namespace {

// The event types the lexicon's triggers give a sentence, found as the extractor finds them:
// at each word the longest pattern that matches there (the first on a tie) and reaches past the
// previous trigger, blocking patterns giving nothing (weak ones are kept here).
std::set<EventType> trigger_types(const std::string& lang, const std::string& sentence) {
    const LanguageData& d = languages(DIPLOGRAPH_DATA_DIR).at(lang);
    auto t = tokenize(sentence, 0, sentence.size());
    std::set<EventType> out;
    std::vector<std::size_t> rules;
    std::size_t previous_end = 0;  // a trigger inside another must reach past it
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!t[i].word)
            continue;
        d.event_index.candidates(t[i].norm, rules);
        const EventRule* best = nullptr;
        std::size_t best_end = i < previous_end ? previous_end : 0;
        for (std::size_t k : rules)
            if (auto end = match_at(d.events[k].pattern, t, i); end > best_end) {
                best = &d.events[k];
                best_end = end;
            }
        if (best) {
            previous_end = best_end;
            if (!best->blocks)
                out.insert(best->type);
        }
    }
    return out;
}

bool gives(const std::string& lang, const std::string& sentence, EventType type) {
    return trigger_types(lang, sentence).count(type) > 0;
}

// Sentences of our own, one per phrasing the lemma-based lexicon is meant to cover: other
// tenses, synonyms, event nouns, orders and demands.
TEST(EventLexicon, EnglishPhrasings) {
    using E = EventType;
    EXPECT_TRUE(gives("en", "Quito told the envoys to leave within a week.", E::EXPEL_DIPLOMATS));
    EXPECT_TRUE(
        gives("en", "The ministry ordered two attaches to leave the country.", E::EXPEL_DIPLOMATS));
    EXPECT_TRUE(gives("en", "Lima declared the consul persona non grata.", E::EXPEL_DIPLOMATS));
    EXPECT_TRUE(gives("en", "Paris will stand by its ally.", E::SUPPORT));
    EXPECT_TRUE(gives("en", "The minister hailed the accord as historic.", E::SUPPORT));
    EXPECT_TRUE(gives("en", "A shipment of wheat reached the port of Aden.", E::AID));
    EXPECT_TRUE(gives("en", "Seoul airlifted tents and blankets to the region.", E::AID));
    EXPECT_TRUE(gives("en", "Washington slapped tariffs on the steel imports.", E::SANCTION));
    EXPECT_TRUE(gives("en", "The Treasury blacklisted three shipping firms.", E::SANCTION));
    EXPECT_TRUE(gives("en", "London froze the assets of the minister.", E::SANCTION));
    EXPECT_TRUE(gives("en", "Rome lambasted the decision.", E::CONDEMN));
    EXPECT_TRUE(gives("en", "The reopening of the embassy is set for May.", E::EMBASSY_REOPEN));
    EXPECT_TRUE(gives("en", "Oslo shuttered its consulate in the city.", E::EMBASSY_CLOSE));
    EXPECT_TRUE(gives("en", "The two states normalised ties in March.", E::RELATIONS_RESTORE));
    EXPECT_TRUE(
        gives("en", "Fiji severed its diplomatic links with the island.", E::RELATIONS_SEVER));
    EXPECT_TRUE(
        gives("en", "The president landed in Accra and began a tour of the region.", E::VISIT));
    EXPECT_TRUE(gives("en", "The premier arrived for a two-day visit.", E::VISIT));
    EXPECT_TRUE(gives("en", "The foreign ministers sat down with their hosts.", E::MEET));
    EXPECT_TRUE(gives("en", "The leaders are holding talks in Doha.", E::MEET));
    EXPECT_TRUE(gives("en", "The two presidents inked a defence pact.", E::AGREEMENT));
    EXPECT_TRUE(gives("en", "The sides sealed a new trade deal.", E::AGREEMENT));
    EXPECT_TRUE(gives("en", "The two sides agreed on a new trade pact.", E::AGREEMENT));
    // Withdrawing an ambassador in protest is a protest, though "withdraw" alone negates.
    EXPECT_TRUE(gives("en", "Ruritania withdrew its ambassador in protest.", E::CONDEMN));
    // Suspending aid is a sanction, not aid.
    EXPECT_TRUE(gives("en", "The bank suspended budget support to the country.", E::SANCTION));
    EXPECT_FALSE(gives("en", "The bank suspended budget support to the country.", E::AID));
    // Summoning a foreign envoy is a formal protest, with or without the word "protest".
    EXPECT_TRUE(gives("en", "The ministry summoned the Ruritanian ambassador.", E::CONDEMN));
    EXPECT_TRUE(gives("en", "The Ruritanian envoy was summoned to the ministry.", E::CONDEMN));
    EXPECT_TRUE(gives("en", "The two leaders discussed the border dispute.", E::MEET));
    EXPECT_TRUE(gives("en", "The emir hosted the visiting president.", E::MEET));
    // What the lexicon must not read as an event.
    EXPECT_FALSE(gives("en", "The missile landed in the sea.", E::VISIT));
    EXPECT_FALSE(gives("en", "The president summoned his cabinet.", E::CONDEMN));
    EXPECT_TRUE(trigger_types("en", "He rejected the accusations.").empty());
}

TEST(EventLexicon, FrenchPhrasings) {
    using E = EventType;
    EXPECT_TRUE(gives("fr", "Les deux pays signeront un accord de défense.", E::AGREEMENT));
    EXPECT_TRUE(gives("fr", "Le ministère a convoqué le chargé d'affaires.", E::CONDEMN));
    EXPECT_TRUE(gives("fr", "L'ambassadeur a été convoqué au ministère.", E::CONDEMN));
    EXPECT_TRUE(gives("fr", "L'Union a suspendu son aide budgétaire au pays.", E::SANCTION));
    EXPECT_FALSE(gives("fr", "L'Union a suspendu son aide budgétaire au pays.", E::AID));
    EXPECT_TRUE(gives("fr", "Les deux dirigeants ont évoqué la crise.", E::MEET));
    EXPECT_FALSE(gives("fr", "Le président a convoqué le conseil des ministres.", E::CONDEMN));
    EXPECT_TRUE(gives("fr", "Les ministres ont paraphé le protocole.", E::AGREEMENT));
    EXPECT_TRUE(gives("fr", "Ils parvinrent à un accord en mai.", E::AGREEMENT));
    EXPECT_TRUE(gives("fr", "La rupture des relations date de 1976.", E::RELATIONS_SEVER));
    EXPECT_TRUE(
        gives("fr", "Les deux capitales renouèrent leurs relations.", E::RELATIONS_RESTORE));
    EXPECT_TRUE(gives("fr", "Un entretien téléphonique a eu lieu lundi.", E::MEET));
    EXPECT_TRUE(gives("fr", "Les deux chefs d'État ont tenu des pourparlers.", E::MEET));
    EXPECT_TRUE(gives("fr", "Le ministre entamera jeudi une tournée régionale.", E::VISIT));
    EXPECT_TRUE(gives("fr", "Le président effectue une visite d'État.", E::VISIT));
    EXPECT_TRUE(gives("fr", "Le gouvernement a sommé les diplomates de quitter le territoire.",
                      E::EXPEL_DIPLOMATS));
    EXPECT_TRUE(gives("fr", "Bamako a déclaré le consul persona non grata.", E::EXPEL_DIPLOMATS));
    EXPECT_TRUE(gives("fr", "L'Union a gelé les avoirs de trois ministres.", E::SANCTION));
    EXPECT_TRUE(gives("fr", "Paris infligera de nouvelles sanctions.", E::SANCTION));
    EXPECT_TRUE(gives("fr", "Le pays a acheminé des vivres et des tentes.", E::AID));
    EXPECT_TRUE(gives("fr", "La cargaison de blé est arrivée au port.", E::AID));
    EXPECT_TRUE(gives("fr", "Dakar a réitéré son soutien à la candidature.", E::SUPPORT));
    EXPECT_TRUE(gives("fr", "Le ministre a fustigé cette décision.", E::CONDEMN));
    EXPECT_TRUE(gives("fr", "Le Japon rouvrira son ambassade.", E::EMBASSY_REOPEN));
    EXPECT_TRUE(gives("fr", "L'inauguration du consulat a eu lieu hier.", E::EMBASSY_OPEN));
    EXPECT_FALSE(gives("fr", "Le ministre a signalé un accord.", E::AGREEMENT));
    EXPECT_TRUE(trigger_types("fr", "Alger a rejeté ces accusations.").empty());
}

}  // namespace
}  // namespace diplograph::text
