#include <diplograph/queries/load.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

Graph restrict_kind(const Graph& graph, EntityKind kind, const std::vector<std::string>& keep) {
    std::vector<bool> in(graph.node_count(), false);
    std::vector<Entity> actors;
    for (NodeIndex n = 0; n < graph.node_count(); ++n) {
        const Node& node = graph.node(n);
        in[n] = node.kind == kind || std::find(keep.begin(), keep.end(), node.id) != keep.end();
        if (in[n])
            actors.push_back(Entity{node.id, node.kind, node.name, node.country, {}});
    }
    std::vector<StoredEvent> events;
    for (std::size_t e = 0; e < graph.events().size(); ++e) {
        StoredEvent se = graph.events()[e];
        auto& parts = se.event.participants;
        parts.erase(std::remove_if(parts.begin(), parts.end(),
                                   [&](const Participant& p) {
                                       auto n = graph.find(p.actor);
                                       return !n || !in[*n];
                                   }),
                    parts.end());
        if (!parts.empty())
            events.push_back(std::move(se));
    }
    return Graph::from_events(std::move(actors), std::move(events));
}

Graph load_graph(const Store& store, const Scope& scope, const std::vector<std::string>& keep) {
    Graph g = Graph::load(store, scope.filter);
    if (scope.kind)
        return restrict_kind(g, *scope.kind, keep);
    return g;
}

std::string describe(const Scope& scope) {
    const Filter& f = scope.filter;
    std::vector<std::string> parts;
    if (f.since || f.until)
        parts.push_back(fmt::format("{}..{}", f.since ? f.since->to_string() : "",
                                    f.until ? f.until->to_string() : ""));
    auto join = [](const auto& items) {
        std::string out;
        for (const auto& x : items)
            out += (out.empty() ? "" : ", ") + std::string(to_string(x));
        return out;
    };
    if (!f.types.empty())
        parts.push_back("types " + join(f.types));
    if (!f.statuses.empty())
        parts.push_back("status " + join(f.statuses));
    if (f.min_sources > 1)
        parts.push_back(fmt::format("min {} sources", f.min_sources));
    if (scope.kind)
        parts.push_back(fmt::format("{} actors only", to_string(*scope.kind)));
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::string label(const Graph& graph, NodeIndex n) {
    const Node& node = graph.node(n);
    if (node.name.empty() || node.name == node.id)
        return node.id;
    return fmt::format("{} ({})", node.name, node.id);
}

}  // namespace diplograph
