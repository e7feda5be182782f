// diplograph export --format F -o OUT [filters] : diagrams (dot, svg, png, pdf) and data
// exports (graphml, gexf, json, neo4j) of the whole graph, an ego network or a path. The
// filter options are those of every query (filters.hpp), the output options those of
// `links … --format F` (output.hpp).
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/paths.hpp>

#include <fmt/format.h>

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
    std::vector<std::string> keep;
    for (const auto& e : named)
        keep.push_back(e.id);
    Graph graph = load_for_query(store, scope, keep);
    Selection selection;
    if (!o.actor.empty()) {
        selection = ego(graph, actor_node(graph, named[0]), o.depth).selection;
    } else if (!o.path.empty()) {
        NodeIndex a = actor_node(graph, named[0]);
        NodeIndex b = actor_node(graph, named[1]);
        PathsAnswer answer = paths(graph, a, b, 1);
        if (answer.paths.empty())
            throw CommandError(Exit::bad_input,
                               fmt::format("no path between {} and {} under these filters",
                                           label(named[0]), label(named[1])));
        selection = std::move(answer.selection);
    } else {
        selection = select_all(graph);
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
             "neo4j): all of it, an ego network (--actor) or a path (--path)");
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
