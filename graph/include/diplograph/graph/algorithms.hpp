// Graph algorithms Boost.Graph provides, run on the actor view of a Graph (one vertex per
// actor; the parallel edges of different event types count as one link). Signatures are
// Boost-free; the Boost calls stay in algorithms.cpp.
#pragma once

#include <diplograph/graph/graph.hpp>

#include <cstddef>
#include <vector>

namespace diplograph::algo {

//! Hops from `source` to every actor (boost::breadth_first_search); -1 when unreachable.
std::vector<int> bfs_distances(const Graph& graph, NodeIndex source);

//! A shortest path in hops from `from` to `to`, both ends included (BFS predecessors);
//! empty when `to` cannot be reached.
std::vector<NodeIndex> shortest_path(const Graph& graph, NodeIndex from, NodeIndex to);

//! The actors within `max_depth` hops of `source` with their distance, in BFS order. Written by
//! hand: Boost's BFS cannot stop at a depth, and an ego network must not visit the whole graph.
std::vector<std::pair<NodeIndex, int>> within(const Graph& graph, NodeIndex source, int max_depth);

struct Components {
    std::vector<std::size_t> of;  //!< component of each actor, numbered in order of first actor
    std::size_t count = 0;
};
//! Connected components of the actor view (boost::connected_components).
Components connected_components(const Graph& graph);

//! Betweenness centrality of each actor on the simple actor view, unweighted and not
//! normalised, each unordered pair of end points counted once (Brandes, through
//! boost::brandes_betweenness_centrality). Equal to NetworkX's betweenness_centrality(G,
//! normalized=False) on the same graph.
std::vector<double> betweenness(const Graph& graph);

//! The simple actor view as sorted adjacency lists: neighbours of each actor, without repeats.
std::vector<std::vector<NodeIndex>> simple_adjacency(const Graph& graph);
//! The same over the edges whose entry in `keep` (one per edge of `graph`) is true.
std::vector<std::vector<NodeIndex>> simple_adjacency(const Graph& graph,
                                                     const std::vector<bool>& keep);

}  // namespace diplograph::algo
