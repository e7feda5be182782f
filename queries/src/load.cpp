#include <diplograph/queries/load.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_set>

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

Graph load_neighbourhood(const Store& store, const Scope& scope, const std::string& centre,
                         int depth, std::size_t max_actors) {
    std::unordered_set<std::string> reached{centre};
    std::vector<std::string> frontier{centre};
    const std::vector<std::string> keep{centre};
    for (int d = 0; d < depth && !frontier.empty(); ++d) {
        Scope ring = scope;
        ring.filter.actors = frontier;
        Graph g = load_graph(store, ring, keep);
        std::vector<std::string> next;
        for (const auto& id : frontier) {
            auto n = g.find(id);
            if (!n)
                continue;
            for (auto m : g.neighbours(*n))
                if (reached.insert(g.node(m).id).second)
                    next.push_back(g.node(m).id);
        }
        if (reached.size() > max_actors)
            return load_graph(store, scope, keep);
        frontier = std::move(next);
    }
    Scope all = scope;
    all.filter.actors.assign(reached.begin(), reached.end());
    std::sort(all.filter.actors.begin(), all.filter.actors.end());
    return load_graph(store, all, keep);
}

std::optional<Topology> load_topology(const Store& store, const Scope& scope, bool with_types) {
    if (scope.kind)
        return std::nullopt;
    return Topology::load(store, scope.filter, with_types);
}

std::optional<Topology> load_neighbourhood_topology(const Store& store, const Scope& scope,
                                                    const std::string& centre, int depth,
                                                    std::size_t max_actors) {
    if (scope.kind)
        return std::nullopt;
    // The partners of the actors within d hops are those within d + 1; the partners of all the
    // actors within depth hops give the links among them. Store::partners reads them from
    // event_pairs, one range per actor; for filters it cannot apply (statuses, dates),
    // Store::event_links reads the events of the same actors.
    auto load = [&](std::vector<std::string> actors, bool among_them) {
        Filter f = scope.filter;
        f.actors = std::move(actors);
        auto t = Topology::load_partners(store, f, among_them);
        return t ? t : Topology::load(store, f);
    };
    std::vector<std::string> reached{centre}, frontier{centre};
    for (int d = 0; d < depth && !frontier.empty() && reached.size() <= max_actors; ++d) {
        auto part = load(frontier, false);
        if (!part)
            return std::nullopt;
        std::sort(reached.begin(), reached.end());
        std::vector<std::string> next;
        for (const auto& id : frontier)
            if (auto n = part->find(id))
                for (auto m : part->adjacency()[*n])
                    next.push_back(part->node(m).id);
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());
        frontier.clear();
        std::set_difference(next.begin(), next.end(), reached.begin(), reached.end(),
                            std::back_inserter(frontier));
        reached.insert(reached.end(), frontier.begin(), frontier.end());
    }
    if (reached.size() > max_actors)
        return load_topology(store, scope);
    // The links among them only: the BFS from the centre stays among them.
    return load(std::move(reached), true);
}

Graph graph_of_nodes(const Topology& topology, const std::vector<NodeIndex>& nodes) {
    std::vector<Entity> actors;
    actors.reserve(nodes.size());
    for (auto n : nodes) {
        const Node& node = topology.node(n);
        actors.push_back(Entity{node.id, node.kind, node.name, node.country, {}});
    }
    return Graph::from_events(std::move(actors), {});
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
    return label(graph.node(n));
}

std::string label(const Node& node) {
    if (node.name.empty() || node.name == node.id)
        return node.id;
    return fmt::format("{} ({})", node.name, node.id);
}

}  // namespace diplograph
