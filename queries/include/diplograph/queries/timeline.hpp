// `timeline ACTOR [OTHER]`: an actor's events, or a pair's, in date order with their evidence.
#pragma once

#include <diplograph/queries/selection.hpp>

#include <optional>
#include <vector>

namespace diplograph {

struct TimelineAnswer {
    //! Indices into Graph::events(): by first day, then last day, type and id; undated last.
    std::vector<std::size_t> events;
    Selection selection;  //!< the actors of those events
};

TimelineAnswer timeline(const Graph& graph, NodeIndex actor, std::optional<NodeIndex> other = {});

}  // namespace diplograph
