// What every exporter needs from a selection, in a deterministic order: actors sorted by id,
// edges by (id, id, type), the events behind the edges sorted by id, and their sources.
#pragma once

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/selection.hpp>

#include <map>
#include <string>
#include <vector>

namespace diplograph::viz::detail {

struct View {
    std::vector<NodeIndex> nodes;           //!< sorted by id
    std::vector<EdgeIndex> edges;           //!< sorted by (id of a, id of b, type)
    std::vector<std::size_t> events;        //!< events behind the edges, sorted by id
    std::map<std::string, Source> sources;  //!< sources of those events, by id
    std::vector<bool> focus;                //!< by NodeIndex
    Date first;                             //!< time window of the edges
    Date last;
};

View make_view(const Graph& graph, const Selection& selection);

//! The source of a directed edge; the first endpoint in id order of an undirected one.
const Node& end_a(const Graph& graph, const ActorEdge& edge);
const Node& end_b(const Graph& graph, const ActorEdge& edge);
//! Whether one of the view's edges is directed.
bool any_directed(const Graph& graph, const View& view);

//! "2025-11-19", "2025-11-19..2026", "" when undated.
std::string interval_text(const Date& first, const Date& last);
//! "occurred agreed": the statuses, space separated.
std::string statuses_text(const std::vector<Status>& statuses);
//! The first evidence sentence of an event, "" when none.
std::string first_evidence(const StoredEvent& event);
//! The first http(s) URL among the event's sources, "" when none.
std::string first_url(const StoredEvent& event);

}  // namespace diplograph::viz::detail
