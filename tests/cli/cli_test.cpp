// End-to-end tests of the diplograph command: import, stats, entities, errors and exit codes.
#include <diplograph/graph/store.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

using namespace diplograph;
using namespace diplograph::test;

namespace {

std::string data(const std::string& name) {
    return test_data("cli/data/" + name).string();
}

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document d;
    d.Parse(text.c_str());
    EXPECT_FALSE(d.HasParseError()) << text;
    return d;
}

}  // namespace

TEST(Cli, ImportingTheSameFileTwiceLeavesTheDatabaseUnchanged) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    auto first = run_diplograph({"--db", db, "import", data("meeting-fr.json")});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.out,
              "1 imported, 0 skipped (3 new events, 0 merged into events already stored)\n");
    std::string before = Store::open_existing(db).dump();
    auto second = run_diplograph({"--db", db, "import", data("meeting-fr.json")});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(
        second.out,
        "1 imported, 0 skipped, 1 unchanged (0 new events, 0 merged into events already stored)\n");
    EXPECT_EQ(Store::open_existing(db).dump(), before);
}

TEST(Cli, TwoReportsOfOneMeetingGiveOneEventWithTwoSources) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    auto r =
        run_diplograph({"--db", db, "import", data("meeting-fr.json"), data("meeting-en.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 merged"), std::string::npos) << r.out;
    auto stats = run_diplograph({"--db", db, "--json", "stats"});
    auto doc = parse(stats.out);
    EXPECT_EQ(doc["sources"].GetInt(), 2);
    EXPECT_EQ(doc["events"]["MEET"].GetInt(), 1);
    EXPECT_EQ(doc["events"]["EMBASSY_REOPEN"].GetInt(), 2);
    EXPECT_EQ(doc["evidence"].GetInt(), 4);
    auto events = Store::open_existing(db).events();
    for (const auto& e : events)
        if (e.event.type == EventType::MEET) {
            EXPECT_EQ(e.corroboration(), 2);
        }
}

TEST(Cli, StatsJsonHasTheDocumentedShape) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    run_diplograph({"--db", db, "import", data("meeting-fr.json")});
    auto doc = parse(run_diplograph({"--db", db, "--json", "stats"}).out);
    ASSERT_TRUE(doc.IsObject());
    for (const char* key : {"sources", "entities", "events", "evidence"})
        EXPECT_TRUE(doc.HasMember(key)) << key;
    EXPECT_EQ(doc["entities"]["country"].GetInt(), 2);
    EXPECT_EQ(doc["entities"]["person"].GetInt(), 2);
    EXPECT_EQ(doc["entities"]["event"].GetInt(), 3);
    EXPECT_EQ(doc["events"].MemberCount(), 16u);  // the 15 types and OTHER
}

TEST(Cli, BadRecordsAreReportedAndTheGoodOnesKept) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    auto r = run_diplograph({"--db", db, "import", data("mixed.jsonl")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "2 imported, 4 skipped (2 new events, 0 merged into events already stored)\n");
    auto err = lines(r.err);
    ASSERT_EQ(err.size(), 4u) << r.err;
    EXPECT_NE(err[0].find("mixed.jsonl: line 2, byte"), std::string::npos);
    EXPECT_NE(err[1].find("mixed.jsonl: line 3: events[0].type: unknown event type \"MEETING\""),
              std::string::npos);
    EXPECT_NE(err[2].find("line 4: countries[0]: unknown country code \"RUX\" (did you mean RUS?)"),
              std::string::npos);
    EXPECT_NE(err[3].find("line 5: events[0].date: \"2025-13-40\" is not a date"),
              std::string::npos);
    auto doc = parse(run_diplograph({"--db", db, "--json", "stats"}).out);
    EXPECT_EQ(doc["events"]["RELATIONS_SEVER"].GetInt(), 1);
    EXPECT_EQ(doc["events"]["AGREEMENT"].GetInt(), 1);
}

TEST(Cli, InvalidUtf8AndEmptyFilesAreSkippedWithOneLineEach) {
    TempDir dir;
    auto bad = dir.write("bad.jsonl",
                         "{\"events\": [{\"type\": \"MEET\", \"actors\": [\"MLI\"], \"evidence\": "
                         "\"\xff\xfe\"}]}\n");
    auto empty = dir.write("empty.json", "");
    auto r = run_diplograph({"--db", (dir / "a.db").string(), "import", bad.string(),
                             empty.string(), data("meeting-en.json")});
    EXPECT_EQ(r.exit_code, 2);
    auto err = lines(r.err);
    ASSERT_EQ(err.size(), 2u) << r.err;
    EXPECT_NE(err[0].find("bad.jsonl: line 1, byte"), std::string::npos);
    EXPECT_NE(err[0].find("Invalid encoding"), std::string::npos);
    EXPECT_EQ(err[1], empty.string() + ": empty file: no findings to import");
    EXPECT_EQ(r.out, "1 imported, 2 skipped (1 new events, 0 merged into events already stored)\n");
}

TEST(Cli, DirectoryWithAnUnreadableFile) {
    TempDir dir;
    std::filesystem::create_directories(dir / "in/sub");
    std::filesystem::copy_file(data("meeting-fr.json"), dir / "in/a.json");
    std::filesystem::copy_file(data("meeting-en.json"), dir / "in/sub/b.json");
    std::filesystem::create_symlink(dir / "nowhere.json", dir / "in/broken.json");
    auto r = run_diplograph({"--db", (dir / "a.db").string(), "import", (dir / "in").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, (dir / "in/broken.json").string() + ": cannot read: broken symbolic link\n");
    EXPECT_EQ(r.out, "2 imported, 1 skipped (3 new events, 1 merged into events already stored)\n");
}

TEST(Cli, ReadsFindingsFromStandardInput) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    auto r = run_diplograph({"--db", db, "import", "-"}, read_file(data("meeting-en.json")));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Store::open_existing(db).stats().events.at("MEET"), 1);
}

TEST(Cli, EntitiesFindsNamesInAnyLanguage) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    run_diplograph({"--db", db, "import", data("meeting-fr.json")});
    auto r = run_diplograph({"--db", db, "entities", "--match", "Russie"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto out = lines(r.out);
    ASSERT_GE(out.size(), 3u);
    EXPECT_EQ(out[2].rfind("RUS ", 0), 0u) << r.out;
    auto json = parse(run_diplograph({"--db", db, "--json", "entities", "--match", "poutine"}).out);
    ASSERT_TRUE(json.IsArray());
    ASSERT_GE(json.Size(), 1u);
    EXPECT_STREQ(json[0]["id"].GetString(), "person/vladimir-putin");
    auto people = parse(run_diplograph({"--db", db, "--json", "entities", "--kind", "person"}).out);
    EXPECT_EQ(people.Size(), 2u);
    auto none = run_diplograph({"--db", db, "entities", "--match", "Atlantis"});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_EQ(none.err, "diplograph: no entity matches 'Atlantis'\n");
}

TEST(Cli, RefusesAFileThatIsNotADatabase) {
    TempDir dir;
    auto notes = dir.write("notes.txt", "shopping list\n");
    auto r = run_diplograph({"--db", notes.string(), "stats"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "diplograph: " + notes.string() +
                         ": not a diplograph database (not an SQLite file); left untouched. Name "
                         "another file with --db\n");
    EXPECT_EQ(read_file(notes), "shopping list\n");
}

TEST(Cli, RefusesADatabaseOfANewerVersion) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    {
        Store s(db);
        s.exec("PRAGMA user_version=42");
    }
    auto r = run_diplograph({"--db", db, "stats"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("written by a newer diplograph (schema version 42, this one reads up to " +
                         std::to_string(Store::schema_version) + ")"),
              std::string::npos)
        << r.err;
}

TEST(Cli, MissingDatabaseForAQueryIsAStoreError) {
    TempDir dir;
    auto r = run_diplograph({"--db", (dir / "none.db").string(), "stats"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("no such database"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST(Cli, UsageErrorsExitWithOne) {
    EXPECT_EQ(run_diplograph({}).exit_code, 1);
    EXPECT_EQ(run_diplograph({"frobnicate"}).exit_code, 1);
    TempDir dir;
    auto r = run_diplograph(
        {"--db", (dir / "a.db").string(), "import", "--lang", "de", data("meeting-en.json")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "diplograph: --lang de: unknown language; use fr, en or auto\n");
    auto k = run_diplograph({"--db", (dir / "a.db").string(), "entities", "--kind", "planet"});
    EXPECT_EQ(k.exit_code, 1);
}

TEST(Cli, HelpDocumentsTheExitCodes) {
    auto r = run_diplograph({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Exit codes: 0 ok, 1 usage error, 2 bad input"), std::string::npos);
    EXPECT_NE(r.out.find("import"), std::string::npos);
    EXPECT_NE(r.out.find("stats"), std::string::npos);
}

TEST(Cli, DatabaseFromTheEnvironment) {
    TempDir dir;
    std::string db = (dir / "env.db").string();
    setenv("DIPLOGRAPH_DB", db.c_str(), 1);
    auto r = run_diplograph({"import", data("meeting-en.json")});
    unsetenv("DIPLOGRAPH_DB");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(db));
}
