#include <diplograph/queries/timeline.hpp>
#include <diplograph/queries/load.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace diplograph {

TimelineAnswer timeline(const Graph& graph, NodeIndex actor, std::optional<NodeIndex> other) {
    TimelineAnswer out;
    std::vector<NodeIndex> nodes{actor};
    for (auto e : graph.actor_events(actor)) {
        const auto& actors = graph.event_actors(e);
        if (other && !std::binary_search(actors.begin(), actors.end(), *other))
            continue;
        out.events.push_back(e);
        nodes.insert(nodes.end(), actors.begin(), actors.end());
    }
    const auto& events = graph.events();
    std::sort(out.events.begin(), out.events.end(), [&](std::size_t x, std::size_t y) {
        const Event& a = events[x].event;
        const Event& b = events[y].event;
        if (a.date.known() != b.date.known())
            return a.date.known();
        if (a.date.first != b.date.first)
            return a.date.first < b.date.first;
        if (a.date.last != b.date.last)
            return a.date.last < b.date.last;
        if (a.type != b.type)
            return a.type < b.type;
        return a.id < b.id;
    });
    if (other)
        nodes.push_back(*other);
    out.selection = induced(graph, nodes);
    // The links made of the listed events only.
    std::vector<bool> listed(events.size(), false);
    for (auto e : out.events)
        listed[e] = true;
    std::erase_if(out.selection.edges, [&](EdgeIndex e) {
        const auto& edge = graph.edges()[e];
        if (other &&
            !((edge.a == actor && edge.b == *other) || (edge.a == *other && edge.b == actor)))
            return true;
        return std::none_of(edge.events.begin(), edge.events.end(),
                            [&](std::size_t ev) { return listed[ev]; });
    });
    out.selection.focus = {actor};
    if (other && *other != actor)
        out.selection.focus.push_back(*other);
    std::sort(out.selection.focus.begin(), out.selection.focus.end());
    out.selection.title =
        other ? fmt::format("timeline of {} and {}", label(graph, actor), label(graph, *other))
              : fmt::format("timeline of {}", label(graph, actor));
    return out;
}

}  // namespace diplograph
