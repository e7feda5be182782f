#include "answers.hpp"
#include "common.hpp"

#include <diplograph/queries/load.hpp>
#include <diplograph/queries/roles.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph::cli {

LinksResult query_links(const Store& store, const Scope& scope, const std::string& actor,
                        const std::string& other, bool with_events) {
    if (!with_events && !scope.kind && Topology::whole_store(scope.filter)) {
        // The links as the store keeps them: as many rows as the actor has links, whatever
        // its number of events.
        ActorPair pair{resolve(store, actor), std::nullopt, Graph(), std::nullopt, std::nullopt};
        if (!other.empty())
            pair.other = resolve(store, other);
        if (auto kept = store.actor_links(pair.actor.id)) {
            if (kept->event_count == 0)
                require_events(store);
            pair.graph = Graph::from_links(std::move(*kept));
            pair.a = pair.graph.find(pair.actor.id);
            if (pair.other)
                pair.b = pair.graph.find(pair.other->id);
            LinksResult r{std::move(pair), {}};
            if (r.pair.answerable())
                r.answer = links(r.pair.graph, *r.pair.a, r.pair.b);
            r.answer.selection.filters = describe(scope);
            return r;
        }
    }
    // Only this actor's events are read, through the participants index.
    LinksResult r{load_actor_pair(store, scope, actor, other), {}};
    if (r.pair.answerable())
        r.answer = links(r.pair.graph, *r.pair.a, r.pair.b);
    r.answer.selection.filters = describe(scope);
    return r;
}

std::string links_json(const LinksResult& r) {
    return links_json(r.pair.actor, r.pair.other, r.pair.graph, r.answer);
}

std::string links_json(const Entity& actor, const std::optional<Entity>& other, const Graph& graph,
                       const LinksAnswer& answer) {
    std::string rows;
    for (const auto& row : answer.rows)
        rows += fmt::format("{}\n  {{\"other\": {}, \"link\": {}}}", rows.empty() ? "" : ",",
                            json_node(graph, row.other), json_link(graph, row.edge));
    return fmt::format("{{\"actor\": {}, \"other\": {}, \"filters\": {}, \"links\": [{}{}]}}",
                       json_entity(actor), other ? json_entity(*other) : "null",
                       json_string(answer.selection.filters), rows, rows.empty() ? "" : "\n");
}

TimelineResult query_timeline(const Store& store, const Scope& scope, const std::string& actor,
                              const std::string& other) {
    TimelineResult r{load_actor_pair(store, scope, actor, other), {}};
    if (r.pair.answerable())
        r.answer = timeline(r.pair.graph, *r.pair.a, r.pair.b);
    r.answer.selection.filters = describe(scope);
    return r;
}

std::string timeline_json(const TimelineResult& r) {
    std::string events;
    for (auto e : r.answer.events)
        events +=
            fmt::format("{}\n  {}", events.empty() ? "" : ",", json_event(r.pair.graph, e, true));
    return fmt::format("{{\"actor\": {}, \"other\": {}, \"filters\": {}, \"events\": [{}{}]}}",
                       json_entity(r.pair.actor),
                       r.pair.other ? json_entity(*r.pair.other) : "null",
                       json_string(r.answer.selection.filters), events, events.empty() ? "" : "\n");
}

EgoResult query_ego(const Store& store, const Scope& scope, const std::string& actor, int depth) {
    EgoResult r{resolve(store, actor), depth, Graph(), {}};
    // Only the neighbourhood is read, ring by ring through the participants index.
    r.graph = load_neighbourhood(store, scope, r.centre.id, depth);
    if (r.graph.events().empty())
        require_events(store);
    if (auto centre = r.graph.find(r.centre.id))
        r.answer = ego(r.graph, *centre, depth);
    r.answer.selection.filters = describe(scope);
    return r;
}

EgoResult query_ego(const Store& store, const Scope& scope, const Topology& topology,
                    const std::string& actor, int depth, std::size_t budget, std::size_t& total) {
    EgoResult r{resolve(store, actor), depth, Graph(), {}};
    total = 0;
    if (topology.event_count() == 0)
        require_events(store);
    if (auto centre = topology.find(r.centre.id)) {
        // Who is in the ego network, on the topology; then the events among the kept actors
        // only (every event of a link between two of them, so the links are whole).
        std::vector<EgoRow> rows = std::move(ego(topology, *centre, depth).answer.rows);
        total = rows.size();
        if (rows.size() > budget)
            rows.resize(budget);  // by depth, then id: the nearest actors
        Scope among = scope;
        for (const auto& row : rows)
            among.filter.actors.push_back(topology.node(row.node).id);
        std::sort(among.filter.actors.begin(), among.filter.actors.end());
        among.filter.among_actors = rows.size() > 1;
        among.filter.with_evidence = false;  // the links count the sources, no more
        r.graph = load_graph(store, among, {r.centre.id});
        std::vector<NodeIndex> nodes;
        for (auto& row : rows) {
            auto n = r.graph.find(topology.node(row.node).id);
            if (!n)
                throw StoreError(r.centre.id +
                                 ": the store changed while its ego network was read");
            row.node = *n;
            nodes.push_back(*n);
        }
        NodeIndex centre_node = rows.front().node;
        r.answer.rows = std::move(rows);
        r.answer.selection = induced(r.graph, std::move(nodes));
        r.answer.selection.focus = {centre_node};
    }
    r.answer.selection.filters = describe(scope);
    return r;
}

std::string ego_json(const EgoResult& r) {
    return ego_json(r.centre, r.depth, r.graph, r.answer);
}

std::string ego_json(const Entity& centre, int depth, const Graph& graph, const EgoAnswer& answer) {
    struct {
        const Entity& centre;
        int depth;
        const Graph& graph;
        const EgoAnswer& answer;
    } r{centre, depth, graph, answer};
    std::string actors, links;
    for (const auto& row : r.answer.rows) {
        std::string node = json_node(r.graph, row.node);
        node.pop_back();
        actors += fmt::format("{}\n  {}, \"depth\": {}, \"partners\": {}}}",
                              actors.empty() ? "" : ",", node, row.depth, row.degree);
    }
    for (auto e : r.answer.selection.edges)
        links += fmt::format("{}\n  {}", links.empty() ? "" : ",", json_link(r.graph, e));
    return fmt::format(
        "{{\"centre\": {}, \"depth\": {}, \"filters\": {}, \"actors\": [{}{}], \"links\": "
        "[{}{}]}}",
        json_entity(r.centre), r.depth, json_string(r.answer.selection.filters), actors,
        actors.empty() ? "" : "\n", links, links.empty() ? "" : "\n");
}

PathResult query_path(const Store& store, const Scope& scope, const std::string& from_name,
                      const std::string& to_name, std::size_t k, std::size_t max_hops,
                      const Topology* cached, bool with_evidence) {
    PathResult r{resolve(store, from_name), resolve(store, to_name), Graph(), {}};
    const Entity& from = r.from;
    const Entity& to = r.to;
    if (from.id == to.id)
        throw CommandError(Exit::usage,
                           fmt::format("path: {} is both ends; name two actors", label(from)));
    // A path needs only who met whom: the types are read for the hops' events afterwards.
    std::optional<Topology> loaded;
    const Topology* topology = cached;
    if (!topology && (loaded = load_topology(store, scope, /*with_types=*/false)))
        topology = &*loaded;
    if (topology) {
        // The paths on the topology alone, then the events of the actors on them only.
        if (topology->event_count() == 0)
            require_events(store);
        auto a = topology->find(from.id);
        auto b = topology->find(to.id);
        std::vector<std::vector<std::string>> found;
        Scope along = scope;
        if (a && b)
            for (const auto& p : k_shortest_paths(topology->adjacency(), *a, *b, k, max_hops)) {
                std::vector<std::string> ids;
                for (auto n : p) {
                    ids.push_back(topology->node(n).id);
                    along.filter.actors.push_back(ids.back());
                }
                found.push_back(std::move(ids));
            }
        loaded.reset();
        if (!found.empty()) {
            std::sort(along.filter.actors.begin(), along.filter.actors.end());
            along.filter.actors.erase(
                std::unique(along.filter.actors.begin(), along.filter.actors.end()),
                along.filter.actors.end());
            // The events of the hops only: those with at least two of the path's actors (each
            // hop's events have both its ends), not every event of each actor on it.
            along.filter.among_actors = along.filter.actors.size() > 1;
            along.filter.with_evidence = with_evidence;
            // Neither the table nor the JSON prints an event's attributes; a file does.
            along.filter.with_attributes = with_evidence;
            r.graph = load_graph(store, along);
            r.answer = paths_along(r.graph, *r.graph.find(from.id), *r.graph.find(to.id), found);
        }
    } else {
        r.graph = load_for_query(store, scope, {from.id, to.id});
        auto a = r.graph.find(from.id);
        auto b = r.graph.find(to.id);
        if (a && b)
            r.answer = paths(r.graph, *a, *b, k, max_hops);
    }
    r.answer.selection.filters = describe(scope);
    return r;
}

std::string path_json(const PathResult& r) {
    return path_json(r.from, r.to, r.graph, r.answer);
}

std::string path_json(const Entity& from, const Entity& to, const Graph& graph,
                      const PathsAnswer& answer) {
    std::string list;
    for (const auto& p : answer.paths) {
        std::string nodes, steps;
        for (auto n : p.nodes)
            nodes += (nodes.empty() ? "" : ", ") + json_string(graph.node(n).id);
        for (const auto& h : p.hops) {
            std::string hop_links;
            for (auto e : h.edges) {
                std::string events;
                for (auto ev : graph.edges()[e].events)
                    events += (events.empty() ? "" : ", ") + json_event(graph, ev, false);
                hop_links +=
                    fmt::format("{}{{\"link\": {}, \"events\": [{}]}}",
                                hop_links.empty() ? "" : ", ", json_link(graph, e), events);
            }
            steps += fmt::format("{}\n    {{\"from\": {}, \"to\": {}, \"links\": [{}]}}",
                                 steps.empty() ? "" : ",", json_string(graph.node(h.from).id),
                                 json_string(graph.node(h.to).id), hop_links);
        }
        list += fmt::format("{}\n  {{\"hops\": {}, \"nodes\": [{}], \"steps\": [{}\n  ]}}",
                            list.empty() ? "" : ",", p.hops.size(), nodes, steps);
    }
    return fmt::format("{{\"from\": {}, \"to\": {}, \"filters\": {}, \"paths\": [{}{}]}}",
                       json_entity(from), json_entity(to), json_string(answer.selection.filters),
                       list, list.empty() ? "" : "\n");
}

RankBy rank_by(const std::string& name) {
    auto by = rank_by_from_string(name);
    if (!by)
        throw CommandError(Exit::usage, fmt::format("--by {}: expected degree, weighted, "
                                                    "betweenness or pagerank",
                                                    name));
    return *by;
}

RankResult query_rank(const Store& store, const Scope& scope, RankBy by, std::size_t top,
                      bool full_graph, const Topology* cached) {
    RankResult r{by, Graph(), {}};
    std::optional<RankAnswer> fast;
    // No ranking needs the event types: each pair of partners counts once.
    // Betweenness, diagrams and exports need the full graph.
    std::optional<Topology> loaded;
    const Topology* topology = nullptr;
    if (by != RankBy::betweenness && !full_graph) {
        topology = cached;
        if (!topology && (loaded = load_topology(store, scope, /*with_types=*/false)))
            topology = &*loaded;
    }
    if (topology)
        fast = rank(*topology, by, top);
    if (fast) {
        // Ranked on the topology alone; only the ranked actors are needed to print.
        if (topology->event_count() == 0)
            require_events(store);
        r.answer = std::move(*fast);
        std::vector<NodeIndex> nodes;
        for (std::size_t i = 0; i < r.answer.rows.size(); ++i) {
            nodes.push_back(r.answer.rows[i].node);
            r.answer.rows[i].node = i;
        }
        r.graph = graph_of_nodes(*topology, nodes);
    } else {
        loaded.reset();
        r.graph = load_for_query(store, scope);
        r.answer = rank(r.graph, by, top);
    }
    r.answer.selection.filters = describe(scope);
    return r;
}

std::string rank_json(const RankResult& r) {
    return rank_json(r.by, r.graph, r.answer);
}

std::string rank_json(RankBy by, const Graph& graph, const RankAnswer& answer) {
    std::string rows;
    for (std::size_t i = 0; i < answer.rows.size(); ++i) {
        const auto& row = answer.rows[i];
        std::string node = json_node(graph, row.node);
        node.pop_back();
        rows += fmt::format("{}\n  {}, \"rank\": {}, \"score\": {}, \"partners\": {}}}",
                            i ? "," : "", node, i + 1, row.score, row.degree);
    }
    return fmt::format("{{\"by\": {}, \"filters\": {}, \"actors\": [{}{}]}}",
                       json_string(to_string(by)), json_string(answer.selection.filters), rows,
                       rows.empty() ? "" : "\n");
}

BlocsResult query_blocs(const Store& store, const Scope& scope, unsigned seed) {
    BlocsResult r{seed, load_for_query(store, scope), {}};
    r.answer = blocs(r.graph, seed);
    r.answer.selection.filters = describe(scope);
    return r;
}

std::string blocs_json(const BlocsResult& r) {
    return blocs_json(r.seed, r.graph, r.answer);
}

std::string blocs_json(unsigned seed, const Graph& graph, const BlocsAnswer& answer) {
    struct {
        unsigned seed;
        const Graph& graph;
        const BlocsAnswer& answer;
    } r{seed, graph, answer};
    auto ids = [&](const std::vector<NodeIndex>& members) {
        std::vector<std::string> out;
        for (auto n : members)
            out.push_back(r.graph.node(n).id);
        std::sort(out.begin(), out.end());
        return out;
    };
    std::string components, communities;
    for (const auto& c : r.answer.components) {
        std::string list;
        for (const auto& id : ids(c))
            list += (list.empty() ? "" : ", ") + json_string(id);
        components += fmt::format("{}\n  [{}]", components.empty() ? "" : ",", list);
    }
    for (const auto& b : r.answer.communities) {
        std::string list;
        for (const auto& id : ids(b.members))
            list += (list.empty() ? "" : ", ") + json_string(id);
        communities += fmt::format(
            "{}\n  {{\"component\": {}, \"members\": [{}], \"events_inside\": {}, "
            "\"conflict_inside\": {}, \"conflict\": {:.6f}}}",
            communities.empty() ? "" : ",", b.component, list, b.events_inside, b.conflict_inside,
            b.conflict());
    }
    return fmt::format(
        "{{\"filters\": {}, \"method\": \"signed modularity (Gomez, Jensen, Arenas 2009), "
        "Louvain\", \"seed\": {}, \"modularity\": "
        "{:.6f}, \"components\": [{}{}], \"communities\": [{}{}]}}",
        json_string(r.answer.selection.filters), r.seed, r.answer.modularity, components,
        components.empty() ? "" : "\n", communities, communities.empty() ? "" : "\n");
}

std::string stats_json(const StoreStats& s) {
    std::string entities, events;
    for (const auto& [k, n] : s.entities)
        entities += fmt::format("{}{}: {}", entities.empty() ? "" : ", ", json_string(k), n);
    for (const auto& t : event_types()) {
        auto it = s.events.find(std::string(t.name));
        events += fmt::format("{}{}: {}", events.empty() ? "" : ", ", json_string(t.name),
                              it == s.events.end() ? 0 : it->second);
    }
    return fmt::format(
        "{{\"sources\": {}, \"entities\": {{{}}}, \"events\": {{{}}}, \"evidence\": {}, "
        "\"roles\": {}}}",
        s.sources, entities, events, s.evidence, s.roles);
}

std::optional<EntityKind> entity_kind(const std::string& name) {
    if (name.empty())
        return std::nullopt;
    auto kind = entity_kind_from_string(name);
    if (!kind || (*kind != EntityKind::country && *kind != EntityKind::person &&
                  *kind != EntityKind::organization))
        throw CommandError(
            Exit::usage, fmt::format("--kind {}: expected country, person or organization", name));
    return kind;
}

std::vector<EntityMatch> query_entities(const Store& store, const std::string& match,
                                        std::optional<EntityKind> kind, std::size_t limit) {
    auto matches = find_entities(store, match, kind);
    if (limit && matches.size() > limit)
        matches.resize(limit);
    return matches;
}

std::string entities_json(const Store& store, const std::vector<EntityMatch>& matches) {
    std::string out = "[";
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const auto& m = matches[i];
        std::string aliases;
        for (const auto& a : m.entity.aliases)
            aliases += fmt::format("{}{{\"name\": {}, \"lang\": {}}}", aliases.empty() ? "" : ", ",
                                   json_string(a.text), json_string(a.lang));
        std::string roles;
        for (const auto& r : display_roles(m.entity.country, store.roles_of(m.entity.id)))
            roles += fmt::format("{}{{\"title\": {}, \"of\": {}, \"from\": {}, \"to\": {}}}",
                                 roles.empty() ? "" : ", ", json_string(r.title), json_string(r.of),
                                 r.from.valid() ? json_string(r.from.to_string()) : "null",
                                 r.to.valid() ? json_string(r.to.to_string()) : "null");
        out += fmt::format(
            "{}\n  {{\"id\": {}, \"kind\": {}, \"name\": {}, \"country\": {}, \"matched\": {}, "
            "\"distance\": {}, \"aliases\": [{}], \"roles\": [{}]}}",
            i ? "," : "", json_string(m.entity.id), json_string(to_string(m.entity.kind)),
            json_string(m.entity.name),
            m.entity.country.empty() ? "null" : json_string(m.entity.country),
            json_string(m.matched), m.distance, aliases, roles);
    }
    return out + "\n]";
}

}  // namespace diplograph::cli
