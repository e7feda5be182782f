// diplograph rank [--by degree|weighted|betweenness|pagerank] [--top N] : central actors.
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/rank.hpp>

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

struct Options {
    std::string by = "degree";
    std::size_t top = 20;
    FilterOptions filters;
    OutputOptions output;
};

std::string score_text(RankBy by, double score) {
    switch (by) {
        case RankBy::degree:
        case RankBy::weighted:
            return fmt::format("{:.0f}", score);
        case RankBy::betweenness:
            return fmt::format("{:.2f}", score);
        case RankBy::pagerank:
            return fmt::format("{:.6f}", score);
    }
    return "";
}

int run(const Globals& g, const Options& o) {
    auto by = rank_by_from_string(o.by);
    if (!by)
        throw CommandError(Exit::usage, fmt::format("--by {}: expected degree, weighted, "
                                                    "betweenness or pagerank",
                                                    o.by));
    Scope scope = query_scope(o.filters, o.output);
    Store store = open_store(g);
    Graph graph;
    RankAnswer answer;
    std::optional<RankAnswer> fast;
    // No ranking needs the event types: each pair of partners counts once.
    // Betweenness, diagrams and exports need the full graph.
    auto topology = *by == RankBy::betweenness || o.output.wanted()
                        ? std::nullopt
                        : load_topology(store, scope, /*with_types=*/false);
    if (topology)
        fast = rank(*topology, *by, o.top);
    if (fast) {
        // Ranked on the topology alone; only the ranked actors are needed to print.
        if (topology->event_count() == 0)
            require_events(store);
        answer = std::move(*fast);
        std::vector<NodeIndex> nodes;
        for (std::size_t i = 0; i < answer.rows.size(); ++i) {
            nodes.push_back(answer.rows[i].node);
            answer.rows[i].node = i;
        }
        graph = graph_of_nodes(*topology, nodes);
    } else {
        topology.reset();
        graph = load_for_query(store, scope);
        answer = rank(graph, *by, o.top);
    }
    answer.selection.filters = describe(scope);
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
        std::string rows;
        for (std::size_t i = 0; i < answer.rows.size(); ++i) {
            const auto& r = answer.rows[i];
            std::string node = json_node(graph, r.node);
            node.pop_back();
            rows += fmt::format("{}\n  {}, \"rank\": {}, \"score\": {}, \"partners\": {}}}",
                                i ? "," : "", node, i + 1, r.score, r.degree);
        }
        fmt::print("{{\"by\": {}, \"filters\": {}, \"actors\": [{}{}]}}\n",
                   json_string(to_string(*by)), json_string(answer.selection.filters), rows,
                   rows.empty() ? "" : "\n");
        return Exit::ok;
    }
    if (answer.rows.empty()) {
        fmt::print("no actors{}\n",
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
        return Exit::ok;
    }
    if (!g.quiet && !o.output.tabular())
        fmt::print("{}{}\n\n", answer.selection.title,
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
    Table t({"rank", "actor", "kind", std::string(to_string(*by)), "partners"});
    for (std::size_t i = 0; i < answer.rows.size(); ++i) {
        const auto& r = answer.rows[i];
        t.add({std::to_string(i + 1), label(graph, r.node),
               std::string(to_string(graph.node(r.node).kind)), score_text(*by, r.score),
               std::to_string(r.degree)});
    }
    print_table(o.output, t);
    return Exit::ok;
}

RegisterCommand reg{
    {34, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand("rank", "The most central actors");
         cmd->add_option("--by", o->by,
                         "degree (partners), weighted (events with partners), betweenness or "
                         "pagerank")
             ->capture_default_str();
         cmd->add_option("--top", o->top, "Show the first N (0: all)")->capture_default_str();
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
