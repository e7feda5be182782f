// diplograph path A B [--max-hops N] [--k K] : shortest paths between two actors.
#include "answers.hpp"
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
    PathResult result = query_path(store, scope, o.from, o.to, static_cast<std::size_t>(o.k),
                                   static_cast<std::size_t>(o.max_hops), nullptr,
                                   /*with_evidence=*/o.output.wanted());
    const Entity& from = result.from;
    const Entity& to = result.to;
    const Graph& graph = result.graph;
    PathsAnswer& answer = result.answer;
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
        fmt::print("{}\n", path_json(result));
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
