// The diagrams of queries/summary.hpp (the kept actors chosen from the integer tables, then only
// the events among them read) against those of the full load (Graph::load, then the query and
// viz::summarise, as `export` drew them before): the same actors, links, counts and DOT text on
// random stores, with and without filters, for the whole graph, ego networks and paths.
#include "support/random_store.hpp"
#include "support/support.hpp"

#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/summary.hpp>
#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/exports.hpp>

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace diplograph {
namespace {

constexpr int kStores = 10;

std::vector<Scope> scopes() {
    std::vector<Scope> out(5);
    out[1].filter.types = {EventType::MEET, EventType::AGREEMENT};
    out[2].filter.statuses = {Status::occurred};
    out[3].filter.since = Date{2020, 1, 1};
    out[3].filter.until = Date{2023, 12, 31};
    out[4].filter.min_sources = 2;
    return out;
}

//! check(store, scope, graph) for each scope on kStores random stores of `events` events,
//! the graph being the store loaded whole under the scope's filter.
template <class Check>
void for_each_store_and_scope(std::mt19937& rng, int events, Check check) {
    for (int i = 0; i < kStores; ++i) {
        test::TempDir dir;
        Store store(dir / "t.db");
        test::fill(store, rng, events);
        for (const auto& scope : scopes()) {
            SCOPED_TRACE(fmt::format("store {}", i));
            check(store, scope, Graph::load(store, scope.filter));
        }
    }
}

//! Every fact of a selection a drawing shows, by id: actors, focus, links with their counts.
std::string facts(const Graph& g, const Selection& s) {
    std::string out = fmt::format("{} | {} | left out {} {}\n", s.title, s.filters,
                                  s.left_out_nodes, s.left_out_edges);
    for (auto n : s.nodes)
        out += g.node(n).id + " ";
    out += "\nfocus:";
    for (auto n : s.focus)
        out += " " + g.node(n).id;
    out += "\n";
    for (auto e : s.edges) {
        const ActorEdge& edge = g.edges()[e];
        out += fmt::format("{} {} {} ×{} {} sources {}..{}", g.node(edge.a).id, g.node(edge.b).id,
                           to_string(edge.type), edge.count, edge.sources,
                           edge.first.valid() ? edge.first.to_string() : "",
                           edge.last.valid() ? edge.last.to_string() : "");
        for (auto ev : edge.events)
            out += " " + g.events()[ev].event.id;
        out += "\n";
    }
    return out;
}

//! The same facts, the same DOT (links view, a tight link limit, the event view) and GraphML.
void expect_same(const Graph& full_graph, const Selection& full, const Summary& lean) {
    ASSERT_EQ(facts(lean.graph, lean.selection), facts(full_graph, full));
    viz::DiagramOptions tight;
    tight.max_links = 2;
    viz::DiagramOptions events;
    events.events = true;
    for (const auto& options : {viz::DiagramOptions{}, tight, events})
        EXPECT_EQ(viz::to_dot(lean.graph, lean.selection, options),
                  viz::to_dot(full_graph, full, options));
    EXPECT_EQ(viz::to_graphml(lean.graph, lean.selection), viz::to_graphml(full_graph, full));
}

TEST(Summary, MostConnectedPutsTheFocusFirstThenTheWeightThenTheId) {
    const std::vector<std::string> ids{"B", "A", "D", "C", "E"};
    const std::vector<long> weight{5, 5, 9, 1, 0};
    EXPECT_EQ(most_connected(ids, weight, {}, 2), (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(most_connected(ids, weight, {}, 3), (std::vector<std::size_t>{0, 1, 2}));
    // The focus goes first whatever its weight; a focus larger than the budget stays whole.
    EXPECT_EQ(most_connected(ids, weight, {false, false, false, false, true}, 2),
              (std::vector<std::size_t>{2, 4}));
    EXPECT_EQ(most_connected(ids, weight, {true, false, false, true, true}, 2),
              (std::vector<std::size_t>{0, 3, 4}));
    EXPECT_EQ(most_connected(ids, weight, {}, 0).size(), 5u);
    EXPECT_EQ(most_connected(ids, weight, {}, 9).size(), 5u);
}

TEST(Summary, WholeGraphDrawsAsTheFullLoad) {
    std::mt19937 rng(515);
    int compared = 0;
    for_each_store_and_scope(rng, 20, [&](const Store& store, const Scope& scope, const Graph& g) {
        for (std::size_t budget : {0, 1, 2, 3, 5, 8, 50}) {
            SCOPED_TRACE(fmt::format("budget {}", budget));
            auto lean = summarise_all(store, scope, budget);
            ASSERT_TRUE(lean);
            Selection full = viz::summarise(g, select_all(g), budget);
            EXPECT_EQ(lean->graph.node_count(),
                      budget == 0 ? g.node_count() : std::min(budget, g.node_count()));
            expect_same(g, full, *lean);
            ++compared;
        }
    });
    EXPECT_GT(compared, 300);
}

TEST(Summary, RefusesScopesThatNeedWholeEvents) {
    std::mt19937 rng(516);
    test::TempDir dir;
    Store store(dir / "t.db");
    test::fill(store, rng, 20);
    Scope kind;
    kind.kind = EntityKind::country;
    Scope sources;
    sources.filter.min_confidence = 0.5;
    EXPECT_FALSE(summarise_all(store, kind, 2));
    EXPECT_FALSE(summarise_all(store, sources, 2));
    EXPECT_FALSE(summarise_all(store, Scope{}, 15001));
    EXPECT_FALSE(summarise_ego(store, kind, "Q01", 1, 2));
    EXPECT_FALSE(summarise_path(store, sources, "Q01", "Q02"));
}

TEST(Summary, EgoNetworkDrawsAsTheFullLoad) {
    std::mt19937 rng(517);
    int compared = 0;
    for_each_store_and_scope(rng, 16, [&](const Store& store, const Scope& scope, const Graph& g) {
        for (NodeIndex c = 0; c < g.node_count(); ++c)
            for (int depth : {0, 1, 2})
                for (std::size_t budget : {0, 2, 4}) {
                    SCOPED_TRACE(fmt::format("{} depth {} budget {}", g.node(c).id, depth, budget));
                    auto lean = summarise_ego(store, scope, g.node(c).id, depth, budget);
                    ASSERT_TRUE(lean);
                    Selection full = viz::summarise(g, ego(g, c, depth).selection, budget);
                    expect_same(g, full, *lean);
                    ++compared;
                }
    });
    EXPECT_GT(compared, 500);
}

TEST(Summary, EgoOfAnActorWithoutEventsIsAnEmptyGraph) {
    std::mt19937 rng(518);
    test::TempDir dir;
    Store store(dir / "t.db");
    test::fill(store, rng);
    auto lean = summarise_ego(store, Scope{}, "nobody", 1, 150);
    ASSERT_TRUE(lean);
    EXPECT_EQ(lean->graph.node_count(), 0u);
    EXPECT_TRUE(lean->selection.nodes.empty());
}

TEST(Summary, PathDrawsAsTheFullLoad) {
    std::mt19937 rng(519);
    int compared = 0, without = 0;
    for_each_store_and_scope(rng, 16, [&](const Store& store, const Scope& scope, const Graph& g) {
        for (NodeIndex a = 0; a < g.node_count(); ++a)
            for (NodeIndex b = 0; b < g.node_count(); ++b) {
                if (a == b)
                    continue;
                SCOPED_TRACE(fmt::format("{} to {}", g.node(a).id, g.node(b).id));
                auto lean = summarise_path(store, scope, g.node(a).id, g.node(b).id);
                ASSERT_TRUE(lean);
                PathsAnswer full = paths(g, a, b, 1);
                if (full.paths.empty()) {
                    EXPECT_TRUE(lean->selection.nodes.empty());
                    EXPECT_TRUE(lean->graph.find(g.node(a).id));
                    EXPECT_TRUE(lean->graph.find(g.node(b).id));
                    ++without;
                    continue;
                }
                expect_same(g, full.selection, *lean);
                ++compared;
            }
    });
    EXPECT_GT(compared, 300);
    EXPECT_GT(without, 10);
}

}  // namespace
}  // namespace diplograph
