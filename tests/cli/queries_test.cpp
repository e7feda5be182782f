// End to end: a small store imported from tests/cli/data/queries_world.jsonl, then every query
// command and filter with its expected answer.
//
// The world: TGO–RUS (a meeting of 2025-11-19 reported by two sources, with Faure Gnassingbé and
// Vladimir Putin; a military agreement; two embassy reopenings agreed for 2026), FRA→TGO (visit
// 2025-03-01, aid 2025-03 reported), USA→RUS sanction 2024-06-12, UKR→RUS condemnation 2024-06,
// MLI–BFA–NER cooperation 2025-01-28, MLI→FRA condemnation 2025-01 reported, ECOWAS→NER
// sanction 2023-08-10, and apart from all of them BRA–ARG talks planned for 2023-06.
#include "support/support.hpp"

#include <diplograph/graph/store.hpp>

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <memory>

namespace diplograph::test {
namespace {

class Queries : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        db_ = (*dir_ / "world.db").string();
        auto r = run_diplograph(
            {"--db", db_, "import", test_data("cli/data/queries_world.jsonl").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static RunResult query(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return run_diplograph(args);
    }
    //! Runs with --json and parses the answer.
    static rapidjson::Document json(std::vector<std::string> args) {
        args.insert(args.begin(), "--json");
        auto r = query(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        rapidjson::Document d;
        d.Parse(r.out.c_str());
        EXPECT_FALSE(d.HasParseError()) << r.out;
        return d;
    }
    //! "RUS MEET 1" for each link of a links answer, in order.
    static std::vector<std::string> link_rows(const rapidjson::Document& d) {
        std::vector<std::string> out;
        for (const auto& l : d["links"].GetArray())
            out.push_back(std::string(l["other"]["id"].GetString()) + " " +
                          l["link"]["type"].GetString() + " " +
                          std::to_string(l["link"]["count"].GetInt()));
        return out;
    }
    static std::vector<std::string> ids(const rapidjson::Value& array, const char* key = "id") {
        std::vector<std::string> out;
        for (const auto& x : array.GetArray())
            out.push_back(x.IsString() ? x.GetString() : x[key].GetString());
        return out;
    }

    static std::unique_ptr<TempDir> dir_;
    static std::string db_;
};
std::unique_ptr<TempDir> Queries::dir_;
std::string Queries::db_;

// The links are drawn from the roles (docs/queries.md): the two reopenings go one way each
// (TGO → RUS, RUS → TGO), and Faure Gnassingbé is on Togo's side of the meeting, not a partner.
const std::vector<std::string> kTogoLinks = {"FRA VISIT 1",
                                             "FRA AID 1",
                                             "RUS MEET 1",
                                             "RUS AGREEMENT 1",
                                             "RUS EMBASSY_REOPEN 1",
                                             "RUS EMBASSY_REOPEN 1",
                                             "person/vladimir-putin MEET 1"};

TEST_F(Queries, LinksTable) {
    auto r = query({"links", "TGO"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "links of Togo (TGO)\n"
              "\n"
              "link                         partner                                 type        "
              "    events  first       last        status    sources\n"
              "---------------------------  --------------------------------------  ------------"
              "--  ------  ----------  ----------  --------  -------\n"
              "TGO ← FRA                    France (FRA)                            VISIT       "
              "    1       2025-03-01  2025-03-01  occurred  1\n"
              "TGO ← FRA                    France (FRA)                            AID         "
              "    1       2025-03-01  2025-03-31  reported  1\n"
              "TGO – RUS                    Russia (RUS)                            MEET        "
              "    1       2025-11-19  2025-11-19  occurred  2\n"
              "TGO – RUS                    Russia (RUS)                            AGREEMENT   "
              "    1       2025-11-19  2025-11-19  occurred  1\n"
              "TGO ← RUS                    Russia (RUS)                            EMBASSY_REOP"
              "EN  1       2026-01-01  2026-12-31  agreed    1\n"
              "TGO → RUS                    Russia (RUS)                            EMBASSY_REOP"
              "EN  1       2026-01-01  2026-12-31  agreed    1\n"
              "TGO – person/vladimir-putin  Vladimir Putin (person/vladimir-putin)  MEET        "
              "    1       2025-11-19  2025-11-19  occurred  2\n");
}

TEST_F(Queries, LinksJsonByNameInAnyLanguage) {
    auto d = json({"links", "Togo"});
    EXPECT_EQ(link_rows(d), kTogoLinks);
    EXPECT_STREQ(d["actor"]["id"].GetString(), "TGO");
    EXPECT_TRUE(d["other"].IsNull());
    const auto& meet = d["links"][2]["link"];
    EXPECT_STREQ(meet["first"].GetString(), "2025-11-19");
    EXPECT_STREQ(meet["family"].GetString(), "diplomatic");
    EXPECT_EQ(meet["sources"].GetInt(), 2);
    EXPECT_EQ(ids(meet["statuses"]), std::vector<std::string>{"occurred"});
    EXPECT_EQ(meet["events"].Size(), 1u);

    auto pair = json({"links", "Togo", "Russie"});
    EXPECT_EQ(link_rows(pair),
              (std::vector<std::string>{"RUS MEET 1", "RUS AGREEMENT 1", "RUS EMBASSY_REOPEN 1",
                                        "RUS EMBASSY_REOPEN 1"}));
    // Direction: France visited Togo.
    const auto& visit = d["links"][0]["link"];
    EXPECT_TRUE(visit["directed"].GetBool());
    EXPECT_STREQ(visit["source"].GetString(), "FRA");
    EXPECT_STREQ(visit["target"].GetString(), "TGO");
    EXPECT_FALSE(meet["directed"].GetBool());
    EXPECT_STREQ(pair["other"]["id"].GetString(), "RUS");
}

TEST_F(Queries, LinksFilters) {
    EXPECT_EQ(link_rows(json({"links", "TGO", "--since", "2025-06", "--until", "2025-12"})),
              (std::vector<std::string>{"RUS MEET 1", "RUS AGREEMENT 1",
                                        "person/vladimir-putin MEET 1"}));
    // An event counts when its interval overlaps the window: aid of "2025-03" reaches 03-15.
    EXPECT_EQ(link_rows(json({"links", "TGO", "--since", "2025-03-15", "--until", "2025-10"})),
              (std::vector<std::string>{"FRA AID 1"}));
    EXPECT_EQ(link_rows(json({"links", "TGO", "--type", "cooperation"})),
              (std::vector<std::string>{"FRA AID 1", "RUS AGREEMENT 1"}));
    EXPECT_EQ(link_rows(json({"links", "TGO", "--type", "COOPERATION"})),
              std::vector<std::string>{});
    EXPECT_EQ(link_rows(json({"links", "TGO", "--type", "VISIT", "--type", "agreement"})),
              (std::vector<std::string>{"FRA VISIT 1", "RUS AGREEMENT 1"}));
    EXPECT_EQ(link_rows(json({"links", "TGO", "--status", "agreed"})),
              (std::vector<std::string>{"RUS EMBASSY_REOPEN 1", "RUS EMBASSY_REOPEN 1"}));
    EXPECT_EQ(link_rows(json({"links", "TGO", "--min-sources", "2"})),
              (std::vector<std::string>{"RUS MEET 1", "person/vladimir-putin MEET 1"}));
    EXPECT_EQ(link_rows(json({"links", "TGO", "--kind", "country"})),
              (std::vector<std::string>{"FRA VISIT 1", "FRA AID 1", "RUS MEET 1", "RUS AGREEMENT 1",
                                        "RUS EMBASSY_REOPEN 1", "RUS EMBASSY_REOPEN 1"}));
    auto filtered = json({"links", "TGO", "--status", "agreed"});
    EXPECT_STREQ(filtered["filters"].GetString(), "status agreed");

    auto none = query({"links", "TGO", "--type", "SANCTION"});
    EXPECT_EQ(none.exit_code, 0);
    EXPECT_EQ(none.out, "no links of Togo (TGO) (types SANCTION)\n");
}

TEST_F(Queries, PathShortestAndYen) {
    auto d = json({"path", "USA", "Mali"});
    ASSERT_EQ(d["paths"].Size(), 1u);
    EXPECT_EQ(ids(d["paths"][0]["nodes"]),
              (std::vector<std::string>{"USA", "RUS", "TGO", "FRA", "MLI"}));
    EXPECT_EQ(d["paths"][0]["hops"].GetInt(), 4);
    const auto& step = d["paths"][0]["steps"][2];  // TGO → FRA: a visit and aid
    EXPECT_STREQ(step["from"].GetString(), "TGO");
    ASSERT_EQ(step["links"].Size(), 2u);
    EXPECT_STREQ(step["links"][0]["link"]["type"].GetString(), "VISIT");
    EXPECT_STREQ(step["links"][0]["events"][0]["date"]["text"].GetString(), "2025-03-01");

    auto k = json({"path", "USA", "MLI", "--k", "5"});
    std::vector<int> hops;
    for (const auto& p : k["paths"].GetArray())
        hops.push_back(p["hops"].GetInt());
    // No person is linked to her own country: the other way goes through both leaders.
    EXPECT_EQ(hops, (std::vector<int>{4, 6}));
    EXPECT_EQ(ids(k["paths"][1]["nodes"]),
              (std::vector<std::string>{"USA", "RUS", "person/faure-gnassingbe",
                                        "person/vladimir-putin", "TGO", "FRA", "MLI"}));

    EXPECT_EQ(json({"path", "USA", "MLI", "--k", "5", "--kind", "country"})["paths"].Size(), 1u);
    EXPECT_EQ(json({"path", "USA", "MLI", "--max-hops", "3"})["paths"].Size(), 0u);
    // Without the Franco-Togolese links of March 2025 Mali is out of reach.
    EXPECT_EQ(json({"path", "USA", "MLI", "--type", "diplomatic", "--type", "conflict", "--since",
                    "2025-04"})["paths"]
                  .Size(),
              0u);

    auto none = query({"path", "Brazil", "Togo"});
    EXPECT_EQ(none.exit_code, 0);
    EXPECT_EQ(none.out, "no path from Brazil (BRA) to Togo (TGO)\n");
    auto table = query({"path", "UKR", "USA"});
    EXPECT_EQ(table.out,
              "path 1 (2 hops): Ukraine (UKR) → Russia (RUS) → United States (USA)\n"
              "from  to   link  type      date        status    sources  event\n"
              "----  ---  ----  --------  ----------  --------  -------  ----------------------\n" +
                  std::string("UKR   RUS  →     CONDEMN   2024-06     occurred  1        ") +
                  json({"links", "UKR"})["links"][0]["link"]["events"][0].GetString() + "\n" +
                  "RUS   USA  ←     SANCTION  2024-06-12  occurred  1        " +
                  json({"links", "USA"})["links"][0]["link"]["events"][0].GetString() + "\n");
}

TEST_F(Queries, Ego) {
    auto one = json({"ego", "TGO"});
    EXPECT_EQ(ids(one["actors"]),
              (std::vector<std::string>{"TGO", "FRA", "RUS", "person/vladimir-putin"}));
    EXPECT_EQ(one["actors"][0]["partners"].GetInt(), 3);
    EXPECT_EQ(one["depth"].GetInt(), 1);
    auto two = json({"ego", "Togo", "--depth", "2"});
    EXPECT_EQ(ids(two["actors"]),
              (std::vector<std::string>{"TGO", "FRA", "RUS", "person/vladimir-putin", "MLI", "UKR",
                                        "USA", "person/faure-gnassingbe"}));
    EXPECT_EQ(two["actors"][4]["depth"].GetInt(), 2);
    // 12 links: FRA→TGO ×2, MLI→FRA, RUS–TGO ×2 and the reopenings one way each, USA→RUS,
    // UKR→RUS, and the meeting's pairs across the two sides: TGO–Putin, RUS–Gnassingbé, the
    // leaders together.
    EXPECT_EQ(two["links"].Size(), 12u);
    auto countries = json({"ego", "TGO", "--depth", "2", "--kind", "country"});
    EXPECT_EQ(ids(countries["actors"]),
              (std::vector<std::string>{"TGO", "FRA", "RUS", "MLI", "UKR", "USA"}));
    auto alone = query({"ego", "TGO", "--type", "CONDEMN"});
    EXPECT_EQ(alone.out, "Togo (TGO) has no partners (types CONDEMN)\n");
}

TEST_F(Queries, TimelineWithEvidence) {
    auto d = json({"timeline", "TGO", "RUS"});
    std::vector<std::string> seen;
    for (const auto& e : d["events"].GetArray())
        seen.push_back(std::string(e["type"].GetString()) + " " + e["date"]["text"].GetString() +
                       " " + e["status"].GetString() + " " + e["date"]["precision"].GetString());
    EXPECT_EQ(seen, (std::vector<std::string>{
                        "MEET 2025-11-19 occurred day", "AGREEMENT 2025-11-19 occurred day",
                        "EMBASSY_REOPEN 2026 agreed year", "EMBASSY_REOPEN 2026 agreed year"}));
    const auto& meet = d["events"][0];
    EXPECT_EQ(meet["sources"].GetInt(), 2);
    ASSERT_EQ(meet["evidence"].Size(), 2u);
    std::set<std::string> titles, urls;
    for (const auto& x : meet["evidence"].GetArray()) {
        titles.insert(x["title"].GetString());
        urls.insert(x["url"].GetString());
    }
    EXPECT_EQ(titles, (std::set<std::string>{"Lomé et Moscou resserrent leurs liens",
                                             "Togo and Russia sign a defence pact"}));
    EXPECT_TRUE(urls.count("https://example.org/a/lome-moscou"));
    EXPECT_STREQ(d["events"][1]["subtype"].GetString(), "military");

    // Named by an alias; the whole store's timeline of a person.
    auto putin = json({"timeline", "Poutine"});
    EXPECT_STREQ(putin["actor"]["id"].GetString(), "person/vladimir-putin");
    EXPECT_EQ(putin["events"].Size(), 1u);

    auto all = json({"timeline", "RUS", "--until", "2025"});
    std::vector<std::string> types;
    for (const auto& e : all["events"].GetArray())
        types.push_back(e["type"].GetString());
    EXPECT_EQ(types, (std::vector<std::string>{"CONDEMN", "SANCTION", "MEET", "AGREEMENT"}));

    auto text = query({"timeline", "UKR"});
    EXPECT_EQ(text.out,
              "timeline of Ukraine (UKR): 1 event\n"
              "\n"
              "2024-06 (month)  CONDEMN  occurred  UKR → RUS  1 source\n"
              "    \"Test sentence nine: Kyiv condemned the strikes.\" — New measures against "
              "Moscow <https://example.com/d/sanctions>\n");
}

TEST_F(Queries, Rank) {
    auto degree = json({"rank", "--by", "degree", "--top", "3"});
    EXPECT_EQ(ids(degree["actors"]), (std::vector<std::string>{"RUS", "MLI", "NER"}));
    EXPECT_EQ(degree["actors"][0]["score"].GetDouble(), 4.0);
    auto weighted = json({"rank", "--by", "weighted", "--top", "2"});
    EXPECT_EQ(ids(weighted["actors"]), (std::vector<std::string>{"RUS", "TGO"}));
    EXPECT_EQ(weighted["actors"][1]["score"].GetDouble(), 7.0);
    // Countries only: FRA and TGO each lie on 12 shortest paths, RUS on 11, MLI on 10.
    auto between = json({"rank", "--by", "betweenness", "--kind", "country", "--top", "4"});
    EXPECT_EQ(ids(between["actors"]), (std::vector<std::string>{"FRA", "TGO", "RUS", "MLI"}));
    EXPECT_DOUBLE_EQ(between["actors"][2]["score"].GetDouble(), 11.0);
    auto pr = json({"rank", "--by", "pagerank", "--top", "0"});
    double sum = 0;
    for (const auto& a : pr["actors"].GetArray())
        sum += a["score"].GetDouble();
    EXPECT_NEAR(sum, 1.0, 1e-9);
    EXPECT_EQ(pr["actors"].Size(), 13u);
    EXPECT_STREQ(pr["actors"][0]["id"].GetString(), "RUS");
    // The one organisation's only partner is a country: ranked alone, without partners.
    auto orgs = json({"rank", "--kind", "org"});
    EXPECT_EQ(ids(orgs["actors"]), std::vector<std::string>{"org/ECOWAS"});
    EXPECT_EQ(orgs["actors"][0]["partners"].GetInt(), 0);
    auto bad = query({"rank", "--by", "fame"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err,
              "diplograph: --by fame: expected degree, weighted, betweenness or pagerank\n");
}

TEST_F(Queries, Blocs) {
    auto d = json({"blocs"});
    ASSERT_EQ(d["components"].Size(), 2u);
    EXPECT_EQ(d["components"][0].Size(), 11u);
    EXPECT_EQ(ids(d["components"][1]), (std::vector<std::string>{"ARG", "BRA"}));
    std::vector<std::vector<std::string>> communities;
    for (const auto& c : d["communities"].GetArray())
        communities.push_back(ids(c["members"]));
    EXPECT_EQ(
        communities,
        (std::vector<std::vector<std::string>>{
            {"FRA", "RUS", "TGO", "UKR", "USA", "person/faure-gnassingbe", "person/vladimir-putin"},
            {"BFA", "MLI", "NER", "org/ECOWAS"},
            {"ARG", "BRA"}}));
    EXPECT_GT(d["modularity"].GetDouble(), 0.3);
    auto old = json({"blocs", "--until", "2024"});
    EXPECT_EQ(old["components"].Size(), 3u);  // USA–RUS–UKR, ECOWAS–NER, BRA–ARG
}

TEST_F(Queries, EntitiesNearMatches) {
    auto tgoo = json({"entities", "--match", "Tgoo"});
    ASSERT_GE(tgoo.Size(), 1u);
    EXPECT_STREQ(tgoo[0]["id"].GetString(), "TGO");
    auto pootin = json({"entities", "--match", "Pootin"});
    ASSERT_GE(pootin.Size(), 1u);
    EXPECT_STREQ(pootin[0]["id"].GetString(), "person/vladimir-putin");
    auto word = json({"links", "Gnassingbé"});
    EXPECT_STREQ(word["actor"]["id"].GetString(), "person/faure-gnassingbe");
}

TEST_F(Queries, UnknownActor) {
    auto r = query({"links", "Tgoo"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "diplograph: no actor named 'Tgoo'; did you mean Togo (TGO)?\n");
    EXPECT_EQ(r.out, "");
    auto p = query({"path", "TGO", "Atlantis"});
    EXPECT_EQ(p.exit_code, 2);
    EXPECT_EQ(p.err, "diplograph: no actor named 'Atlantis'\n");
}

TEST_F(Queries, BadOptions) {
    auto date = query({"links", "TGO", "--since", "2025-02-30"});
    EXPECT_EQ(date.exit_code, 1);
    EXPECT_EQ(date.err,
              "diplograph: --since 2025-02-30: not a date; expected YYYY, YYYY-MM or YYYY-MM-DD "
              "(a real day of the calendar)\n");
    auto depth = query({"ego", "TGO", "--depth", "-1"});
    EXPECT_EQ(depth.exit_code, 1);
    EXPECT_EQ(depth.err.rfind("diplograph: --depth: expected a whole number of at least 1, not "
                              "-1\n",
                              0),
              0u)
        << depth.err;
    auto k = query({"path", "TGO", "RUS", "--k", "0"});
    EXPECT_EQ(k.exit_code, 1);
    EXPECT_EQ(k.err.rfind("diplograph: --k: expected a whole number of at least 1, not 0\n", 0), 0u)
        << k.err;
    auto type = query({"rank", "--type", "HUG"});
    EXPECT_EQ(type.exit_code, 1);
    EXPECT_EQ(type.err.rfind("diplograph: --type HUG: no such event type or family", 0), 0u);
    auto status = query({"timeline", "TGO", "--status", "maybe"});
    EXPECT_EQ(status.exit_code, 1);
    EXPECT_EQ(status.err,
              "diplograph: --status maybe: expected occurred, agreed, planned or reported\n");
    auto order = query({"links", "TGO", "--since", "2026", "--until", "2025"});
    EXPECT_EQ(order.exit_code, 1);
}

TEST(QueriesStore, EmptyStore) {
    TempDir dir;
    auto db = (dir / "empty.db").string();
    { Store store(db); }
    auto r = run_diplograph({"--db", db, "rank"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "diplograph: " + db +
                         ": the store holds no events; import articles or findings first "
                         "('diplograph import FILE')\n");
    auto links = run_diplograph({"--db", db, "links", "TGO"});
    EXPECT_EQ(links.exit_code, 2);
    EXPECT_EQ(links.err, "diplograph: no actor named 'TGO'\n");
    auto missing = run_diplograph({"--db", (dir / "none.db").string(), "blocs"});
    EXPECT_EQ(missing.exit_code, 3);
}

TEST(QueriesStore, NewerStore) {
    TempDir dir;
    auto db = (dir / "newer.db").string();
    {
        Store store(db);
        store.exec("PRAGMA user_version=99");
    }
    for (std::string cmd : {"links", "path", "ego", "timeline", "rank", "blocs"}) {
        std::vector<std::string> args{"--db", db, cmd};
        if (cmd == "path")
            args.insert(args.end(), {"TGO", "RUS"});
        else if (cmd != "rank" && cmd != "blocs")
            args.push_back("TGO");
        auto r = run_diplograph(args);
        EXPECT_EQ(r.exit_code, 3) << cmd;
        EXPECT_EQ(r.err, "diplograph: " + db +
                             ": written by a newer diplograph (schema version 99, this one reads "
                             "up to " +
                             std::to_string(Store::schema_version) +
                             "); upgrade diplograph to open it\n")
            << cmd;
    }
}

}  // namespace
}  // namespace diplograph::test
