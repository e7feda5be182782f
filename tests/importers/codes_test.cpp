// The one CAMEO code, PLOVER category and mode, and Goldstein value of an event read from a
// text (importers/src/codes.cpp, docs/codes.md).
#include <diplograph/importers/codes.hpp>
#include <diplograph/importers/dictionaries.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

namespace diplograph {
namespace {

Event make(EventType type, std::string rule, std::string sentence, Status status = Status::occurred,
           std::string subtype = "") {
    Event e;
    e.type = type;
    e.status = status;
    e.subtype = std::move(subtype);
    e.participants = {{"GHA", ParticipantRole::initiator}, {"KEN", ParticipantRole::target}};
    Evidence x;
    x.rule = std::move(rule);
    x.text = std::move(sentence);
    e.evidence.push_back(std::move(x));
    return e;
}

// The value, or 99 (no Goldstein value is) when there is none.
double value(const std::optional<double>& g) {
    return g ? *g : 99;
}

std::string code(const Event& e) {
    EventCode c = code_event(e);
    return c.cameo + " " + c.plover + "/" + c.plover_mode;
}

TEST(Codes, VisitIsMadeUnlessTheWordingHostsIt) {
    EXPECT_EQ(code(make(EventType::VISIT, "en.visit.visit",
                        "Ghana's president visited Nairobi on Tuesday.")),
              "042 CONSULT/visit");
    EXPECT_EQ(code(make(EventType::VISIT, "en.visit.hosted",
                        "Kenya hosted a visit by Ghana's president.")),
              "043 CONSULT/host");
    EXPECT_EQ(code(make(EventType::VISIT, "fr.lemma.visit.accueil",
                        "Nairobi a accueilli le président ghanéen pour une visite.")),
              "043 CONSULT/host");
    // A visit announced is an intent to meet.
    EXPECT_EQ(code(make(EventType::VISIT, "en.visit.visit", "He will visit Nairobi next week.",
                        Status::planned)),
              "036 AGREE/visit");
}

TEST(Codes, MeetingsByTheirWording) {
    EXPECT_EQ(code(make(EventType::MEET, "en.meet.met", "The two ministers met in Accra.")),
              "040 CONSULT/meet");
    EXPECT_EQ(code(make(EventType::MEET, "en.lemma.meet.call",
                        "The presidents spoke by phone on Monday.", Status::occurred, "phone")),
              "041 CONSULT/phone");
    EXPECT_EQ(code(make(EventType::MEET, "en.lemma.meet.negotiate.with",
                        "Ghana negotiated with Kenya over the border.")),
              "046 CONSULT/negotiate");
    EXPECT_EQ(
        code(make(EventType::MEET, "en.meet.talks", "Talks are planned for May.", Status::planned)),
        "036 AGREE/meet");
    // Two countries meeting in a third one.
    Event third = make(EventType::MEET, "en.meet.met", "Ghana and Kenya met in Addis Ababa.");
    third.place = "ETH";
    EXPECT_EQ(code(third), "044 CONSULT/third-party");
    // Meeting in one of the parties' countries is no third location.
    third.place = "KEN";
    EXPECT_EQ(code(third), "040 CONSULT/meet");
}

TEST(Codes, SigningAnAgreementAndIntendingTo) {
    EXPECT_EQ(code(make(EventType::AGREEMENT, "en.agreement.sign",
                        "Ghana and Kenya signed a trade agreement.")),
              "057 AGREE/sign");
    EXPECT_EQ(code(make(EventType::AGREEMENT, "en.agreement.sign",
                        "Ghana and Kenya will sign a trade agreement.", Status::planned)),
              "030 AGREE/sign");
}

TEST(Codes, SanctionsAndBreaks) {
    EXPECT_EQ(code(make(EventType::SANCTION, "en.sanction.sanction",
                        "Canada imposed sanctions on Belarusian officials.")),
              "163 SANCTION/sanction");
    EXPECT_EQ(
        code(make(EventType::SANCTION, "en.sanction.embargo",
                  "The bloc imposed an arms embargo on the junta.", Status::occurred, "economic")),
        "163 SANCTION/embargo");
    EXPECT_EQ(code(make(EventType::SANCTION, "en.lemma.sanction.cut_aid",
                        "Washington cut aid to the government.")),
              "162 SANCTION/aid");
    EXPECT_EQ(code(make(EventType::SANCTION, "en.sanction.sanction",
                        "Canada will impose sanctions.", Status::planned)),
              "1312 THREATEN/sanction");
    EXPECT_EQ(code(make(EventType::RELATIONS_SEVER, "en.relations_sever.sever",
                        "Ghana severed diplomatic relations with Kenya.")),
              "161 SANCTION/relations");
}

TEST(Codes, ExpellingDiplomatsReducesRelationsAndIsNotAnAidAgencyExpulsion) {
    EventCode c = code_event(
        make(EventType::EXPEL_DIPLOMATS, "en.expel.expel", "Ghana expelled two Kenyan diplomats."));
    EXPECT_EQ(c.cameo, "161");
    EXPECT_NE(c.cameo, "1663");
    EXPECT_EQ(c.plover, "SANCTION");
    EXPECT_EQ(c.plover_mode, "expel");
}

TEST(Codes, EveryEmbassyTypeHasOneCode) {
    EXPECT_EQ(code(make(EventType::EMBASSY_OPEN, "en.embassy_open.open",
                        "Ghana opened an embassy in Nairobi.")),
              "050 COOPERATE/embassy");
    EXPECT_EQ(code(make(EventType::EMBASSY_REOPEN, "en.embassy_reopen.reopen",
                        "Ghana reopened its embassy in Nairobi.")),
              "050 COOPERATE/embassy");
    EXPECT_EQ(code(make(EventType::EMBASSY_CLOSE, "en.embassy_close.close",
                        "Ghana closed its embassy in Nairobi.")),
              "161 SANCTION/embassy");
}

TEST(Codes, CriticismAccusationAidAndCooperationByKind) {
    EXPECT_EQ(code(make(EventType::CONDEMN, "en.condemn.condemn", "Ghana condemned the raid.")),
              "111 ACCUSE/criticize");
    EXPECT_EQ(code(make(EventType::CONDEMN, "en.lemma.condemn.accuse",
                        "Ghana accused Kenya of arming the rebels.")),
              "112 ACCUSE/accuse");
    EXPECT_EQ(code(make(EventType::AID, "en.aid.sent", "Ghana sent food aid to Kenya.",
                        Status::occurred, "humanitarian")),
              "073 AID/humanitarian");
    EXPECT_EQ(code(make(EventType::AID, "en.aid.provide", "Ghana provided a loan to Kenya.",
                        Status::occurred, "economic")),
              "071 AID/economic");
    EXPECT_EQ(code(make(EventType::AID, "en.aid.provide", "Ghana delivered rifles to Kenya.",
                        Status::occurred, "military")),
              "072 AID/military");
    EXPECT_EQ(code(make(EventType::AID, "en.aid.provide", "Ghana pledged aid to Kenya.",
                        Status::planned)),
              "033 AGREE/aid");
    EXPECT_EQ(code(make(EventType::COOPERATION, "en.cooperation.bases",
                        "Kenya grants Ghana access to its bases.", Status::occurred, "military")),
              "062 COOPERATE/military");
    EXPECT_EQ(code(make(EventType::SUPPORT, "en.support.praise", "Ghana praised Kenya.")),
              "051 SUPPORT/praise");
    EXPECT_EQ(code(make(EventType::RELATIONS_ESTABLISH, "en.relations_establish.establish",
                        "Ghana and Kenya established diplomatic relations.")),
              "054 COOPERATE/relations");
}

TEST(Codes, GoldsteinValuesAreThePublishedOnes) {
    EXPECT_EQ(value(goldstein("042")), 1.9);
    EXPECT_EQ(value(goldstein("043")), 2.8);
    EXPECT_EQ(value(goldstein("057")), 8.0);
    EXPECT_EQ(value(goldstein("161")), -4.0);
    EXPECT_EQ(value(goldstein("163")), -8.0);
    EXPECT_EQ(value(goldstein("1312")), -5.8);
    // A four-digit code the table lacks takes its parent's value; a root has none.
    EXPECT_EQ(value(goldstein("1121")), -2.0);
    EXPECT_FALSE(goldstein("16").has_value());
    EXPECT_FALSE(goldstein("999").has_value());
}

TEST(Codes, AssignKeepsWhatADatasetGave) {
    Event gdelt = make(EventType::VISIT, "gdelt", "");
    gdelt.cameo = "043";
    gdelt.goldstein = 2.5;
    assign_codes(gdelt);
    EXPECT_EQ(gdelt.cameo, "043");
    EXPECT_EQ(gdelt.plover, "");
    EXPECT_EQ(value(gdelt.goldstein), 2.5);
    // A POLECAT row: PLOVER kept, the CAMEO code and its Goldstein value added.
    Event polecat = make(EventType::SANCTION, "polecat", "");
    polecat.plover = "SANCTION";
    polecat.plover_mode = "economic";
    assign_codes(polecat);
    EXPECT_EQ(polecat.cameo, "163");
    EXPECT_EQ(polecat.plover_mode, "economic");
    EXPECT_EQ(value(polecat.goldstein), -8.0);
    // OTHER has no code of ours.
    Event other = make(EventType::OTHER, "gdelt", "");
    assign_codes(other);
    EXPECT_EQ(other.cameo, "");
    EXPECT_FALSE(other.goldstein.has_value());
    // An article's event gets all four.
    Event read = make(EventType::EXPEL_DIPLOMATS, "en.expel.expel", "Ghana expelled them.");
    assign_codes(read);
    EXPECT_EQ(read.cameo, "161");
    EXPECT_EQ(read.plover, "SANCTION");
    EXPECT_EQ(value(read.goldstein), -4.0);
}

TEST(Codes, EveryTypeButOtherHasAnExactCodeInTheTable) {
    for (const auto& t : event_types()) {
        if (t.type == EventType::OTHER)
            continue;
        for (auto status : {Status::occurred, Status::planned}) {
            EventCode c = code_event(make(t.type, "x", "", status));
            EXPECT_TRUE(c.cameo.size() == 3 || c.cameo.size() == 4) << t.name;
            EXPECT_EQ(c.cameo.find_first_not_of("0123456789"), std::string::npos) << t.name;
            EXPECT_TRUE(goldstein(c.cameo).has_value()) << t.name << " " << c.cameo;
            EXPECT_FALSE(c.plover.empty()) << t.name;
        }
        EXPECT_EQ(t.cameo.size(), 3u) << t.name;  // the type's usual code, for `stats`
    }
}

TEST(Codes, TheGoldsteinFileRefusesABadLine) {
    auto dir = std::filesystem::temp_directory_path() / "diplograph-codes-test";
    std::filesystem::create_directories(dir / "cameo");
    {
        std::ofstream out(dir / "cameo" / "goldstein.tsv");
        out << "# test\n042\t1.9\n04x\t2\n";
    }
    try {
        read_goldstein(dir);
        ADD_FAILURE() << "no error";
    } catch (const DictionaryError& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("04x"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace diplograph
