#include <diplograph/queries/rank.hpp>
#include <diplograph/queries/load.hpp>

#include <diplograph/graph/algorithms.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
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

std::vector<double> betweenness(const std::vector<std::vector<NodeIndex>>& adjacency,
                                std::size_t pivots, unsigned seed) {
    const std::size_t n = adjacency.size();
    std::vector<double> centrality(n, 0.0);
    if (n == 0)
        return centrality;
    // The adjacency as flat arrays of 32-bit indices: each source walks them.
    std::vector<uint32_t> start(n + 1, 0), target;
    for (std::size_t u = 0; u < n; ++u)
        start[u + 1] = start[u] + static_cast<uint32_t>(adjacency[u].size());
    target.reserve(start[n]);
    for (const auto& row : adjacency)
        for (NodeIndex v : row)
            target.push_back(static_cast<uint32_t>(v));
    std::vector<uint32_t> sources(n);
    for (std::size_t i = 0; i < n; ++i)
        sources[i] = static_cast<uint32_t>(i);
    double scale = 0.5;  // each unordered pair is met from both of its ends
    if (pivots > 0 && pivots < n) {
        // A partial Fisher-Yates shuffle: `pivots` distinct sources.
        std::mt19937_64 random(seed);
        for (std::size_t i = 0; i < pivots; ++i)
            std::swap(sources[i], sources[i + random() % (n - i)]);
        sources.resize(pivots);
        std::sort(sources.begin(), sources.end());
        scale *= static_cast<double>(n) / static_cast<double>(pivots);
    }
    std::vector<int32_t> distance(n, -1);
    std::vector<double> paths(n, 0.0), dependency(n, 0.0);
    std::vector<uint32_t> order;  // the nodes reached, by distance
    order.reserve(n);
    for (uint32_t s : sources) {
        order.clear();
        order.push_back(s);
        distance[s] = 0;
        paths[s] = 1;
        for (std::size_t head = 0; head < order.size(); ++head) {
            uint32_t u = order[head];
            for (uint32_t i = start[u]; i < start[u + 1]; ++i) {
                uint32_t v = target[i];
                if (distance[v] < 0) {
                    distance[v] = distance[u] + 1;
                    order.push_back(v);
                }
                if (distance[v] == distance[u] + 1)
                    paths[v] += paths[u];
            }
        }
        // Dependencies from the farthest back (the predecessors of w: its neighbours one
        // step nearer the source).
        for (std::size_t k = order.size(); k-- > 1;) {
            uint32_t w = order[k];
            const double share = (1.0 + dependency[w]) / paths[w];
            for (uint32_t i = start[w]; i < start[w + 1]; ++i) {
                uint32_t v = target[i];
                if (distance[v] == distance[w] - 1)
                    dependency[v] += paths[v] * share;
            }
            centrality[w] += dependency[w];
        }
        for (uint32_t v : order) {
            distance[v] = -1;
            paths[v] = 0;
            dependency[v] = 0;
        }
    }
    for (auto& c : centrality)
        c *= scale;
    return centrality;
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
