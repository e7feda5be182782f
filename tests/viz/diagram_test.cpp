// Diagram options on generated graphs: the size budget, the engine choice, clusters, and
// rendering from several threads at once.
#include "viz_support.hpp"

#include <diplograph/viz/diagram.hpp>

#include <graphviz/cgraph.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <thread>

namespace diplograph::test {

namespace {

using namespace diplograph::viz;

//! n actors; actor i meets i+1..i+k (k decreasing with i), so low ids are the most connected.
Graph generated(int n) {
    std::vector<Entity> actors;
    for (int i = 0; i < n; ++i) {
        Entity e;
        e.id = fmt::format("A{:04}", i);
        e.kind = i % 5 == 0 ? EntityKind::organization : EntityKind::country;
        e.name = fmt::format("Actor {}", i);
        actors.push_back(e);
    }
    std::vector<StoredEvent> events;
    for (int i = 0; i < n; ++i) {
        int k = std::max(1, 6 - i / 10);
        for (int j = i + 1; j <= i + k && j < n; ++j) {
            StoredEvent se;
            se.event.id = fmt::format("event/{:04}-{:04}", i, j);
            se.event.type = (i + j) % 3 == 0 ? EventType::SANCTION : EventType::MEET;
            se.event.date = *DateInterval::parse(fmt::format("2025-{:02}", 1 + (i + j) % 12));
            se.event.participants = {{actors[i].id, ParticipantRole::participant},
                                     {actors[j].id, ParticipantRole::participant}};
            events.push_back(se);
        }
    }
    return Graph::from_events(std::move(actors), std::move(events));
}

//! n actors, each meeting the next `k` (more links than a diagram draws) with 1 to 3 events
//! a pair; actor n-1 is linked only by one single-event meeting with actor 0, and two more
//! actors form a pair apart from the rest.
Graph dense(int n, int k) {
    std::vector<Entity> actors;
    for (int i = 0; i < n + 2; ++i) {
        Entity e;
        e.id = fmt::format("D{:04}", i);
        e.name = fmt::format("Dense {}", i);
        actors.push_back(e);
    }
    std::vector<StoredEvent> events;
    auto meet = [&](int a, int b, int times) {
        for (int t = 0; t < times; ++t) {
            StoredEvent se;
            se.event.id = fmt::format("event/{:04}-{:04}-{}", a, b, t);
            se.event.type = EventType::MEET;
            se.event.participants = {{actors[a].id, ParticipantRole::participant},
                                     {actors[b].id, ParticipantRole::participant}};
            events.push_back(se);
        }
    };
    for (int i = 0; i + 1 < n; ++i)
        for (int j = i + 1; j <= i + k && j + 1 < n; ++j)
            meet(i, j, 1 + (i * 7 + j * 3) % 3);
    meet(0, n - 1, 1);
    meet(n, n + 1, 2);
    return Graph::from_events(std::move(actors), std::move(events));
}

//! The connected component of each actor of `nodes`, through `edges` (smallest index as name).
std::map<NodeIndex, NodeIndex> components_of(const Graph& g, const std::vector<NodeIndex>& nodes,
                                             const std::vector<EdgeIndex>& edges) {
    std::map<NodeIndex, NodeIndex> root;
    for (auto n : nodes)
        root[n] = n;
    for (bool changed = true; changed;) {
        changed = false;
        for (auto e : edges) {
            NodeIndex a = g.edges()[e].a, b = g.edges()[e].b;
            NodeIndex m = std::min(root[a], root[b]);
            changed |= root[a] != m || root[b] != m;
            root[a] = root[b] = m;
        }
    }
    return root;
}

long weighted_degree(const Graph& g, const Selection& s, NodeIndex n) {
    long w = 0;
    for (auto e : s.edges)
        if (g.edges()[e].a == n || g.edges()[e].b == n)
            w += g.edges()[e].count;
    return w;
}

TEST(Summarise, KeepsTheFocusAndTheMostConnected) {
    Graph g = generated(100);
    Selection all = select_all(g);
    NodeIndex last = *g.find("A0099");
    all.focus = {last};
    Selection s = summarise(g, all, 10);
    ASSERT_EQ(s.nodes.size(), 10u);
    EXPECT_TRUE(std::binary_search(s.nodes.begin(), s.nodes.end(), last));
    EXPECT_EQ(s.left_out_nodes, 90u);
    EXPECT_EQ(s.left_out_edges + s.edges.size(), all.edges.size());
    // Every kept edge joins kept actors, and every edge among kept actors is kept.
    std::set<NodeIndex> kept(s.nodes.begin(), s.nodes.end());
    Selection expected = induced(g, s.nodes);
    EXPECT_EQ(s.edges, expected.edges);
    // No actor left out (other than the focus's place) is more connected than one kept.
    long weakest_kept = 1L << 30;
    for (auto n : s.nodes)
        if (n != last)
            weakest_kept = std::min(weakest_kept, weighted_degree(g, all, n));
    for (auto n : all.nodes) {
        if (!kept.count(n)) {
            EXPECT_LE(weighted_degree(g, all, n), weakest_kept) << g.node(n).id;
        }
    }
}

TEST(Summarise, WithinTheBudgetNothingChanges) {
    Graph g = generated(20);
    Selection s = summarise(g, select_all(g), 150);
    EXPECT_EQ(s.nodes.size(), 20u);
    EXPECT_EQ(s.left_out_nodes, 0u);
    EXPECT_EQ(summarise(g, select_all(g), 0).nodes.size(), 20u);
}

TEST(Diagram, CaptionSaysWhatWasLeftOut) {
    Graph g = generated(200);
    Selection s = summarise(g, select_all(g), 150);
    std::string dot = to_dot(g, s);
    EXPECT_NE(dot.find(fmt::format("left out: 50 actors and {} links (the least connected)",
                                   s.left_out_edges)),
              std::string::npos);
    EXPECT_NE(dot.find("layout=\"dot\""), std::string::npos);
}

TEST(LinkLimit, KeepsEveryActorLinkedAndItsStrongestLink) {
    Graph g = dense(400, 8);
    Selection all = select_all(g);
    std::size_t cap = link_cap(all.nodes.size());
    ASSERT_GT(all.edges.size(), 2 * cap);
    std::vector<EdgeIndex> drawn = drawn_links(g, all, cap);
    EXPECT_EQ(drawn.size(), cap);
    EXPECT_TRUE(std::is_sorted(drawn.begin(), drawn.end()));
    EXPECT_TRUE(std::includes(all.edges.begin(), all.edges.end(), drawn.begin(), drawn.end()));
    // The same actors are linked together as before, the weakly linked one and the pair apart
    // included.
    EXPECT_EQ(components_of(g, all.nodes, drawn), components_of(g, all.nodes, all.edges));
    // Every actor keeps a link of its greatest strength (sources, then events).
    std::set<EdgeIndex> kept(drawn.begin(), drawn.end());
    for (auto n : all.nodes) {
        auto strength = [&](EdgeIndex e) {
            return std::make_pair(g.edges()[e].sources, g.edges()[e].count);
        };
        std::pair<int, int> best{-1, -1}, best_kept{-1, -1};
        for (auto e : g.incident(n)) {
            best = std::max(best, strength(e));
            if (kept.count(e))
                best_kept = std::max(best_kept, strength(e));
        }
        EXPECT_EQ(best_kept, best) << g.node(n).id;
    }
    // Within the limit, or with no limit, every link is drawn.
    EXPECT_EQ(drawn_links(g, all, all.edges.size()), all.edges);
    EXPECT_EQ(drawn_links(g, all, 0), all.edges);
}

TEST(LinkLimit, TheFocusKeepsItsLinksFirst) {
    Graph g = dense(100, 8);
    Selection all = select_all(g);
    NodeIndex focus = *g.find("D0050");
    all.focus = {focus};
    std::vector<EdgeIndex> drawn = drawn_links(g, all, 120);
    for (auto e : g.incident(focus))
        EXPECT_TRUE(std::binary_search(drawn.begin(), drawn.end(), e));
}

TEST(LinkLimit, DotHasAtMostTheCapAndTheCaptionSaysWhatWasLeftOut) {
    Graph g = dense(3000, 8);
    Selection s = summarise(g, select_all(g), 2000);
    std::size_t cap = link_cap(s.nodes.size());
    ASSERT_GT(s.edges.size(), cap);
    std::string dot = to_dot(g, s);
    Agraph_t* parsed = agmemread(dot.c_str());
    ASSERT_NE(parsed, nullptr);
    EXPECT_EQ(static_cast<std::size_t>(agnnodes(parsed)), s.nodes.size() + 1);  // the legend
    EXPECT_LE(static_cast<std::size_t>(agnedges(parsed)), cap);
    std::size_t drawn = static_cast<std::size_t>(agnedges(parsed));
    agclose(parsed);
    EXPECT_NE(dot.find(fmt::format("{} actors, {} links,", s.nodes.size(), drawn)),
              std::string::npos);
    EXPECT_NE(dot.find(fmt::format("left out: {} actors and {} links (the least connected)",
                                   s.left_out_nodes, s.left_out_edges)),
              std::string::npos);
    EXPECT_NE(dot.find(fmt::format("left out: {} weaker links among these actors (each keeps "
                                   "its strongest, none is cut off)",
                                   s.edges.size() - drawn)),
              std::string::npos);
    EXPECT_NE(dot.find("layout=\"sfdp\""), std::string::npos);
    // --links 0: every link, and no such line.
    DiagramOptions all_links;
    all_links.max_links = 0;
    std::string full = to_dot(g, s, all_links);
    EXPECT_NE(full.find(fmt::format("{} actors, {} links,", s.nodes.size(), s.edges.size())),
              std::string::npos);
    EXPECT_EQ(full.find("weaker links"), std::string::npos);
}

TEST(Diagram, EngineIsChosenBySize) {
    EXPECT_EQ(choose_engine(10), "dot");
    EXPECT_EQ(choose_engine(299), "dot");
    EXPECT_EQ(choose_engine(300), "sfdp");
    EXPECT_EQ(choose_engine(80, 12), "neato");
    EXPECT_EQ(choose_engine(80, 12, true), "fdp");  // neato draws no clusters
    EXPECT_EQ(choose_engine(80, 3), "dot");
    EXPECT_EQ(choose_engine(80, 8), "dot");  // dot's labels never overlap: up to 8 pieces
    // Ten separate pairs: neato packs them instead of one long row, with xlabels.
    std::vector<Entity> none;
    std::vector<StoredEvent> pairs;
    for (int i = 0; i < 10; ++i) {
        StoredEvent se;
        se.event.id = fmt::format("event/{}", i);
        se.event.participants = {{fmt::format("P{}a", i), ParticipantRole::participant},
                                 {fmt::format("P{}b", i), ParticipantRole::participant}};
        pairs.push_back(se);
    }
    Graph apart = Graph::from_events(none, pairs);
    std::string neato = to_dot(apart, select_all(apart));
    EXPECT_NE(neato.find("layout=\"neato\""), std::string::npos);
    EXPECT_NE(neato.find("forcelabels=\"false\""), std::string::npos);
    EXPECT_NE(neato.find("xlabel=<MEET>"), std::string::npos);
    EXPECT_EQ(neato.find(" label=<MEET>"), std::string::npos);
    EXPECT_NE(neato.find("link labels that would overlap are left out"), std::string::npos);
    Graph g = generated(400);
    EXPECT_NE(to_dot(g, select_all(g)).find("layout=\"sfdp\""), std::string::npos);
    DiagramOptions options;
    options.engine = "neato";
    EXPECT_NE(to_dot(g, select_all(g), options).find("layout=\"neato\""), std::string::npos);
}

//! Actors named P0, P1, … (prefix P) for the bloc tests.
std::vector<Entity> numbered_actors(const std::string& prefix, int n) {
    std::vector<Entity> actors;
    for (int i = 0; i < n; ++i) {
        Entity e;
        e.id = fmt::format("{}{}", prefix, i);
        e.name = e.id;
        actors.push_back(e);
    }
    return actors;
}

//! The members of each cluster of a `--cluster bloc` diagram of `g`.
std::set<std::set<std::string>> bloc_clusters(const Graph& g) {
    DiagramOptions options;
    options.cluster = Clustering::bloc;
    std::string dot = to_dot(g, select_all(g), options);
    std::set<std::set<std::string>> groups;
    Agraph_t* parsed = agmemread(dot.c_str());
    if (!parsed)
        return groups;
    for (Agraph_t* s = agfstsubg(parsed); s; s = agnxtsubg(s)) {
        std::set<std::string> members;
        for (Agnode_t* n = agfstnode(s); n; n = agnxtnode(s, n))
            members.insert(agnameof(n));
        groups.insert(members);
    }
    agclose(parsed);
    return groups;
}

TEST(Diagram, BlocClustersGroupTheDenseParts) {
    // Two cliques of four joined by one link: two blocs.
    std::vector<Entity> actors = numbered_actors("B", 8);
    std::vector<StoredEvent> events;
    auto link = [&](int a, int b) {
        StoredEvent se;
        se.event.id = fmt::format("event/{}-{}", a, b);
        se.event.participants = {{actors[a].id, ParticipantRole::participant},
                                 {actors[b].id, ParticipantRole::participant}};
        events.push_back(se);
    };
    for (int base : {0, 4})
        for (int a = base; a < base + 4; ++a)
            for (int b = a + 1; b < base + 4; ++b)
                link(a, b);
    link(3, 4);
    EXPECT_EQ(
        bloc_clusters(Graph::from_events(actors, events)),
        (std::set<std::set<std::string>>{{"B0", "B1", "B2", "B3"}, {"B4", "B5", "B6", "B7"}}));
}

TEST(Diagram, BlocClustersSplitCampsThatCondemnEachOther) {
    // Two camps of three that meet inside and condemn each other more often than they meet:
    // counted as plain links the six form one dense group; signed, they are two blocs.
    std::vector<Entity> actors = numbered_actors("C", 6);
    std::vector<StoredEvent> events;
    auto link = [&](int a, int b, EventType type, int times) {
        for (int t = 0; t < times; ++t) {
            StoredEvent se;
            se.event.id = fmt::format("event/{}-{}-{}-{}", a, b, to_string(type), t);
            se.event.type = type;
            se.event.participants = {{actors[a].id, ParticipantRole::initiator},
                                     {actors[b].id, ParticipantRole::target}};
            events.push_back(se);
        }
    };
    for (int base : {0, 3})
        for (int a = base; a < base + 3; ++a)
            for (int b = a + 1; b < base + 3; ++b)
                link(a, b, EventType::MEET, 1);
    for (int a = 0; a < 3; ++a)
        for (int b = 3; b < 6; ++b)
            link(a, b, EventType::CONDEMN, 2);
    EXPECT_EQ(bloc_clusters(Graph::from_events(actors, events)),
              (std::set<std::set<std::string>>{{"C0", "C1", "C2"}, {"C3", "C4", "C5"}}));
}

//! A small store: Macron (FRA) and Tebboune (DZA) meet three times with their countries, sign
//! an agreement; DZA expels French diplomats; Macron meets his minister (a compatriot).
Graph leaders() {
    std::vector<Entity> actors;
    auto add = [&](std::string id, EntityKind kind, std::string name, std::string country) {
        Entity e;
        e.id = id;
        e.kind = kind;
        e.name = name;
        e.country = country;
        actors.push_back(e);
    };
    add("FRA", EntityKind::country, "France", "");
    add("DZA", EntityKind::country, "Algeria", "");
    add("person/macron", EntityKind::person, "Emmanuel Macron", "FRA");
    add("person/tebboune", EntityKind::person, "Abdelmadjid Tebboune", "DZA");
    add("person/barrot", EntityKind::person, "Jean-Noël Barrot", "FRA");
    std::vector<StoredEvent> events;
    auto event = [&](std::string id, EventType type, std::string date,
                     std::vector<Participant> who) {
        StoredEvent se;
        se.event.id = id;
        se.event.type = type;
        se.event.date = *DateInterval::parse(date);
        se.event.participants = std::move(who);
        events.push_back(se);
    };
    auto party = ParticipantRole::party;
    for (int i = 0; i < 3; ++i)
        event(
            fmt::format("event/meet{}", i), EventType::MEET, fmt::format("202{}", 3 + i),
            {{"FRA", party}, {"DZA", party}, {"person/macron", party}, {"person/tebboune", party}});
    event("event/agreement", EventType::AGREEMENT, "2025-03", {{"FRA", party}, {"DZA", party}});
    event("event/expel", EventType::EXPEL_DIPLOMATS, "2025-04",
          {{"DZA", ParticipantRole::initiator}, {"FRA", ParticipantRole::target}});
    event("event/cabinet", EventType::MEET, "2025",
          {{"person/macron", party}, {"person/barrot", party}});
    return Graph::from_events(actors, events);
}

//! The edges of a DOT text: "A -> B" with their attribute list.
std::vector<std::string> dot_edges(const std::string& dot) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = dot.find(" -> ", at)) != std::string::npos) {
        std::size_t begin = dot.rfind('\n', at) + 1;
        std::size_t end = dot.find('\n', at);
        if (dot.substr(begin, end - begin).find("style=invis") == std::string::npos)
            out.push_back(dot.substr(begin, end - begin));
        at = end;
    }
    return out;
}

TEST(Diagram, OneLinkPerPairAndDirectionLabelledWithItsTypes) {
    Graph g = leaders();
    std::string dot = to_dot(g, select_all(g));
    auto edges = dot_edges(dot);
    // FRA–DZA (MEET ×3, AGREEMENT), DZA → FRA (EXPEL), and the leaders' meetings: each person
    // with the other side (3 pairs); never a person with her own country or compatriot.
    int fra_dza = 0;
    for (const auto& e : edges) {
        if (e.find("\"DZA\" -> \"FRA\"") != std::string::npos &&
            e.find("dir=none") != std::string::npos) {
            ++fra_dza;
            EXPECT_NE(e.find("label=<MEET ×3 2023..2025 · AGREEMENT 2025>"), std::string::npos)
                << e;
            // Two families: one parallel line each (cooperation, then diplomatic).
            EXPECT_NE(e.find("color=\"#2E7D32:#1565C0\""), std::string::npos) << e;
        }
        EXPECT_EQ(e.find("\"FRA\" -> \"person/macron\""), std::string::npos) << e;
        EXPECT_EQ(e.find("\"person/barrot\" -> \"person/macron\""), std::string::npos) << e;
    }
    EXPECT_EQ(fra_dza, 1);
    auto expel = std::count_if(edges.begin(), edges.end(), [](const std::string& e) {
        return e.find("\"DZA\" -> \"FRA\" [color") != std::string::npos &&
               e.find("label=<EXPEL_DIPLOMATS 2025>") != std::string::npos;
    });
    EXPECT_EQ(expel, 1);
    // `--edges each`: one link per type.
    DiagramOptions each;
    each.pairs = false;
    auto typed = dot_edges(to_dot(g, select_all(g), each));
    EXPECT_EQ(typed.size(), edges.size() + 1);  // FRA–DZA as MEET and AGREEMENT
    EXPECT_EQ(edges.size(), g.edges().size() - 1);
}

TEST(Diagram, PeopleInsideTheirCountryOrFoldedIntoIt) {
    Graph g = leaders();
    DiagramOptions by_country;
    by_country.cluster = Clustering::country;
    by_country.engine = "fdp";
    std::string dot = to_dot(g, select_all(g), by_country);
    Agraph_t* parsed = agmemread(dot.c_str());
    ASSERT_NE(parsed, nullptr);
    std::map<std::string, std::set<std::string>> clusters;
    for (Agraph_t* s = agfstsubg(parsed); s; s = agnxtsubg(s))
        for (Agnode_t* n = agfstnode(s); n; n = agnxtnode(s, n))
            clusters[agget(s, const_cast<char*>("label"))].insert(agnameof(n));
    agclose(parsed);
    EXPECT_EQ(clusters["France"], (std::set<std::string>{"FRA", "person/barrot", "person/macron"}));
    EXPECT_EQ(clusters["Algeria"], (std::set<std::string>{"DZA", "person/tebboune"}));
    // dot: each person on the row of their country, held beside it by an invisible link.
    by_country.engine.clear();
    std::string rows = to_dot(g, select_all(g), by_country);
    EXPECT_NE(rows.find("layout=\"dot\""), std::string::npos);
    EXPECT_NE(rows.find("rank=same; \"DZA\"; \"person/tebboune\"; }"), std::string::npos);
    EXPECT_NE(rows.find("\"FRA\" -> \"person/macron\" [style=invis"), std::string::npos);
    EXPECT_EQ(rows.find("cluster_"), std::string::npos);

    DiagramOptions folded = by_country;
    folded.people = false;
    std::string off = to_dot(g, select_all(g), folded);
    EXPECT_EQ(off.find("person/"), std::string::npos);
    EXPECT_EQ(off.find("subgraph"), std::string::npos);  // no country has people left
    auto edges = dot_edges(off);
    ASSERT_EQ(edges.size(), 2u);  // FRA–DZA and DZA → FRA; the cabinet meeting vanished
    EXPECT_NE(edges[0].find("label=<MEET ×3 2023..2025 · AGREEMENT 2025>"), std::string::npos)
        << edges[0];
    EXPECT_NE(off.find("2 actors, 2 links (6 by type)"), std::string::npos);
    EXPECT_NE(off.find("3 people folded into their country"), std::string::npos);
}

TEST(Render, ThreadsShareGraphvizSafely) {
    Graph g = generated(30);
    std::string dot = to_dot(g, select_all(g));
    std::string expected = render(dot, Format::svg);
    ASSERT_NE(expected.find("<svg"), std::string::npos);
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] { results[i] = render(dot, Format::svg); });
    for (auto& t : threads)
        t.join();
    for (const auto& r : results)
        EXPECT_TRUE(r == expected);
}

TEST(Render, EdgeLabelsThatWouldCoverEachOtherAreMovedApart) {
    // Two links that cross at their middles, where the engine puts both labels: after the
    // layout one is moved along its own link, and both are still drawn.
    std::string dot = R"(digraph {
  layout=neato; node [shape=box, width=0.3, height=0.3, fixedsize=true, label=""];
  edge [fontname="Helvetica", fontsize=10];
  a [pos="0,0!"]; b [pos="4,0!"]; c [pos="2,2!"]; d [pos="2,-2!"];
  a -> b [label=<FIRST LINK LABEL>]; c -> d [label=<SECOND LINK LABEL>];
})";
    std::string svg = render(dot, Format::svg);
    std::map<std::string, std::pair<double, double>> at;  // text → centre (x, y)
    std::regex text(
        R"re(<text text-anchor="(\w+)" x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]+)</text>)re");
    for (std::sregex_iterator it(svg.begin(), svg.end(), text), end; it != end; ++it) {
        double x = std::stod((*it)[2]), width = static_cast<double>((*it)[4].length()) * 10 * 0.6;
        if ((*it)[1] == "start")
            x += width / 2;
        else if ((*it)[1] == "end")
            x -= width / 2;
        at[(*it)[4]] = {x, std::stod((*it)[3])};
    }
    ASSERT_TRUE(at.count("FIRST LINK LABEL")) << svg;
    ASSERT_TRUE(at.count("SECOND LINK LABEL")) << svg;
    auto [x1, y1] = at["FIRST LINK LABEL"];
    auto [x2, y2] = at["SECOND LINK LABEL"];
    bool apart = std::abs(x1 - x2) >= (16 + 17) * 10 * 0.6 / 2 || std::abs(y1 - y2) >= 10;
    EXPECT_TRUE(apart) << x1 << "," << y1 << " and " << x2 << "," << y2;
}

TEST(Render, ErrorsAreOneLine) {
    try {
        render("graph { a -- ", Format::svg);
        FAIL() << "no error";
    } catch (const RenderError& e) {
        std::string what = e.what();
        EXPECT_EQ(what.rfind("Graphviz could not read the DOT text: ", 0), 0u) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
    EXPECT_THROW(render("graph { a }", Format::graphml), RenderError);
    // The parser recovers: the next graph renders.
    EXPECT_NE(render("graph { a -- b }", Format::svg).find("<svg"), std::string::npos);
}

}  // namespace

}  // namespace diplograph::test
