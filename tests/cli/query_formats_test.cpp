// End to end: the query commands write their answer's Selection as a diagram or an export
// (--format, -o) instead of a table, on a small store from tests/cli/data/formats_world.jsonl.
//
// The world: TGO–RUS meeting 2025-11-19 with Kodjo Amenyo (TGO), RUS–CHN agreement 2025-10,
// CHN–BRA meeting 2025-09-02, FRA→TGO visit 2025-03-01, FRA–DEU meeting 2025-04, DEU→CHN
// sanction 2025-05 (reported), and apart from them ISL–NOR talks 2024-01-30. The shortest path
// from TGO to BRA is TGO–RUS–CHN–BRA; TGO–FRA–DEU–CHN–BRA is one hop longer.
#include "support/support.hpp"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <cstdlib>
#include <memory>
#include <regex>
#include <set>

namespace diplograph::test {
namespace {

class QueryFormats : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        db_ = (*dir_ / "formats.db").string();
        auto r = run_diplograph(
            {"--db", db_, "--quiet", "import", test_data("cli/data/formats_world.jsonl").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static RunResult query(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return run_diplograph(args);
    }
    static std::string path(const std::string& name) { return (*dir_ / name).string(); }

    static std::unique_ptr<TempDir> dir_;
    static std::string db_;
};

std::unique_ptr<TempDir> QueryFormats::dir_;
std::string QueryFormats::db_;

//! The node ids of a DOT text (node statements, not edges), the legend left out.
std::set<std::string> dot_nodes(const std::string& dot) {
    static const std::regex node(R"re(^\s*"([^"]+)" \[)re");
    std::set<std::string> out;
    std::smatch m;
    for (const auto& line : lines(dot))
        if (line.find("\" -> \"") == std::string::npos && std::regex_search(line, m, node) &&
            m[1] != "legend")
            out.insert(m[1]);
    return out;
}

std::size_t dot_edges(const std::string& dot) {
    std::size_t n = 0;
    for (const auto& line : lines(dot))
        n += line.find("\" -> \"") != std::string::npos;
    return n;
}

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    EXPECT_FALSE(doc.HasParseError()) << json;
    return doc;
}

std::set<std::string> cytoscape_nodes(const rapidjson::Document& doc) {
    std::set<std::string> ids;
    for (const auto& n : doc["elements"]["nodes"].GetArray())
        ids.insert(n["data"]["id"].GetString());
    return ids;
}

bool xml_well_formed(const std::string& file) {
    return std::system(("xmllint --noout '" + file + "' 2>/dev/null").c_str()) == 0;
}

TEST_F(QueryFormats, PathDotHoldsExactlyThePathsActors) {
    auto r = query({"path", "TGO", "Brazil", "--format", "dot", "-o", path("path.dot")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out.rfind("wrote " + path("path.dot") + " (dot): 4 actors, 3 links in ", 0), 0u)
        << r.out;
    std::string dot = read_file(path("path.dot"));
    EXPECT_EQ(dot_nodes(dot), (std::set<std::string>{"TGO", "RUS", "CHN", "BRA"}));
    EXPECT_EQ(dot_edges(dot), 3u);
    EXPECT_NE(dot.find("paths from Togo (TGO) to Brazil (BRA)"), std::string::npos);
}

TEST_F(QueryFormats, PathToStdoutPrintsOnlyTheDiagram) {
    auto r = query({"path", "TGO", "BRA", "--format", "dot", "-o", "-", "--no-legend"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("digraph \"diplograph\" {", 0), 0u) << r.out;
    EXPECT_EQ(r.out.find("\"legend\""), std::string::npos);
    EXPECT_EQ(dot_nodes(r.out), (std::set<std::string>{"TGO", "RUS", "CHN", "BRA"}));
}

TEST_F(QueryFormats, TwoShortestPathsDrawBothRoutes) {
    auto r = query({"path", "TGO", "BRA", "--k", "2", "--format", "dot"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(dot_nodes(r.out), (std::set<std::string>{"TGO", "RUS", "CHN", "BRA", "FRA", "DEU"}));
    EXPECT_EQ(dot_edges(r.out), 6u);  // CHN–BRA is on both
}

TEST_F(QueryFormats, EgoJsonHasTheCytoscapeShapeWithTheEgosActors) {
    auto r = query({"ego", "Russia", "--depth", "1", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto doc = parse(r.out);
    ASSERT_TRUE(doc.IsObject());
    ASSERT_TRUE(doc.HasMember("data") && doc.HasMember("elements"));
    EXPECT_STREQ(doc["data"]["title"].GetString(), "ego network of Russia (RUS), depth 1");
    auto ids = cytoscape_nodes(doc);
    EXPECT_EQ(ids, (std::set<std::string>{"RUS", "TGO", "CHN", "person/kodjo-amenyo"}));
    ASSERT_TRUE(doc["elements"]["edges"].IsArray());
    // RUS–TGO, RUS–CHN, and Togo's minister with Russia (not with Togo, her own country)
    EXPECT_EQ(doc["elements"]["edges"].Size(), 3u);
    for (const auto& e : doc["elements"]["edges"].GetArray()) {
        EXPECT_TRUE(ids.count(e["data"]["source"].GetString()));
        EXPECT_TRUE(ids.count(e["data"]["target"].GetString()));
    }
}

TEST_F(QueryFormats, LinksGraphmlIsWellFormedXml) {
    auto r = query({"--quiet", "links", "TGO", "--format", "graphml", "-o", path("links.graphml")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(xml_well_formed(path("links.graphml")));
    std::string xml = read_file(path("links.graphml"));
    EXPECT_NE(xml.find("<node id=\"FRA\">"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<node id=\"RUS\">"), std::string::npos);
    EXPECT_EQ(xml.find("<node id=\"CHN\">"), std::string::npos);
}

TEST_F(QueryFormats, TheFormatComesFromTheExtensionOfTheOutput) {
    auto r = query({"rank", "--top", "3", "-o", path("rank.svg")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("(svg): 3 actors"), std::string::npos) << r.out;
    EXPECT_TRUE(xml_well_formed(path("rank.svg")));
    EXPECT_NE(read_file(path("rank.svg")).find("<svg"), std::string::npos);
}

TEST_F(QueryFormats, PngIsAnImage) {
    auto r = query({"path", "TGO", "BRA", "--format", "png", "-o", path("path.png")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string png = read_file(path("path.png"));
    EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
}

TEST_F(QueryFormats, TimelineDrawsTheActorsAndLinksOfItsEvents) {
    auto r = query({"timeline", "TGO", "RUS", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto doc = parse(r.out);
    auto ids = cytoscape_nodes(doc);
    EXPECT_TRUE(ids.count("TGO") && ids.count("RUS")) << r.out;
    EXPECT_FALSE(ids.count("FRA"));
    ASSERT_EQ(doc["elements"]["edges"].Size(), 1u);  // only the TGO–RUS link
    EXPECT_STREQ(doc["elements"]["edges"][0]["data"]["type"].GetString(), "MEET");
}

TEST_F(QueryFormats, BlocsCarryTheFiltersIntoTheExport) {
    auto r = query({"blocs", "--since", "2025-09", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto doc = parse(r.out);
    EXPECT_EQ(cytoscape_nodes(doc),
              (std::set<std::string>{"TGO", "RUS", "CHN", "BRA", "person/kodjo-amenyo"}));
    EXPECT_STREQ(doc["data"]["filters"].GetString(), "2025-09-01..");
}

TEST_F(QueryFormats, Neo4jWritesAFolder) {
    auto r = query({"ego", "RUS", "--format", "neo4j", "-o", path("neo4j")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string actors = read_file(path("neo4j") + "/actors.csv");
    EXPECT_NE(actors.find("\"RUS\""), std::string::npos) << actors;
    EXPECT_EQ(actors.find("\"BRA\""), std::string::npos);
}

TEST_F(QueryFormats, ErrorsAreOneLineWithExitCodeOne) {
    auto unknown = query({"links", "TGO", "--format", "bmp"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_EQ(unknown.err,
              "diplograph: --format bmp: expected svg, png, pdf, dot, graphml, gexf, json, "
              "neo4j, csv or tsv\n");
    EXPECT_EQ(unknown.out, "");
    auto binary = query({"ego", "RUS", "--format", "png"});
    EXPECT_EQ(binary.exit_code, 1);
    EXPECT_EQ(binary.err,
              "diplograph: --format png: binary output; name a file with -o FILE (or -o - to "
              "pipe it)\n");
    EXPECT_EQ(binary.out, "");
    auto folder = query({"path", "TGO", "BRA", "--format", "neo4j"});
    EXPECT_EQ(folder.exit_code, 1);
    EXPECT_EQ(folder.err,
              "diplograph: --format neo4j: writes a folder of CSV files; name it with -o "
              "FOLDER\n");
    auto guess = query({"rank", "-o", path("rank.txt")});
    EXPECT_EQ(guess.exit_code, 1);
    EXPECT_EQ(lines(guess.err).size(), 1u) << guess.err;
    EXPECT_EQ(guess.err.rfind("diplograph: -o " + path("rank.txt") +
                                  ": cannot tell the format from the name; add --format",
                              0),
              0u)
        << guess.err;
    auto cluster = query({"blocs", "--format", "dot", "--cluster", "galaxy"});
    EXPECT_EQ(cluster.exit_code, 1);
    EXPECT_EQ(cluster.err, "diplograph: --cluster galaxy: expected none, country or bloc\n");
}

TEST_F(QueryFormats, ExportAndQueriesShareTheFilterOptionsAndTheirErrors) {
    auto a = query({"export", "--format", "dot", "-o", "-", "--since", "2025-02-30"});
    auto b = query({"links", "TGO", "--since", "2025-02-30"});
    EXPECT_EQ(a.exit_code, 1);
    EXPECT_EQ(b.exit_code, 1);
    EXPECT_EQ(lines(a.err).size(), 1u) << a.err;
    EXPECT_EQ(a.err, b.err);
    // export gained --kind.
    auto people =
        query({"export", "--format", "json", "-o", "-", "--kind", "person", "--actor", "RUS"});
    ASSERT_EQ(people.exit_code, 0) << people.err;
    EXPECT_EQ(cytoscape_nodes(parse(people.out)),
              (std::set<std::string>{"RUS", "person/kodjo-amenyo"}));
}

}  // namespace
}  // namespace diplograph::test
