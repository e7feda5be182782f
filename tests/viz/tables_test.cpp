// --format csv|tsv: the tables of timeline, links, entities and rank for spreadsheets, and
// export's folder of tables, read back with Python's csv module (RFC 4180); the store's views
// (docs/schema.md) queried read-only with Python's sqlite3; people's roles in every export.
#include "viz_support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

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

// Macron (his roles come from data/people.tsv: head of state of FRA, co-prince of AND) meets
// Germany; the sentence has a comma and quotes.
constexpr const char* kQuoted =
    R"json({"source": {"url": "https://t.example/quote", "title": "Quote, \"here\"", "outlet": "Wire", "published": "2025-01-10", "lang": "en"}, "countries": ["FRA", "DEU"], "people": [{"name": "Emmanuel Macron", "country": "FRA"}], "events": [{"type": "MEET", "actors": ["FRA", "DEU"], "people": ["Emmanuel Macron"], "date": "2025-01-09", "status": "occurred", "evidence": "He said: \"We agree, fully.\""}]}
)json";
constexpr const char* kQuotedSentence = "He said: \"We agree, fully.\"";

//! A shell word: single-quoted, inner quotes escaped.
std::string sh_word(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

//! Each statement's rows, read by tests/viz/store_query.py with the store opened read-only.
rapidjson::Document store_query(const std::filesystem::path& db,
                                const std::vector<std::string>& statements) {
    std::string command =
        "/usr/bin/python3 " + quoted(test_data("viz/store_query.py")) + " " + quoted(db);
    for (const auto& sql : statements)
        command += " " + sh_word(sql);
    std::string json = shell(command);
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    EXPECT_FALSE(doc.HasParseError()) << json.substr(0, 500);
    return doc;
}

std::string cell(const rapidjson::Value& v) {
    if (v.IsString())
        return v.GetString();
    if (v.IsNull())
        return "NULL";
    if (v.IsInt64())
        return std::to_string(v.GetInt64());
    return "?";
}

class TablesExport : public Tables {
  protected:
    void SetUp() override {
        Tables::SetUp();
        auto r = run_diplograph(
            {"--db", db_.string(), "import", dir_.write("quote.jsonl", kQuoted).string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    //! The value of the first row of the first statement.
    std::string scalar(const std::string& sql) {
        auto doc = store_query(db_, {sql});
        return cell(doc[0][0][0]);
    }
    //! export --format FORMAT -o DIR ARGS; each file read back, by name.
    std::map<std::string, rapidjson::Document> export_tables(const std::string& format,
                                                             std::vector<std::string> args = {}) {
        const auto out = dir_ / ("tables-" + format + std::to_string(++exports_));
        std::vector<std::string> command{"--db", db_.string(), "export",    "--format",
                                         format, "-o",         out.string()};
        command.insert(command.end(), args.begin(), args.end());
        auto r = run_diplograph(command);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::map<std::string, rapidjson::Document> files;
        for (const char* name : {"events", "participants", "evidence", "actors", "roles"}) {
            auto file = out / (std::string(name) + "." + format);
            EXPECT_TRUE(std::filesystem::exists(file)) << file;
            files.emplace(name, read_back(format, file));
        }
        return files;
    }
    int exports_ = 0;
};

//! The column of `name` in a read-back table.
rapidjson::SizeType column(const rapidjson::Document& table, const std::string& name) {
    const auto& header = table["header"];
    for (rapidjson::SizeType i = 0; i < header.Size(); ++i)
        if (header[i].GetString() == name)
            return i;
    ADD_FAILURE() << "no column " << name;
    return 0;
}

TEST_F(TablesExport, CsvFolderHoldsTheStoresEventsParticipantsEvidenceActorsAndRoles) {
    auto t = export_tables("csv");
    EXPECT_EQ(
        strings(t["events"]["header"]),
        (std::vector<std::string>{"event", "date", "first", "last", "precision", "type", "subtype",
                                  "family", "status", "place", "cameo", "plover", "plover_mode",
                                  "goldstein", "initiators", "targets", "others", "sources"}));
    EXPECT_EQ(strings(t["participants"]["header"]),
              (std::vector<std::string>{"event", "actor", "role"}));
    EXPECT_EQ(strings(t["evidence"]["header"]),
              (std::vector<std::string>{"event", "sentence", "url", "title", "outlet", "published",
                                        "source", "rule", "confidence"}));
    EXPECT_EQ(strings(t["actors"]["header"]),
              (std::vector<std::string>{"actor", "name", "kind", "country", "selected", "focus",
                                        "roles"}));
    EXPECT_EQ(strings(t["roles"]["header"]),
              (std::vector<std::string>{"person", "name", "role", "of", "of_name", "of_kind",
                                        "since", "until"}));
    for (const auto& [name, table] : t)
        for (const auto& row : table["rows"].GetArray())
            EXPECT_EQ(row.Size(), table["header"].Size()) << name;
    // Every event of this store links a pair: the whole export holds all of them.
    EXPECT_EQ(std::to_string(t["events"]["rows"].Size()), scalar("SELECT count(*) FROM events"));
    EXPECT_EQ(std::to_string(t["evidence"]["rows"].Size()),
              scalar("SELECT count(*) FROM evidence"));
    EXPECT_EQ(std::to_string(t["participants"]["rows"].Size()),
              scalar("SELECT count(*) FROM (SELECT DISTINCT event, actor, role FROM "
                     "participants)"));
    // A known row: the severance's evidence with its article.
    bool sever = false, quote = false;
    for (const auto& row : t["evidence"]["rows"].GetArray()) {
        auto r = strings(row);
        if (r[1] == "Mali cut diplomatic ties with France in August, the ministry said.") {
            sever = true;
            EXPECT_EQ(r[2], "https://example.net/sahel/briefing");
            EXPECT_EQ(r[3], "Sahel briefing");
            EXPECT_EQ(r[4], "Example Monitor");
            EXPECT_EQ(r[5], "2025-12-02");
            EXPECT_EQ(r[6].rfind("source/", 0), 0u);
        }
        if (r[1] == kQuotedSentence) {
            quote = true;
            EXPECT_EQ(r[3], "Quote, \"here\"");
        }
    }
    EXPECT_TRUE(sever);
    EXPECT_TRUE(quote);
    const auto raw = read_file(dir_ / "tables-csv1" / "evidence.csv");
    EXPECT_NE(raw.find(",\"He said: \"\"We agree, fully.\"\"\",https://t.example/quote,"),
              std::string::npos)
        << raw;
    // The severance's event row: its date, roles and one source.
    bool sever_event = false;
    for (const auto& row : t["events"]["rows"].GetArray()) {
        auto r = strings(row);
        if (r[5] != "RELATIONS_SEVER")
            continue;
        sever_event = true;
        EXPECT_EQ(r[1], "2025-08");
        EXPECT_EQ(r[2], "2025-08-01");
        EXPECT_EQ(r[3], "2025-08-31");
        EXPECT_EQ(r[7], "conflict");
        EXPECT_EQ(r[14], "MLI");
        EXPECT_EQ(r[15], "FRA");
        EXPECT_EQ(r[17], "1");
    }
    EXPECT_TRUE(sever_event);
    // Every actor the other tables name is a row of actors.csv.
    std::set<std::string> actors;
    for (const auto& row : t["actors"]["rows"].GetArray())
        actors.insert(row[0].GetString());
    for (const auto& row : t["participants"]["rows"].GetArray())
        EXPECT_TRUE(actors.count(row[1].GetString())) << row[1].GetString();
    for (const auto& row : t["roles"]["rows"].GetArray())
        EXPECT_TRUE(actors.count(row[3].GetString())) << row[3].GetString();
    // Macron's roles: his own country's first, Andorra's after.
    std::vector<std::string> macron;
    for (const auto& row : t["roles"]["rows"].GetArray())
        if (std::string(row[0].GetString()) == "person/emmanuel-macron")
            macron.push_back(std::string(row[2].GetString()) + " of " + row[3].GetString());
    ASSERT_GE(macron.size(), 2u);
    EXPECT_EQ(macron[0], "head of state of FRA");
    EXPECT_NE(std::find(macron.begin(), macron.end(), "head of state of AND"), macron.end());
}

TEST_F(TablesExport, TsvFolderHonoursTheExportsScope) {
    auto t = export_tables("tsv", {"--actor", "MLI"});
    // Mali's ego network: the severance with France and Togo's visit, nothing of Russia's.
    std::set<std::string> types;
    for (const auto& row : t["events"]["rows"].GetArray())
        types.insert(row[column(t["events"], "type")].GetString());
    EXPECT_EQ(types, (std::set<std::string>{"RELATIONS_SEVER", "VISIT"}));
    // A TSV field with quotes is read back as it is.
    auto since = export_tables("tsv", {"--since", "2025-01-01", "--until", "2025-01-31"});
    ASSERT_EQ(since["evidence"]["rows"].Size(), 1u);
    EXPECT_STREQ(since["evidence"]["rows"][0][1].GetString(), kQuotedSentence);
    EXPECT_EQ(since["events"]["rows"].Size(), 1u);
}

TEST_F(TablesExport, ExportCsvNeedsAFolder) {
    auto r = run_diplograph({"--db", db_.string(), "export", "--format", "csv"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "diplograph: --format csv: writes a folder of tables; name it with -o FOLDER\n");
}

TEST_F(TablesExport, ViewsAnswerOnAReadOnlyStoreAndAgreeWithLinks) {
    auto doc = store_query(
        db_, {"SELECT count(*) FROM v_events", "SELECT count(*) FROM events",
              "SELECT source, target, type, directed, events, first, last, sources FROM v_links "
              "WHERE 'TGO' IN (source, target)",
              "SELECT role, of, own_country FROM v_roles WHERE person = 'person/emmanuel-macron' "
              "ORDER BY own_country DESC, since",
              "SELECT initiators, targets, date, sources FROM v_events "
              "WHERE type = 'RELATIONS_SEVER'"});
    EXPECT_EQ(cell(doc[0][0][0]), cell(doc[1][0][0]));
    // v_links gives what `links TGO --json` gives, link for link.
    auto r = run_diplograph({"--db", db_.string(), "--json", "links", "TGO"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document links;
    links.Parse(r.out.c_str());
    ASSERT_FALSE(links.HasParseError()) << r.out;
    std::set<std::string> from_links, from_view;
    for (const auto& row : links["links"].GetArray()) {
        const auto& l = row["link"];
        std::string a = l["source"].GetString(), b = l["target"].GetString();
        const bool directed = l["directed"].GetBool();
        if (!directed && b < a)
            std::swap(a, b);
        from_links.insert(a + " " + b + " " + l["type"].GetString() + " " + (directed ? "1" : "0") +
                          " " + std::to_string(l["count"].GetInt()) + " " + cell(l["first"]) + " " +
                          cell(l["last"]) + " " + std::to_string(l["sources"].GetInt()));
    }
    for (const auto& row : doc[2].GetArray()) {
        std::string line;
        for (const auto& c : row.GetArray())
            line += (line.empty() ? "" : " ") + cell(c);
        from_view.insert(line);
    }
    EXPECT_EQ(from_view, from_links);
    EXPECT_EQ(from_view.size(), 6u);
    EXPECT_TRUE(from_view.count("RUS TGO MEET 0 1 2025-11-19 2025-11-19 2")) << r.out;
    ASSERT_GE(doc[3].Size(), 2u);
    EXPECT_EQ(cell(doc[3][0][0]) + " " + cell(doc[3][0][1]) + " " + cell(doc[3][0][2]),
              "head of state FRA 1");
    ASSERT_EQ(doc[4].Size(), 1u);
    EXPECT_EQ(cell(doc[4][0][0]) + "|" + cell(doc[4][0][1]) + "|" + cell(doc[4][0][2]) + "|" +
                  cell(doc[4][0][3]),
              "MLI|FRA|2025-08|1");
}

TEST_F(TablesExport, EveryDataExportCarriesAPersonsRolesOwnCountryFirst) {
    const std::string macron = "person/emmanuel-macron";
    auto exported = [&](const std::string& format, const std::string& name) {
        auto out = dir_ / name;
        auto r = run_diplograph(
            {"--db", db_.string(), "export", "--format", format, "-o", out.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return out;
    };
    for (const std::string kind : {"graphml", "gexf"}) {
        auto doc = read_back(kind, exported(kind, "roles." + kind));
        ASSERT_TRUE(doc["nodes"].HasMember(macron.c_str())) << kind;
        const auto& node = doc["nodes"][macron.c_str()];
        std::string roles = node["roles"].GetString();
        EXPECT_EQ(roles.rfind("head of state of FRA", 0), 0u) << kind << ": " << roles;
        EXPECT_NE(roles.find("; head of state of AND"), std::string::npos) << roles;
        EXPECT_STREQ(node["role"].GetString(), "head of state");
        EXPECT_STREQ(node["role_of"].GetString(), "FRA");
        EXPECT_FALSE(doc["nodes"]["FRA"].HasMember("roles")) << kind;
    }
    rapidjson::Document json;
    const std::string text = read_file(exported("json", "roles.json"));
    json.Parse(text.c_str());
    ASSERT_FALSE(json.HasParseError());
    bool found = false;
    for (const auto& n : json["elements"]["nodes"].GetArray()) {
        if (macron != n["data"]["id"].GetString()) {
            continue;
        }
        found = true;
        const auto& roles = n["data"]["roles"];
        ASSERT_GE(roles.Size(), 2u);
        EXPECT_STREQ(roles[0]["of"].GetString(), "FRA");
        EXPECT_STREQ(roles[0]["title"].GetString(), "head of state");
        EXPECT_TRUE(roles[0]["since"].IsString());
        EXPECT_TRUE(roles[0]["until"].IsNull());
    }
    EXPECT_TRUE(found);
    // Neo4j: HOLDS_ROLE relationships, Andorra added as a node although it takes part in no
    // event.
    auto neo4j = exported("neo4j", "neo4j");
    auto holds = read_back("csv", neo4j / "holds_role.csv");
    EXPECT_EQ(strings(holds["header"]), (std::vector<std::string>{":START_ID", ":END_ID", "role",
                                                                  "since", "until", ":TYPE"}));
    std::vector<std::string> ends;
    for (const auto& row : holds["rows"].GetArray())
        if (macron == row[0].GetString()) {
            ends.push_back(row[1].GetString());
            EXPECT_STREQ(row[5].GetString(), "HOLDS_ROLE");
        }
    ASSERT_GE(ends.size(), 2u);
    EXPECT_EQ(ends[0], "FRA");
    auto actors = read_back("csv", neo4j / "actors.csv");
    std::set<std::string> ids;
    for (const auto& row : actors["rows"].GetArray())
        ids.insert(row[0].GetString());
    for (const auto& row : holds["rows"].GetArray()) {
        EXPECT_TRUE(ids.count(row[0].GetString())) << row[0].GetString();
        EXPECT_TRUE(ids.count(row[1].GetString())) << row[1].GetString();
    }
    EXPECT_TRUE(ids.count("AND"));
    // entities --json lists them in the same order.
    auto r = run_diplograph({"--db", db_.string(), "--json", "entities", "--match", "Macron"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document e;
    e.Parse(r.out.c_str());
    ASSERT_FALSE(e.HasParseError()) << r.out;
    EXPECT_STREQ(e[0]["roles"][0]["of"].GetString(), "FRA") << r.out;
}

}  // namespace
}  // namespace diplograph::test
