// The discourse stage on articles written for these tests: an event named back by a noun takes
// the date and place its sentence gives; a headline that tells the body's event the other way
// round joins it; an undated article's own dates anchor its relative ones; the same meeting
// told in French and in English is one event in the store.
#include "support/support.hpp"

#include <diplograph/importers/findings.hpp>
#include <diplograph/importers/text.hpp>

#include "extract_support.hpp"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

namespace diplograph {
namespace {

using test::dictionaries;
using test::extract;

std::vector<const Event*> of_type(const Batch& b, EventType type) {
    std::vector<const Event*> out;
    for (const auto& e : b.events)
        if (e.type == type)
            out.push_back(&e);
    return out;
}

std::string initiator(const Event& e) {
    for (const auto& p : e.participants)
        if (p.role == ParticipantRole::initiator)
            return p.actor;
    return {};
}

TEST(Discourse, TheDateOfAMeetingGivenInTheNextSentenceIsTheMeetings) {
    // The seed's shape: the talks first, their date and place in the next sentence.
    auto b = extract("fr",
                     "Dakar et Nouakchott resserrent leurs liens\n"
                     "Le président sénégalais Bassirou Diomaye Faye s'est entretenu avec le "
                     "président mauritanien Mohamed Ould Ghazouani.\n"
                     "Les échanges entre les deux chefs d'État se sont déroulés le 18 avril 2024 "
                     "au palais présidentiel de Nouakchott.\n");
    auto meets = of_type(b, EventType::MEET);
    ASSERT_EQ(meets.size(), 1u);
    EXPECT_EQ(meets[0]->date.first.to_string(), "2024-04-18");
    EXPECT_EQ(meets[0]->date.precision, Precision::day);
    EXPECT_EQ(meets[0]->place, "MRT");
    // The sentence that dates it is evidence too.
    ASSERT_EQ(meets[0]->evidence.size(), 2u);
    EXPECT_EQ(meets[0]->evidence[1].rule, "fr.discourse.reference");
}

TEST(Discourse, EnglishTalksNamedBackTakeTheirWeekday) {
    auto b = extract("en",
                     "Kenya and Tanzania talk trade\n"
                     "Kenyan President William Ruto held talks with Tanzanian President Samia "
                     "Suluhu Hassan.\n"
                     "The talks took place in Dodoma on Tuesday, officials said.\n",
                     "2024-05-09");
    auto meets = of_type(b, EventType::MEET);
    ASSERT_EQ(meets.size(), 1u);
    EXPECT_EQ(meets[0]->date.first.to_string(), "2024-05-07");
    EXPECT_EQ(meets[0]->place, "TZA");
}

TEST(Discourse, AVisitNamedBackByAPossessiveIsTheSameVisit) {
    // "his visit", "sa visite": the visit already told, not a second one.
    auto en = extract("en",
                      "Ghana's leader in Lagos\n"
                      "Ghanaian President John Mahama visited Nigeria on Monday.\n"
                      "The Ghanaian leader said his visit to Nigeria was part of a regional "
                      "tour.\n",
                      "2025-03-12");
    auto visits = of_type(en, EventType::VISIT);
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(visits[0]->date.first.to_string(), "2025-03-10");
    auto fr = extract("fr",
                      "Le président ghanéen à Lagos\n"
                      "Le président ghanéen John Mahama a effectué lundi une visite au Nigeria.\n"
                      "Le dirigeant ghanéen a déclaré que sa visite au Nigeria s'inscrivait dans "
                      "une tournée régionale.\n",
                      "2025-03-12");
    EXPECT_EQ(of_type(fr, EventType::VISIT).size(), 1u);
}

TEST(Discourse, ANounNamesBackOnlyWhenItsSentenceTellsNothingElse) {
    // The second sentence tells a signing of its own: its date is the agreement's, not the
    // talks'.
    auto b = extract("en",
                     "Kenya and Tanzania talk trade\n"
                     "Kenyan President William Ruto held talks with Tanzanian President Samia "
                     "Suluhu Hassan.\n"
                     "After the talks, Kenya and Tanzania signed a trade agreement on May 3.\n",
                     "2024-05-09");
    auto meets = of_type(b, EventType::MEET);
    ASSERT_EQ(meets.size(), 1u);
    EXPECT_FALSE(meets[0]->date.known());
    auto deals = of_type(b, EventType::AGREEMENT);
    ASSERT_EQ(deals.size(), 1u);
    EXPECT_EQ(deals[0]->date.first.to_string(), "2024-05-03");
}

TEST(Discourse, AHeadlineThatTellsTheBodysEventTheOtherWayRoundJoinsIt) {
    auto b = extract("en",
                     "Ghana welcomes Nigerian humanitarian aid\n"
                     "Nigeria sent 40 tonnes of humanitarian aid to Ghana on Friday after the "
                     "floods.\n",
                     "2024-06-08");
    auto aid = of_type(b, EventType::AID);
    ASSERT_EQ(aid.size(), 1u);
    EXPECT_EQ(initiator(*aid[0]), "NGA");
    EXPECT_EQ(aid[0]->evidence.size(), 2u);
}

TEST(Discourse, APassiveWithNoAgentIsTheStorysActor) {
    // Who opens the embassies of the third sentence is the one who opens those of the second.
    auto b = extract("en",
                     "India plans new embassies\n"
                     "India will open embassies in Chad and Togo next year.\n"
                     "Further embassies will be opened in Benin and Ghana by 2021.\n",
                     "2018-03-22");
    auto opened = of_type(b, EventType::EMBASSY_OPEN);
    ASSERT_EQ(opened.size(), 2u);
    for (const auto* e : opened)
        EXPECT_EQ(initiator(*e), "IND");
    // "Le roi est attendu en Éthiopie": the king of the story travels.
    auto f = extract("fr",
                     "Le roi du Maroc au Nigeria\n"
                     "Le souverain marocain effectue depuis jeudi une visite officielle au "
                     "Nigeria.\n"
                     "Le roi est attendu ensuite en Éthiopie.\n",
                     "2016-12-04");
    auto visits = of_type(f, EventType::VISIT);
    ASSERT_EQ(visits.size(), 2u);
    EXPECT_EQ(initiator(*visits[1]), "MAR");
}

TEST(Discourse, AnAgentNamedAloneActsInTheLaterPassive) {
    // The headline names who opens, and no host (a continent); the body's passive names the
    // hosts and nobody who opens: one event, Portugal → the three hosts.
    auto b = extract("en",
                     "Portugal to open three missions in Asia\n"
                     "The cabinet approved the plan on Monday.\n"
                     "The missions will be opened in Laos, Nepal and Bhutan by 2029.\n",
                     "2026-03-02");
    auto opened = of_type(b, EventType::EMBASSY_OPEN);
    ASSERT_EQ(opened.size(), 1u);
    EXPECT_EQ(initiator(*opened[0]), "PRT");
    EXPECT_EQ(opened[0]->participants.size(), 4u);
    // Alone, the agent tells no event.
    auto alone = extract("en",
                         "Portugal to open three missions in Asia\n"
                         "The cabinet approved the plan on Monday.\n",
                         "2026-03-02");
    EXPECT_TRUE(of_type(alone, EventType::EMBASSY_OPEN).empty());
}

TEST(Discourse, TheOneAVisitIsByTravels) {
    // The subject hosts "the first visit by" the one named after "by" / "par".
    auto b = extract("en",
                     "Visit\nHanoi prepared for the first visit by Japan's prime minister "
                     "since 2017.\n",
                     "2024-03-02");
    auto visits = of_type(b, EventType::VISIT);
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(initiator(*visits[0]), "JPN");
    auto f = extract("fr",
                     "Visite\nLa visite effectuée par le président sénégalais au Mali a duré "
                     "deux jours.\n",
                     "2024-03-02");
    visits = of_type(f, EventType::VISIT);
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(initiator(*visits[0]), "SEN");
}

TEST(Discourse, AReactionAimsAtTheStorysPairOnlyWhenItNamesSomethingDone) {
    const std::string story =
        "Japan sends aid to the Philippines\n"
        "Japan sent relief goods to the Philippines on Friday.\n"
        "The Philippines thanked Japan for the help.\n";
    // A reaction to nothing told ("condemned violence in general") aims at nobody.
    auto b = extract("en", story + "Germany condemned violence in general.\n", "2024-03-02");
    EXPECT_TRUE(of_type(b, EventType::CONDEMN).empty()) << to_findings_json(b);
    // "condemned the attack": something of the story's.
    auto c = extract("en", story + "Germany condemned the attack.\n", "2024-03-02");
    auto condemned = of_type(c, EventType::CONDEMN);
    ASSERT_EQ(condemned.size(), 1u) << to_findings_json(c);
    EXPECT_EQ(initiator(*condemned[0]), "DEU");
}

TEST(Discourse, ItIsTheStateThePreviousSentenceOpenedWith) {
    auto b = extract("en",
                     "Iran and Somalia\n"
                     "Iran reopened its embassy in Somalia in 2012.\n"
                     "It also sent humanitarian aid to Somalia in 2011.\n",
                     "2016-01-15");
    auto aid = of_type(b, EventType::AID);
    ASSERT_EQ(aid.size(), 1u);
    EXPECT_EQ(initiator(*aid[0]), "IRN");
    // An impersonal "it" names nobody.
    auto c = extract("en",
                     "Iran and Somalia\n"
                     "Iran reopened its embassy in Somalia in 2012.\n"
                     "It is expected that Somalia will send aid to Kenya.\n",
                     "2016-01-15");
    for (const auto* e : of_type(c, EventType::AID))
        EXPECT_NE(initiator(*e), "IRN");
}

TEST(Discourse, AQuestionTellsNothing) {
    auto b = extract("fr",
                     "Vers une rupture des relations entre le Ghana et le Togo ?\n"
                     "Le Ghana a rappelé son ambassadeur.\n",
                     "2024-04-05");
    EXPECT_TRUE(of_type(b, EventType::RELATIONS_SEVER).empty());
}

TEST(Discourse, TheWordsOfADateAreNoDistance) {
    // "signé mardi 6 août 2019 douze accords": the date between the verb and its object.
    auto b = extract("fr",
                     "Titre\n"
                     "Le Congo et le Gabon sont voisins.\n"
                     "Ces deux pays ont signé mardi 6 août 2019 douze accords de coopération.\n");
    auto deals = of_type(b, EventType::AGREEMENT);
    ASSERT_EQ(deals.size(), 1u);
    EXPECT_EQ(deals[0]->date.first.to_string(), "2019-08-06");
}

TEST(Discourse, AnUndatedArticleIsReadAgainstItsOwnDates) {
    // No date given: "le 2 mars 2025" and "dimanche 9 mars" (no year) anchor "ce jeudi".
    auto b = extract("fr",
                     "Rabat et Paris se parlent\n"
                     "Le 2 mars 2025, les deux capitales avaient annoncé une reprise du dialogue.\n"
                     "Ce jeudi, le ministre marocain des Affaires étrangères Nasser Bourita s'est "
                     "entretenu au téléphone avec son homologue français Jean-Noël Barrot, qui est "
                     "attendu dimanche 9 mars à Rabat.\n");
    EXPECT_TRUE(b.source.published.empty());
    auto meets = of_type(b, EventType::MEET);
    ASSERT_FALSE(meets.empty());
    EXPECT_EQ(meets[0]->date.first.to_string(), "2025-03-06");
}

TEST(Discourse, AFrenchAndAnEnglishReportOfOneMeetingAreOneEventInTheStore) {
    test::TempDir dir;
    dir.write("fr.txt",
              "Ouagadougou et Niamey resserrent leurs liens\n"
              "Le capitaine Ibrahim Traoré s'est entretenu le 12 février 2025 à Niamey avec "
              "le général Abdourahamane Tiani.\n");
    dir.write("en.txt",
              "Burkina and Niger leaders meet\n"
              "Burkina Faso's leader Ibrahim Traore held talks with Niger's General "
              "Abdourahamane Tiani in Niamey on February 12, 2025.\n");
    auto db = (dir / "s.db").string();
    auto imported = test::run_diplograph(
        {"--db", db, "import", (dir / "fr.txt").string(), (dir / "en.txt").string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto timeline = test::run_diplograph({"--db", db, "--json", "timeline", "BFA", "NER"});
    ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
    rapidjson::Document d;
    d.Parse(timeline.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << timeline.out;
    ASSERT_TRUE(d.HasMember("events")) << timeline.out;
    int meets = 0;
    for (const auto& e : d["events"].GetArray())
        if (std::string(e["type"].GetString()) == "MEET") {
            ++meets;
            EXPECT_EQ(e["evidence"].GetArray().Size(), 2u) << timeline.out;
        }
    EXPECT_EQ(meets, 1) << timeline.out;
}

}  // namespace
}  // namespace diplograph
