// diplograph path A B [--max-hops N] [--k K] : shortest paths between two actors.
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/paths.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph::cli {

namespace {

struct Options {
    std::string from;
    std::string to;
    int max_hops = 0;
    int k = 1;
    FilterOptions filters;
    OutputOptions output;
};

std::string chain(const Graph& graph, const Path& p) {
    std::string out;
    for (auto n : p.nodes)
        out += (out.empty() ? "" : " → ") + label(graph, n);
    return out;
}

int run(const Globals& g, const Options& o) {
    Scope scope = query_scope(o.filters, o.output);
    Store store = open_store(g);
    Entity from = resolve(store, o.from);
    Entity to = resolve(store, o.to);
    if (from.id == to.id)
        throw CommandError(Exit::usage,
                           fmt::format("path: {} is both ends; name two actors", label(from)));
    Graph graph;
    PathsAnswer answer;
    // A path needs only who met whom: the types are read for the hops' events afterwards.
    if (auto topology = load_topology(store, scope, /*with_types=*/false)) {
        // The paths on the topology alone, then the events of the actors on them only.
        if (topology->event_count() == 0)
            require_events(store);
        auto a = topology->find(from.id);
        auto b = topology->find(to.id);
        std::vector<std::vector<std::string>> found;
        Scope along = scope;
        if (a && b)
            for (const auto& p :
                 k_shortest_paths(topology->adjacency(), *a, *b, static_cast<std::size_t>(o.k),
                                  static_cast<std::size_t>(o.max_hops))) {
                std::vector<std::string> ids;
                for (auto n : p) {
                    ids.push_back(topology->node(n).id);
                    along.filter.actors.push_back(ids.back());
                }
                found.push_back(std::move(ids));
            }
        topology.reset();
        if (!found.empty()) {
            std::sort(along.filter.actors.begin(), along.filter.actors.end());
            along.filter.actors.erase(
                std::unique(along.filter.actors.begin(), along.filter.actors.end()),
                along.filter.actors.end());
            graph = load_graph(store, along);
            answer = paths_along(graph, *graph.find(from.id), *graph.find(to.id), found);
        }
    } else {
        graph = load_for_query(store, scope, {from.id, to.id});
        auto a = graph.find(from.id);
        auto b = graph.find(to.id);
        if (a && b)
            answer = paths(graph, *a, *b, static_cast<std::size_t>(o.k),
                           static_cast<std::size_t>(o.max_hops));
    }
    answer.selection.filters = describe(scope);
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
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
        fmt::print("{{\"from\": {}, \"to\": {}, \"filters\": {}, \"paths\": [{}{}]}}\n",
                   json_entity(from), json_entity(to), json_string(answer.selection.filters), list,
                   list.empty() ? "" : "\n");
        return Exit::ok;
    }
    if (answer.paths.empty()) {
        fmt::print("no path from {} to {}{}{}\n", label(from), label(to),
                   o.max_hops ? fmt::format(" in at most {} hops", o.max_hops) : "",
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
        return Exit::ok;
    }
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        const Path& p = answer.paths[i];
        fmt::print("{}path {} ({} hop{}): {}\n", i ? "\n" : "", i + 1, p.hops.size(),
                   p.hops.size() == 1 ? "" : "s", chain(graph, p));
        Table t({"from", "to", "link", "type", "date", "status", "sources", "event"});
        for (const auto& h : p.hops)
            for (auto e : h.edges)
                for (auto ev : graph.edges()[e].events) {
                    const StoredEvent& se = graph.events()[ev];
                    const ActorEdge& edge = graph.edges()[e];
                    // Who acted on whom along the hop: → with the path, ← against it.
                    const char* arrow = !edge.directed ? "–" : edge.a == h.from ? "→" : "←";
                    t.add({graph.node(h.from).id, graph.node(h.to).id, arrow,
                           std::string(to_string(se.event.type)), se.event.date.to_string(),
                           std::string(to_string(se.event.status)),
                           std::to_string(se.corroboration()), se.event.id});
                }
        fmt::print("{}", t.render());
    }
    return Exit::ok;
}

RegisterCommand reg{
    {31, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "path", "The shortest paths between two actors, each hop with its events");
         cmd->add_option("A", o->from, "The first actor: an id or any name")->required();
         cmd->add_option("B", o->to, "The second actor")->required();
         cmd->add_option("--max-hops", o->max_hops, "Only paths of at most N hops (0: any)")
             ->check(at_least(0));
         cmd->add_option("--k", o->k, "The K shortest simple paths (Yen), default 1")
             ->check(at_least(1));
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
