// A part of a Graph chosen by a query (an ego network, paths, a filter), ready for a table,
// a diagram or an export. Queries produce selections; viz/ draws and exports them.
#pragma once

#include <diplograph/graph/graph.hpp>

#include <string>
#include <vector>

namespace diplograph {

struct Selection {
    std::vector<NodeIndex> nodes;    //!< actors, sorted, unique
    std::vector<EdgeIndex> edges;    //!< actor-view edges between selected nodes, sorted, unique
    std::vector<NodeIndex> focus;    //!< the actors the query was about (drawn emphasised)
    std::string title;               //!< "ego network of Togo (TGO), depth 2"
    std::string filters;             //!< "2025-01-01..2025-12-31; types MEET, VISIT; min 2 sources"
    std::size_t left_out_nodes = 0;  //!< actors folded away by a size budget
    std::size_t left_out_edges = 0;
};

//! Every actor and every edge of the graph.
Selection select_all(const Graph& graph);
//! The given actors and every edge among them.
Selection induced(const Graph& graph, std::vector<NodeIndex> nodes);

}  // namespace diplograph
