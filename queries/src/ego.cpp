#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/load.hpp>

#include <diplograph/graph/algorithms.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

EgoAnswer ego(const Graph& graph, NodeIndex centre, int depth) {
    EgoAnswer out;
    auto reached = algo::within(graph, centre, depth);
    std::vector<NodeIndex> nodes;
    std::vector<bool> in(graph.node_count(), false);
    for (auto [n, d] : reached) {
        nodes.push_back(n);
        in[n] = true;
    }
    for (auto [n, d] : reached) {
        std::vector<NodeIndex> partners;
        for (auto e : graph.incident(n)) {
            NodeIndex o = graph.other(e, n);
            if (in[o] && o != n)
                partners.push_back(o);
        }
        std::sort(partners.begin(), partners.end());
        partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
        out.rows.push_back({n, d, partners.size()});
    }
    std::sort(out.rows.begin(), out.rows.end(), [&](const EgoRow& a, const EgoRow& b) {
        if (a.depth != b.depth)
            return a.depth < b.depth;
        return graph.node(a.node).id < graph.node(b.node).id;
    });
    out.selection = induced(graph, std::move(nodes));
    out.selection.focus = {centre};
    out.selection.title = fmt::format("ego network of {}, depth {}", label(graph, centre), depth);
    return out;
}

EgoSummary ego(const Topology& topology, NodeIndex centre, int depth) {
    EgoSummary out;
    const auto& adj = topology.adjacency();
    // The BFS of algo::within: neighbours in index order, as Graph::incident lists them.
    std::vector<std::pair<NodeIndex, int>> reached;
    std::vector<bool> in(topology.node_count(), false);
    if (centre >= topology.node_count())
        return out;
    in[centre] = true;
    reached.emplace_back(centre, 0);
    for (std::size_t head = 0; head < reached.size(); ++head) {
        auto [u, d] = reached[head];
        if (d == depth)
            continue;
        for (NodeIndex v : adj[u])
            if (!in[v]) {
                in[v] = true;
                reached.emplace_back(v, d + 1);
            }
    }
    for (auto [n, d] : reached) {
        std::size_t partners = 0;
        for (NodeIndex o : adj[n])
            partners += in[o] && o != n;
        out.answer.rows.push_back({n, d, partners});
    }
    std::sort(out.answer.rows.begin(), out.answer.rows.end(),
              [&](const EgoRow& a, const EgoRow& b) {
                  if (a.depth != b.depth)
                      return a.depth < b.depth;
                  return topology.node(a.node).id < topology.node(b.node).id;
              });
    for (const auto& l : topology.links())
        out.links += in[l.a] && in[l.b];
    return out;
}

}  // namespace diplograph
