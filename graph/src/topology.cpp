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

    // The edges: one key (a, b, type) per pair of each event, sorted, counted by runs.
    static_assert(static_cast<int>(EventType::SANCTION) < 16);
    std::vector<uint64_t> keys;
    std::vector<uint32_t> list;
    for (std::size_t e = 0; e < links->event_count(); ++e) {
        list.clear();
        for (auto i = links->offsets[e]; i < links->offsets[e + 1]; ++i)
            list.push_back(links->members[i]);
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        const auto type =
            links->types.empty() ? uint64_t{0} : static_cast<uint64_t>(links->types[e]);
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j)
                keys.push_back((static_cast<uint64_t>(list[i]) << 34) |
                               (static_cast<uint64_t>(list[j]) << 4) | type);
    }
    links.reset();
    std::sort(keys.begin(), keys.end());
    for (std::size_t run = 0; run < keys.size();) {
        const uint64_t key = keys[run];
        std::size_t end = run;
        while (end < keys.size() && keys[end] == key)
            ++end;
        t.links_.push_back(Link{static_cast<uint32_t>(key >> 34),
                                static_cast<uint32_t>((key >> 4) & ((uint64_t{1} << 30) - 1)),
                                static_cast<EventType>(key & 15),
                                static_cast<uint32_t>(end - run)});
        run = end;
    }
    keys = {};
    t.adjacency_.assign(t.nodes_.size(), {});
    for (const auto& l : t.links_) {
        auto& row = t.adjacency_[l.a];
        if (row.empty() || row.back() != l.b)
            row.push_back(l.b);  // links sorted by (a, b): ascending, one per b
    }
    for (NodeIndex a = 0; a < t.nodes_.size(); ++a)
        for (auto b : t.adjacency_[a])
            if (b > a)
                t.adjacency_[b].push_back(a);
    // Row b got its a < b neighbours after its own b' > b ones: sort.
    for (auto& row : t.adjacency_)
        std::sort(row.begin(), row.end());
    return t;
}

}  // namespace diplograph
