// diplograph ego ACTOR [--depth N] : the actors within N hops of ACTOR.
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/ego.hpp>

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

struct Options {
    std::string actor;
    int depth = 1;
    FilterOptions filters;
    OutputOptions output;
};

int run(const Globals& g, const Options& o) {
    if (o.output.wanted())
        check_output(o.output);
    Scope scope = make_scope(o.filters);
    // Counts of sources suffice for the table; diagrams and exports show the evidence.
    scope.filter.with_evidence = o.output.wanted();
    Store store = open_store(g);
    Entity actor = resolve(store, o.actor);
    // Only the neighbourhood is read, ring by ring through the participants index.
    Graph graph = load_neighbourhood(store, scope, actor.id, o.depth);
    if (graph.events().empty())
        require_events(store);
    auto centre = graph.find(actor.id);
    EgoAnswer answer;
    if (centre)
        answer = ego(graph, *centre, o.depth);
    answer.selection.filters = describe(scope);
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
        std::string actors, links;
        for (const auto& r : answer.rows) {
            std::string node = json_node(graph, r.node);
            node.pop_back();
            actors += fmt::format("{}\n  {}, \"depth\": {}, \"partners\": {}}}",
                                  actors.empty() ? "" : ",", node, r.depth, r.degree);
        }
        for (auto e : answer.selection.edges)
            links += fmt::format("{}\n  {}", links.empty() ? "" : ",", json_link(graph, e));
        fmt::print(
            "{{\"centre\": {}, \"depth\": {}, \"filters\": {}, \"actors\": [{}{}], \"links\": "
            "[{}{}]}}\n",
            json_entity(actor), o.depth, json_string(answer.selection.filters), actors,
            actors.empty() ? "" : "\n", links, links.empty() ? "" : "\n");
        return Exit::ok;
    }
    if (answer.rows.size() <= 1) {
        fmt::print("{} has no partners{}\n", label(actor),
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
        return Exit::ok;
    }
    if (!g.quiet)
        fmt::print("{}: {} actors, {} links{}\n\n", answer.selection.title, answer.rows.size(),
                   answer.selection.edges.size(),
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
    Table t({"depth", "actor", "kind", "partners"});
    for (const auto& r : answer.rows)
        t.add({std::to_string(r.depth), label(graph, r.node),
               std::string(to_string(graph.node(r.node).kind)), std::to_string(r.degree)});
    fmt::print("{}", t.render());
    return Exit::ok;
}

RegisterCommand reg{
    {32, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand("ego", "The actors within N hops of ACTOR and their links");
         cmd->add_option("ACTOR", o->actor, "An id or any name")->required();
         cmd->add_option("--depth", o->depth, "Hops from ACTOR, 1 or more (default 1)")
             ->check(at_least(1));
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
