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

}  // namespace diplograph
