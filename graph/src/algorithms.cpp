#include <diplograph/graph/algorithms.hpp>

#include "graph_boost.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <limits>

namespace diplograph::algo {

namespace {

constexpr NodeIndex kNone = std::numeric_limits<NodeIndex>::max();

}  // namespace

std::vector<int> bfs_distances(const Graph& graph, NodeIndex source) {
    const std::size_t n = graph.node_count();
    std::vector<int> dist(n, 0);
    std::vector<NodeIndex> parent(n, kNone);
    if (source >= n)
        return std::vector<int>(n, -1);
    boost::breadth_first_search(
        graph.boost().actors, source,
        boost::visitor(boost::make_bfs_visitor(
            std::make_pair(boost::record_distances(dist.data(), boost::on_tree_edge()),
                           boost::record_predecessors(parent.data(), boost::on_tree_edge())))));
    for (NodeIndex v = 0; v < n; ++v)
        if (v != source && parent[v] == kNone)
            dist[v] = -1;
    return dist;
}

std::vector<NodeIndex> shortest_path(const Graph& graph, NodeIndex from, NodeIndex to) {
    if (from >= graph.node_count() || to >= graph.node_count())
        return {};
    if (from == to)
        return {from};
    std::vector<NodeIndex> parent(graph.node_count(), kNone);
    boost::breadth_first_search(graph.boost().actors, from,
                                boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
                                    parent.data(), boost::on_tree_edge()))));
    if (parent[to] == kNone)
        return {};
    std::vector<NodeIndex> path{to};
    while (path.back() != from)
        path.push_back(parent[path.back()]);
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<std::pair<NodeIndex, int>> within(const Graph& graph, NodeIndex source, int max_depth) {
    std::vector<std::pair<NodeIndex, int>> out;
    if (source >= graph.node_count() || max_depth < 0)
        return out;
    std::vector<bool> seen(graph.node_count(), false);
    seen[source] = true;
    out.emplace_back(source, 0);
    for (std::size_t head = 0; head < out.size(); ++head) {
        auto [u, d] = out[head];
        if (d == max_depth)
            continue;
        for (auto e : graph.incident(u)) {
            NodeIndex v = graph.other(e, u);
            if (!seen[v]) {
                seen[v] = true;
                out.emplace_back(v, d + 1);
            }
        }
    }
    return out;
}

Components connected_components(const Graph& graph) {
    Components c;
    c.of.assign(graph.node_count(), 0);
    if (graph.node_count() == 0)
        return c;
    std::vector<int> raw(graph.node_count(), 0);
    int n = boost::connected_components(graph.boost().actors, raw.data());
    // Renumber so that component numbers follow the first actor of each.
    std::vector<std::size_t> renumber(static_cast<std::size_t>(n), kNone);
    for (NodeIndex v = 0; v < graph.node_count(); ++v) {
        auto& r = renumber[static_cast<std::size_t>(raw[v])];
        if (r == kNone)
            r = c.count++;
        c.of[v] = r;
    }
    return c;
}

std::vector<std::vector<NodeIndex>> simple_adjacency(const Graph& graph) {
    return simple_adjacency(graph, std::vector<bool>(graph.edges().size(), true));
}

std::vector<std::vector<NodeIndex>> simple_adjacency(const Graph& graph,
                                                     const std::vector<bool>& keep) {
    std::vector<std::vector<NodeIndex>> adj(graph.node_count());
    for (EdgeIndex i = 0; i < graph.edges().size(); ++i) {
        const ActorEdge& e = graph.edges()[i];
        if (!keep[i] || e.a == e.b)
            continue;
        adj[e.a].push_back(e.b);
        adj[e.b].push_back(e.a);
    }
    for (auto& list : adj) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return adj;
}

std::vector<double> betweenness(const Graph& graph) {
    // Parallel edges (one per event type) would multiply the shortest-path counts: Brandes runs
    // on the simple graph.
    using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Simple g(graph.node_count());
    auto adj = simple_adjacency(graph);
    for (NodeIndex u = 0; u < adj.size(); ++u)
        for (auto v : adj[u])
            if (u < v)
                boost::add_edge(u, v, g);
    std::vector<double> centrality(graph.node_count(), 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
               centrality.begin(), boost::get(boost::vertex_index, g))));
    return centrality;
}

}  // namespace diplograph::algo
