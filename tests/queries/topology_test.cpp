// The lean loading path (Store::event_links, Topology) against the full one (Graph::load): the
// same nodes in the same order, the same edges, and the same answers of rank, ego and path on
// random stores, with and without filters.
#include <diplograph/graph/algorithms.hpp>
#include <diplograph/graph/topology.hpp>
#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/load.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/rank.hpp>

#include "support/random_store.hpp"
#include "support/support.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <random>

namespace diplograph {
namespace {

using test::fill;

constexpr int kStores = 12;

std::vector<Filter> filters() {
    std::vector<Filter> out(5);
    out[1].types = {EventType::MEET, EventType::AGREEMENT};
    out[2].statuses = {Status::occurred};
    out[3].since = Date{2020, 1, 1};
    out[3].until = Date{2023, 12, 31};
    out[4].min_sources = 2;
    for (auto& f : out)
        f.with_evidence = false;
    return out;
}

TEST(Topology, RefusesFiltersThatNeedTheEvidence) {
    test::TempDir dir;
    Store store(dir / "t.db");
    Filter f;
    f.min_confidence = 0.5;
    EXPECT_FALSE(Topology::load(store, f));
    Scope scope;
    scope.kind = EntityKind::country;
    EXPECT_FALSE(load_topology(store, scope));
    EXPECT_TRUE(Topology::load(store, {}));
}

TEST(Topology, MatchesTheGraphLoadedFromTheSameStore) {
    std::mt19937 rng(20261128);
    int compared_links = 0;
    for (int i = 0; i < kStores; ++i) {
        test::TempDir dir;
        Store store(dir / "t.db");
        fill(store, rng);
        for (const auto& f : filters()) {
            SCOPED_TRACE(fmt::format("store {}", i));
            const Graph g = Graph::load(store, f);
            const auto t = Topology::load(store, f);
            ASSERT_TRUE(t);
            EXPECT_EQ(t->event_count(), g.events().size());
            ASSERT_EQ(t->node_count(), g.node_count());
            for (NodeIndex n = 0; n < g.node_count(); ++n) {
                EXPECT_EQ(t->node(n).id, g.node(n).id);
                EXPECT_EQ(t->node(n).name, g.node(n).name);
            }
            ASSERT_EQ(t->links().size(), g.edges().size());
            for (std::size_t e = 0; e < g.edges().size(); ++e) {
                EXPECT_EQ(t->links()[e].a, g.edges()[e].a);
                EXPECT_EQ(t->links()[e].b, g.edges()[e].b);
                EXPECT_EQ(t->links()[e].type, g.edges()[e].type);
                EXPECT_EQ(static_cast<int>(t->links()[e].count), g.edges()[e].count);
                ++compared_links;
            }
            EXPECT_EQ(t->adjacency(), algo::simple_adjacency(g));
            // Without the types: one link per pair, the same adjacency.
            const auto u = Topology::load(store, f, /*with_types=*/false);
            ASSERT_TRUE(u);
            EXPECT_EQ(u->adjacency(), t->adjacency());
            EXPECT_LE(u->links().size(), t->links().size());
        }
    }
    EXPECT_GT(compared_links, 100);
}

TEST(Topology, OfSomeActorsHoldsTheirEventsAndPartners) {
    std::mt19937 rng(5);
    int compared = 0;
    for (int i = 0; i < kStores; ++i) {
        test::TempDir dir;
        Store store(dir / "t.db");
        fill(store, rng);
        for (auto f : filters()) {
            const Graph g = Graph::load(store, f);
            for (NodeIndex n = 0; n < g.node_count(); n += 2) {
                f.actors = {g.node(n).id};
                const Graph part = Graph::load(store, f);
                const auto t = Topology::load(store, f);
                ASSERT_TRUE(t);
                EXPECT_EQ(t->event_count(), part.events().size());
                std::vector<std::string> expected, got;
                for (auto m : g.neighbours(n))
                    expected.push_back(g.node(m).id);
                for (auto m : t->adjacency()[*t->find(g.node(n).id)])
                    got.push_back(t->node(m).id);
                std::sort(got.begin(), got.end());
                std::sort(expected.begin(), expected.end());
                EXPECT_EQ(got, expected);
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 50);
}

TEST(Topology, NeighbourhoodGivesTheEgoNetworkOfTheGraph) {
    std::mt19937 rng(4242);
    int compared = 0;
    for (int i = 0; i < kStores; ++i) {
        test::TempDir dir;
        Store store(dir / "t.db");
        fill(store, rng);
        for (const auto& f : filters()) {
            SCOPED_TRACE(fmt::format("store {}", i));
            const Graph g = Graph::load(store, f);
            Scope scope;
            scope.filter = f;
            for (NodeIndex c = 0; c < g.node_count(); ++c) {
                // Through the rings, and (max 3 actors) through the whole topology.
                for (std::size_t max_actors : {std::size_t{20000}, std::size_t{3}}) {
                    for (int depth : {1, 2, 3}) {
                        const auto t = load_neighbourhood_topology(store, scope, g.node(c).id,
                                                                   depth, max_actors);
                        ASSERT_TRUE(t);
                        const auto centre = t->find(g.node(c).id);
                        ASSERT_TRUE(centre);
                        const auto fast = ego(*t, *centre, depth);
                        const auto full = ego(g, c, depth);
                        ASSERT_EQ(fast.answer.rows.size(), full.rows.size());
                        for (std::size_t r = 0; r < full.rows.size(); ++r) {
                            EXPECT_EQ(t->node(fast.answer.rows[r].node).id,
                                      g.node(full.rows[r].node).id);
                            EXPECT_EQ(fast.answer.rows[r].depth, full.rows[r].depth);
                            EXPECT_EQ(fast.answer.rows[r].degree, full.rows[r].degree);
                        }
                        EXPECT_EQ(fast.links, full.selection.edges.size());
                        ++compared;
                    }
                }
            }
        }
    }
    EXPECT_GT(compared, 500);
}

TEST(Topology, AnswersAsTheGraphDoes) {
    std::mt19937 rng(1128);
    int compared_paths = 0;
    for (int i = 0; i < kStores; ++i) {
        test::TempDir dir;
        Store store(dir / "t.db");
        fill(store, rng);
        for (const auto& f : filters()) {
            SCOPED_TRACE(fmt::format("store {}", i));
            const Graph g = Graph::load(store, f);
            const auto t = Topology::load(store, f);
            ASSERT_TRUE(t);
            const auto u = Topology::load(store, f, /*with_types=*/false);
            ASSERT_TRUE(u);
            for (auto by : {RankBy::degree, RankBy::weighted, RankBy::pagerank}) {
                const auto fast = rank(*u, by, 5);
                ASSERT_TRUE(fast);
                const auto full = rank(g, by, 5);
                ASSERT_EQ(fast->rows.size(), full.rows.size());
                for (std::size_t r = 0; r < full.rows.size(); ++r) {
                    EXPECT_EQ(u->node(fast->rows[r].node).id, g.node(full.rows[r].node).id);
                    EXPECT_EQ(fast->rows[r].score, full.rows[r].score);
                    EXPECT_EQ(fast->rows[r].degree, full.rows[r].degree);
                }
            }
            EXPECT_FALSE(rank(*t, RankBy::betweenness, 5));
            for (NodeIndex c = 0; c < g.node_count(); ++c) {
                for (int depth : {1, 2}) {
                    const auto fast = ego(*t, c, depth);
                    const auto full = ego(g, c, depth);
                    ASSERT_EQ(fast.answer.rows.size(), full.rows.size());
                    for (std::size_t r = 0; r < full.rows.size(); ++r) {
                        EXPECT_EQ(fast.answer.rows[r].node, full.rows[r].node);
                        EXPECT_EQ(fast.answer.rows[r].depth, full.rows[r].depth);
                        EXPECT_EQ(fast.answer.rows[r].degree, full.rows[r].degree);
                    }
                    EXPECT_EQ(fast.links, full.selection.edges.size());
                }
                for (NodeIndex d = 0; d < g.node_count(); ++d) {
                    const auto on_graph = k_shortest_paths(g, c, d, 3);
                    EXPECT_EQ(k_shortest_paths(u->adjacency(), c, d, 3), on_graph);
                    if (on_graph.empty())
                        continue;
                    // The answer built from the events of the actors on the paths only.
                    std::vector<std::vector<std::string>> ids;
                    Filter along = f;
                    for (const auto& p : on_graph) {
                        ids.emplace_back();
                        for (auto n : p) {
                            ids.back().push_back(g.node(n).id);
                            along.actors.push_back(g.node(n).id);
                        }
                    }
                    const Graph part = Graph::load(store, along);
                    const auto answer =
                        paths_along(part, *part.find(g.node(c).id), *part.find(g.node(d).id), ids);
                    const auto expected = paths(g, c, d, 3);
                    ASSERT_EQ(answer.paths.size(), expected.paths.size());
                    for (std::size_t p = 0; p < expected.paths.size(); ++p) {
                        const auto& hops = expected.paths[p].hops;
                        ASSERT_EQ(answer.paths[p].hops.size(), hops.size());
                        for (std::size_t h = 0; h < hops.size(); ++h) {
                            const auto& mine = answer.paths[p].hops[h];
                            ASSERT_EQ(mine.edges.size(), hops[h].edges.size());
                            for (std::size_t e = 0; e < hops[h].edges.size(); ++e) {
                                const auto& x = part.edges()[mine.edges[e]];
                                const auto& y = g.edges()[hops[h].edges[e]];
                                EXPECT_EQ(x.type, y.type);
                                EXPECT_EQ(x.count, y.count);
                                EXPECT_EQ(x.sources, y.sources);
                                ASSERT_EQ(x.events.size(), y.events.size());
                                for (std::size_t v = 0; v < x.events.size(); ++v)
                                    EXPECT_EQ(part.events()[x.events[v]].event.id,
                                              g.events()[y.events[v]].event.id);
                            }
                        }
                    }
                    ++compared_paths;
                }
            }
        }
    }
    EXPECT_GT(compared_paths, 50);
}

}  // namespace
}  // namespace diplograph
