// The graph algorithms checked against plain reference implementations on many small random
// graphs: BFS against Floyd–Warshall, Yen against enumerating every simple path, PageRank
// against a dense power iteration, betweenness against counting shortest paths one by one,
// components against union–find, label propagation against its own definition.
#include <diplograph/graph/algorithms.hpp>
#include <diplograph/queries/blocs.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/rank.hpp>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <set>

namespace diplograph {
namespace {

constexpr int kGraphs = 250;

//! A random graph of up to 9 actors: events of two (sometimes three) actors, of random types,
//! so that pairs often have several parallel actor-view edges.
Graph random_graph(std::mt19937& rng, std::size_t max_nodes = 9) {
    std::uniform_int_distribution<std::size_t> size(1, max_nodes);
    const std::size_t n = size(rng);
    std::vector<Entity> actors;
    for (std::size_t i = 0; i < n; ++i)
        actors.push_back(Entity{
            fmt::format("C{:02}", i), EntityKind::country, fmt::format("Country {}", i), "", {}});
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::uniform_int_distribution<int> type(0, 3);
    std::uniform_int_distribution<std::size_t> count(0, n * 2);
    std::vector<StoredEvent> events;
    const std::size_t m = count(rng);
    for (std::size_t i = 0; i < m; ++i) {
        StoredEvent se;
        se.event.id = fmt::format("event/{}", i);
        se.event.type = static_cast<EventType>(type(rng));
        std::set<std::size_t> who{pick(rng), pick(rng)};
        if (type(rng) == 0)
            who.insert(pick(rng));
        for (auto w : who)
            se.event.participants.push_back({actors[w].id, ParticipantRole::participant});
        se.sources.push_back(Source{"source/x", "", "", "", "", "", "h"});
        events.push_back(std::move(se));
    }
    return Graph::from_events(actors, std::move(events));
}

std::vector<std::vector<bool>> matrix(const Graph& g) {
    std::vector<std::vector<bool>> adj(g.node_count(), std::vector<bool>(g.node_count(), false));
    for (const auto& e : g.edges())
        if (e.a != e.b)
            adj[e.a][e.b] = adj[e.b][e.a] = true;
    return adj;
}

std::vector<std::vector<int>> floyd_warshall(const Graph& g) {
    const std::size_t n = g.node_count();
    const int inf = 1 << 20;
    auto adj = matrix(g);
    std::vector<std::vector<int>> d(n, std::vector<int>(n, inf));
    for (std::size_t i = 0; i < n; ++i) {
        d[i][i] = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (adj[i][j])
                d[i][j] = 1;
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    for (auto& row : d)
        for (auto& x : row)
            if (x == inf)
                x = -1;
    return d;
}

//! Every simple path from s to t, by depth-first enumeration.
std::vector<std::vector<NodeIndex>> all_simple_paths(const Graph& g, NodeIndex s, NodeIndex t) {
    auto adj = matrix(g);
    std::vector<std::vector<NodeIndex>> out;
    std::vector<NodeIndex> path{s};
    std::vector<bool> on(g.node_count(), false);
    on[s] = true;
    std::function<void(NodeIndex)> dfs = [&](NodeIndex u) {
        if (u == t) {
            out.push_back(path);
            return;
        }
        for (NodeIndex v = 0; v < g.node_count(); ++v) {
            if (!adj[u][v] || on[v])
                continue;
            on[v] = true;
            path.push_back(v);
            dfs(v);
            path.pop_back();
            on[v] = false;
        }
    };
    dfs(s);
    return out;
}

bool is_simple_path(const Graph& g, const std::vector<NodeIndex>& p, NodeIndex s, NodeIndex t) {
    auto adj = matrix(g);
    if (p.empty() || p.front() != s || p.back() != t)
        return false;
    std::set<NodeIndex> seen(p.begin(), p.end());
    if (seen.size() != p.size())
        return false;
    for (std::size_t i = 0; i + 1 < p.size(); ++i)
        if (!adj[p[i]][p[i + 1]])
            return false;
    return true;
}

TEST(Crosscheck, BfsDistancesAndShortestPathMatchFloydWarshall) {
    std::mt19937 rng(1);
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng);
        auto d = floyd_warshall(g);
        for (NodeIndex s = 0; s < g.node_count(); ++s) {
            EXPECT_EQ(algo::bfs_distances(g, s), d[s]) << "graph " << round << " from " << s;
            for (NodeIndex t = 0; t < g.node_count(); ++t) {
                auto p = algo::shortest_path(g, s, t);
                if (d[s][t] < 0) {
                    EXPECT_TRUE(p.empty());
                } else {
                    ASSERT_EQ(p.size(), static_cast<std::size_t>(d[s][t]) + 1);
                    EXPECT_TRUE(is_simple_path(g, p, s, t));
                }
            }
        }
    }
}

TEST(Crosscheck, WithinDepthMatchesDistances) {
    std::mt19937 rng(2);
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng);
        auto d = floyd_warshall(g);
        int depth = static_cast<int>(rng() % 4);
        NodeIndex s = rng() % g.node_count();
        std::map<NodeIndex, int> expected, got;
        for (NodeIndex v = 0; v < g.node_count(); ++v)
            if (d[s][v] >= 0 && d[s][v] <= depth)
                expected[v] = d[s][v];
        for (auto [v, dist] : algo::within(g, s, depth))
            got[v] = dist;
        EXPECT_EQ(got, expected) << "graph " << round;
    }
}

TEST(Crosscheck, YenMatchesEnumerationOfSimplePaths) {
    std::mt19937 rng(3);
    int compared = 0;
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng, 8);
        if (g.node_count() < 2)
            continue;
        NodeIndex s = rng() % g.node_count(), t = rng() % g.node_count();
        if (s == t)
            continue;
        std::size_t k = 1 + rng() % 8;
        std::size_t max_hops = rng() % 3 == 0 ? 1 + rng() % 4 : 0;
        std::vector<std::size_t> lengths;
        for (const auto& p : all_simple_paths(g, s, t))
            if (!max_hops || p.size() - 1 <= max_hops)
                lengths.push_back(p.size() - 1);
        std::sort(lengths.begin(), lengths.end());
        if (lengths.size() > k)
            lengths.resize(k);
        auto got = k_shortest_paths(g, s, t, k, max_hops);
        std::vector<std::size_t> got_lengths;
        for (const auto& p : got) {
            EXPECT_TRUE(is_simple_path(g, p, s, t)) << "graph " << round;
            got_lengths.push_back(p.size() - 1);
        }
        std::set<std::vector<NodeIndex>> distinct(got.begin(), got.end());
        EXPECT_EQ(distinct.size(), got.size()) << "graph " << round;
        EXPECT_EQ(got_lengths, lengths) << "graph " << round << " k " << k << " max " << max_hops;
        ++compared;
    }
    EXPECT_GE(compared, 150);
}

TEST(Crosscheck, PageRankMatchesDensePowerIteration) {
    std::mt19937 rng(4);
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng);
        const std::size_t n = g.node_count();
        auto adj = matrix(g);
        // Dense Google matrix: column u spreads u's rank over its partners, or over everyone
        // when u has none.
        const double alpha = 0.85;
        std::vector<std::vector<double>> google(n, std::vector<double>(n, 0.0));
        for (std::size_t u = 0; u < n; ++u) {
            std::size_t deg =
                static_cast<std::size_t>(std::count(adj[u].begin(), adj[u].end(), true));
            for (std::size_t v = 0; v < n; ++v) {
                double link = deg ? (adj[u][v] ? 1.0 / static_cast<double>(deg) : 0.0)
                                  : 1.0 / static_cast<double>(n);
                google[v][u] = alpha * link + (1 - alpha) / static_cast<double>(n);
            }
        }
        std::vector<double> x(n, 1.0 / static_cast<double>(n));
        for (int it = 0; it < 2000; ++it) {
            std::vector<double> y(n, 0.0);
            for (std::size_t v = 0; v < n; ++v)
                for (std::size_t u = 0; u < n; ++u)
                    y[v] += google[v][u] * x[u];
            x = y;
        }
        auto got = pagerank(algo::simple_adjacency(g));
        ASSERT_EQ(got.size(), n);
        double sum = 0;
        for (std::size_t v = 0; v < n; ++v) {
            EXPECT_NEAR(got[v], x[v], 1e-9) << "graph " << round << " node " << v;
            sum += got[v];
        }
        EXPECT_NEAR(sum, 1.0, 1e-9);
    }
}

TEST(Crosscheck, BetweennessMatchesCountingShortestPaths) {
    std::mt19937 rng(5);
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng, 8);
        const std::size_t n = g.node_count();
        auto d = floyd_warshall(g);
        std::vector<double> expected(n, 0.0);
        for (NodeIndex s = 0; s < n; ++s) {
            for (NodeIndex t = s + 1; t < n; ++t) {
                if (d[s][t] <= 0)
                    continue;
                std::vector<std::vector<NodeIndex>> shortest;
                for (auto& p : all_simple_paths(g, s, t))
                    if (static_cast<int>(p.size()) - 1 == d[s][t])
                        shortest.push_back(p);
                for (NodeIndex v = 0; v < n; ++v) {
                    if (v == s || v == t)
                        continue;
                    auto through = std::count_if(shortest.begin(), shortest.end(), [&](auto& p) {
                        return std::find(p.begin(), p.end(), v) != p.end();
                    });
                    expected[v] +=
                        static_cast<double>(through) / static_cast<double>(shortest.size());
                }
            }
        }
        auto got = algo::betweenness(g);
        ASSERT_EQ(got.size(), n);
        for (NodeIndex v = 0; v < n; ++v)
            EXPECT_NEAR(got[v], expected[v], 1e-9) << "graph " << round << " node " << v;
    }
}

TEST(Crosscheck, ComponentsMatchUnionFind) {
    std::mt19937 rng(6);
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng);
        std::vector<NodeIndex> parent(g.node_count());
        for (NodeIndex v = 0; v < parent.size(); ++v)
            parent[v] = v;
        std::function<NodeIndex(NodeIndex)> root = [&](NodeIndex v) {
            return parent[v] == v ? v : parent[v] = root(parent[v]);
        };
        for (const auto& e : g.edges())
            parent[root(e.a)] = root(e.b);
        auto c = algo::connected_components(g);
        std::set<NodeIndex> roots;
        for (NodeIndex u = 0; u < g.node_count(); ++u) {
            roots.insert(root(u));
            for (NodeIndex v = 0; v < g.node_count(); ++v)
                EXPECT_EQ(c.of[u] == c.of[v], root(u) == root(v)) << "graph " << round;
        }
        EXPECT_EQ(c.count, roots.size());
    }
}

TEST(Crosscheck, LabelPropagationEndsAtAStableLabelling) {
    std::mt19937 rng(7);
    for (int round = 0; round < kGraphs; ++round) {
        Graph g = random_graph(rng);
        auto labels = label_propagation(g, 42);
        EXPECT_EQ(labels, label_propagation(g, 42)) << "not deterministic, graph " << round;
        auto comp = algo::connected_components(g);
        std::vector<std::map<std::size_t, double>> weight(g.node_count());
        for (const auto& e : g.edges()) {
            if (e.a == e.b)
                continue;
            EXPECT_EQ(comp.of[e.a], comp.of[e.b]);
            weight[e.a][labels[e.b]] += e.count;
            weight[e.b][labels[e.a]] += e.count;
        }
        // Every actor with partners holds a label of largest weight among them, and a label
        // never crosses components.
        for (NodeIndex v = 0; v < g.node_count(); ++v) {
            for (NodeIndex u = 0; u < g.node_count(); ++u) {
                if (labels[u] == labels[v]) {
                    EXPECT_EQ(comp.of[u], comp.of[v]) << "graph " << round;
                }
            }
            if (weight[v].empty())
                continue;
            double best = 0;
            for (auto& [l, w] : weight[v])
                best = std::max(best, w);
            EXPECT_EQ(weight[v][labels[v]], best) << "graph " << round << " node " << v;
        }
    }
}

}  // namespace
}  // namespace diplograph
