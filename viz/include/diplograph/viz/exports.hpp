// Data exports of a selection for other tools (DESIGN.md §6): GraphML (yEd, Gephi, NetworkX),
// GEXF 1.3 with time intervals (Gephi's timeline), JSON for Cytoscape.js, CSV for
// `neo4j-admin database import`. Deterministic: sorted ids, no timestamps.
#pragma once

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/roles.hpp>
#include <diplograph/queries/selection.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::viz {

// Each exporter takes the selected people's dated roles (queries/roles.hpp, display order: a
// person's own country first): node attributes "roles" (readable), "role" and "role_of" (the
// first one) in GraphML and GEXF, "roles" objects in Cytoscape JSON, HOLDS_ROLE relationships
// in the Neo4j CSV, roles.csv in the tables.

std::string to_graphml(const Graph& graph, const Selection& selection,
                       const PeopleRoles& roles = {});
//! GEXF 1.3 (Gephi 0.9+), or 1.2 ("1.2": the 1.2draft namespace, which older readers such as
//! NetworkX 2.8 know).
std::string to_gexf(const Graph& graph, const Selection& selection,
                    std::string_view version = "1.3", const PeopleRoles& roles = {});
//! {"data": {...}, "elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}
std::string to_cytoscape_json(const Graph& graph, const Selection& selection,
                              const PeopleRoles& roles = {});

struct NamedFile {
    std::string name;
    std::string content;
};

//! actors.csv, events.csv, sources.csv (nodes) and links.csv, participates.csv,
//! reported_by.csv, holds_role.csv (relationships), with neo4j-admin header rows. The
//! countries and organisations people hold roles of are actors too.
std::vector<NamedFile> to_neo4j_csv(const Graph& graph, const Selection& selection,
                                    const PeopleRoles& roles = {});
//! Tables for spreadsheets, pandas or R (separator ',': RFC 4180, CRLF; '\t': TSV), each with
//! a header row: events.csv (the events behind the selected links and the gatherings of at
//! least two selected actors, with their codes), participants.csv (every participant of those
//! events and its role), evidence.csv (each sentence with its source), actors.csv (the
//! selected actors, the other participants and the roles' countries and organisations) and
//! roles.csv (the selected people's dated roles). Named .tsv with '\t'.
std::vector<NamedFile> to_tables(const Graph& graph, const Selection& selection,
                                 const PeopleRoles& roles, char separator);
//! Writes the files into `dir` (created when missing); throws std::runtime_error on I/O errors.
void write_files(const std::filesystem::path& dir, const std::vector<NamedFile>& files);

}  // namespace diplograph::viz
