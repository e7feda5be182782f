// The diagram and export options every query command shares (--format, -o, --engine, --cluster,
// --events, --budget, --no-legend) and the one function that writes a query's Selection in
// those formats instead of its table. `export` uses the same options, with --format required.
#pragma once

#include "command.hpp"
#include "common.hpp"
#include "filters.hpp"

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/selection.hpp>

#include <string>

namespace diplograph::cli {

struct OutputOptions {
    std::string format;  //!< dot, svg, png, pdf, graphml, gexf, json, neo4j; "": from -o
    std::string output;  //!< a file, a folder for neo4j, "-" for stdout; "": stdout
    bool events = false;
    std::string cluster = "country";
    std::string edges = "pair";  //!< diagrams: one link per pair and direction, or "each" type
    std::string people = "on";   //!< diagrams: "off" folds people into their country
    std::string engine;
    int budget = -1;  //!< -1: 150 actors for diagrams, no limit for data exports
    int links = -1;   //!< diagrams: links drawn at most; -1: viz::link_cap (3 per actor)
    bool no_legend = false;
    std::string gexf_version = "1.3";  //!< 1.3, or 1.2 for older readers (NetworkX 2.8)
    bool force = false;                //!< overwrite an existing output file

    //! Whether the answer is a table for spreadsheets (--format csv or tsv).
    bool tabular() const { return format == "csv" || format == "tsv"; }
    //! Whether the answer goes to a diagram or an export rather than a table.
    bool wanted() const { return !tabular() && (!format.empty() || !output.empty()); }
};

//! Prints a table as text, or as CSV or TSV with --format csv|tsv (to -o FILE when named).
void print_table(const OutputOptions& options, const Table& table);

//! Adds the output options.
void add_output_options(CLI::App* command, OutputOptions& options);

//! Checks the options before any work. Throws CommandError (exit 1) with one line:
//! "--format bmp: expected svg, png, pdf, dot, graphml, gexf, json, neo4j, csv or tsv",
//! "--format png: binary output; name a file with -o FILE (or -o - to pipe it)".
void check_output(const OutputOptions& options);

//! The actors a selection keeps at most (0: no limit): --budget, else 150 for diagrams.
std::size_t actor_budget(const OutputOptions& options);

//! The scope of a query command: checks the output options when an output is asked, and
//! reads the evidence only then (counts of sources suffice for a table).
Scope query_scope(const FilterOptions& filters, const OutputOptions& output);

//! Writes `selection` of `graph` as the options ask (after the size budget), then prints
//! "wrote FILE (FORMAT): N actors, M links in S s" (or its JSON) unless quiet or on stdout.
//! Returns the exit code.
int write_selection(const Globals& globals, const OutputOptions& options, const Graph& graph,
                    Selection selection);

}  // namespace diplograph::cli
