// Betweenness on the flat adjacency (queries/rank.hpp): exact against a count of the shortest
// paths pair by pair, and the estimate from sampled sources (the server's rank for large
// graphs) against the exact values, with its error measured and bounded.
#include <diplograph/queries/rank.hpp>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

namespace diplograph {
namespace {

using Adjacency = std::vector<std::vector<NodeIndex>>;

Adjacency with_edges(std::size_t n, const std::set<std::pair<NodeIndex, NodeIndex>>& edges) {
    Adjacency adj(n);
    for (auto [a, b] : edges) {
        adj[a].push_back(b);
        adj[b].push_back(a);
    }
    for (auto& row : adj)
        std::sort(row.begin(), row.end());
    return adj;
}

//! A random graph: `n` actors, each pair linked with probability p.
Adjacency random_graph(std::size_t n, double p, unsigned seed) {
    std::mt19937 random(seed);
    std::set<std::pair<NodeIndex, NodeIndex>> edges;
    for (NodeIndex a = 0; a < n; ++a)
        for (NodeIndex b = a + 1; b < n; ++b)
            if (static_cast<double>(random() % 10000) < p * 10000)
                edges.insert({a, b});
    return with_edges(n, edges);
}

//! Hubs and many small actors as in the bench store: each new actor links to `m` earlier
//! ones chosen in proportion to their partners (preferential attachment).
Adjacency hub_graph(std::size_t n, std::size_t m, unsigned seed) {
    std::mt19937 random(seed);
    std::set<std::pair<NodeIndex, NodeIndex>> edges;
    std::vector<NodeIndex> ends{0, 1};
    edges.insert({0, 1});
    for (NodeIndex v = 2; v < n; ++v) {
        std::set<NodeIndex> chosen;
        while (chosen.size() < std::min<std::size_t>(m, v))
            chosen.insert(ends[random() % ends.size()]);
        for (auto u : chosen) {
            edges.insert({u, v});
            ends.push_back(u);
            ends.push_back(v);
        }
    }
    return with_edges(n, edges);
}

//! Each pair (s, t) with the number of shortest paths through v: σ(s,v) σ(v,t) / σ(s,t).
std::vector<double> by_pairs(const Adjacency& adj) {
    const std::size_t n = adj.size();
    std::vector<std::vector<int>> dist(n, std::vector<int>(n, -1));
    std::vector<std::vector<double>> count(n, std::vector<double>(n, 0));
    for (NodeIndex s = 0; s < n; ++s) {
        std::vector<NodeIndex> queue{s};
        dist[s][s] = 0;
        count[s][s] = 1;
        for (std::size_t h = 0; h < queue.size(); ++h)
            for (auto v : adj[queue[h]]) {
                auto u = queue[h];
                if (dist[s][v] < 0) {
                    dist[s][v] = dist[s][u] + 1;
                    queue.push_back(v);
                }
                if (dist[s][v] == dist[s][u] + 1)
                    count[s][v] += count[s][u];
            }
    }
    std::vector<double> out(n, 0);
    for (NodeIndex s = 0; s < n; ++s)
        for (NodeIndex t = s + 1; t < n; ++t) {
            if (dist[s][t] < 0)
                continue;
            for (NodeIndex v = 0; v < n; ++v)
                if (v != s && v != t && dist[s][v] >= 0 && dist[v][t] >= 0 &&
                    dist[s][v] + dist[v][t] == dist[s][t])
                    out[v] += count[s][v] * count[v][t] / count[s][t];
        }
    return out;
}

TEST(Betweenness, ExactEqualsTheCountOfShortestPathsPairByPair) {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        // Sparse graphs fall apart into several components; dense ones have many ties.
        for (double p : {0.03, 0.08, 0.3}) {
            Adjacency adj = random_graph(50, p, seed);
            auto fast = betweenness(adj);
            auto slow = by_pairs(adj);
            ASSERT_EQ(fast.size(), slow.size());
            for (std::size_t v = 0; v < adj.size(); ++v)
                EXPECT_NEAR(fast[v], slow[v], 1e-9 * std::max(1.0, slow[v]))
                    << "seed " << seed << " p " << p << " actor " << v;
            // As many pivots as actors is the exact computation.
            auto all = betweenness(adj, adj.size());
            for (std::size_t v = 0; v < adj.size(); ++v)
                EXPECT_NEAR(all[v], slow[v], 1e-9 * std::max(1.0, slow[v]));
        }
    }
    EXPECT_TRUE(betweenness({}).empty());
    EXPECT_EQ(betweenness({{}}), std::vector<double>{0.0});
    // A path a - b - c: b lies on the one path between a and c.
    EXPECT_EQ(betweenness({{1}, {0, 2}, {1}}), (std::vector<double>{0, 1, 0}));
}

TEST(Betweenness, EstimateFromSampledSourcesIsCloseOnHubs) {
    // 2,000 actors with hubs, 200 pivots (10 %, the proportion the server uses at 2,560
    // actors; 256 pivots on the 10,000-actor bench store is 2.6 %, see the second graph).
    struct Case {
        std::size_t n, pivots;
        double max_top_error;  // bound on the relative error of the 10 most central actors
        // (measured: 0.39 and 0.48; the mean error is printed)
    };
    for (Case c : {Case{2000, 200, 0.5}, Case{4000, 100, 0.65}}) {
        Adjacency adj = hub_graph(c.n, 2, 7);
        auto exact = betweenness(adj);
        auto estimate = betweenness(adj, c.pivots, 42);
        ASSERT_EQ(estimate, betweenness(adj, c.pivots, 42)) << "the same seed, the same values";
        std::vector<NodeIndex> order(adj.size());
        for (NodeIndex v = 0; v < adj.size(); ++v)
            order[v] = v;
        auto top_of = [&](const std::vector<double>& score) {
            auto o = order;
            std::sort(o.begin(), o.end(), [&](auto a, auto b) {
                return score[a] != score[b] ? score[a] > score[b] : a < b;
            });
            o.resize(10);
            return o;
        };
        auto top_exact = top_of(exact), top_estimate = top_of(estimate);
        double worst = 0, mean = 0, total_exact = 0, total_estimate = 0;
        for (auto v : top_exact) {
            double error = std::abs(estimate[v] - exact[v]) / exact[v];
            worst = std::max(worst, error);
            mean += error / 10;
        }
        for (std::size_t v = 0; v < adj.size(); ++v) {
            total_exact += exact[v];
            total_estimate += estimate[v];
        }
        std::size_t shared = 0;
        for (auto v : top_estimate)
            shared += std::count(top_exact.begin(), top_exact.end(), v);
        fmt::print(
            "{} actors, {} pivots: relative error on the exact top 10: mean {:.3f}, "
            "worst {:.3f}; {} of the top 10 the same, the most central actor {}, sum "
            "{:.4f} of the exact one\n",
            c.n, c.pivots, mean, worst, shared,
            top_exact[0] == top_estimate[0] ? "the same" : "not the same",
            total_estimate / total_exact);
        EXPECT_LT(worst, c.max_top_error);
        EXPECT_GE(shared, 7u);
        EXPECT_EQ(top_exact[0], top_estimate[0]);
        EXPECT_NEAR(total_estimate / total_exact, 1.0, 0.1);
    }
}

TEST(Betweenness, ProgressiveGivesEachEstimateThenTheExactValues) {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        Adjacency adj = random_graph(60, seed % 2 ? 0.05 : 0.15, seed);
        const std::size_t n = adj.size();
        // Each estimate on the way is betweenness() from as many sources (the same sources: the
        // first of the same shuffle), and the end is the exact values.
        std::size_t calls = 0;
        auto exact = betweenness_progressive(adj, 42, [&](std::size_t done, const auto& estimate) {
            ++calls;
            EXPECT_EQ(done, calls);
            if (done % 7 == 0) {
                auto want = betweenness(adj, done, 42);
                auto got = estimate();
                for (std::size_t v = 0; v < n; ++v)
                    EXPECT_NEAR(got[v], want[v], 1e-9 * std::max(1.0, want[v])) << done << " " << v;
            }
            return true;
        });
        EXPECT_EQ(calls, n - 1);
        auto want = betweenness(adj);
        for (std::size_t v = 0; v < n; ++v)
            EXPECT_NEAR(exact[v], want[v], 1e-9 * std::max(1.0, want[v]));
        // Stopped: the estimate from the sources so far.
        auto stopped = betweenness_progressive(
            adj, 42, [&](std::size_t done, const auto&) { return done < 10; });
        auto ten = betweenness(adj, 10, 42);
        for (std::size_t v = 0; v < n; ++v)
            EXPECT_NEAR(stopped[v], ten[v], 1e-9 * std::max(1.0, ten[v]));
    }
}

}  // namespace
}  // namespace diplograph
