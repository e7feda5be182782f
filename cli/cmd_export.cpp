// diplograph export --format F -o OUT [filters] : diagrams (dot, svg, png, pdf) and data
// exports (graphml, gexf, json, neo4j, csv/tsv tables) of the whole graph, an ego network or a
// path. The filter options are those of every query (filters.hpp), the output options those of
// `links … --format F` (output.hpp).
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/summary.hpp>

#include <fmt/format.h>

#include <optional>

namespace diplograph::cli {

namespace {

struct Options {
    std::string actor;
    int depth = 1;
    std::vector<std::string> path;
    FilterOptions filters;
    OutputOptions output;
};

//! The node of an actor, which must have events that pass the filters.
NodeIndex actor_node(const Graph& graph, const Entity& e) {
    auto n = graph.find(e.id);
    if (!n)
        throw CommandError(
            Exit::bad_input,
            fmt::format("{} takes part in no event that passes the filters", label(e)));
    return *n;
}

//! The diagram of the options without loading the store: only the kept actors' events among
//! them are read (queries/summary.hpp). nullopt when the scope or the size needs the full load:
//! `--kind`, a minimum confidence, sources, more than 15,000 actors kept (a data export of a
//! large store without a budget).
std::optional<Summary> summarise(const Store& store, const Scope& scope, const Options& o,
                                 const std::vector<Entity>& named) {
    std::size_t budget = actor_budget(o.output);
    if (!o.actor.empty())
        return summarise_ego(store, scope, named[0].id, o.depth, budget);
    if (!o.path.empty())
        return summarise_path(store, scope, named[0].id, named[1].id);
    return summarise_all(store, scope, budget);
}

//! The selection of the options on the whole graph, loaded (the scopes summarise() cannot
//! read otherwise, and small stores).
Selection select_loaded(const Graph& graph, const Options& o, const std::vector<Entity>& named) {
    if (!o.actor.empty())
        return ego(graph, actor_node(graph, named[0]), o.depth).selection;
    if (!o.path.empty()) {
        NodeIndex a = actor_node(graph, named[0]);
        NodeIndex b = actor_node(graph, named[1]);
        PathsAnswer answer = paths(graph, a, b, 1);
        if (answer.paths.empty())
            throw CommandError(Exit::bad_input,
                               fmt::format("no path between {} and {} under these filters",
                                           label(named[0]), label(named[1])));
        return std::move(answer.selection);
    }
    return select_all(graph);
}

int run(const Globals& g, const Options& o) {
    check_output(o.output);
    if (!o.actor.empty() && !o.path.empty())
        throw CommandError(Exit::usage, "--actor and --path: choose one");
    Scope scope = make_scope(o.filters);
    Store store = open_store(g);
    std::vector<Entity> named;
    if (!o.actor.empty())
        named.push_back(resolve(store, o.actor));
    for (const auto& name : o.path)
        named.push_back(resolve(store, name));
    if (named.size() == 2 && named[0].id == named[1].id)
        throw CommandError(
            Exit::usage, fmt::format("--path: {} is both ends; name two actors", label(named[0])));
    Graph graph;
    Selection selection;
    if (auto summary = summarise(store, scope, o, named)) {
        graph = std::move(summary->graph);
        selection = std::move(summary->selection);
        if (graph.node_count() == 0 && graph.events().empty())
            require_events(store);
        for (const auto& e : named)
            actor_node(graph, e);
        if (!o.path.empty() && selection.nodes.empty())
            throw CommandError(Exit::bad_input,
                               fmt::format("no path between {} and {} under these filters",
                                           label(named[0]), label(named[1])));
    } else {
        std::vector<std::string> keep;
        for (const auto& e : named)
            keep.push_back(e.id);
        graph = load_for_query(store, scope, keep);
        selection = select_loaded(graph, o, named);
    }
    selection.filters = describe(scope);
    return write_selection(g, o.output, graph, std::move(selection));
}

RegisterCommand reg{
    {70, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "export",
             "Draw the graph (svg, png, pdf, dot) or export it (graphml, gexf, json, "
             "neo4j, csv or tsv tables): all of it, an ego network (--actor) or a path (--path)");
         cmd->add_option("--actor", o->actor, "Ego network of this actor (id or any name)");
         cmd->add_option("--depth", o->depth, "Hops around --actor (default 1)")
             ->check(at_least(0));
         cmd->add_option("--path", o->path, "A shortest path between two actors")->expected(2);
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
