#include <diplograph/graph/topology.hpp>

#include <diplograph/graph/edges.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace diplograph {

std::optional<NodeIndex> Topology::find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end())
        return std::nullopt;
    return it->second;
}

bool Topology::whole_store(const Filter& f) {
    return !f.since && !f.until && f.types.empty() && f.statuses.empty() && f.cameo.empty() &&
           f.plover.empty() && f.min_sources <= 1 && f.min_confidence <= 0 && f.sources.empty() &&
           f.actors.empty() && !f.among_actors;
}

std::optional<Topology> Topology::from_links(const Store& store, const Filter& filter,
                                             bool with_types) {
    if (!whole_store(filter))
        return std::nullopt;
    auto links = store.actor_links();
    if (!links)
        return std::nullopt;
    Topology t;
    t.event_count_ = static_cast<std::size_t>(links->event_count);
    t.nodes_.reserve(links->actors.size());
    for (auto& e : links->actors)
        t.nodes_.push_back(Node{std::move(e.id), e.kind, std::move(e.name), std::move(e.country)});
    t.index_.reserve(t.nodes_.size());
    for (NodeIndex n = 0; n < t.nodes_.size(); ++n)
        t.index_.emplace(t.nodes_[n].id, n);
    // Each row counts its events once; the directions of one pair and type merge, as an
    // event's pair does in load().
    std::vector<Link> pairs;
    pairs.reserve(links->rows.size());
    for (const auto& r : links->rows)
        pairs.push_back(Link{std::min(r.a, r.b), std::max(r.a, r.b),
                             with_types ? r.type : EventType::MEET, r.events});
    links.reset();
    t.set_links(std::move(pairs));
    return t;
}

std::optional<Topology> Topology::load(const Store& store, const Filter& filter, bool with_types) {
    if (auto t = from_links(store, filter, with_types))
        return t;
    // The types and roles decide which pairs an event links (edges.hpp), whatever with_types.
    auto links = store.event_links(filter, /*with_types=*/true, /*with_roles=*/true);
    if (!links)
        return std::nullopt;
    Topology t;
    t.event_count_ = links->event_count();
    // Store::event_links numbers the actors as Graph::load does: the entities involved, by id.
    t.nodes_.reserve(links->actors.size());
    for (auto& e : links->actors)
        t.nodes_.push_back(Node{std::move(e.id), e.kind, std::move(e.name), std::move(e.country)});
    t.index_.reserve(t.nodes_.size());
    for (NodeIndex n = 0; n < t.nodes_.size(); ++n)
        t.index_.emplace(t.nodes_[n].id, n);
    // A person's side is her country (edges.hpp): its node, or a number past the nodes for a
    // country no event of the filter involves, one per country.
    std::vector<uint32_t> side(t.nodes_.size());
    std::unordered_map<std::string_view, uint32_t> absent;
    for (NodeIndex n = 0; n < t.nodes_.size(); ++n) {
        side[n] = static_cast<uint32_t>(n);
        const Node& node = t.nodes_[n];
        if (node.kind == EntityKind::person && !node.country.empty()) {
            if (auto c = t.find(node.country))
                side[n] = static_cast<uint32_t>(*c);
            else
                side[n] = absent
                              .try_emplace(node.country,
                                           static_cast<uint32_t>(t.nodes_.size() + absent.size()))
                              .first->second;
        }
    }

    // The edges: the pairs of each event, as undirected links (a < b), merged by key; a pair
    // counts an event once, whatever its direction.
    std::vector<Link> pairs;
    std::vector<EventMember> members;
    std::vector<EventPair> drawn;
    for (std::size_t e = 0; e < links->event_count(); ++e) {
        members.clear();
        for (auto i = links->offsets[e]; i < links->offsets[e + 1]; ++i) {
            const uint32_t n = links->members[i];
            auto it = std::find_if(members.begin(), members.end(),
                                   [&](const EventMember& m) { return m.actor == n; });
            if (it == members.end())
                members.push_back(EventMember{n, side[n], links->roles[i]});
            else
                it->roles |= links->roles[i];
        }
        const EventType type = links->types[e];
        drawn.clear();
        event_pairs(type, members, drawn);
        for (const auto& p : drawn)
            pairs.push_back(Link{std::min(p.from, p.to), std::max(p.from, p.to),
                                 with_types ? type : EventType::MEET, 1});
    }
    links.reset();
    t.set_links(std::move(pairs));
    return t;
}

void Topology::set_links(std::vector<Link> links) {
    // Sorted by (a, b, type), those of one key merged: a counting sort by a, then each run of
    // one a sorted (cheaper than sorting millions of links at once).
    const std::size_t n = nodes_.size();
    std::vector<uint32_t> start(n + 1, 0);
    for (const auto& l : links)
        ++start[l.a + 1];
    for (std::size_t a = 0; a < n; ++a)
        start[a + 1] += start[a];
    std::vector<Link> by_a(links.size());
    {
        std::vector<uint32_t> next(start.begin(), start.end() - 1);
        for (const auto& l : links)
            by_a[next[l.a]++] = l;
    }
    links = {};
    links_.clear();
    links_.reserve(by_a.size());
    for (std::size_t a = 0; a < n; ++a) {
        auto first = by_a.begin() + start[a], last = by_a.begin() + start[a + 1];
        std::sort(first, last, [](const Link& x, const Link& y) {
            return x.b != y.b ? x.b < y.b : x.type < y.type;
        });
        for (auto it = first; it != last; ++it) {
            if (it != first && links_.back().b == it->b && links_.back().type == it->type)
                links_.back().count += it->count;
            else
                links_.push_back(*it);
        }
    }
    // Each row: the neighbours below it, then those above it, both in order: sorted as built.
    adjacency_.assign(n, {});
    for (const auto& l : links_) {
        auto& row = adjacency_[l.b];
        if (row.empty() || row.back() != l.a)
            row.push_back(l.a);
    }
    for (const auto& l : links_) {
        auto& row = adjacency_[l.a];
        if (row.empty() || row.back() != l.b)
            row.push_back(l.b);
    }
}

}  // namespace diplograph
