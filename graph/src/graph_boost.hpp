// The concrete Boost.Graph types behind Graph; private to diplograph_graph.
#pragma once

#include <diplograph/graph/graph.hpp>

#include <boost/graph/adjacency_list.hpp>

namespace diplograph {

//! Vertex i of `actors` is node i of the Graph; edge e of `actors` carries ActorEdge index e.
//! The event view has the actors first, then one vertex per event (node_count() + event index).
struct Graph::Boost {
    using ActorView =
        boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                              boost::property<boost::edge_index_t, std::size_t>>;
    using EventView = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    ActorView actors;
    EventView events;  //!< built by Graph::boost_with_events() only
    bool events_built = false;
};

}  // namespace diplograph
