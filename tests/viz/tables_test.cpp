// --format csv|tsv: the tables of timeline, links, entities and rank for spreadsheets, read back
// with Python's csv module (RFC 4180).
#include "viz_support.hpp"

#include <gtest/gtest.h>

namespace diplograph::test {
namespace {

class Tables : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = dir_ / "t.db";
        auto r = run_diplograph(
            {"--db", db_.string(), "import", test_data("viz/data/small.jsonl").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    //! Runs a query with --format FORMAT -o FILE and reads FILE back.
    rapidjson::Document table(std::vector<std::string> args, const std::string& format) {
        const auto file = dir_ / ("out." + format);
        args.insert(args.begin(), {"--db", db_.string()});
        args.insert(args.end(), {"--format", format, "-o", file.string()});
        auto r = run_diplograph(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return read_back(format, file);
    }
    TempDir dir_;
    std::filesystem::path db_;
};

std::vector<std::string> strings(const rapidjson::Value& row) {
    std::vector<std::string> out;
    for (const auto& c : row.GetArray())
        out.push_back(c.GetString());
    return out;
}

TEST_F(Tables, TimelineCsvHasOneRowPerEventWithItsQuotedEvidence) {
    auto doc = table({"timeline", "MLI"}, "csv");
    EXPECT_EQ(strings(doc["header"]),
              (std::vector<std::string>{"event", "date", "first", "last", "precision", "type",
                                        "subtype", "status", "cameo", "plover", "plover_mode",
                                        "goldstein", "initiators", "targets", "others", "sources",
                                        "possible_duplicate_of", "evidence"}));
    ASSERT_EQ(doc["rows"].Size(), 2u);  // the severance of August, the visit of December
    auto sever = strings(doc["rows"][0]);
    ASSERT_EQ(sever.size(), 18u);
    EXPECT_EQ(sever[5], "RELATIONS_SEVER");
    EXPECT_EQ(sever[1], "2025-08");
    // Its codes (docs/codes.md): one exact CAMEO code, PLOVER category and mode, Goldstein.
    EXPECT_EQ(sever[8], "161");
    EXPECT_EQ(sever[9], "SANCTION");
    EXPECT_EQ(sever[10], "relations");
    EXPECT_EQ(sever[11], "-4");
    EXPECT_EQ(sever[12], "MLI");
    EXPECT_EQ(sever[13], "FRA");
    // A comma inside a field survives the round trip.
    EXPECT_EQ(sever[16], "");  // no possible duplicate
    EXPECT_EQ(sever[17], "Mali cut diplomatic ties with France in August, the ministry said.");
    // RFC 4180: CRLF line ends, the field with a comma quoted.
    auto raw = read_file(dir_ / "out.csv");
    EXPECT_NE(raw.find("\r\n"), std::string::npos);
    EXPECT_NE(raw.find("\"Mali cut diplomatic ties with France in August, the ministry said.\""),
              std::string::npos);
}

TEST_F(Tables, LinksRankAndEntitiesReadBackAsCsvAndTsv) {
    auto links = table({"links", "TGO"}, "csv");
    EXPECT_EQ(strings(links["header"])[0], "link");
    EXPECT_EQ(links["rows"].Size(), 6u);
    bool visit = false;
    for (const auto& row : links["rows"].GetArray())
        if (std::string(row[2].GetString()) == "VISIT") {
            visit = true;
            EXPECT_STREQ(row[0].GetString(), "TGO → MLI");
        }
    EXPECT_TRUE(visit);
    auto tsv = table({"links", "TGO"}, "tsv");
    EXPECT_EQ(tsv["rows"].Size(), 6u);
    auto rank = table({"rank", "--top", "3"}, "csv");
    EXPECT_EQ(strings(rank["header"]),
              (std::vector<std::string>{"rank", "actor", "kind", "degree", "partners"}));
    EXPECT_EQ(rank["rows"].Size(), 3u);
    auto entities = run_diplograph({"--db", db_.string(), "entities", "--format", "csv"});
    ASSERT_EQ(entities.exit_code, 0) << entities.err;
    EXPECT_EQ(entities.out.substr(0, entities.out.find("\r\n")),
              "id,kind,name,country,matched,roles");
}

TEST_F(Tables, APersonsRoleInHerOwnCountryComesFirst) {
    // Macron is also co-prince of Andorra (AND sorts before FRA): his French office leads.
    const auto file = dir_.write(
        "macron.jsonl",
        "{\"source\": {\"url\": \"https://t.example/1\", \"title\": \"t\", \"published\": "
        "\"2025-01-10\", \"lang\": \"en\"}, \"countries\": [\"FRA\", \"DEU\"], \"people\": "
        "[{\"name\": \"Emmanuel Macron\", \"country\": \"FRA\"}], \"events\": [{\"type\": "
        "\"MEET\", \"actors\": [\"FRA\", \"DEU\"], \"people\": [\"Emmanuel Macron\"], \"date\": "
        "\"2025-01-09\", \"status\": \"occurred\", \"evidence\": \"Talks.\"}]}\n");
    auto imported = run_diplograph({"--db", db_.string(), "import", file.string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto r =
        run_diplograph({"--db", db_.string(), "entities", "--match", "Macron", "--format", "tsv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = lines(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;
    const auto roles = rows[1].substr(rows[1].rfind('\t') + 1);
    EXPECT_EQ(roles.rfind("head of state of FRA", 0), 0u) << roles;
    EXPECT_NE(roles.find("head of state of AND"), std::string::npos) << roles;
}

}  // namespace
}  // namespace diplograph::test
