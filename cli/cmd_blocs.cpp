// diplograph blocs : connected components and communities of the actor view.
#include "answers.hpp"
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/blocs.hpp>

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

struct Options {
    unsigned seed = 42;
    FilterOptions filters;
    OutputOptions output;
};

int run(const Globals& g, const Options& o) {
    Scope scope = query_scope(o.filters, o.output);
    Store store = open_store(g);
    BlocsResult result = query_blocs(store, scope, o.seed);
    const Graph& graph = result.graph;
    BlocsAnswer& answer = result.answer;
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));
    auto ids = [&](const std::vector<NodeIndex>& members) {
        std::vector<std::string> out;
        for (auto n : members)
            out.push_back(graph.node(n).id);
        std::sort(out.begin(), out.end());
        return out;
    };

    if (g.json) {
        fmt::print("{}\n", blocs_json(result));
        return Exit::ok;
    }
    if (!g.quiet)
        fmt::print(
            "{} actors: {} component{}, {} communit{} (signed modularity: cooperation and "
            "diplomatic events +1, conflict -1; Louvain, seed {}; modularity {:.3f}){}\n\n",
            graph.node_count(), answer.components.size(), answer.components.size() == 1 ? "" : "s",
            answer.communities.size(), answer.communities.size() == 1 ? "y" : "ies", o.seed,
            answer.modularity,
            answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
    Table t({"community", "component", "size", "conflict inside", "members"});
    for (std::size_t i = 0; i < answer.communities.size(); ++i) {
        const auto& b = answer.communities[i];
        auto members = ids(b.members);
        std::string list;
        for (std::size_t j = 0; j < members.size() && j < 12; ++j)
            list += (j ? ", " : "") + members[j];
        if (members.size() > 12)
            list += fmt::format(", … ({} more)", members.size() - 12);
        t.add({std::to_string(i + 1), std::to_string(b.component + 1),
               std::to_string(members.size()),
               fmt::format("{:.2f} ({} of {} events)", b.conflict(), b.conflict_inside,
                           b.events_inside),
               list});
    }
    fmt::print("{}", t.render());
    return Exit::ok;
}

RegisterCommand reg{
    {35, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "blocs",
             "Connected components and blocs of the actors: communities of signed "
             "modularity (cooperation +, conflict -), each with its internal conflict");
         cmd->add_option("--seed", o->seed, "Seed of the order in which Louvain moves the actors")
             ->capture_default_str();
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
