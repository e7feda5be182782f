// Diagrams of large stores without loading them: the actors a diagram keeps are chosen from the
// integer tables (Store::event_links for the whole graph, Store::partners or event_links for an
// ego network), and only the events among them are read with their evidence
// (Filter::among_actors). The selection is the one the full load gives after viz::summarise,
// on a graph that holds only the kept actors and the events among them.
#pragma once

#include <diplograph/queries/load.hpp>
#include <diplograph/queries/selection.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace diplograph {

//! A selection ready to draw and the graph it indexes.
struct Summary {
    Graph graph;          //!< the kept actors, in id order, and the events among them
    Selection selection;  //!< every kept actor and link, with left_out_* of the budget
};

//! The order in which a budget keeps actors, as viz::summarise keeps them: the focus first,
//! then by weighted degree (the events on their links), then by id. Returns the indices of the
//! `budget` first (all when budget is 0 or not smaller), sorted.
std::vector<std::size_t> most_connected(const std::vector<std::string>& ids,
                                        const std::vector<long>& weight,
                                        const std::vector<bool>& focus, std::size_t budget);

//! The events passing `scope.filter` in which two of `actors` take part, as a graph of those
//! actors (every one a node, in the order given, which must be the id order) whose events list
//! only them as participants.
Graph load_among(const Store& store, const Scope& scope, std::vector<Entity> actors);

//! The whole graph of `scope` after a budget of `budget` actors (0: no limit). nullopt when the
//! scope needs whole events (`--kind`, minimum confidence, sources), or when more than 15,000
//! actors are kept.
std::optional<Summary> summarise_all(const Store& store, const Scope& scope, std::size_t budget);

//! The ego network of `centre` within `depth` hops (as queries/ego.hpp's ego() selects it)
//! after a budget of `budget` actors (0: no limit), the centre first. nullopt when the centre
//! takes part in no event passing the filters, or as load_neighbourhood_topology, or when more
//! than 15,000 actors are kept.
std::optional<Summary> summarise_ego(const Store& store, const Scope& scope,
                                     const std::string& centre, int depth, std::size_t budget);

//! The shortest path between two actors, as paths(graph, a, b, 1) finds it on the full graph:
//! on the topology, then with the events among the actors on it. nullopt as load_topology.
//! Without a path, the selection is empty and the graph holds the ends that take part in an
//! event passing the filters, and no event.
std::optional<Summary> summarise_path(const Store& store, const Scope& scope,
                                      const std::string& from, const std::string& to);

}  // namespace diplograph
