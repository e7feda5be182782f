// End to end: two articles of our own (tests/cli/data/codes) imported, then each event's CAMEO
// code, PLOVER category and Goldstein value in timeline --json, the --cameo and --plover
// filters, and the codes in the exports (docs/codes.md).
#include "support/support.hpp"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace diplograph::test {
namespace {

class Codes : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        db_ = (*dir_ / "codes.db").string();
        auto r = run_diplograph(
            {"--db", db_, "import", test_data("cli/data/codes/ghana-kenya-visit.txt").string(),
             test_data("cli/data/codes/canada-belarus-sanctions.txt").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static RunResult query(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return run_diplograph(args);
    }
    static rapidjson::Document json(std::vector<std::string> args) {
        args.insert(args.begin(), "--json");
        auto r = query(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        EXPECT_FALSE(d.HasParseError()) << r.out;
        return d;
    }
    //! "VISIT 043 CONSULT host 2.8" for each event of a timeline answer.
    static std::vector<std::string> codes(const rapidjson::Document& d) {
        std::vector<std::string> out;
        for (const auto& e : d["events"].GetArray()) {
            std::string line = std::string(e["type"].GetString()) + " " + e["cameo"].GetString() +
                               " " + e["plover"].GetString() + " " + e["plover_mode"].GetString();
            line +=
                e["goldstein"].IsNull() ? " null" : fmt::format(" {}", e["goldstein"].GetDouble());
            out.push_back(line);
        }
        return out;
    }

    static std::unique_ptr<TempDir> dir_;
    static std::string db_;
};
std::unique_ptr<TempDir> Codes::dir_;
std::string Codes::db_;

TEST_F(Codes, TimelineJsonCarriesTheExactCodeOfEachEvent) {
    auto d = json({"timeline", "Ghana"});
    EXPECT_EQ(codes(d), (std::vector<std::string>{"VISIT 043 CONSULT host 2.8",
                                                  "AGREEMENT 057 AGREE sign 8"}));
    auto b = json({"timeline", "Belarus"});
    EXPECT_EQ(codes(b), (std::vector<std::string>{"SANCTION 163 SANCTION sanction -8",
                                                  "EXPEL_DIPLOMATS 161 SANCTION expel -4"}));
}

TEST_F(Codes, CameoFilterIsAPrefixOfTheCode) {
    auto d = json({"timeline", "Belarus", "--cameo", "161"});
    EXPECT_EQ(codes(d), (std::vector<std::string>{"EXPEL_DIPLOMATS 161 SANCTION expel -4"}));
    EXPECT_EQ(std::string(d["filters"].GetString()), "CAMEO 161");
    // 16: every reduction of relations, the sanction (163) and the expulsion (161).
    EXPECT_EQ(json({"timeline", "Belarus", "--cameo", "16"})["events"].Size(), 2u);
    EXPECT_EQ(json({"timeline", "Ghana", "--cameo", "04"})["events"].Size(), 1u);
    auto links = json({"links", "Belarus", "--cameo", "163"});
    ASSERT_EQ(links["links"].Size(), 1u);
    EXPECT_EQ(std::string(links["links"][0]["other"]["id"].GetString()), "CAN");
}

TEST_F(Codes, PloverFilterTakesTheCategory) {
    auto d = json({"timeline", "Ghana", "--plover", "agree"});
    EXPECT_EQ(codes(d), (std::vector<std::string>{"AGREEMENT 057 AGREE sign 8"}));
    EXPECT_EQ(json({"timeline", "Belarus", "--plover", "SANCTION"})["events"].Size(), 2u);
    auto none = query({"timeline", "Ghana", "--plover", "SANCTION"});
    EXPECT_EQ(none.exit_code, 0) << none.err;
    EXPECT_NE(none.out.find("no events of"), std::string::npos) << none.out;
}

TEST_F(Codes, BadCodesAreRefusedNamingTheOption) {
    auto r = query({"timeline", "Ghana", "--cameo", "04x"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--cameo 04x: not a CAMEO code"), std::string::npos) << r.err;
    r = query({"links", "Ghana", "--plover", "MEETING"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("--plover MEETING: no such PLOVER category"), std::string::npos) << r.err;
}

TEST_F(Codes, TimelineTextAndCsvShowTheCodes) {
    auto text = query({"timeline", "Ghana"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("VISIT [043 CONSULT/host +2.8]"), std::string::npos) << text.out;
    auto csv = query({"timeline", "Belarus", "--format", "csv", "-o", "-"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.out.find("status,cameo,plover,plover_mode,goldstein"), std::string::npos)
        << csv.out;
    EXPECT_NE(csv.out.find("161,SANCTION,expel,-4"), std::string::npos) << csv.out;
}

TEST_F(Codes, ExportsCarryTheCodesAndTakeTheFilters) {
    auto graphml = query({"export", "--format", "graphml", "-o", "-", "--cameo", "16"});
    ASSERT_EQ(graphml.exit_code, 0) << graphml.err;
    EXPECT_NE(graphml.out.find("<data key=\"cameo\">161</data>"), std::string::npos) << graphml.out;
    EXPECT_NE(graphml.out.find("<data key=\"goldstein\">-8</data>"), std::string::npos)
        << graphml.out;
    // The filter left the Ghana–Kenya events out.
    EXPECT_EQ(graphml.out.find("GHA"), std::string::npos) << graphml.out;

    auto gexf = query({"export", "--format", "gexf", "-o", "-", "--plover", "CONSULT"});
    ASSERT_EQ(gexf.exit_code, 0) << gexf.err;
    EXPECT_NE(gexf.out.find("<attvalue for=\"cameo\" value=\"043\"/>"), std::string::npos)
        << gexf.out;
    EXPECT_EQ(gexf.out.find("BLR"), std::string::npos) << gexf.out;

    auto cy = query({"export", "--format", "json", "-o", "-"});
    ASSERT_EQ(cy.exit_code, 0) << cy.err;
    rapidjson::Document d;
    d.Parse(cy.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << cy.out;
    std::vector<std::string> seen;
    for (const auto& e : d["elements"]["edges"].GetArray()) {
        const auto& data = e["data"];
        ASSERT_TRUE(data.HasMember("cameo")) << cy.out;
        for (const auto& c : data["cameo"].GetArray())
            seen.push_back(std::string(data["type"].GetString()) + " " + c.GetString() + " " +
                           fmt::format("{}", data["goldstein"].GetDouble()));
    }
    // One kind of link per line (the visit may link the president and his country alike).
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    EXPECT_EQ(seen, (std::vector<std::string>{"AGREEMENT 057 8", "EXPEL_DIPLOMATS 161 -4",
                                              "SANCTION 163 -8", "VISIT 043 2.8"}));

    auto neo = query({"export", "--format", "neo4j", "-o", (*dir_ / "neo4j").string()});
    ASSERT_EQ(neo.exit_code, 0) << neo.err;
    std::string events = read_file(*dir_ / "neo4j" / "events.csv");
    EXPECT_NE(events.find("cameo,plover,plover_mode,goldstein:float"), std::string::npos) << events;
    EXPECT_NE(events.find(",\"161\",\"SANCTION\",\"expel\",-4,"), std::string::npos) << events;
}

}  // namespace
}  // namespace diplograph::test
