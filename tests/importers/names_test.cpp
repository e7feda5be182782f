// Names that look like a party and are none: a body's generic head that a country qualifies, a
// sea or a peninsula named after a country, a language ("Russian-speaking"). Sentences written
// for these tests.
#include <diplograph/importers/findings.hpp>
#include <diplograph/importers/text.hpp>

#include "extract_support.hpp"

#include <gtest/gtest.h>

#include <set>

namespace diplograph {
namespace {

using test::dictionaries;
Batch extract(const std::string& lang, const std::string& text) {
    return test::extract(lang, text, "2024-03-02");
}

std::set<std::string> ids(const Batch& b) {
    std::set<std::string> out;
    for (const auto& e : b.entities)
        out.insert(e.id);
    return out;
}

TEST(NotParties, ANationalSecurityCouncilIsNoUnBody) {
    auto b = extract("en",
                     "The UN Security Council condemned the strike on Tuesday.\n"
                     "Russia's Security Council condemned Ukraine on Wednesday.\n");
    for (const auto& e : b.events) {
        if (e.evidence.front().sentence != 1)
            continue;
        for (const auto& p : e.participants)
            EXPECT_NE(p.actor, "org/UNSC") << to_findings_json(b);
    }
}

TEST(NotParties, AGenericHeadNamesABodyOnlyOnceItWasNamedInFull) {
    auto b = extract("fr", "Le Conseil de sécurité a condamné le Mali pour ses attaques.\n");
    EXPECT_EQ(ids(b).count("org/UNSC"), 0u) << to_findings_json(b);
    auto c = extract("fr",
                     "Le Conseil de sécurité de l'ONU s'est réuni lundi.\nLe Conseil de sécurité "
                     "a condamné le Mali pour ses attaques.\n");
    EXPECT_EQ(ids(c).count("org/UNSC"), 1u) << to_findings_json(c);
}

TEST(NotParties, TheSubjectOfASubordinateClauseIsNoParty) {
    // "a day after the Gambian authorities closed…": Gambia acts in its own clause, not in the
    // condemnation, which names nobody it condemns.
    auto b = extract("en",
                     "Canada condemned the attack on Monday, a day after the Gambian authorities "
                     "closed the border.\n");
    EXPECT_EQ(ids(b).count("GMB"), 0u) << to_findings_json(b);
    auto f = extract("fr",
                     "Le Sénégal a fermé son ambassade lundi, deux jours après que le Niger a "
                     "fermé sa frontière.\n");
    EXPECT_EQ(ids(f).count("NER"), 0u) << to_findings_json(f);
    // Named before the conjunction, a party stays one; a genitive after it is no subject.
    auto g = extract("en",
                     "Canada closed its embassy in Niger on Monday, a day after the Gambian "
                     "authorities closed the border.\n");
    EXPECT_EQ(ids(g).count("NER"), 1u) << to_findings_json(g);
    EXPECT_EQ(ids(g).count("GMB"), 0u) << to_findings_json(g);
    auto h = extract("en", "Chile thanked Brazil on Monday after Brazil's aid arrived.\n");
    EXPECT_EQ(ids(h).count("BRA"), 1u) << to_findings_json(h);
}

TEST(NotParties, WhatPartiesTalkAboutIsNoParty) {
    auto b = extract("en", "Japan and South Korea agreed to cooperate on North Korea and Iran.\n");
    EXPECT_EQ(ids(b).count("PRK"), 0u) << to_findings_json(b);
    EXPECT_EQ(ids(b).count("IRN"), 0u) << to_findings_json(b);
    EXPECT_EQ(ids(b).count("KOR"), 1u) << to_findings_json(b);
    auto f = extract("fr",
                     "Le Sénégal et la Gambie ont signé un accord sur la Mauritanie et le "
                     "Mali.\n");
    EXPECT_EQ(ids(f).count("MRT"), 0u) << to_findings_json(f);
    EXPECT_EQ(ids(f).count("GMB"), 1u) << to_findings_json(f);
    // A party introduced by "with" after the subject stays one.
    auto g = extract("en", "South Korea agreed to cooperate on trade with Japan.\n");
    EXPECT_EQ(ids(g).count("JPN"), 1u) << to_findings_json(g);
}

TEST(NotParties, ASeaNamedAfterACountryIsNoParty) {
    auto b =
        extract("en",
                "Vietnam and the Philippines signed a coast guard agreement on the South China "
                "Sea on Tuesday.\n");
    EXPECT_EQ(ids(b).count("CHN"), 0u) << to_findings_json(b);
    EXPECT_EQ(ids(b).count("VNM"), 1u) << to_findings_json(b);
    auto f = extract("fr",
                     "Le Vietnam et les Philippines ont signé mardi un accord sur la mer de Chine "
                     "méridionale.\n");
    EXPECT_EQ(ids(f).count("CHN"), 0u) << to_findings_json(f);
}

TEST(NotParties, ALanguageIsNoCountry) {
    auto b = extract("en",
                     "Syria recognised the Russian-speaking regions and Ukraine condemned Syria on "
                     "Tuesday.\n");
    EXPECT_EQ(ids(b).count("RUS"), 0u) << to_findings_json(b);
}

TEST(NotParties, WhatAParticipialClauseNamesIsNoParty) {
    // ", emboîtant le pas aux États-Unis": who was followed, not who opened.
    auto b = extract("fr",
                     "Le Honduras a inauguré mercredi son ambassade au Kenya, emboîtant le pas "
                     "aux États-Unis.\n");
    ASSERT_EQ(b.events.size(), 1u) << to_findings_json(b);
    for (const auto& p : b.events[0].participants)
        EXPECT_NE(p.actor, "USA") << to_findings_json(b);
}

TEST(NotParties, WhereTalksAreHeldIsNoParty) {
    auto b = extract("en",
                     "The foreign ministers of Japan and South Korea met on the sidelines of the "
                     "G20 summit.\n");
    ASSERT_FALSE(b.events.empty()) << to_findings_json(b);
    for (const auto& p : b.events[0].participants)
        EXPECT_NE(p.actor, "org/G20") << to_findings_json(b);
}

TEST(NotParties, SentencesGluedByAPageAreTwo) {
    auto spans =
        split_sentences("Le Mali a rompu avec l'Ukraine.Le Niger a suivi. Les U.S.A. aussi.", "fr");
    ASSERT_EQ(spans.size(), 3u);
}

}  // namespace
}  // namespace diplograph
