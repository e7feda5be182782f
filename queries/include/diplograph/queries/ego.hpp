// `ego ACTOR --depth N`: the actors within N hops of an actor and the links among them.
#pragma once

#include <diplograph/graph/topology.hpp>

#include <diplograph/queries/selection.hpp>

#include <vector>

namespace diplograph {

struct EgoRow {
    NodeIndex node = 0;
    int depth = 0;           //!< hops from the centre
    std::size_t degree = 0;  //!< distinct partners inside the ego network
};

struct EgoAnswer {
    std::vector<EgoRow> rows;  //!< by depth, then id
    Selection selection;       //!< the induced ego network
};

EgoAnswer ego(const Graph& graph, NodeIndex centre, int depth);

//! The same rows on the topology alone (rows index Topology nodes), with the number of
//! actor-view edges (pair and type) of the induced ego network; the selection holds the title.
struct EgoSummary {
    EgoAnswer answer;
    std::size_t links = 0;
};
EgoSummary ego(const Topology& topology, NodeIndex centre, int depth);

}  // namespace diplograph
