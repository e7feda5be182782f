#include "selection_view.hpp"

#include <diplograph/viz/escape.hpp>

#include <algorithm>
#include <tuple>

namespace diplograph::viz::detail {

const Node& end_a(const Graph& graph, const ActorEdge& edge) {
    if (edge.directed)
        return graph.node(edge.a);
    const Node& a = graph.node(edge.a);
    const Node& b = graph.node(edge.b);
    return a.id <= b.id ? a : b;
}

const Node& end_b(const Graph& graph, const ActorEdge& edge) {
    if (edge.directed)
        return graph.node(edge.b);
    const Node& a = graph.node(edge.a);
    const Node& b = graph.node(edge.b);
    return a.id <= b.id ? b : a;
}

bool any_directed(const Graph& graph, const View& view) {
    return std::any_of(view.edges.begin(), view.edges.end(),
                       [&](EdgeIndex e) { return graph.edges()[e].directed; });
}

View make_view(const Graph& graph, const Selection& selection) {
    View v;
    v.nodes = selection.nodes;
    std::sort(v.nodes.begin(), v.nodes.end(),
              [&](NodeIndex x, NodeIndex y) { return graph.node(x).id < graph.node(y).id; });
    v.nodes.erase(std::unique(v.nodes.begin(), v.nodes.end()), v.nodes.end());
    v.edges = selection.edges;
    auto key = [&](EdgeIndex e) {
        const auto& edge = graph.edges()[e];
        return std::make_tuple(end_a(graph, edge).id, end_b(graph, edge).id,
                               static_cast<int>(edge.type), edge.directed);
    };
    std::sort(v.edges.begin(), v.edges.end(),
              [&](EdgeIndex x, EdgeIndex y) { return key(x) < key(y); });
    v.edges.erase(std::unique(v.edges.begin(), v.edges.end()), v.edges.end());
    v.focus.assign(graph.node_count(), false);
    for (auto n : selection.focus)
        v.focus[n] = true;
    for (auto e : v.edges) {
        const auto& edge = graph.edges()[e];
        v.events.insert(v.events.end(), edge.events.begin(), edge.events.end());
        if (edge.first.valid() && (!v.first.valid() || edge.first < v.first))
            v.first = edge.first;
        if (edge.last.valid() && (!v.last.valid() || v.last < edge.last))
            v.last = edge.last;
    }
    const auto& events = graph.events();
    std::sort(v.events.begin(), v.events.end(), [&](std::size_t x, std::size_t y) {
        return std::tie(events[x].event.id, x) < std::tie(events[y].event.id, y);
    });
    v.events.erase(std::unique(v.events.begin(), v.events.end()), v.events.end());
    for (auto e : v.events)
        for (const auto& s : events[e].sources)
            v.sources.emplace(s.id, s);
    return v;
}

namespace {

enum class Level { year, month, day };

std::string at_level(const Date& d, Level level) {
    if (level == Level::year)
        return std::to_string(d.year);
    if (level == Level::month)
        return Date{d.year, d.month, 0}.to_string();
    return d.to_string();
}

}  // namespace

std::string interval_text(const Date& first, const Date& last) {
    if (!first.valid())
        return {};
    if (!last.valid() || first == last)
        return first.to_string();
    // As short as what the range stands for: 2025-01-01..2025-12-31 is 2025, 2025-08-01..
    // 2025-12-31 is 2025-08..2025-12; both ends at the finer of their two levels.
    bool start_month = first.day <= 1;
    bool start_year = start_month && first.month <= 1;
    bool end_month =
        last.month != 0 && (last.day == 0 || last.day == days_in_month(last.year, last.month));
    bool end_year = end_month && last.month == 12;
    Level level = start_year && end_year     ? Level::year
                  : start_month && end_month ? Level::month
                                             : Level::day;
    std::string a = at_level(first, level);
    std::string b = at_level(last, level);
    return a == b ? a : a + ".." + b;
}

std::string statuses_text(const std::vector<Status>& statuses) {
    std::string out;
    for (auto s : statuses) {
        if (!out.empty())
            out += ' ';
        out += to_string(s);
    }
    return out;
}

std::string first_evidence(const StoredEvent& event) {
    for (const auto& e : event.event.evidence)
        if (!e.text.empty())
            return e.text;
    return {};
}

std::string first_url(const StoredEvent& event) {
    for (const auto& s : event.sources)
        if (auto url = safe_url(s.url); !url.empty())
            return url;
    return {};
}

}  // namespace diplograph::viz::detail
