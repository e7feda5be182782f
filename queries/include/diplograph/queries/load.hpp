// Loading the graph a query runs on: the store's events that pass the filters, with the actor
// view narrowed to one kind of actor when asked (`--kind`).
#pragma once

#include <diplograph/graph/graph.hpp>

#include <optional>
#include <string>
#include <vector>

namespace diplograph {

//! What every query command can be narrowed by (the common options of the CLI).
struct Scope {
    Filter filter;
    //! Only actors of this kind take part, besides the actors named in the query (`keep`).
    std::optional<EntityKind> kind;
};

//! The events passing `scope.filter`; with `scope.kind`, participants of other kinds are
//! dropped (except the ids in `keep`) and events left without participants are dropped.
Graph load_graph(const Store& store, const Scope& scope, const std::vector<std::string>& keep = {});

//! The same narrowing on a graph already loaded.
Graph restrict_kind(const Graph& graph, EntityKind kind, const std::vector<std::string>& keep);

//! "2025-01..2025-12; types MEET, VISIT; status occurred; min 2 sources; countries only", or "".
std::string describe(const Scope& scope);

//! "Togo (TGO)".
std::string label(const Graph& graph, NodeIndex n);

}  // namespace diplograph
