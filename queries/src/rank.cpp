#include <diplograph/queries/rank.hpp>
#include <diplograph/queries/load.hpp>

#include <diplograph/graph/algorithms.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>

namespace diplograph {

std::string_view to_string(RankBy by) {
    switch (by) {
        case RankBy::degree:
            return "degree";
        case RankBy::weighted:
            return "weighted";
        case RankBy::betweenness:
            return "betweenness";
        case RankBy::pagerank:
            return "pagerank";
    }
    return "degree";
}

std::optional<RankBy> rank_by_from_string(std::string_view text) {
    for (auto by : {RankBy::degree, RankBy::weighted, RankBy::betweenness, RankBy::pagerank})
        if (to_string(by) == text)
            return by;
    return std::nullopt;
}

std::vector<double> pagerank(const std::vector<std::vector<NodeIndex>>& adjacency, double alpha,
                             double tol, int max_iterations) {
    const std::size_t n = adjacency.size();
    if (n == 0)
        return {};
    const double uniform = 1.0 / static_cast<double>(n);
    std::vector<double> x(n, uniform), next(n);
    std::vector<double> out_share(n, 0.0);
    for (std::size_t u = 0; u < n; ++u)
        if (!adjacency[u].empty())
            out_share[u] = 1.0 / static_cast<double>(adjacency[u].size());
    // The adjacency as flat arrays of 32-bit indices (CSR): each iteration walks them in order.
    // The sums are made in the same order as on the lists, so the scores are the same bits.
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t u = 0; u < n; ++u)
        start[u + 1] = start[u] + adjacency[u].size();
    std::vector<uint32_t> target;
    target.reserve(start[n]);
    for (const auto& row : adjacency)
        for (NodeIndex v : row)
            target.push_back(static_cast<uint32_t>(v));
    std::vector<std::size_t> dangling_nodes;
    for (std::size_t u = 0; u < n; ++u)
        if (adjacency[u].empty())
            dangling_nodes.push_back(u);
    for (int it = 0; it < max_iterations; ++it) {
        double dangling = 0;
        for (auto u : dangling_nodes)
            dangling += x[u];
        const double base = (1.0 - alpha) * uniform + alpha * dangling * uniform;
        std::fill(next.begin(), next.end(), base);
        for (std::size_t u = 0; u < n; ++u) {
            const double share = alpha * x[u] * out_share[u];
            for (std::size_t i = start[u]; i < start[u + 1]; ++i)
                next[target[i]] += share;
        }
        double change = 0;
        for (std::size_t u = 0; u < n; ++u)
            change += std::abs(next[u] - x[u]);
        x.swap(next);
        if (change < tol)
            break;
    }
    return x;
}

namespace {

template <typename IdOf>
void keep_top(RankAnswer& out, std::size_t top, const IdOf& id_of) {
    auto better = [&](const RankRow& a, const RankRow& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return id_of(a.node) < id_of(b.node);
    };
    if (top && top < out.rows.size()) {
        std::partial_sort(out.rows.begin(), out.rows.begin() + static_cast<long>(top),
                          out.rows.end(), better);
        out.rows.resize(top);
    } else {
        std::sort(out.rows.begin(), out.rows.end(), better);
    }
}

}  // namespace

std::optional<RankAnswer> rank(const Topology& topology, RankBy by, std::size_t top) {
    if (by == RankBy::betweenness)
        return std::nullopt;
    RankAnswer out;
    const std::size_t n = topology.node_count();
    const auto& adj = topology.adjacency();
    std::vector<double> score(n, 0.0);
    switch (by) {
        case RankBy::degree:
            for (NodeIndex v = 0; v < n; ++v)
                score[v] = static_cast<double>(adj[v].size());
            break;
        case RankBy::weighted:
            for (const auto& e : topology.links()) {
                score[e.a] += e.count;
                score[e.b] += e.count;
            }
            break;
        case RankBy::betweenness:
            break;
        case RankBy::pagerank:
            score = pagerank(adj);
            break;
    }
    out.rows.reserve(n);
    for (NodeIndex v = 0; v < n; ++v)
        out.rows.push_back({v, score[v], adj[v].size()});
    keep_top(out, top, [&](NodeIndex v) -> const std::string& { return topology.node(v).id; });
    out.selection.left_out_nodes = n - out.rows.size();
    out.selection.title = fmt::format("actors ranked by {}", to_string(by));
    return out;
}

namespace {

//! Brandes' single-source dependencies on flat 32-bit arrays, added into a sum, source by source.
class Brandes {
  public:
    explicit Brandes(const std::vector<std::vector<NodeIndex>>& adjacency)
        : n_(adjacency.size()),
          start_(n_ + 1, 0),
          distance_(n_, -1),
          paths_(n_, 0.0),
          dependency_(n_, 0.0),
          sum_(n_, 0.0) {
        for (std::size_t u = 0; u < n_; ++u)
            start_[u + 1] = start_[u] + static_cast<uint32_t>(adjacency[u].size());
        target_.reserve(start_[n_]);
        for (const auto& row : adjacency)
            for (NodeIndex v : row)
                target_.push_back(static_cast<uint32_t>(v));
        order_.reserve(n_);
    }

    //! Adds the dependencies of the shortest paths from `s` to the sum.
    void add(uint32_t s) {
        order_.clear();
        order_.push_back(s);
        distance_[s] = 0;
        paths_[s] = 1;
        for (std::size_t head = 0; head < order_.size(); ++head) {
            uint32_t u = order_[head];
            for (uint32_t i = start_[u]; i < start_[u + 1]; ++i) {
                uint32_t v = target_[i];
                if (distance_[v] < 0) {
                    distance_[v] = distance_[u] + 1;
                    order_.push_back(v);
                }
                if (distance_[v] == distance_[u] + 1)
                    paths_[v] += paths_[u];
            }
        }
        // Dependencies from the farthest back (the predecessors of w: its neighbours one
        // step nearer the source).
        for (std::size_t k = order_.size(); k-- > 1;) {
            uint32_t w = order_[k];
            const double share = (1.0 + dependency_[w]) / paths_[w];
            for (uint32_t i = start_[w]; i < start_[w + 1]; ++i) {
                uint32_t v = target_[i];
                if (distance_[v] == distance_[w] - 1)
                    dependency_[v] += paths_[v] * share;
            }
            sum_[w] += dependency_[w];
        }
        for (uint32_t v : order_) {
            distance_[v] = -1;
            paths_[v] = 0;
            dependency_[v] = 0;
        }
    }

    //! The sum so far scaled to the n sources it stands for (each unordered pair is met from
    //! both of its ends).
    std::vector<double> scaled(std::size_t sources) const {
        std::vector<double> out = sum_;
        double scale = 0.5;
        if (sources > 0 && sources < n_)
            scale *= static_cast<double>(n_) / static_cast<double>(sources);
        for (auto& c : out)
            c *= scale;
        return out;
    }

  private:
    std::size_t n_;
    std::vector<uint32_t> start_, target_;
    std::vector<int32_t> distance_;
    std::vector<double> paths_, dependency_, sum_;
    std::vector<uint32_t> order_;
};

//! The sources in the order of a Fisher-Yates shuffle seeded by `seed`: its first p are the p
//! sources betweenness(adjacency, p, seed) draws.
std::vector<uint32_t> shuffled_sources(std::size_t n, std::size_t count, unsigned seed) {
    std::vector<uint32_t> sources(n);
    for (std::size_t i = 0; i < n; ++i)
        sources[i] = static_cast<uint32_t>(i);
    std::mt19937_64 random(seed);
    for (std::size_t i = 0; i < count && i + 1 < n; ++i)
        std::swap(sources[i], sources[i + random() % (n - i)]);
    return sources;
}

}  // namespace

std::vector<double> betweenness(const std::vector<std::vector<NodeIndex>>& adjacency,
                                std::size_t pivots, unsigned seed) {
    const std::size_t n = adjacency.size();
    if (n == 0)
        return {};
    Brandes brandes(adjacency);
    std::vector<uint32_t> sources;
    if (pivots > 0 && pivots < n) {
        sources = shuffled_sources(n, pivots, seed);
        sources.resize(pivots);
        std::sort(sources.begin(), sources.end());
    } else {
        sources = shuffled_sources(n, 0, seed);
        pivots = n;
    }
    for (uint32_t s : sources)
        brandes.add(s);
    return brandes.scaled(pivots);
}

std::vector<double> betweenness_progressive(
    const std::vector<std::vector<NodeIndex>>& adjacency, unsigned seed,
    const std::function<bool(std::size_t, const std::function<std::vector<double>()>&)>& progress) {
    const std::size_t n = adjacency.size();
    if (n == 0)
        return {};
    Brandes brandes(adjacency);
    auto sources = shuffled_sources(n, n, seed);
    for (std::size_t done = 0; done < n;) {
        brandes.add(sources[done]);
        ++done;
        if (done < n && !progress(done, [&] { return brandes.scaled(done); }))
            return brandes.scaled(done);
    }
    return brandes.scaled(n);
}

RankAnswer rank_betweenness(const Topology& topology, std::size_t top, std::size_t exact_up_to,
                            std::size_t pivots, bool& estimated) {
    RankAnswer out;
    const std::size_t n = topology.node_count();
    const auto& adj = topology.adjacency();
    estimated = n > exact_up_to && pivots > 0 && pivots < n;
    std::vector<double> score = betweenness(adj, estimated ? pivots : 0);
    out.rows.reserve(n);
    for (NodeIndex v = 0; v < n; ++v)
        out.rows.push_back({v, score[v], adj[v].size()});
    keep_top(out, top, [&](NodeIndex v) -> const std::string& { return topology.node(v).id; });
    out.selection.left_out_nodes = n - out.rows.size();
    out.selection.title = fmt::format("actors ranked by {}", to_string(RankBy::betweenness));
    return out;
}

namespace {

RankAnswer ranked(const Graph& graph, RankBy by, const std::vector<double>& score, std::size_t top,
                  const std::vector<std::vector<NodeIndex>>& adj) {
    RankAnswer out;
    const std::size_t n = graph.node_count();
    for (NodeIndex v = 0; v < n; ++v)
        out.rows.push_back({v, score[v], adj[v].size()});
    keep_top(out, top, [&](NodeIndex v) -> const std::string& { return graph.node(v).id; });
    std::vector<NodeIndex> nodes;
    for (const auto& r : out.rows)
        nodes.push_back(r.node);
    out.selection = induced(graph, nodes);
    out.selection.focus = out.selection.nodes;
    out.selection.left_out_nodes = n - out.rows.size();
    out.selection.title = fmt::format("actors ranked by {}", to_string(by));
    return out;
}

}  // namespace

RankAnswer rank(const Graph& graph, RankBy by, std::size_t top, std::size_t pivots) {
    const std::size_t n = graph.node_count();
    auto adj = algo::simple_adjacency(graph);
    std::vector<double> score(n, 0.0);
    switch (by) {
        case RankBy::degree:
            for (NodeIndex v = 0; v < n; ++v)
                score[v] = static_cast<double>(adj[v].size());
            break;
        case RankBy::weighted:
            for (const auto& e : graph.edges()) {
                if (e.a == e.b)
                    continue;
                score[e.a] += e.count;
                score[e.b] += e.count;
            }
            break;
        case RankBy::betweenness:
            score = pivots > 0 && pivots < n ? betweenness(adj, pivots) : algo::betweenness(graph);
            break;
        case RankBy::pagerank:
            score = pagerank(adj);
            break;
    }
    return ranked(graph, by, score, top, adj);
}

RankAnswer rank_scored(const Graph& graph, RankBy by, const std::vector<double>& score,
                       std::size_t top) {
    return ranked(graph, by, score, top, algo::simple_adjacency(graph));
}

}  // namespace diplograph
