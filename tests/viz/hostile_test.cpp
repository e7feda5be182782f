// Names, titles and sentences made to break each output: quotes, Graphviz escapes (\N, \G),
// markup, CDATA ends, entities, braces and bars, newlines, right-to-left and CJK text, invalid
// UTF-8 and control characters, hostile URLs. Each must arrive intact (or cleaned as
// clean_text says) and add no markup, script or link.
#include "viz_support.hpp"

#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/escape.hpp>
#include <diplograph/viz/exports.hpp>

#include <graphviz/cgraph.h>

#include <algorithm>
#include <set>

namespace diplograph::test {

namespace {

using namespace diplograph::viz;

const std::string backslashes = "Back\\slash \\N \\G \\E \\L \\\\ \"quoted\" end\\";
const std::string markup = "<script>alert('x')</script> &amp; ]]> {a|b} <b>";
const std::string lines_name = "two\nlines";
const std::string rtl = "محمد بن سلمان ‏בנימין נתניהו";
const std::string cjk = "习近平 外交部";
const std::string broken = "bad\xff utf8\x01\x1b[0m";
// Character references, numeric and named, valid or not in XML: each must stay text.
const std::string charrefs = "A&#0;B &#x1F; &#65; &nbsp; &bogus; &#";
const std::string sentence =
    "He said \"stop\" \\N \\G <script>document.cookie</script> & &lt; ]]> {x|y}\nthen left.";

std::string fmt_day(int day) {
    return "2025-11-0" + std::to_string(day);
}

Entity person(const std::string& id, const std::string& name) {
    Entity e;
    e.id = id;
    e.kind = EntityKind::person;
    e.name = name;
    return e;
}

Entity organization(const std::string& id, const std::string& name) {
    Entity e = person(id, name);
    e.kind = EntityKind::organization;
    return e;
}

StoredEvent meet(const std::string& a, const std::string& b, const std::string& url, int day) {
    StoredEvent se;
    se.event.id = "event/" + a + "-" + b;
    se.event.type = EventType::MEET;
    se.event.date = *DateInterval::parse(fmt_day(day));
    se.event.participants = {{a, ParticipantRole::participant}, {b, ParticipantRole::participant}};
    Evidence ev;
    ev.source = "source/" + a;
    ev.text = sentence;
    se.event.evidence.push_back(ev);
    Source s;
    s.id = "source/" + a;
    s.url = url;
    s.title = markup;
    s.outlet = rtl;
    se.sources.push_back(s);
    return se;
}

Graph hostile_graph() {
    std::vector<Entity> actors{
        person("person/back", backslashes),  person("person/markup", markup),
        person("person/lines", lines_name),  person("person/rtl", rtl),
        person("person/cjk", cjk),           person("person/broken", broken),
        person("person/charrefs", charrefs), organization("org/A&B\"<C>\\N{|}", "odd id"),
    };
    std::vector<StoredEvent> events{
        meet("person/back", "person/markup", "javascript:alert(document.domain)", 1),
        meet("person/lines", "person/rtl", "https://example.org/a b\"><script>x</script>", 2),
        meet("person/cjk", "person/broken", "https://example.org/ok?a=1&b=2", 3),
        meet("person/back", "org/A&B\"<C>\\N{|}", "data:text/html,<script>x</script>", 4),
        meet("person/charrefs", "person/cjk", "https://example.org/&#0;", 5),
    };
    return Graph::from_events(std::move(actors), std::move(events));
}

Selection hostile_selection(const Graph& g) {
    Selection s = select_all(g);
    s.title = "title " + markup + " " + backslashes;
    s.filters = sentence;
    return s;
}

//! The names as every output must show them.
std::vector<std::string> expected_names() {
    return {backslashes, markup, lines_name, rtl, cjk, clean_text(broken), charrefs};
}

TEST(Hostile, DotParsesInCgraphWithIdsIntact) {
    Graph g = hostile_graph();
    std::string dot = to_dot(g, hostile_selection(g), {});
    Agraph_t* parsed = agmemread(dot.c_str());
    ASSERT_NE(parsed, nullptr) << dot;
    EXPECT_EQ(agnnodes(parsed), 8 + 1);
    EXPECT_NE(agnode(parsed, const_cast<char*>("org/A&B\"<C>\\N{|}"), 0), nullptr);
    EXPECT_EQ(agnedges(parsed), 5);
    agclose(parsed);
}

TEST(Hostile, SvgShowsTheTextAndAddsNoMarkupOrScript) {
    Graph g = hostile_graph();
    DiagramOptions options;
    options.cluster = Clustering::bloc;
    std::string svg = render(to_dot(g, hostile_selection(g), options), Format::svg);
    TempDir dir;
    auto file = dir.write("hostile.svg", svg);
    ASSERT_TRUE(xml_well_formed(file));
    auto doc = read_back("svg", file);
    const std::set<std::string> allowed_tags{"svg",  "g",       "title",   "a",       "text",
                                             "path", "polygon", "ellipse", "polyline"};
    for (const auto& t : doc["tags"].GetArray())
        EXPECT_TRUE(allowed_tags.count(t.GetString())) << "unexpected element " << t.GetString();
    for (const auto& a : doc["attributes"].GetArray())
        EXPECT_NE(std::string(a.GetString()).rfind("on", 0), 0u) << a.GetString();
    // Only the one http(s) URL became a link, percent-encoded where it had to be.
    std::set<std::string> hrefs;
    for (const auto& h : doc["hrefs"].GetArray())
        hrefs.insert(h.GetString());
    EXPECT_EQ(hrefs,
              (std::set<std::string>{"https://example.org/&#0;",
                                     "https://example.org/a%20b%22%3E%3Cscript%3Ex%3C/script%3E",
                                     "https://example.org/ok?a=1&b=2"}));
    // Every name is drawn as it is; the two-line name as two lines.
    std::vector<std::string> texts;
    for (const auto& t : doc["texts"].GetArray())
        texts.emplace_back(t.GetString());
    for (const auto& name : expected_names()) {
        if (name == lines_name)
            continue;
        EXPECT_NE(std::find(texts.begin(), texts.end(), name), texts.end()) << name;
    }
    auto two = std::find(texts.begin(), texts.end(), "two");
    ASSERT_NE(two, texts.end());
    ASSERT_NE(two + 1, texts.end());
    EXPECT_EQ(*(two + 1), "lines");
    // Tooltips carry the evidence sentence exactly, backslashes and all.
    bool found = false;
    for (const auto& t : doc["titles"].GetArray())
        found |= std::string(t.GetString()).find("“" + sentence + "”") != std::string::npos;
    EXPECT_TRUE(found);
    found = false;
    for (const auto& t : doc["titles"].GetArray())
        found |= std::string(t.GetString()).rfind(backslashes + " (person/back)", 0) == 0;
    EXPECT_TRUE(found);
}

TEST(Hostile, GraphmlAndGexfReadBackInNetworkxWithTheSameNames) {
    Graph g = hostile_graph();
    Selection s = hostile_selection(g);
    TempDir dir;
    for (std::string kind : {"graphml", "gexf"}) {
        auto file =
            dir.write("hostile." + kind, kind == "graphml" ? to_graphml(g, s) : to_gexf(g, s));
        ASSERT_TRUE(xml_well_formed(file)) << kind;
        auto doc = read_back(kind, file);
        ASSERT_TRUE(doc.HasMember("nodes")) << kind;
        std::set<std::string> labels;
        for (const auto& n : doc["nodes"].GetObject())
            labels.insert(n.value["label"].GetString());
        for (const auto& name : expected_names())
            EXPECT_TRUE(labels.count(name)) << kind << ": " << name;
        EXPECT_TRUE(doc["nodes"].HasMember("org/A&B\"<C>\\N{|}")) << kind;
        bool sentence_found = false;
        for (const auto& e : doc["edges"].GetArray())
            sentence_found |= std::string(e[2]["evidence"].GetString()) == sentence;
        EXPECT_TRUE(sentence_found) << kind;
        for (const auto& e : doc["edges"].GetArray()) {
            if (!e[2].HasMember("url"))
                continue;  // no http(s) source
            std::string url = e[2]["url"].GetString();
            EXPECT_TRUE(url.empty() || url.rfind("https://", 0) == 0) << url;
        }
    }
}

TEST(Hostile, JsonKeepsTheNamesAndHidesMarkup) {
    Graph g = hostile_graph();
    std::string json = to_cytoscape_json(g, hostile_selection(g));
    EXPECT_EQ(json.find('<'), std::string::npos);  // safe to embed in an HTML page
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    ASSERT_FALSE(doc.HasParseError());
    std::set<std::string> labels;
    for (const auto& n : doc["elements"]["nodes"].GetArray())
        labels.insert(n["data"]["label"].GetString());
    for (const auto& name : expected_names())
        EXPECT_TRUE(labels.count(name)) << name;
    EXPECT_EQ(std::string(doc["data"]["filters"].GetString()), sentence);
}

TEST(Hostile, Neo4jCsvKeepsOneRecordPerLine) {
    Graph g = hostile_graph();
    TempDir dir;
    write_files(dir.path(), to_neo4j_csv(g, hostile_selection(g)));
    auto actors = read_back("csv", dir / "actors.csv");
    std::set<std::string> names;
    for (const auto& row : actors["rows"].GetArray()) {
        ASSERT_EQ(row.Size(), 5u);
        names.insert(row[1].GetString());
    }
    EXPECT_TRUE(names.count("two lines"));  // newlines flattened for neo4j-admin
    EXPECT_TRUE(names.count(markup));
    EXPECT_TRUE(names.count(backslashes));
    EXPECT_TRUE(names.count(rtl));
    auto events = read_back("csv", dir / "events.csv");
    ASSERT_EQ(events["rows"].Size(), 5u);
    for (const auto& row : events["rows"].GetArray()) {
        ASSERT_EQ(row.Size(), 16u);
        std::string url = row[14].GetString();
        EXPECT_TRUE(url.empty() || url.rfind("https://", 0) == 0) << url;
    }
    // One line per record plus the header: no raw newline escaped into a field.
    EXPECT_EQ(lines(read_file(dir / "events.csv")).size(), 6u);
}

}  // namespace

}  // namespace diplograph::test
