// diplograph ego ACTOR [--depth N] : the actors within N hops of ACTOR.
#include "answers.hpp"
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/ego.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace diplograph::cli {

namespace {

struct Options {
    std::string actor;
    int depth = 1;
    FilterOptions filters;
    OutputOptions output;
};

int run(const Globals& g, const Options& o) {
    Scope scope = query_scope(o.filters, o.output);
    Store store = open_store(g);
    if (g.json || o.output.wanted()) {
        EgoResult result = query_ego(store, scope, o.actor, o.depth);
        if (g.json) {
            fmt::print("{}\n", ego_json(result));
            return Exit::ok;
        }
        return write_selection(g, o.output, result.graph, std::move(result.answer.selection));
    }
    Entity actor = resolve(store, o.actor);
    Graph graph;
    EgoAnswer answer;
    std::size_t link_count = 0;
    // The table needs no events: the topology suffices. JSON lists every link with its dates
    // and sources, which needs the events (query_ego); diagrams and exports draw the full
    // graph's selection, so they take that path too.
    // Ring by ring through the event_links index while the neighbourhood is small (20,000
    // actors); past that, the whole store is read.
    std::optional<Topology> topology = load_neighbourhood_topology(store, scope, actor.id, o.depth);
    if (topology) {
        if (topology->event_count() == 0)
            require_events(store);
        if (auto centre = topology->find(actor.id)) {
            EgoSummary summary = ego(*topology, *centre, o.depth);
            answer = std::move(summary.answer);
            link_count = summary.links;
            std::vector<NodeIndex> nodes;
            for (std::size_t i = 0; i < answer.rows.size(); ++i) {
                nodes.push_back(answer.rows[i].node);
                answer.rows[i].node = i;
            }
            graph = graph_of_nodes(*topology, nodes);
            answer.selection.title =
                fmt::format("ego network of {}, depth {}", label(topology->node(*centre)), o.depth);
        }
        topology.reset();
    } else {
        // Only the neighbourhood is read, ring by ring through the participants index.
        graph = load_neighbourhood(store, scope, actor.id, o.depth);
        if (graph.events().empty())
            require_events(store);
        auto centre = graph.find(actor.id);
        if (centre)
            answer = ego(graph, *centre, o.depth);
        link_count = answer.selection.edges.size();
    }
    answer.selection.filters = describe(scope);
    if (answer.rows.size() <= 1) {
        fmt::print("{} has no partners{}\n", label(actor),
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
        return Exit::ok;
    }
    if (!g.quiet)
        fmt::print("{}: {} actors, {} links{}\n\n", answer.selection.title, answer.rows.size(),
                   link_count,
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
