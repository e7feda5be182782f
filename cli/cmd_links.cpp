// diplograph links ACTOR [OTHER] : the actors linked to ACTOR, per event type.
#include "answers.hpp"
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/links.hpp>

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

struct Options {
    std::string actor;
    std::string other;
    FilterOptions filters;
    OutputOptions output;
};

int run(const Globals& g, const Options& o) {
    Scope scope = query_scope(o.filters, o.output);
    Store store = open_store(g);
    // The table needs no events; JSON lists each link's events, diagrams and exports draw them.
    LinksResult result =
        query_links(store, scope, o.actor, o.other, /*with_events=*/g.json || o.output.wanted());
    const Entity& actor = result.pair.actor;
    const std::optional<Entity>& other = result.pair.other;
    Graph& graph = result.pair.graph;
    LinksAnswer& answer = result.answer;
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
        fmt::print("{}\n", links_json(result));
        return Exit::ok;
    }
    if (answer.rows.empty()) {
        fmt::print("no links of {}{}{}\n", label(actor),
                   other ? " with " + label(*other) : std::string(),
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
        return Exit::ok;
    }
    if (!g.quiet && !o.output.tabular())
        fmt::print("{}{}\n\n", answer.selection.title,
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
    // The direction of each link as arrows between the two ends: A → B, A ← B, A – B.
    Table t({"link", "partner", "type", "events", "first", "last", "status", "sources"});
    for (const auto& r : answer.rows) {
        const ActorEdge& e = graph.edges()[r.edge];
        const std::string& from = graph.node(r.actor).id;
        const std::string& to = graph.node(r.other).id;
        const char* arrow = !e.directed ? "–" : e.a == r.actor ? "→" : "←";
        t.add({fmt::format("{} {} {}", from, arrow, to), label(graph, r.other),
               std::string(to_string(e.type)), std::to_string(e.count), date_text(e.first),
               date_text(e.last), statuses_text(e.statuses), std::to_string(e.sources)});
    }
    print_table(o.output, t);
    return Exit::ok;
}

RegisterCommand reg{
    {30, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "links", "The actors linked to ACTOR (or the links between two), per event type");
         cmd->add_option("ACTOR", o->actor, "An id (TGO, person/…, org/…) or any name")->required();
         cmd->add_option("OTHER", o->other, "Only the links with this actor");
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
