#include <diplograph/queries/selection.hpp>

#include <algorithm>

namespace diplograph {

Selection select_all(const Graph& graph) {
    Selection s;
    s.nodes.resize(graph.node_count());
    for (NodeIndex n = 0; n < graph.node_count(); ++n)
        s.nodes[n] = n;
    s.edges.resize(graph.edges().size());
    for (EdgeIndex e = 0; e < graph.edges().size(); ++e)
        s.edges[e] = e;
    s.title = "all actors";
    return s;
}

Selection induced(const Graph& graph, std::vector<NodeIndex> nodes) {
    Selection s;
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    std::vector<bool> in(graph.node_count(), false);
    for (auto n : nodes)
        in[n] = true;
    for (auto n : nodes)
        for (auto e : graph.incident(n))
            if (in[graph.other(e, n)])
                s.edges.push_back(e);
    std::sort(s.edges.begin(), s.edges.end());
    s.edges.erase(std::unique(s.edges.begin(), s.edges.end()), s.edges.end());
    s.nodes = std::move(nodes);
    return s;
}

}  // namespace diplograph
