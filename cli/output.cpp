#include "output.hpp"
#include "common.hpp"
#include "filters.hpp"

#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/exports.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace diplograph::cli {

namespace {

// The summary line reports the whole command's time, store loading included.
const auto started = std::chrono::steady_clock::now();

constexpr const char* formats_text = "svg, png, pdf, dot, graphml, gexf, json, neo4j, csv or tsv";

//! The format asked for, or guessed from the extension of -o.
viz::Format output_format(const OutputOptions& o) {
    if (!o.format.empty()) {
        auto format = viz::format_from_string(o.format);
        if (!format)
            throw CommandError(Exit::usage,
                               fmt::format("--format {}: expected {}", o.format, formats_text));
        return *format;
    }
    std::string ext = std::filesystem::path(o.output).extension().string();
    if (ext == ".gv")
        ext = ".dot";
    auto format = ext.size() > 1 ? viz::format_from_string(ext.substr(1)) : std::nullopt;
    if (!format || *format == viz::Format::neo4j)
        throw CommandError(Exit::usage,
                           fmt::format("-o {}: cannot tell the format from the name; add "
                                       "--format ({})",
                                       o.output, formats_text));
    return *format;
}

viz::DiagramOptions diagram_options(const OutputOptions& o) {
    viz::DiagramOptions d;
    if (o.cluster == "country")
        d.cluster = viz::Clustering::country;
    else if (o.cluster == "bloc")
        d.cluster = viz::Clustering::bloc;
    else if (o.cluster != "none")
        throw CommandError(Exit::usage,
                           fmt::format("--cluster {}: expected none, country or bloc", o.cluster));
    d.pairs = o.edges != "each";
    d.people = o.people != "off";
    d.events = o.events;
    d.legend = !o.no_legend;
    d.engine = o.engine;
    if (o.links >= 0)
        d.max_links = static_cast<std::size_t>(o.links);
    return d;
}

void write_output(const std::string& output, const std::string& content) {
    if (output.empty() || output == "-") {
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

// Whether two paths name the same file, existing or not (the store's -wal may not exist yet).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    if (std::filesystem::exists(a, ec) && std::filesystem::exists(b, ec))
        return std::filesystem::equivalent(a, b, ec);
    return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

// An output never destroys an input (issue 14): not the store (nor its -wal and -shm), not an
// existing file without --force, not a folder for a single file; and it creates at most its
// last folder (neo4j), never a path of folders from a mistyped root.
void check_output_path(const Globals& g, const OutputOptions& o, bool folder) {
    namespace fs = std::filesystem;
    if (o.output.empty() || o.output == "-")
        return;
    fs::path out(o.output);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (same_file(out, g.db + suffix))
            throw CommandError(
                Exit::usage,
                fmt::format("-o {}: that is the store{}; name another file", o.output,
                            *suffix ? std::string("'s ") + (suffix + 1) + " file" : std::string()));
    }
    std::error_code ec;
    fs::path parent = out.parent_path();
    if (folder) {
        if (fs::exists(out, ec) && !fs::is_directory(out, ec))
            throw CommandError(Exit::usage,
                               fmt::format("-o {}: a file, not a folder; name a folder for the "
                                           "{} files",
                                           o.output, o.tabular() ? o.format : "neo4j CSV"));
        if (!parent.empty() && !fs::is_directory(parent, ec))
            throw CommandError(Exit::usage,
                               fmt::format("-o {}: no folder {}; create it first (only the last "
                                           "folder of the path is created)",
                                           o.output, parent.string()));
        if (fs::is_directory(out, ec) && !o.force && !fs::is_empty(out, ec))
            throw CommandError(Exit::usage,
                               fmt::format("-o {}: the folder exists and is not empty; add "
                                           "--force to write the {} files into it",
                                           o.output, o.tabular() ? o.format : "CSV"));
        return;
    }
    if (fs::is_directory(out, ec))
        throw CommandError(Exit::usage,
                           fmt::format("-o {}: a folder; name a file to write", o.output));
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw CommandError(Exit::usage, fmt::format("-o {}: no folder {}; create it first",
                                                    o.output, parent.string()));
    if (fs::exists(out, ec) && !o.force)
        throw CommandError(
            Exit::usage,
            fmt::format("-o {}: the file exists; add --force to overwrite it", o.output));
}

//! "wrote OUT (FORMAT): N actors, M links in S s" (or its JSON), unless quiet or on stdout.
void print_written(const Globals& g, const OutputOptions& o, std::string_view format,
                   const Selection& selection, std::size_t budget, std::size_t weaker_links,
                   std::size_t link_limit) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (o.output.empty() || o.output == "-" || g.quiet)
        return;
    if (g.json) {
        fmt::print(
            "{{\"output\": {}, \"format\": {}, \"actors\": {}, \"links\": {}, "
            "\"left_out_actors\": {}, \"left_out_links\": {}, \"weaker_links_left_out\": {}, "
            "\"seconds\": {:.3f}}}\n",
            json_string(o.output), json_string(format), selection.nodes.size(),
            selection.edges.size() - weaker_links, selection.left_out_nodes,
            selection.left_out_edges, weaker_links, seconds);
    } else {
        std::string left_out;
        if (selection.left_out_nodes)
            left_out = fmt::format("{} actors and {} links left out by the budget of {}",
                                   selection.left_out_nodes, selection.left_out_edges, budget);
        if (weaker_links)
            left_out += fmt::format("{}{} weaker links left out by the link limit of {}",
                                    left_out.empty() ? "" : "; ", weaker_links, link_limit);
        fmt::print("wrote {} ({}): {} actors, {} links{} in {:.2f} s\n", o.output, format,
                   selection.nodes.size(), selection.edges.size() - weaker_links,
                   left_out.empty() ? "" : " (" + left_out + ")", seconds);
    }
}

//! export --format csv|tsv: a folder of tables (viz::to_tables).
int write_tables(const Globals& g, const OutputOptions& o, const Graph& graph,
                 Selection selection) {
    check_output_path(g, o, true);
    std::size_t budget = actor_budget(o);
    selection = viz::summarise(graph, std::move(selection), budget);
    PeopleRoles roles = people_roles(open_store(g), graph, selection.nodes);
    try {
        viz::write_files(o.output,
                         viz::to_tables(graph, selection, roles, o.format == "csv" ? ',' : '\t'));
    } catch (const std::runtime_error& e) {
        throw CommandError(Exit::bad_input, e.what());
    }
    print_written(g, o, o.format, selection, budget, 0, 0);
    return Exit::ok;
}

}  // namespace

void print_table(const OutputOptions& o, const Table& table) {
    if (!o.tabular()) {
        fmt::print("{}", table.render());
        return;
    }
    write_output(o.output, table.render_delimited(o.format == "csv" ? ',' : '\t'));
}

void add_output_options(CLI::App* command, OutputOptions& o) {
    command->add_option(
        "--format,-f", o.format,
        "Draw the answer (svg, png, pdf, dot) or export it (graphml, gexf, json for "
        "Cytoscape.js, neo4j: a folder of CSV files for neo4j-admin import) instead of a table, "
        "or print the table as csv (RFC 4180) or tsv for spreadsheets (export: a folder of "
        "tables: events, participants, evidence, actors, roles); default: from the extension "
        "of -o");
    command->add_option("-o,--output", o.output,
                        "Output file (folder for neo4j); - or none: stdout, for text formats");
    command->add_flag(
        "--events", o.events,
        "Diagrams: draw events and agreements as nodes (event view) instead of links");
    command
        ->add_option("--cluster", o.cluster,
                     "Diagrams: group nodes: country (default: people inside their country), "
                     "bloc or none")
        ->capture_default_str();
    command
        ->add_option("--edges", o.edges,
                     "Diagrams: pair (default: one link per pair and direction, labelled with "
                     "its types and counts) or each (one link per type)")
        ->check(CLI::IsMember({"pair", "each"}));
    command
        ->add_option("--people", o.people,
                     "Diagrams: on (default) or off (each person folded into their country)")
        ->check(CLI::IsMember({"on", "off"}));
    command->add_option("--engine", o.engine,
                        "Diagrams: Graphviz layout: dot, sfdp, neato, fdp, circo, twopi (default: "
                        "dot; neato, or fdp with clusters, when the selection falls into many "
                        "pieces; sfdp from 300 nodes)");
    command
        ->add_option("--budget", o.budget,
                     "Keep at most N actors, the most connected (default 150 for diagrams, no "
                     "limit for data exports; 0: no limit)")
        ->check(at_least(0));
    command
        ->add_option("--links", o.links,
                     "Diagrams: draw at most N links, each actor's strongest, never cutting an "
                     "actor off (default: 3 per actor, at least 500; 0: all)")
        ->check(at_least(0));
    command->add_flag("--no-legend", o.no_legend, "Diagrams: leave the legend out");
    command
        ->add_option("--gexf-version", o.gexf_version,
                     "GEXF: 1.3 (default, Gephi 0.9+) or 1.2 (older readers, NetworkX 2.8)")
        ->check(CLI::IsMember({"1.2", "1.3"}));
    command->add_flag("--force", o.force, "Overwrite the output file (-o) if it exists");
}

void check_output(const OutputOptions& o) {
    if (o.tabular()) {
        // export's tables: a folder of files (a query prints its one table instead).
        diagram_options(o);
        if (o.output.empty() || o.output == "-")
            throw CommandError(Exit::usage,
                               fmt::format("--format {}: writes a folder of tables; name it with "
                                           "-o FOLDER",
                                           o.format));
        return;
    }
    if (o.format.empty() && o.output.empty())
        throw CommandError(Exit::usage, fmt::format("--format: missing; expected {} (or -o FILE "
                                                    "with one of their extensions)",
                                                    formats_text));
    if (o.format.empty() && o.output == "-")
        throw CommandError(Exit::usage,
                           fmt::format("-o -: name the format with --format ({})", formats_text));
    viz::Format format = output_format(o);
    diagram_options(o);
    if (format == viz::Format::neo4j && (o.output.empty() || o.output == "-"))
        throw CommandError(Exit::usage,
                           "--format neo4j: writes a folder of CSV files; name it with -o FOLDER");
    if ((format == viz::Format::png || format == viz::Format::pdf) && o.output.empty())
        throw CommandError(Exit::usage,
                           fmt::format("--format {}: binary output; name a file with -o FILE "
                                       "(or -o - to pipe it)",
                                       o.format));
}

std::size_t actor_budget(const OutputOptions& o) {
    if (o.budget >= 0)
        return static_cast<std::size_t>(o.budget);
    return !o.tabular() && viz::is_diagram(output_format(o)) ? 150 : 0;
}

int write_selection(const Globals& g, const OutputOptions& o, const Graph& graph,
                    Selection selection) {
    check_output(o);
    if (o.tabular())
        return write_tables(g, o, graph, std::move(selection));
    viz::Format format = output_format(o);
    check_output_path(g, o, format == viz::Format::neo4j);
    viz::DiagramOptions diagram = diagram_options(o);
    std::size_t budget = actor_budget(o);
    selection = viz::summarise(graph, std::move(selection), budget);
    // Data exports carry the selected people's dated roles, read from the store.
    PeopleRoles roles;
    if (!viz::is_diagram(format))
        roles = people_roles(open_store(g), graph, selection.nodes);
    // A diagram draws fewer links than the selection has when they pass the link limit.
    std::size_t link_limit = diagram.max_links.value_or(viz::link_cap(selection.nodes.size()));
    std::size_t weaker_links = 0;
    if (viz::is_diagram(format))
        weaker_links =
            selection.edges.size() - viz::drawn_links(graph, selection, link_limit).size();
    try {
        switch (format) {
            case viz::Format::dot:
            case viz::Format::svg:
            case viz::Format::png:
            case viz::Format::pdf: {
                std::string dot = viz::to_dot(graph, selection, diagram);
                write_output(o.output,
                             format == viz::Format::dot ? dot : viz::render(dot, format, o.engine));
                break;
            }
            case viz::Format::graphml:
                write_output(o.output, viz::to_graphml(graph, selection, roles));
                break;
            case viz::Format::gexf:
                write_output(o.output, viz::to_gexf(graph, selection, o.gexf_version, roles));
                break;
            case viz::Format::json:
                write_output(o.output, viz::to_cytoscape_json(graph, selection, roles));
                break;
            case viz::Format::neo4j:
                viz::write_files(o.output, viz::to_neo4j_csv(graph, selection, roles));
                break;
        }
    } catch (const viz::RenderError& e) {
        throw CommandError(Exit::bad_input, fmt::format("cannot draw the diagram: {}", e.what()));
    } catch (const CommandError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw CommandError(Exit::bad_input, e.what());
    }
    print_written(g, o, viz::to_string(format), selection, budget, weaker_links, link_limit);
    return Exit::ok;
}

Scope query_scope(const FilterOptions& filters, const OutputOptions& output) {
    if (output.wanted())
        check_output(output);
    Scope scope = make_scope(filters);
    scope.filter.with_evidence = output.wanted();
    return scope;
}

}  // namespace diplograph::cli
