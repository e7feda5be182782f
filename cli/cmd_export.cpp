// diplograph export --format F -o OUT [filters] : diagrams (dot, svg, png, pdf) and data
// exports (graphml, gexf, json, neo4j) of the whole graph, an ego network or a path.
// The filter options are parsed here for now; they will move to the shared cli/filters.hpp.
#include "common.hpp"

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/entities.hpp>
#include <diplograph/queries/selection.hpp>
#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/exports.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>

namespace diplograph::cli {

namespace {

struct Options {
    std::string format;
    std::string output;
    std::string actor;
    int depth = 1;
    std::vector<std::string> path;
    std::string since;
    std::string until;
    std::vector<std::string> types;
    std::vector<std::string> statuses;
    int min_sources = 1;
    bool events = false;
    std::string cluster = "none";
    std::string engine;
    int budget = -1;
    bool no_legend = false;
};

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            auto end = v.find(',', start);
            if (end == std::string::npos)
                end = v.size();
            if (end > start)
                out.push_back(v.substr(start, end - start));
            start = end + 1;
        }
    }
    return out;
}

//! The Filter of the options, and its description for the caption.
std::pair<Filter, std::string> make_filter(const Options& o) {
    Filter f;
    std::vector<std::string> parts;
    if (!o.since.empty()) {
        auto d = DateInterval::parse(o.since);
        if (!d)
            throw CommandError(Exit::usage, fmt::format("--since {}: not a date (expected YYYY, "
                                                        "YYYY-MM or YYYY-MM-DD)",
                                                        o.since));
        f.since = d->first;
        parts.push_back("since " + o.since);
    }
    if (!o.until.empty()) {
        auto d = DateInterval::parse(o.until);
        if (!d)
            throw CommandError(Exit::usage, fmt::format("--until {}: not a date (expected YYYY, "
                                                        "YYYY-MM or YYYY-MM-DD)",
                                                        o.until));
        f.until = d->last;
        parts.push_back("until " + o.until);
    }
    std::vector<std::string> type_names;
    for (const auto& t : split_commas(o.types)) {
        if (auto type = event_type_from_string(t)) {
            f.types.push_back(*type);
            type_names.emplace_back(to_string(*type));
            continue;
        }
        bool family = false;
        for (const auto& i : event_types())
            if (i.family == t) {
                f.types.push_back(i.type);
                family = true;
            }
        if (!family)
            throw CommandError(Exit::usage,
                               fmt::format("--type {}: not an event type (MEET, VISIT, …) nor a "
                                           "family (cooperation, conflict, diplomatic)",
                                           t));
        type_names.push_back(t);
    }
    if (!type_names.empty()) {
        std::string text;
        for (const auto& n : type_names)
            text += (text.empty() ? "" : ", ") + n;
        parts.push_back("types " + text);
    }
    std::string status_text;
    for (const auto& s : split_commas(o.statuses)) {
        auto status = status_from_string(s);
        if (!status)
            throw CommandError(Exit::usage,
                               fmt::format("--status {}: expected occurred, agreed, planned or "
                                           "reported",
                                           s));
        f.statuses.push_back(*status);
        status_text += (status_text.empty() ? "" : ", ") + s;
    }
    if (!status_text.empty())
        parts.push_back("status " + status_text);
    if (o.min_sources < 1)
        throw CommandError(Exit::usage, "--min-sources: expected a number of at least 1");
    f.min_sources = o.min_sources;
    if (o.min_sources > 1)
        parts.push_back(fmt::format("at least {} sources", o.min_sources));
    std::string text;
    for (const auto& p : parts)
        text += (text.empty() ? "" : "; ") + p;
    return {f, text};
}

//! The actor named `name`, which must have events that pass the filters.
NodeIndex actor_node(const Store& store, const Graph& graph, const std::string& name) {
    Entity e;
    try {
        e = resolve_actor(store, name);
    } catch (const UnknownActor& error) {
        throw CommandError(Exit::bad_input, error.what());
    }
    auto n = graph.find(e.id);
    if (!n)
        throw CommandError(
            Exit::bad_input,
            fmt::format("{} ({}) takes part in no event that passes the filters", e.name, e.id));
    return *n;
}

std::string display(const Graph& graph, NodeIndex n) {
    const Node& node = graph.node(n);
    return node.name == node.id ? node.id : fmt::format("{} ({})", node.name, node.id);
}

Selection ego(const Graph& graph, NodeIndex start, int depth) {
    std::vector<int> dist(graph.node_count(), -1);
    std::deque<NodeIndex> queue{start};
    dist[start] = 0;
    std::vector<NodeIndex> nodes{start};
    while (!queue.empty()) {
        NodeIndex n = queue.front();
        queue.pop_front();
        if (dist[n] >= depth)
            continue;
        for (auto m : graph.neighbours(n))
            if (dist[m] < 0) {
                dist[m] = dist[n] + 1;
                nodes.push_back(m);
                queue.push_back(m);
            }
    }
    Selection s = induced(graph, nodes);
    s.focus = {start};
    s.title = fmt::format("ego network of {}, depth {}", display(graph, start), depth);
    return s;
}

Selection shortest_path(const Graph& graph, NodeIndex from, NodeIndex to) {
    std::vector<long> parent(graph.node_count(), -1);
    std::deque<NodeIndex> queue{from};
    parent[from] = static_cast<long>(from);
    while (!queue.empty() && parent[to] < 0) {
        NodeIndex n = queue.front();
        queue.pop_front();
        for (auto m : graph.neighbours(n))
            if (parent[m] < 0) {
                parent[m] = static_cast<long>(n);
                queue.push_back(m);
            }
    }
    if (parent[to] < 0)
        throw CommandError(Exit::bad_input,
                           fmt::format("no path between {} and {} under these filters",
                                       display(graph, from), display(graph, to)));
    std::vector<NodeIndex> path{to};
    while (path.back() != from)
        path.push_back(static_cast<NodeIndex>(parent[path.back()]));
    Selection s;
    for (std::size_t i = 0; i + 1 < path.size(); ++i)
        for (auto e : graph.incident(path[i]))
            if (graph.other(e, path[i]) == path[i + 1])
                s.edges.push_back(e);
    std::sort(s.edges.begin(), s.edges.end());
    s.edges.erase(std::unique(s.edges.begin(), s.edges.end()), s.edges.end());
    s.nodes = path;
    std::sort(s.nodes.begin(), s.nodes.end());
    s.focus = {from, to};
    std::sort(s.focus.begin(), s.focus.end());
    s.title = fmt::format("shortest path from {} to {}, {} hop{}", display(graph, from),
                          display(graph, to), path.size() - 1, path.size() == 2 ? "" : "s");
    return s;
}

void write_output(const std::string& output, const std::string& content) {
    if (output == "-") {
        std::fwrite(content.data(), 1, content.size(), stdout);
        std::fflush(stdout);
        return;
    }
    std::ofstream out(output, std::ios::binary);
    out << content;
    if (!out.flush())
        throw CommandError(
            Exit::bad_input,
            fmt::format("{}: cannot write the file (does its folder exist?)", output));
}

int run(const Globals& g, const Options& o) {
    auto format = viz::format_from_string(o.format);
    if (!format)
        throw CommandError(Exit::usage,
                           fmt::format("--format {}: expected svg, png, pdf, dot, graphml, gexf, "
                                       "json or neo4j",
                                       o.format));
    viz::DiagramOptions diagram;
    if (o.cluster == "country")
        diagram.cluster = viz::Clustering::country;
    else if (o.cluster == "bloc")
        diagram.cluster = viz::Clustering::bloc;
    else if (o.cluster != "none")
        throw CommandError(Exit::usage,
                           fmt::format("--cluster {}: expected none, country or bloc", o.cluster));
    if (!o.actor.empty() && !o.path.empty())
        throw CommandError(Exit::usage, "--actor and --path: choose one");
    if (o.depth < 0)
        throw CommandError(Exit::usage, "--depth: expected a number of hops, 0 or more");
    if (*format == viz::Format::neo4j && o.output == "-")
        throw CommandError(Exit::usage, "-o: neo4j writes a folder of CSV files; name a folder");
    diagram.events = o.events;
    diagram.legend = !o.no_legend;
    diagram.engine = o.engine;

    auto start = std::chrono::steady_clock::now();
    auto [filter, filter_text] = make_filter(o);
    Store store = open_store(g);
    Graph graph = Graph::load(store, filter);
    Selection selection;
    if (!o.actor.empty()) {
        selection = ego(graph, actor_node(store, graph, o.actor), o.depth);
    } else if (!o.path.empty()) {
        selection = shortest_path(graph, actor_node(store, graph, o.path[0]),
                                  actor_node(store, graph, o.path[1]));
    } else {
        selection = select_all(graph);
    }
    selection.filters = filter_text;
    std::size_t budget = o.budget >= 0              ? static_cast<std::size_t>(o.budget)
                         : viz::is_diagram(*format) ? 150
                                                    : 0;
    selection = viz::summarise(graph, std::move(selection), budget);

    try {
        switch (*format) {
            case viz::Format::dot:
            case viz::Format::svg:
            case viz::Format::png:
            case viz::Format::pdf: {
                std::string dot = viz::to_dot(graph, selection, diagram);
                write_output(o.output, *format == viz::Format::dot
                                           ? dot
                                           : viz::render(dot, *format, o.engine));
                break;
            }
            case viz::Format::graphml:
                write_output(o.output, viz::to_graphml(graph, selection));
                break;
            case viz::Format::gexf:
                write_output(o.output, viz::to_gexf(graph, selection));
                break;
            case viz::Format::json:
                write_output(o.output, viz::to_cytoscape_json(graph, selection));
                break;
            case viz::Format::neo4j:
                viz::write_files(o.output, viz::to_neo4j_csv(graph, selection));
                break;
        }
    } catch (const viz::RenderError& e) {
        throw CommandError(Exit::bad_input, fmt::format("cannot draw the diagram: {}", e.what()));
    } catch (const CommandError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw CommandError(Exit::bad_input, e.what());
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (o.output == "-" || g.quiet)
        return Exit::ok;
    if (g.json) {
        fmt::print(
            "{{\"output\": {}, \"format\": {}, \"actors\": {}, \"links\": {}, "
            "\"left_out_actors\": {}, \"left_out_links\": {}, \"seconds\": {:.3f}}}\n",
            json_string(o.output), json_string(viz::to_string(*format)), selection.nodes.size(),
            selection.edges.size(), selection.left_out_nodes, selection.left_out_edges, seconds);
    } else {
        std::string left_out =
            selection.left_out_nodes
                ? fmt::format(" ({} actors and {} links left out by the budget of {})",
                              selection.left_out_nodes, selection.left_out_edges, budget)
                : "";
        fmt::print("wrote {} ({}): {} actors, {} links{} in {:.2f} s\n", o.output,
                   viz::to_string(*format), selection.nodes.size(), selection.edges.size(),
                   left_out, seconds);
    }
    return Exit::ok;
}

RegisterCommand reg{
    {70, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "export",
             "Draw the graph (svg, png, pdf, dot) or export it (graphml, gexf, json, "
             "neo4j): all of it, an ego network (--actor) or a path (--path)");
         cmd->add_option("--format,-f", o->format,
                         "svg, png, pdf, dot, graphml, gexf, json (Cytoscape.js) or neo4j "
                         "(a folder of CSV files for neo4j-admin import)")
             ->required();
         cmd->add_option("-o,--output", o->output, "Output file, folder for neo4j, - for stdout")
             ->required();
         cmd->add_option("--actor", o->actor, "Ego network of this actor (id or any name)");
         cmd->add_option("--depth", o->depth, "Hops around --actor (default 1)");
         cmd->add_option("--path", o->path, "A shortest path between two actors")->expected(2);
         cmd->add_option("--since", o->since, "Events on or after this date (YYYY[-MM[-DD]])");
         cmd->add_option("--until", o->until, "Events on or before this date (YYYY[-MM[-DD]])");
         cmd->add_option("--type", o->types,
                         "Event type (MEET, VISIT…) or family (cooperation, conflict, "
                         "diplomatic); repeatable");
         cmd->add_option("--status", o->statuses,
                         "occurred, agreed, planned or reported; repeatable");
         cmd->add_option("--min-sources", o->min_sources, "Events reported by at least N sources");
         cmd->add_flag("--events", o->events,
                       "Draw events and agreements as nodes (event view) instead of links");
         cmd->add_option("--cluster", o->cluster,
                         "Group nodes: none, country (people inside their country) or bloc");
         cmd->add_option(
             "--engine", o->engine,
             "Graphviz layout: dot, sfdp, neato, fdp, circo, twopi (default: dot; neato, or fdp "
             "with clusters, when the selection falls into many pieces; sfdp from 300 "
             "nodes)");
         cmd->add_option("--budget", o->budget,
                         "Keep at most N actors, the most connected (default 150 for diagrams, "
                         "no limit for data exports; 0: no limit)");
         cmd->add_flag("--no-legend", o->no_legend, "Leave the legend out");
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
