// `diplograph export` on a small store built from tests/viz/data/small.jsonl: every format
// compared with its golden file, then read back by the program that consumes it.
#include "viz_support.hpp"

#include <diplograph/graph/store.hpp>

#include <graphviz/cgraph.h>

#include <fmt/format.h>

#include <set>

namespace diplograph::test {

namespace {

class Export : public ::testing::Test {
  protected:
    void SetUp() override {
        auto r = run_diplograph({"--db", db_.string(), "--quiet", "import",
                                 test_data("viz/data/small.jsonl").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    //! Runs export with the given options into `name` in the temporary folder; its content.
    std::string export_to(const std::string& name, std::vector<std::string> options) {
        std::vector<std::string> args{"--db", db_.string(), "export", "-o", (dir_ / name).string()};
        args.insert(args.end(), options.begin(), options.end());
        auto r = run_diplograph(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.err, "");
        return std::filesystem::is_regular_file(dir_ / name) ? read_file(dir_ / name) : "";
    }

    TempDir dir_;
    std::filesystem::path db_ = dir_ / "small.db";
};

struct DotGraph {
    explicit DotGraph(const std::string& text) : graph(agmemread(text.c_str())) {}
    ~DotGraph() {
        if (graph)
            agclose(graph);
    }
    DotGraph(const DotGraph&) = delete;
    DotGraph& operator=(const DotGraph&) = delete;
    Agraph_t* graph;
};

std::string attr(Agraph_t* g, const char* node, const char* name) {
    Agnode_t* n = agnode(g, const_cast<char*>(node), 0);
    if (!n)
        return "<no node " + std::string(node) + ">";
    char* value = agget(n, const_cast<char*>(name));
    return value ? value : "";
}

int clusters(Agraph_t* g) {
    int count = 0;
    for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s))
        count += std::string(agnameof(s)).rfind("cluster", 0) == 0;
    return count;
}

TEST_F(Export, DotMatchesGoldenAndReadsBackInCgraph) {
    std::string dot = export_to("small.dot", {"--format", "dot", "--cluster", "country"});
    expect_golden("small.dot", dot);
    DotGraph g(dot);
    ASSERT_NE(g.graph, nullptr);
    EXPECT_EQ(agnnodes(g.graph), 8);  // 7 actors and the legend
    // No link between a minister and her own country (edges.hpp): 9 links by type, 8 by pair
    // and direction (RUS–TGO: MEET and AGREEMENT on one), and the two invisible ones that hold
    // each minister beside her country (dot, --cluster country).
    EXPECT_EQ(agnedges(g.graph), 8 + 2);
    EXPECT_NE(dot.find("label=<MEET 2025 · AGREEMENT 2025>"), std::string::npos);
    EXPECT_NE(dot.find("\"RUS\" -> \"person/ivan-petrovsky\" [style=invis"), std::string::npos);
    EXPECT_EQ(attr(g.graph, "TGO", "label"), "Togo");
    EXPECT_EQ(attr(g.graph, "TGO", "shape"), "box");
    EXPECT_EQ(attr(g.graph, "person/amara-kossi", "shape"), "ellipse");
    EXPECT_EQ(attr(g.graph, "org/ECOWAS", "shape"), "hexagon");
    // Togo and Russia, each on one row with its minister (dot draws no cluster of people).
    EXPECT_EQ(clusters(g.graph), 0);
    EXPECT_NE(dot.find("rank=same; \"TGO\"; \"person/amara-kossi\"; }"), std::string::npos);
    // Edge colours by family and styles by status; directed links (initiator → target) with an
    // arrowhead, the others without.
    EXPECT_NE(dot.find("\"MLI\" -> \"FRA\" [color=\"#C62828\""), std::string::npos);
    EXPECT_NE(
        dot.find("\"TGO\" -> \"MLI\" [color=\"#1565C0\", fontcolor=\"#1565C0\", style=dashed"),
        std::string::npos);
    EXPECT_NE(dot.find("\"RUS\" -> \"TGO\" [dir=none, color="), std::string::npos);
    EXPECT_EQ(dot.rfind("digraph", 0), 0u);
    EXPECT_NE(dot.find("style=dotted"), std::string::npos);
    EXPECT_NE(dot.find("7 actors, 8 links (9 by type), 6 events, 3 sources"), std::string::npos);
}

TEST_F(Export, LinkLimitIsReported) {
    // 7 actors, 9 links, all connected: a spanning forest of 6 links is drawn whatever the
    // limit, so that no actor is cut off.
    auto r = run_diplograph(
        {"--db", db_.string(), "export", "-o", (dir_ / "few.dot").string(), "--links", "3"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find(" in ")),
              "wrote " + (dir_ / "few.dot").string() +
                  " (dot): 7 actors, 6 links (3 weaker links left out by the link limit of 3)");
    std::string dot = read_file(dir_ / "few.dot");
    DotGraph g(dot);
    ASSERT_NE(g.graph, nullptr);
    EXPECT_EQ(agnedges(g.graph), 6 + 2);  // and the two ministers held beside their country
    EXPECT_NE(dot.find("7 actors, 6 links,"), std::string::npos);
    EXPECT_NE(dot.find("left out: 3 weaker links among these actors (each keeps its strongest, "
                       "none is cut off)"),
              std::string::npos);
}

TEST_F(Export, EgoEventViewMatchesGolden) {
    std::string dot = export_to("ego.dot", {"--format", "dot", "--actor", "Russie", "--depth", "1",
                                            "--events", "--since", "2025-11"});
    expect_golden("ego_events.dot", dot);
    DotGraph g(dot);
    ASSERT_NE(g.graph, nullptr);
    // RUS, TGO and Togo's minister (Russia's own minister is no partner of Russia: one side);
    // MEET, AGREEMENT, EMBASSY_REOPEN; the legend.
    EXPECT_EQ(agnnodes(g.graph), 3 + 3 + 1);
    EXPECT_EQ(attr(g.graph, "RUS", "penwidth"), "2.5");
    EXPECT_NE(dot.find("ego network of Russia (RUS), depth 1"), std::string::npos);
    EXPECT_NE(dot.find("filters: 2025-11-01.."), std::string::npos);
    EXPECT_NE(dot.find("shape=note"), std::string::npos);  // the agreement
}

TEST_F(Export, SvgMatchesGoldenWithTooltipsAndLinks) {
    std::string svg = export_to("small.svg", {"--format", "svg"});
    expect_golden("small.svg", svg);
    ASSERT_TRUE(xml_well_formed(dir_ / "small.svg"));
    auto doc = read_back("svg", dir_ / "small.svg");
    EXPECT_EQ(doc["nodes"].GetInt(), 8);
    EXPECT_EQ(doc["edges"].GetInt(), 8);  // one per pair and direction
    std::set<std::string> hrefs;
    for (const auto& h : doc["hrefs"].GetArray())
        hrefs.insert(h.GetString());
    EXPECT_EQ(hrefs,
              (std::set<std::string>{"https://example.com/news/togo-russia-talks?id=7&lang=en",
                                     "https://example.net/sahel/briefing",
                                     "https://example.org/fr/togo-russie-entretien"}));
    bool sentence = false;
    for (const auto& t : doc["titles"].GetArray())
        sentence |=
            std::string(t.GetString())
                .find(
                    "“Mali cut diplomatic ties with France in August, the ministry said.” — "
                    "Example Monitor, Sahel briefing") != std::string::npos;
    EXPECT_TRUE(sentence);
}

TEST_F(Export, PngAndPdfAreImages) {
    std::string png = export_to("small.png", {"--format", "png"});
    ASSERT_GT(png.size(), 1000u);
    EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
    std::string pdf = export_to("small.pdf", {"--format", "pdf", "--engine", "neato"});
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

TEST_F(Export, GraphmlMatchesGoldenAndReadsBackInNetworkx) {
    expect_golden("small.graphml", export_to("small.graphml", {"--format", "graphml"}));
    ASSERT_TRUE(xml_well_formed(dir_ / "small.graphml"));
    auto doc = read_back("graphml", dir_ / "small.graphml");
    EXPECT_TRUE(doc["multigraph"].GetBool());  // RUS–TGO has four types of link
    EXPECT_EQ(doc["nodes"].MemberCount(), 7u);
    EXPECT_EQ(doc["edges"].Size(), 9u);
    EXPECT_STREQ(doc["nodes"]["TGO"]["label"].GetString(), "Togo");
    EXPECT_STREQ(doc["nodes"]["person/ivan-petrovsky"]["country"].GetString(), "RUS");
    EXPECT_STREQ(doc["graph"]["title"].GetString(), "all actors");
    int meet_rus_tgo = 0;
    for (const auto& e : doc["edges"].GetArray())
        if (std::string(e[0].GetString()) == "RUS" && std::string(e[1].GetString()) == "TGO" &&
            std::string(e[2]["type"].GetString()) == "MEET") {
            ++meet_rus_tgo;
            EXPECT_EQ(e[2]["sources"].GetInt(), 2);  // two articles tell of the same meeting
            EXPECT_STREQ(e[2]["first"].GetString(), "2025-11-19");
        }
    EXPECT_EQ(meet_rus_tgo, 1);
    // Directed as a whole (NetworkX reads no mixed graph); each link says whether it is.
    int directed = 0;
    for (const auto& e : doc["edges"].GetArray())
        if (e[2]["directed"].GetBool()) {
            ++directed;
            if (std::string(e[2]["type"].GetString()) == "RELATIONS_SEVER") {
                EXPECT_STREQ(e[0].GetString(), "MLI");
                EXPECT_STREQ(e[1].GetString(), "FRA");
            }
        }
    EXPECT_EQ(directed, 4);  // the severance, the visit, the reopening, ECOWAS's praise
}

TEST_F(Export, GexfMatchesGoldenAndReadsBackInNetworkx) {
    expect_golden("small.gexf", export_to("small.gexf", {"--format", "gexf"}));
    ASSERT_TRUE(xml_well_formed(dir_ / "small.gexf"));
    auto doc = read_back("gexf", dir_ / "small.gexf");
    EXPECT_EQ(doc["nodes"].MemberCount(), 7u);
    // 4 directed links and 5 mutual ones, which NetworkX reads as two edges each.
    EXPECT_EQ(doc["edges"].Size(), 4u + 2 * 5u);
    EXPECT_STREQ(doc["graph"]["mode"].GetString(), "dynamic");
    EXPECT_STREQ(doc["nodes"]["MLI"]["start"].GetString(), "2025-08-01");
    bool reopen = false;
    for (const auto& e : doc["edges"].GetArray())
        if (std::string(e[2]["type"].GetString()) == "EMBASSY_REOPEN") {
            reopen = true;
            ASSERT_EQ(e[2]["spells"].Size(), 1u);
            EXPECT_STREQ(e[2]["spells"][0][0].GetString(), "2026-01-01");
            EXPECT_STREQ(e[2]["spells"][0][1].GetString(), "2026-12-31");
        }
    EXPECT_TRUE(reopen);
}

TEST_F(Export, Gexf12ReadsBackInNetworkxAsItIs) {
    std::string gexf = export_to("small12.gexf", {"--format", "gexf", "--gexf-version", "1.2"});
    EXPECT_NE(gexf.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
    EXPECT_NE(gexf.find("version=\"1.2\""), std::string::npos);
    ASSERT_TRUE(xml_well_formed(dir_ / "small12.gexf"));
    auto doc = read_back("gexf12", dir_ / "small12.gexf");
    EXPECT_EQ(doc["nodes"].MemberCount(), 7u);
    EXPECT_EQ(doc["edges"].Size(), 4u + 2 * 5u);
    auto bad = run_diplograph({"--db", db_.string(), "export", "--format", "gexf", "--gexf-version",
                               "1.1", "-o", (dir_ / "x.gexf").string()});
    EXPECT_EQ(bad.exit_code, 1);
}

TEST_F(Export, CytoscapeJsonMatchesGoldenAndHasItsShape) {
    std::string json = export_to("small.json", {"--format", "json"});
    expect_golden("small.json", json);
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    ASSERT_FALSE(doc.HasParseError());
    const auto& nodes = doc["elements"]["nodes"];
    const auto& edges = doc["elements"]["edges"];
    ASSERT_EQ(nodes.Size(), 7u);
    ASSERT_EQ(edges.Size(), 9u);
    std::set<std::string> ids;
    for (const auto& n : nodes.GetArray())
        ids.insert(n["data"]["id"].GetString());
    EXPECT_EQ(ids.size(), 7u);
    for (const auto& e : edges.GetArray()) {
        EXPECT_TRUE(ids.count(e["data"]["source"].GetString()));
        EXPECT_TRUE(ids.count(e["data"]["target"].GetString()));
        EXPECT_TRUE(e["data"]["id"].IsString());
        EXPECT_TRUE(e["data"]["statuses"].IsArray());
    }
}

TEST_F(Export, Neo4jCsvMatchesGoldenWithImportHeaders) {
    auto r = run_diplograph(
        {"--db", db_.string(), "export", "--format", "neo4j", "-o", (dir_ / "neo4j").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::map<std::string, std::string> headers{
        {"actors.csv", "id:ID,name,kind,country,:LABEL"},
        {"events.csv",
         "id:ID,type,subtype,family,status,first,last,place,cameo,plover,plover_mode,"
         "goldstein:float,sources:int,evidence,url,:LABEL"},
        {"sources.csv", "id:ID,url,title,outlet,published,lang,:LABEL"},
        {"links.csv",
         ":START_ID,:END_ID,:TYPE,directed:boolean,family,cameo:string[],plover:string[],"
         "goldstein:float,count:int,sources:int,first,last,statuses:string[]"},
        {"participates.csv", ":START_ID,:END_ID,role,:TYPE"},
        {"reported_by.csv", ":START_ID,:END_ID,:TYPE"},
        {"holds_role.csv", ":START_ID,:END_ID,role,since,until,:TYPE"},
    };
    std::set<std::string> ids;
    std::vector<rapidjson::Document> relationships;
    for (const auto& [file, header] : headers) {
        std::string content = read_file(dir_ / "neo4j" / file);
        expect_golden("neo4j/" + file, content);
        EXPECT_EQ(content.substr(0, content.find('\n')), header) << file;
        auto doc = read_back("csv", dir_ / "neo4j" / file);
        std::size_t columns = doc["header"].Size();
        EXPECT_GT(doc["rows"].Size(), 0u) << file;
        for (const auto& row : doc["rows"].GetArray()) {
            EXPECT_EQ(row.Size(), columns) << file;
            if (std::string(doc["header"][0].GetString()) == "id:ID")
                ids.insert(row[0].GetString());
        }
        if (std::string(doc["header"][0].GetString()) == ":START_ID")
            relationships.push_back(std::move(doc));
    }
    // Every relationship joins two nodes that exist.
    for (const auto& doc : relationships)
        for (const auto& row : doc["rows"].GetArray()) {
            EXPECT_TRUE(ids.count(row[0].GetString())) << row[0].GetString();
            EXPECT_TRUE(ids.count(row[1].GetString())) << row[1].GetString();
        }
}

std::set<std::string> json_node_ids(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    std::set<std::string> ids;
    if (doc.HasParseError())
        return ids;
    for (const auto& n : doc["elements"]["nodes"].GetArray())
        ids.insert(n["data"]["id"].GetString());
    return ids;
}

TEST_F(Export, PathSelectsTheActorsOnAShortestPath) {
    std::string json = export_to("path.json", {"--format", "json", "--path", "Mali", "RUS"});
    EXPECT_EQ(json_node_ids(json), (std::set<std::string>{"MLI", "RUS", "TGO"}));
    EXPECT_NE(json.find("paths from Mali (MLI) to Russia (RUS)"), std::string::npos);
}

TEST_F(Export, FiltersChooseTheEvents) {
    std::string conflict = export_to("conflict.json", {"--format", "json", "--type", "conflict"});
    EXPECT_EQ(json_node_ids(conflict), (std::set<std::string>{"FRA", "MLI"}));
    std::string corroborated =
        export_to("two.json", {"--format", "json", "--min-sources", "2", "--type", "MEET"});
    EXPECT_EQ(json_node_ids(corroborated),
              (std::set<std::string>{"RUS", "TGO", "person/amara-kossi", "person/ivan-petrovsky"}));
    std::string december =
        export_to("dec.json", {"--format", "json", "--since", "2025-12", "--until", "2025-12"});
    EXPECT_EQ(json_node_ids(december), (std::set<std::string>{"MLI", "TGO", "org/ECOWAS"}));
    std::string agreed = export_to("agreed.json", {"--format", "json", "--status", "agreed"});
    EXPECT_EQ(json_node_ids(agreed), (std::set<std::string>{"RUS", "TGO"}));
}

TEST_F(Export, ErrorsAreOneLineWithTheRightExitCode) {
    auto bad_format = run_diplograph(
        {"--db", db_.string(), "export", "--format", "bmp", "-o", (dir_ / "x").string()});
    EXPECT_EQ(bad_format.exit_code, 1);
    EXPECT_EQ(bad_format.err,
              "diplograph: --format bmp: expected svg, png, pdf, dot, graphml, gexf, json, "
              "neo4j, csv or tsv\n");
    auto unknown = run_diplograph({"--db", db_.string(), "export", "--format", "svg", "-o",
                                   (dir_ / "x.svg").string(), "--actor", "Atlantide"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(lines(unknown.err).size(), 1u) << unknown.err;
    auto engine = run_diplograph({"--db", db_.string(), "export", "--format", "svg", "-o",
                                  (dir_ / "x.svg").string(), "--engine", "nope"});
    EXPECT_EQ(engine.exit_code, 2);
    // Graphviz's own complaint is captured into the one line, not sprayed on stderr.
    ASSERT_EQ(lines(engine.err).size(), 1u) << engine.err;
    EXPECT_EQ(
        engine.err.rfind("diplograph: cannot draw the diagram: Graphviz layout 'nope' failed", 0),
        0u)
        << engine.err;
    EXPECT_NE(engine.err.find("not recognized"), std::string::npos) << engine.err;
    auto no_path = run_diplograph({"--db", db_.string(), "export", "--format", "json", "-o", "-",
                                   "--path", "FRA", "RUS", "--type", "conflict"});
    EXPECT_EQ(no_path.exit_code, 2);
    EXPECT_EQ(no_path.err,
              "diplograph: Russia (RUS) takes part in no event that passes the "
              "filters\n");
}

//! A store of 200 actors and 600 events (one in ten with a third actor), actor i % 200 meeting
//! (37 i + 11) % 200: ten actors kept take part in few enough of the events that export loads
//! only theirs.
void fill_wide_store(const std::filesystem::path& db) {
    Store store(db);
    std::vector<Entity> actors;
    for (int i = 0; i < 200; ++i)
        actors.push_back(Entity{
            fmt::format("Q{:03}", i), EntityKind::country, fmt::format("Actor {}", i), "", {}});
    for (int s = 0; s < 6; ++s) {
        Batch b;
        b.source.url = fmt::format("https://example.invalid/wide-{}", s);
        b.source.content_hash = stable_hash(b.source.url);
        b.entities = actors;
        for (int i = s * 100; i < s * 100 + 100; ++i) {
            Event e;
            e.type = i % 3 == 0 ? EventType::SANCTION : EventType::MEET;
            e.status = Status::occurred;
            e.date = *DateInterval::parse(fmt::format("2025-{:02}", 1 + i % 12));
            std::set<int> who{i % 200, (37 * i + 11) % 200};
            if (i % 10 == 0)
                who.insert((i / 10) % 200);
            for (int w : who)
                e.participants.push_back(
                    {actors[static_cast<std::size_t>(w)].id, ParticipantRole::participant});
            std::string sentence = fmt::format("Invented sentence {}.", i);
            e.evidence.push_back(
                Evidence{"", i, 0, static_cast<int64_t>(sentence.size()), sentence, "test", 0.9});
            b.events.push_back(std::move(e));
        }
        store.put(b);
    }
}

TEST(ExportBudget, LoadingOnlyTheKeptActorsEventsGivesTheSameSelection) {
    TempDir dir;
    fill_wide_store(dir / "wide.db");
    auto export_graphml = [&](const std::string& name, std::vector<std::string> more) {
        std::vector<std::string> args{"--db", (dir / "wide.db").string(), "export",
                                      "-o",   (dir / name).string(),      "--budget",
                                      "10"};
        args.insert(args.end(), more.begin(), more.end());
        auto r = run_diplograph(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out.substr(0, r.out.find(" in "));
    };
    // --kind (every actor is a country) needs whole events: the whole graph is loaded and
    // summarised. Without, only the events of the ten actors kept are loaded.
    std::string whole = export_graphml("whole.graphml", {"--kind", "country"});
    std::string part = export_graphml("part.graphml", {});
    EXPECT_EQ(whole.substr(whole.find(':')), part.substr(part.find(':')));
    EXPECT_NE(part.find("(190 actors and "), std::string::npos) << part;
    auto without_filters = [](std::string text) {
        auto at = text.find("<data key=\"filters\">");
        if (at != std::string::npos) {
            std::size_t line = text.rfind('\n', at) + 1;
            text.erase(line, text.find('\n', at) + 1 - line);
        }
        return text;
    };
    std::string expected = without_filters(read_file(dir / "whole.graphml"));
    EXPECT_NE(expected.find("<node id=\"Q"), std::string::npos);
    EXPECT_TRUE(expected == read_file(dir / "part.graphml"));
}

}  // namespace

}  // namespace diplograph::test
