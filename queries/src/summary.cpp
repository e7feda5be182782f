#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/summary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace diplograph {

namespace {

// Filter::among_actors binds the actors twice, under SQLite's limit of 32,766 parameters.
constexpr std::size_t kMaxAmong = 15000;

Entity entity_of(const Node& node) {
    return Entity{node.id, node.kind, node.name, node.country, {}};
}

//! Every node of the graph, the links among them, and the budget's counts.
Selection select_nodes(const Graph& graph, std::string title, std::size_t left_out_nodes,
                       std::size_t left_out_edges) {
    std::vector<NodeIndex> nodes(graph.node_count());
    std::iota(nodes.begin(), nodes.end(), NodeIndex{0});
    Selection s = induced(graph, std::move(nodes));
    s.title = std::move(title);
    s.left_out_nodes = left_out_nodes;
    s.left_out_edges = left_out_edges;
    return s;
}

}  // namespace

std::vector<std::size_t> most_connected(const std::vector<std::string>& ids,
                                        const std::vector<long>& weight,
                                        const std::vector<bool>& focus, std::size_t budget) {
    std::vector<std::size_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto is_focus = [&](std::size_t i) { return i < focus.size() && focus[i]; };
    std::size_t focused = 0;
    for (std::size_t i = 0; i < ids.size(); ++i)
        focused += is_focus(i);
    std::size_t keep = budget == 0 ? ids.size() : std::min(ids.size(), std::max(budget, focused));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](std::size_t x, std::size_t y) {
                          if (is_focus(x) != is_focus(y))
                              return is_focus(x);
                          if (weight[x] != weight[y])
                              return weight[x] > weight[y];
                          return ids[x] < ids[y];
                      });
    order.resize(keep);
    std::sort(order.begin(), order.end());
    return order;
}

Graph load_among(const Store& store, const Scope& scope, std::vector<Entity> actors) {
    std::vector<StoredEvent> events;
    if (actors.size() >= 2) {
        Filter filter = scope.filter;
        filter.actors.clear();
        for (const auto& a : actors)
            filter.actors.push_back(a.id);
        filter.among_actors = true;
        store.take_events(filter, [&](StoredEvent&& e) { events.push_back(std::move(e)); });
    }
    // Only the actors drawn get a node; the others still decide how each event links them.
    return Graph::from_events(std::move(actors), std::move(events), /*outsiders=*/false);
}

std::optional<Summary> summarise_all(const Store& store, const Scope& scope, std::size_t budget) {
    if (budget > kMaxAmong || scope.kind)
        return std::nullopt;
    auto topology = Topology::load(store, scope.filter);
    if (!topology)
        return std::nullopt;
    const std::size_t actors = topology->node_count();
    std::vector<std::size_t> kept;
    std::size_t left_out_edges = 0;
    if (budget == 0 || actors <= budget) {
        // Every actor (no budget, or a filter that leaves few): the full load would read every
        // event to find the few that pass.
        if (actors > kMaxAmong)
            return std::nullopt;
        kept.resize(actors);
        std::iota(kept.begin(), kept.end(), std::size_t{0});
    } else {
        // Weighted degree as Graph counts it: the events on each of the actor's links, the
        // links drawn from the roles (edges.hpp).
        std::vector<long> weight(actors, 0);
        for (const auto& l : topology->links()) {
            weight[l.a] += l.count;
            weight[l.b] += l.count;
        }
        {
            std::vector<std::string> ids(actors);
            for (std::size_t a = 0; a < actors; ++a)
                ids[a] = topology->node(a).id;
            kept = most_connected(ids, weight, {}, budget);
        }
        std::vector<bool> in(actors, false);
        for (auto a : kept)
            in[a] = true;
        // The links (pair, type) left out.
        for (const auto& l : topology->links())
            left_out_edges += !(in[l.a] && in[l.b]);
    }
    std::vector<Entity> entities;
    entities.reserve(kept.size());
    for (auto a : kept)
        entities.push_back(entity_of(topology->node(a)));
    topology.reset();
    Summary out{load_among(store, scope, std::move(entities)), {}};
    out.selection = select_nodes(out.graph, "all actors", actors - kept.size(), left_out_edges);
    return out;
}

std::optional<Summary> summarise_ego(const Store& store, const Scope& scope,
                                     const std::string& centre, int depth, std::size_t budget) {
    if (scope.kind)
        return std::nullopt;
    // Depth 0 still needs the centre's links to know that it takes part in an event.
    auto topology = load_neighbourhood_topology(store, scope, centre, std::max(depth, 1));
    if (!topology)
        return std::nullopt;
    auto c = topology->find(centre);
    if (!c)
        return Summary{};
    EgoSummary ego_summary = ego(*topology, *c, depth);
    std::vector<NodeIndex> reached;
    for (const auto& row : ego_summary.answer.rows)
        reached.push_back(row.node);
    std::sort(reached.begin(), reached.end());
    // Positions in `reached` (id order, as the topology numbers nodes).
    constexpr std::size_t kOut = SIZE_MAX;
    std::vector<std::size_t> at(topology->node_count(), kOut);
    for (std::size_t i = 0; i < reached.size(); ++i)
        at[reached[i]] = i;
    std::vector<long> weight(reached.size(), 0);
    std::vector<std::string> ids(reached.size());
    std::vector<bool> focus(reached.size(), false);
    for (std::size_t i = 0; i < reached.size(); ++i)
        ids[i] = topology->node(reached[i]).id;
    focus[at[*c]] = true;
    std::size_t total_links = 0;
    for (const auto& l : topology->links())
        if (at[l.a] != kOut && at[l.b] != kOut) {
            ++total_links;
            weight[at[l.a]] += l.count;
            weight[at[l.b]] += l.count;
        }
    std::vector<std::size_t> kept = most_connected(ids, weight, focus, budget);
    if (kept.size() > kMaxAmong)
        return std::nullopt;
    std::vector<bool> in(reached.size(), false);
    for (auto i : kept)
        in[i] = true;
    std::size_t kept_links = 0;
    for (const auto& l : topology->links())
        kept_links += at[l.a] != kOut && at[l.b] != kOut && in[at[l.a]] && in[at[l.b]];
    std::vector<Entity> entities;
    entities.reserve(kept.size());
    for (auto i : kept)
        entities.push_back(entity_of(topology->node(reached[i])));
    std::string title =
        fmt::format("ego network of {}, depth {}", label(topology->node(*c)), depth);
    topology.reset();
    Summary out{load_among(store, scope, std::move(entities)), {}};
    out.selection = select_nodes(out.graph, std::move(title), reached.size() - kept.size(),
                                 total_links - kept_links);
    out.selection.focus = {*out.graph.find(centre)};
    return out;
}

std::optional<Summary> summarise_path(const Store& store, const Scope& scope,
                                      const std::string& from, const std::string& to) {
    // A path needs only who met whom: the types come with the events of its actors.
    auto topology = load_topology(store, scope, /*with_types=*/false);
    if (!topology)
        return std::nullopt;
    auto a = topology->find(from);
    auto b = topology->find(to);
    std::vector<std::vector<NodeIndex>> found;
    if (a && b)
        found = k_shortest_paths(topology->adjacency(), *a, *b, 1);
    std::vector<NodeIndex> on;
    for (const auto& p : found)
        on.insert(on.end(), p.begin(), p.end());
    if (found.empty()) {
        for (auto end : {a, b})
            if (end)
                on.push_back(*end);
    }
    std::sort(on.begin(), on.end());
    on.erase(std::unique(on.begin(), on.end()), on.end());
    std::vector<Entity> entities;
    for (auto n : on)
        entities.push_back(entity_of(topology->node(n)));
    std::vector<std::vector<std::string>> id_paths;
    for (const auto& p : found) {
        id_paths.emplace_back();
        for (auto n : p)
            id_paths.back().push_back(topology->node(n).id);
    }
    topology.reset();
    if (found.empty())
        return Summary{Graph::from_events(std::move(entities), {}), {}};
    Summary out{load_among(store, scope, std::move(entities)), {}};
    out.selection =
        paths_along(out.graph, *out.graph.find(from), *out.graph.find(to), id_paths).selection;
    return out;
}

}  // namespace diplograph
