// Merging only on evidence (issue 12, point 3), end to end from the command line: two undated
// reports of a US sanction on Nicaragua from two articles stay two events, each marked as a
// possible duplicate of the other; two reports of one meeting on one day become one event.
#include "support/support.hpp"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <string>

namespace diplograph::test {
namespace {

// A findings record of one event between USA and NIC (our own wording).
std::string record(const std::string& n, const std::string& type, const std::string& date,
                   const std::string& sentence) {
    return R"({"source": {"url": "https://wire.example/)" + n + R"(", "title": "Report )" + n +
           R"(", "lang": "en"}, "countries": ["USA", "NIC"], "events": [{"type": ")" + type +
           R"(", "actors": ["USA", "NIC"], )" +
           (date.empty() ? std::string() : R"("date": ")" + date + R"(", )") +
           R"("status": "occurred", "evidence": ")" + sentence + R"("}]})";
}

std::string write(const TempDir& dir, const std::string& name, const std::string& text) {
    auto path = dir / name;
    std::ofstream(path) << text << "\n";
    return path.string();
}

rapidjson::Document timeline(const std::string& db) {
    auto r = run_diplograph({"--db", db, "--json", "timeline", "NIC"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    EXPECT_FALSE(d.HasParseError()) << r.out;
    return d;
}

TEST(Merge, TwoUndatedSanctionsFromTwoArticlesStayTwoPossibleDuplicates) {
    TempDir dir;
    const std::string db = (dir / "a.db").string();
    auto a = write(dir, "a.json",
                   record("a", "SANCTION", "", "Washington froze the assets of three officials."));
    auto b = write(dir, "b.json",
                   record("b", "SANCTION", "", "The US barred a bank in Managua from its market."));
    auto r = run_diplograph({"--db", db, "import", a, b});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2 new events, 0 merged"), std::string::npos) << r.out;

    auto d = timeline(db);
    ASSERT_TRUE(d.IsObject());
    const auto& events = d["events"];
    ASSERT_EQ(events.Size(), 2u);
    for (rapidjson::SizeType i = 0; i < 2; ++i) {
        EXPECT_EQ(events[i]["sources"].GetInt(), 1);
        const auto& dups = events[i]["possible_duplicate_of"];
        ASSERT_EQ(dups.Size(), 1u);
        EXPECT_STREQ(dups[0].GetString(), events[1 - i]["id"].GetString());
    }
    const std::string first = events[0]["id"].GetString();
    const std::string second = events[1]["id"].GetString();

    auto text = run_diplograph({"--db", db, "timeline", "NIC"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("possible duplicate of " + second), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("possible duplicate of " + first), std::string::npos) << text.out;

    auto csv = run_diplograph({"--db", db, "timeline", "NIC", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.out.find("possible_duplicate_of"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("," + second + ","), std::string::npos) << csv.out;

    // Importing b again after a change: its old link goes with it, the new event gets one.
    write(dir, "b.json",
          record("b", "SANCTION", "", "The US barred two banks in Managua from its market."));
    ASSERT_EQ(run_diplograph({"--db", db, "import", b}).exit_code, 0);
    auto again = timeline(db);
    ASSERT_EQ(again["events"].Size(), 2u);
    for (rapidjson::SizeType i = 0; i < 2; ++i)
        EXPECT_EQ(again["events"][i]["possible_duplicate_of"].Size(), 1u);
}

TEST(Merge, OneMeetingOnOneDayFromTwoArticlesIsOneEventWithTwoSources) {
    TempDir dir;
    const std::string db = (dir / "a.db").string();
    auto a =
        write(dir, "a.json", record("a", "MEET", "2025-03-14", "The two envoys met on Friday."));
    auto b = write(dir, "b.json",
                   record("b", "MEET", "2025-03-14", "Envoys of both sides talked on 14 March."));
    auto r = run_diplograph({"--db", db, "import", a, b});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 new events, 1 merged"), std::string::npos) << r.out;
    auto d = timeline(db);
    ASSERT_TRUE(d.IsObject());
    ASSERT_EQ(d["events"].Size(), 1u);
    EXPECT_EQ(d["events"][0]["sources"].GetInt(), 2);
    EXPECT_EQ(d["events"][0]["possible_duplicate_of"].Size(), 0u);
    auto text = run_diplograph({"--db", db, "timeline", "NIC"});
    EXPECT_NE(text.out.find("2 sources"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("possible duplicate"), std::string::npos) << text.out;
}

TEST(Merge, AnUndatedMeetingAndADatedOneFromTwoArticlesStayApart) {
    TempDir dir;
    const std::string db = (dir / "a.db").string();
    auto a = write(dir, "a.json", record("a", "MEET", "", "The two envoys met."));
    auto b = write(dir, "b.json", record("b", "MEET", "2025-03-14", "Envoys talked on 14 March."));
    ASSERT_EQ(run_diplograph({"--db", db, "import", a, b}).exit_code, 0);
    auto d = timeline(db);
    ASSERT_TRUE(d.IsObject());
    ASSERT_EQ(d["events"].Size(), 2u);
    EXPECT_EQ(d["events"][0]["possible_duplicate_of"].Size(), 1u);
}

}  // namespace
}  // namespace diplograph::test
