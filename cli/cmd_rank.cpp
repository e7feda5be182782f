// diplograph rank [--by degree|weighted|betweenness|pagerank] [--top N] : central actors.
#include "answers.hpp"
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
    RankBy by = rank_by(o.by);
    Scope scope = query_scope(o.filters, o.output);
    Store store = open_store(g);
    RankResult result = query_rank(store, scope, by, o.top, o.output.wanted());
    const Graph& graph = result.graph;
    RankAnswer& answer = result.answer;
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
        fmt::print("{}\n", rank_json(result));
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
    Table t({"rank", "actor", "kind", std::string(to_string(by)), "partners"});
    for (std::size_t i = 0; i < answer.rows.size(); ++i) {
        const auto& r = answer.rows[i];
        t.add({std::to_string(i + 1), label(graph, r.node),
               std::string(to_string(graph.node(r.node).kind)), score_text(by, r.score),
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
