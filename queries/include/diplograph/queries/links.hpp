// `links ACTOR [OTHER]`: the actors linked to an actor, one row per partner and event type.
#pragma once

#include <diplograph/queries/selection.hpp>

#include <optional>
#include <vector>

namespace diplograph {

struct LinkRow {
    NodeIndex actor = 0;  //!< the actor asked about
    NodeIndex other = 0;  //!< its partner
    EdgeIndex edge = 0;   //!< the actor-view edge: type, count, dates, statuses, sources
};

struct LinksAnswer {
    std::vector<LinkRow> rows;  //!< most events first, then partner id, then type
    Selection selection;
};

//! The links of `actor`, or only those with `other`.
LinksAnswer links(const Graph& graph, NodeIndex actor, std::optional<NodeIndex> other = {});

}  // namespace diplograph
