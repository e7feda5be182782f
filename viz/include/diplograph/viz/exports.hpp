// Data exports of a selection for other tools (DESIGN.md §6): GraphML (yEd, Gephi, NetworkX),
// GEXF 1.3 with time intervals (Gephi's timeline), JSON for Cytoscape.js, CSV for
// `neo4j-admin database import`. Deterministic: sorted ids, no timestamps.
#pragma once

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/selection.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::viz {

std::string to_graphml(const Graph& graph, const Selection& selection);
//! GEXF 1.3 (Gephi 0.9+), or 1.2 ("1.2": the 1.2draft namespace, which older readers such as
//! NetworkX 2.8 know).
std::string to_gexf(const Graph& graph, const Selection& selection,
                    std::string_view version = "1.3");
//! {"data": {...}, "elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}
std::string to_cytoscape_json(const Graph& graph, const Selection& selection);

struct NamedFile {
    std::string name;
    std::string content;
};

//! actors.csv, events.csv, sources.csv (nodes) and links.csv, participates.csv,
//! reported_by.csv (relationships), with neo4j-admin header rows.
std::vector<NamedFile> to_neo4j_csv(const Graph& graph, const Selection& selection);
//! Writes the files into `dir` (created when missing); throws std::runtime_error on I/O errors.
void write_files(const std::filesystem::path& dir, const std::vector<NamedFile>& files);

}  // namespace diplograph::viz
