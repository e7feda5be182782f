#include <diplograph/graph/model.hpp>

#include <gtest/gtest.h>

#include <set>

using namespace diplograph;

TEST(Date, ParsesTheThreePrecisions) {
    EXPECT_EQ(Date::parse("2025-11-19")->to_string(), "2025-11-19");
    EXPECT_EQ(Date::parse("2025-11")->to_string(), "2025-11");
    EXPECT_EQ(Date::parse("2026")->to_string(), "2026");
}

TEST(Date, WritesEveryFieldWithItsZerosAndReadsItBack) {
    EXPECT_EQ((Date{987, 3, 4}.to_string()), "0987-03-04");
    EXPECT_EQ((Date{2025, 0, 19}.to_string()), "2025");  // no month: the day is not shown
    EXPECT_EQ((Date{1, 12, 31}.to_string()), "0001-12-31");
    EXPECT_EQ((Date{9999, 10, 0}.to_string()), "9999-10");
    EXPECT_EQ((Date{-44, 3, 15}.to_string()), "-044-03-15");
    EXPECT_EQ((Date{12025, 1, 1}.to_string()), "12025-01-01");
    EXPECT_EQ(Date{}.to_string(), "");
    for (int year : {1000, 1999, 2024, 2400, 9999})  // parse() reads years from 1000
        for (int month = 0; month <= 12; ++month)
            for (int day : {0, 1, 9, 10, 28}) {
                Date d{year, month, month == 0 ? 0 : day};
                auto back = Date::parse(d.to_string());
                ASSERT_TRUE(back) << d.to_string();
                EXPECT_EQ(*back, d) << d.to_string();
            }
}

TEST(Date, RejectsImpossibleDates) {
    EXPECT_FALSE(Date::parse("2025-13-40"));
    EXPECT_FALSE(Date::parse("2025-02-29"));
    EXPECT_FALSE(Date::parse("2025-02-30"));
    EXPECT_FALSE(Date::parse("2025-00"));
    EXPECT_FALSE(Date::parse("25-01-01"));
    EXPECT_FALSE(Date::parse("2025/01/01"));
    EXPECT_FALSE(Date::parse(""));
    EXPECT_TRUE(Date::parse("2024-02-29"));
}

TEST(DateInterval, CoversTheWholeMonthOrYear) {
    auto month = *DateInterval::parse("2024-02");
    EXPECT_EQ(month.first, (Date{2024, 2, 1}));
    EXPECT_EQ(month.last, (Date{2024, 2, 29}));
    EXPECT_EQ(month.precision, Precision::month);
    auto year = *DateInterval::parse("2026");
    EXPECT_EQ(year.last, (Date{2026, 12, 31}));
    EXPECT_EQ(year.to_string(), "2026");
}

TEST(DateInterval, ApproximateIntervalPrintsItsCommonPrefix) {
    DateInterval early{{2025, 1, 1}, {2025, 4, 30}, Precision::approximate, "early in the year"};
    EXPECT_EQ(early.to_string(), "2025");
    DateInterval mid{{2025, 3, 10}, {2025, 3, 20}, Precision::approximate, "mid-March"};
    EXPECT_EQ(mid.to_string(), "2025-03");
    EXPECT_EQ(DateInterval{}.to_string(), "");
}

TEST(DateInterval, CompatibleWhenOverlappingOrUnknown) {
    auto day = *DateInterval::parse("2025-11-19");
    EXPECT_TRUE(day.compatible(*DateInterval::parse("2025-11")));
    EXPECT_TRUE(day.compatible(*DateInterval::parse("2025")));
    EXPECT_FALSE(day.compatible(*DateInterval::parse("2025-11-20")));
    EXPECT_FALSE(day.compatible(*DateInterval::parse("2024")));
    EXPECT_TRUE(day.compatible(DateInterval{}));
}

TEST(EventTypes, AllFifteenWithTheirCodesAndOther) {
    auto types = event_types();
    ASSERT_EQ(types.size(), 16u);
    std::set<std::string_view> names;
    for (const auto& t : types) {
        names.insert(t.name);
        EXPECT_EQ(event_type_from_string(t.name), t.type);
        EXPECT_EQ(to_string(t.type), t.name);
        EXPECT_TRUE(t.family == "diplomatic" || t.family == "cooperation" ||
                    t.family == "conflict" || (t.type == EventType::OTHER && t.family == "other"));
    }
    EXPECT_EQ(names.size(), 16u);
    EXPECT_EQ(types.back().type, EventType::OTHER);
    EXPECT_EQ(info(EventType::OTHER).cameo, "");
    EXPECT_EQ(info(EventType::AGREEMENT).cameo, "057");
    EXPECT_EQ(info(EventType::MEET).plover, "CONSULT");
    EXPECT_EQ(info(EventType::RELATIONS_SEVER).cameo, "161");
    EXPECT_EQ(info(EventType::CONDEMN).plover, "ACCUSE");
    EXPECT_EQ(event_type_from_string("meet"), EventType::MEET);
    EXPECT_FALSE(event_type_from_string("MEETING"));
}

TEST(Enums, RoundTripThroughText) {
    for (auto s : {Status::occurred, Status::agreed, Status::planned, Status::reported})
        EXPECT_EQ(status_from_string(to_string(s)), s);
    for (auto r :
         {ParticipantRole::initiator, ParticipantRole::target, ParticipantRole::participant,
          ParticipantRole::host, ParticipantRole::guest, ParticipantRole::party})
        EXPECT_EQ(participant_role_from_string(to_string(r)), r);
    EXPECT_EQ(entity_kind_from_string("org"), EntityKind::organization);
    EXPECT_FALSE(status_from_string("happened"));
}

TEST(Slugify, FoldsAccentsAndPunctuation) {
    EXPECT_EQ(slugify("Faure Gnassingbé"), "faure-gnassingbe");
    EXPECT_EQ(slugify("Abdel Fattah el-Sisi"), "abdel-fattah-el-sisi");
    EXPECT_EQ(slugify("  Recep Tayyip Erdoğan "), "recep-tayyip-erdogan");
    EXPECT_EQ(slugify("Jean-Noël Barrot"), "jean-noel-barrot");
    EXPECT_EQ(slugify("Øystein Ærø"), "oystein-aro");
}

TEST(Hash, StableAndDistinct) {
    EXPECT_EQ(stable_hash("abc"), stable_hash("abc"));
    EXPECT_NE(stable_hash("abc"), stable_hash("abd"));
    EXPECT_EQ(stable_hash("").size(), 16u);
    Source s;
    s.url = "https://x.example/a";
    s.content_hash = "1";
    Source t = s;
    t.content_hash = "2";
    EXPECT_EQ(make_source_id(s), make_source_id(t));  // a new version of the same URL
    s.url.clear();
    t.url.clear();
    EXPECT_NE(make_source_id(s), make_source_id(t));
}

TEST(Days, FromCivil) {
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}), 2);
    EXPECT_EQ(days_in_month(2100, 2), 28);
    EXPECT_EQ(days_in_month(2000, 2), 29);
}
