#include <diplograph/queries/links.hpp>
#include <diplograph/queries/load.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

LinksAnswer links(const Graph& graph, NodeIndex actor, std::optional<NodeIndex> other) {
    LinksAnswer out;
    std::vector<NodeIndex> nodes{actor};
    for (auto e : graph.incident(actor)) {
        NodeIndex o = graph.other(e, actor);
        if (o == actor || (other && o != *other))
            continue;
        out.rows.push_back({actor, o, e});
        nodes.push_back(o);
    }
    const auto& edges = graph.edges();
    std::sort(out.rows.begin(), out.rows.end(), [&](const LinkRow& x, const LinkRow& y) {
        const auto &a = edges[x.edge], &b = edges[y.edge];
        if (a.count != b.count)
            return a.count > b.count;
        if (x.other != y.other)
            return graph.node(x.other).id < graph.node(y.other).id;
        return a.type < b.type;
    });
    if (other)
        nodes.push_back(*other);
    out.selection = induced(graph, nodes);
    // Only the links asked about, not those among the partners.
    out.selection.edges.clear();
    for (const auto& r : out.rows)
        out.selection.edges.push_back(r.edge);
    std::sort(out.selection.edges.begin(), out.selection.edges.end());
    out.selection.focus = {actor};
    if (other)
        out.selection.focus.push_back(*other);
    std::sort(out.selection.focus.begin(), out.selection.focus.end());
    out.selection.title =
        other ? fmt::format("links between {} and {}", label(graph, actor), label(graph, *other))
              : fmt::format("links of {}", label(graph, actor));
    return out;
}

}  // namespace diplograph
