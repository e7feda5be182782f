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

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>

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

//! The whole graph summarised to a budget, as viz::summarise would from the loaded graph.
struct Summary {
    std::vector<std::string> kept;  //!< ids of the actors kept
    std::size_t left_out_nodes = 0;
    std::size_t left_out_edges = 0;
};

//! Chooses the actors of a budget from the participation alone (Store::event_links, a tenth
//! of the time of a full load), so that only their events need loading with evidence: on the
//! 100k-actor bench store, 4 s instead of 23 for 150 actors. The choice is viz::summarise's,
//! by weighted degree (an event of k actors adds k - 1 to each), ties by id; the links are
//! the distinct (pair, type). nullopt when the budget is a tenth of the actors or more, or the
//! kept actors take part in over 40% of the events (loading only theirs, through the index,
//! then costs as much as loading all), when the scope needs whole events (--kind, sources,
//! confidence), or when nothing is left out.
std::optional<Summary> summarise_participation(const Store& store, const Scope& scope,
                                               std::size_t budget) {
    if (budget == 0 || scope.kind)
        return std::nullopt;
    // A tenth of the actors or more take part in most events (news has hubs): then asking
    // first only adds its time (10k-actor store, 2,000 actors: 56% of the events, +0.3 s).
    // The entities are few next to the events, and are read again by the load anyway.
    if (budget * 10 >= store.entities(std::nullopt, false).size())
        return std::nullopt;
    auto links = store.event_links(scope.filter, true);
    if (!links || links->actors.size() <= budget)
        return std::nullopt;
    const std::size_t actors = links->actors.size(), events = links->event_count();
    auto members = [&](std::size_t e) {
        return std::span(links->members.data() + links->offsets[e],
                         links->members.data() + links->offsets[e + 1]);
    };
    std::vector<long> weight(actors, 0);
    for (std::size_t e = 0; e < events; ++e)
        for (auto a : members(e))
            weight[a] += static_cast<long>(members(e).size()) - 1;
    std::vector<uint32_t> order(actors);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(budget),
                      order.end(), [&](uint32_t x, uint32_t y) {
                          if (weight[x] != weight[y])
                              return weight[x] > weight[y];
                          return links->actors[x].id < links->actors[y].id;
                      });
    std::vector<bool> kept(actors, false);
    for (std::size_t i = 0; i < budget; ++i)
        kept[order[i]] = true;
    std::size_t touched = 0;
    for (std::size_t e = 0; e < events; ++e)
        touched +=
            std::any_of(members(e).begin(), members(e).end(), [&](uint32_t a) { return kept[a]; });
    if (touched * 5 > events * 2)
        return std::nullopt;
    // One key per (pair, type), as Graph builds its edges: 30 bits per actor, 4 for the type.
    std::vector<uint64_t> keys;
    for (std::size_t e = 0; e < events; ++e) {
        auto m = members(e);
        for (std::size_t i = 0; i < m.size(); ++i)
            for (std::size_t j = i + 1; j < m.size(); ++j)
                keys.push_back(uint64_t{std::min(m[i], m[j])} << 34 |
                               uint64_t{std::max(m[i], m[j])} << 4 |
                               static_cast<uint64_t>(links->types[e]));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    Summary summary;
    for (std::size_t i = 0; i < budget; ++i)
        summary.kept.push_back(links->actors[order[i]].id);
    summary.left_out_nodes = actors - budget;
    for (auto key : keys)
        summary.left_out_edges += !(kept[key >> 34] && kept[(key >> 4) & ((1u << 30) - 1)]);
    return summary;
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
    std::optional<Summary> summary;
    if (o.actor.empty() && o.path.empty())
        summary = summarise_participation(store, scope, actor_budget(o.output));
    Scope loaded = scope;
    if (summary)
        loaded.filter.actors = summary->kept;
    Graph graph = load_for_query(store, loaded, keep);
    Selection selection;
    if (summary) {
        std::vector<NodeIndex> nodes;
        for (const auto& id : summary->kept)
            nodes.push_back(*graph.find(id));
        selection = induced(graph, std::move(nodes));
        selection.title = select_all(Graph{}).title;  // "all actors", as for the whole graph
        selection.left_out_nodes = summary->left_out_nodes;
        selection.left_out_edges = summary->left_out_edges;
    } else if (!o.actor.empty()) {
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
