// Loading the graph a query runs on: the store's events that pass the filters, with the actor
// view narrowed to one kind of actor when asked (`--kind`).
#pragma once

#include <diplograph/graph/graph.hpp>
#include <diplograph/graph/topology.hpp>

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

//! Enough of the store for the ego network of `centre` within `depth` hops: the events of the
//! actors within depth - 1 hops, found ring by ring through the participants index, then those
//! of every actor within `depth` hops (for the links among the outer ring). Falls back to the
//! whole store when the neighbourhood grows past `max_actors`.
Graph load_neighbourhood(const Store& store, const Scope& scope, const std::string& centre,
                         int depth, std::size_t max_actors = 2000);

//! The topology of the events passing `scope.filter`, for the queries that need no more
//! (rank, path, ego); nullopt when the scope needs the events (`--kind`, minimum confidence,
//! sources).
std::optional<Topology> load_topology(const Store& store, const Scope& scope,
                                      bool with_types = true);

//! Enough of the topology for the ego network of `centre` within `depth` hops: ring by ring,
//! the partners of the actors reached (Topology::load_partners, or Topology::load of their
//! events for the filters it cannot apply), while at most `max_actors` are reached; past that,
//! the whole topology. nullopt as load_topology.
std::optional<Topology> load_neighbourhood_topology(const Store& store, const Scope& scope,
                                                    const std::string& centre, int depth,
                                                    std::size_t max_actors = 20000);

//! A graph of some Topology nodes and no events, node i being nodes[i]: for printing answers
//! computed on the topology with the functions that take a Graph.
Graph graph_of_nodes(const Topology& topology, const std::vector<NodeIndex>& nodes);

//! The same narrowing on a graph already loaded.
Graph restrict_kind(const Graph& graph, EntityKind kind, const std::vector<std::string>& keep);

//! "2025-01..2025-12; types MEET, VISIT; status occurred; min 2 sources; countries only", or "".
std::string describe(const Scope& scope);

//! "Togo (TGO)".
std::string label(const Graph& graph, NodeIndex n);
std::string label(const Node& node);

}  // namespace diplograph
