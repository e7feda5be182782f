#include <diplograph/graph/topology.hpp>

#include <algorithm>

namespace diplograph {

std::optional<NodeIndex> Topology::find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end())
        return std::nullopt;
    return it->second;
}

std::optional<Topology> Topology::load(const Store& store, const Filter& filter, bool with_types) {
    auto links = store.event_links(filter, with_types);
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

    // The edges: one link (a, b, type) per pair of each event, merged by key.
    std::vector<Link> pairs;
    std::vector<uint32_t> list;
    for (std::size_t e = 0; e < links->event_count(); ++e) {
        list.assign(links->members.begin() + links->offsets[e],
                    links->members.begin() + links->offsets[e + 1]);
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        const auto type = links->types.empty() ? EventType::MEET : links->types[e];
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                pairs.push_back(Link{list[i], list[j], type, 1});
    }
    links.reset();
    t.set_links(std::move(pairs));
    return t;
}

std::optional<Topology> Topology::load_partners(const Store& store, const Filter& filter,
                                                bool among_them) {
    auto partners = store.partners(filter, among_them);
    if (!partners)
        return std::nullopt;
    Topology t;
    t.nodes_.reserve(partners->actors.size());
    for (auto& e : partners->actors)
        t.nodes_.push_back(Node{std::move(e.id), e.kind, std::move(e.name), std::move(e.country)});
    t.index_.reserve(t.nodes_.size());
    for (NodeIndex n = 0; n < t.nodes_.size(); ++n)
        t.index_.emplace(t.nodes_[n].id, n);
    // A link between two actors asked about comes both ways: kept once.
    std::vector<bool> asked(t.nodes_.size(), false);
    for (const auto& r : partners->rows)
        asked[r.actor] = true;
    std::vector<Link> links;
    for (const auto& r : partners->rows) {
        if (asked[r.partner] && r.partner < r.actor)
            continue;
        links.push_back(
            Link{std::min(r.actor, r.partner), std::max(r.actor, r.partner), r.type, r.events});
        t.event_count_ += r.events;
    }
    partners.reset();
    t.set_links(std::move(links));
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
