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
    // The events of the actors kept, whole: the others get no node but still decide how each
    // event links the actors kept (edges.hpp).
    std::vector<StoredEvent> events;
    for (std::size_t e = 0; e < graph.events().size(); ++e) {
        const auto& list = graph.event_actors(e);
        if (std::any_of(list.begin(), list.end(), [&](NodeIndex n) { return in[n]; }))
            events.push_back(graph.events()[e]);
    }
    return Graph::from_events(std::move(actors), std::move(events), /*outsiders=*/false);
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
    // The links of the whole store kept by the store (schema v7) answer as well: the BFS from
    // the centre finds the same actors, degrees and links, and reading them costs the number
    // of links, not of the neighbourhood's events.
    if (auto whole = Topology::from_links(store, scope.filter))
        return whole;
    // The partners of the actors within d hops are those within d + 1; the events of all the
    // actors within depth hops give the links among them. Store::event_links reads the events
    // of those actors with their roles (the links are drawn from the roles, edges.hpp; the
    // table event_pairs holds every pair of participants and cannot tell them).
    auto load = [&](std::vector<std::string> actors) {
        Filter f = scope.filter;
        f.actors = std::move(actors);
        return Topology::load(store, f);
    };
    std::vector<std::string> reached{centre}, frontier{centre};
    for (int d = 0; d < depth && !frontier.empty() && reached.size() <= max_actors; ++d) {
        auto part = load(frontier);
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
    return load(std::move(reached));
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
    auto words = [](const std::vector<std::string>& items) {
        std::string out;
        for (const auto& x : items)
            out += (out.empty() ? "" : ", ") + x;
        return out;
    };
    if (!f.cameo.empty())
        parts.push_back("CAMEO " + words(f.cameo));
    if (!f.plover.empty())
        parts.push_back("PLOVER " + words(f.plover));
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
