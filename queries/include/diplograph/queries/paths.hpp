// `path A B`: the shortest path and the K shortest simple paths between two actors (Yen).
#pragma once

#include <diplograph/queries/selection.hpp>

#include <cstddef>
#include <vector>

namespace diplograph {

//! One step of a path and the actor-view edges (event types, with their events) behind it.
struct Hop {
    NodeIndex from = 0;
    NodeIndex to = 0;
    std::vector<EdgeIndex> edges;
};

struct Path {
    std::vector<NodeIndex> nodes;  //!< from A to B
    std::vector<Hop> hops;
};

struct PathsAnswer {
    std::vector<Path> paths;  //!< shortest first
    Selection selection;
};

//! Yen's K shortest simple paths in hops from `from` to `to` on the simple actor view, at most
//! `max_hops` hops each (0: no limit). The first is Boost's BFS shortest path; the others come
//! from spur paths found by a BFS that avoids the root and the edges already used. Among paths
//! of equal length, the order is that of their node index sequences.
std::vector<std::vector<NodeIndex>> k_shortest_paths(const Graph& graph, NodeIndex from,
                                                     NodeIndex to, std::size_t k,
                                                     std::size_t max_hops = 0);

PathsAnswer paths(const Graph& graph, NodeIndex from, NodeIndex to, std::size_t k = 1,
                  std::size_t max_hops = 0);

}  // namespace diplograph
