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

//! The same on a simple adjacency (sorted distinct neighbours, e.g. Topology::adjacency()).
std::vector<std::vector<NodeIndex>> k_shortest_paths(
    const std::vector<std::vector<NodeIndex>>& adjacency, NodeIndex from, NodeIndex to,
    std::size_t k, std::size_t max_hops = 0);
//! The answer for paths found elsewhere (on a Topology), given as actor ids: `graph` must hold
//! every event of the actors on them (Graph::load with Filter::actors), so that each hop has
//! all its edges.
PathsAnswer paths_along(const Graph& graph, NodeIndex from, NodeIndex to,
                        const std::vector<std::vector<std::string>>& id_paths);
PathsAnswer paths(const Graph& graph, NodeIndex from, NodeIndex to, std::size_t k = 1,
                  std::size_t max_hops = 0);

}  // namespace diplograph
