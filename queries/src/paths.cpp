#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/load.hpp>

#include <diplograph/graph/algorithms.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>

namespace diplograph {

namespace {

constexpr NodeIndex kNone = std::numeric_limits<NodeIndex>::max();

using Adjacency = std::vector<std::vector<NodeIndex>>;

//! A shortest path by BFS avoiding banned actors and banned links; empty when none.
std::vector<NodeIndex> bfs_avoiding(const Adjacency& adj, NodeIndex from, NodeIndex to,
                                    const std::vector<bool>& banned_node,
                                    const std::set<std::pair<NodeIndex, NodeIndex>>& banned_edge) {
    std::vector<NodeIndex> parent(adj.size(), kNone);
    std::vector<NodeIndex> queue{from};
    parent[from] = from;
    for (std::size_t head = 0; head < queue.size() && parent[to] == kNone; ++head) {
        NodeIndex u = queue[head];
        for (NodeIndex v : adj[u]) {
            if (parent[v] != kNone || banned_node[v] ||
                banned_edge.count({std::min(u, v), std::max(u, v)}))
                continue;
            parent[v] = u;
            queue.push_back(v);
        }
    }
    if (parent[to] == kNone)
        return {};
    std::vector<NodeIndex> path{to};
    while (path.back() != from)
        path.push_back(parent[path.back()]);
    std::reverse(path.begin(), path.end());
    return path;
}

bool shorter(const std::vector<NodeIndex>& a, const std::vector<NodeIndex>& b) {
    if (a.size() != b.size())
        return a.size() < b.size();
    return a < b;
}

}  // namespace

std::vector<std::vector<NodeIndex>> k_shortest_paths(const Graph& graph, NodeIndex from,
                                                     NodeIndex to, std::size_t k,
                                                     std::size_t max_hops) {
    if (k == 0 || from == to || from >= graph.node_count() || to >= graph.node_count())
        return {};
    return k_shortest_paths(algo::simple_adjacency(graph), from, to, k, max_hops);
}

std::vector<std::vector<NodeIndex>> k_shortest_paths(const Adjacency& adj, NodeIndex from,
                                                     NodeIndex to, std::size_t k,
                                                     std::size_t max_hops) {
    std::vector<std::vector<NodeIndex>> found;
    if (k == 0 || from == to || from >= adj.size() || to >= adj.size())
        return found;
    const std::size_t limit = max_hops ? max_hops : std::numeric_limits<std::size_t>::max();
    std::vector<bool> banned_node(adj.size(), false);
    // Boost's BFS visits the out-edges in edge order, that is the neighbours in index order:
    // the BFS below on the sorted simple adjacency finds the same shortest path.
    auto first = bfs_avoiding(adj, from, to, banned_node, {});
    if (first.empty() || first.size() - 1 > limit)
        return found;
    found.push_back(std::move(first));
    if (k == 1)
        return found;
    std::set<std::vector<NodeIndex>, decltype(&shorter)> candidates(&shorter);
    while (found.size() < k) {
        const auto prev = found.back();
        for (std::size_t i = 0; i + 1 < prev.size(); ++i) {
            NodeIndex spur = prev[i];
            std::set<std::pair<NodeIndex, NodeIndex>> banned_edge;
            for (const auto& p : found) {
                if (p.size() > i + 1 &&
                    std::equal(p.begin(), p.begin() + static_cast<long>(i) + 1, prev.begin()))
                    banned_edge.insert({std::min(p[i], p[i + 1]), std::max(p[i], p[i + 1])});
            }
            for (std::size_t j = 0; j < i; ++j)
                banned_node[prev[j]] = true;
            auto tail = bfs_avoiding(adj, spur, to, banned_node, banned_edge);
            for (std::size_t j = 0; j < i; ++j)
                banned_node[prev[j]] = false;
            if (tail.empty())
                continue;
            std::vector<NodeIndex> path(prev.begin(), prev.begin() + static_cast<long>(i));
            path.insert(path.end(), tail.begin(), tail.end());
            if (path.size() - 1 <= limit &&
                std::find(found.begin(), found.end(), path) == found.end())
                candidates.insert(std::move(path));
        }
        if (candidates.empty())
            break;
        found.push_back(*candidates.begin());
        candidates.erase(candidates.begin());
    }
    return found;
}

namespace {

PathsAnswer answer_for(const Graph& graph, NodeIndex from, NodeIndex to,
                       std::vector<std::vector<NodeIndex>> found) {
    PathsAnswer out;
    std::vector<NodeIndex> nodes{from, to};
    std::vector<EdgeIndex> edges;
    for (auto& p : found) {
        Path path;
        for (std::size_t i = 0; i + 1 < p.size(); ++i) {
            Hop hop{p[i], p[i + 1], {}};
            for (auto e : graph.incident(p[i]))
                if (graph.other(e, p[i]) == p[i + 1])
                    hop.edges.push_back(e);
            std::sort(hop.edges.begin(), hop.edges.end(), [&](EdgeIndex a, EdgeIndex b) {
                return graph.edges()[a].type < graph.edges()[b].type;
            });
            edges.insert(edges.end(), hop.edges.begin(), hop.edges.end());
            path.hops.push_back(std::move(hop));
        }
        nodes.insert(nodes.end(), p.begin(), p.end());
        path.nodes = std::move(p);
        out.paths.push_back(std::move(path));
    }
    out.selection = induced(graph, nodes);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    out.selection.edges = std::move(edges);
    out.selection.focus = {std::min(from, to), std::max(from, to)};
    out.selection.focus.erase(std::unique(out.selection.focus.begin(), out.selection.focus.end()),
                              out.selection.focus.end());
    out.selection.title = fmt::format("paths from {} to {}", label(graph, from), label(graph, to));
    return out;
}

}  // namespace

PathsAnswer paths(const Graph& graph, NodeIndex from, NodeIndex to, std::size_t k,
                  std::size_t max_hops) {
    return answer_for(graph, from, to, k_shortest_paths(graph, from, to, k, max_hops));
}

PathsAnswer paths_along(const Graph& graph, NodeIndex from, NodeIndex to,
                        const std::vector<std::vector<std::string>>& id_paths) {
    std::vector<std::vector<NodeIndex>> found;
    for (const auto& ids : id_paths) {
        std::vector<NodeIndex> p;
        for (const auto& id : ids) {
            auto n = graph.find(id);
            if (!n)
                throw std::logic_error("paths_along: " + id + " is not in the graph");
            p.push_back(*n);
        }
        found.push_back(std::move(p));
    }
    return answer_for(graph, from, to, std::move(found));
}

}  // namespace diplograph
