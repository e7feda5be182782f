#include <diplograph/graph/graph.hpp>

#include "graph_boost.hpp"

#include <algorithm>
#include <unordered_set>

namespace diplograph {

Graph::Graph() = default;
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

Graph Graph::load(const Store& store, const Filter& filter) {
    std::vector<StoredEvent> events;
    std::unordered_set<std::string> ids;
    store.take_events(filter, [&](StoredEvent&& e) {
        for (const auto& p : e.event.participants)
            ids.insert(p.actor);
        events.push_back(std::move(e));
    });
    std::vector<Entity> actors;
    actors.reserve(ids.size());
    // One scan of the entities table beats one lookup per id on large stores.
    for (auto& e : store.entities()) {
        if (ids.count(e.id))
            actors.push_back(std::move(e));
    }
    return from_events(std::move(actors), std::move(events));
}

Graph Graph::from_events(std::vector<Entity> actors, std::vector<StoredEvent> events) {
    Graph g;
    for (auto& a : actors) {
        if (g.index_.count(a.id))
            continue;
        g.index_.emplace(a.id, g.nodes_.size());
        g.nodes_.push_back(Node{a.id, a.kind, a.name, a.country});
    }
    g.events_ = std::move(events);
    g.build();
    return g;
}

void Graph::build() {
    event_actors_.assign(events_.size(), {});
    for (std::size_t e = 0; e < events_.size(); ++e) {
        auto& list = event_actors_[e];
        for (const auto& p : events_[e].event.participants) {
            auto it = index_.find(p.actor);
            if (it == index_.end()) {
                // An actor the entity list lacks still gets a node, named by its id.
                it = index_.emplace(p.actor, nodes_.size()).first;
                EntityKind kind = p.actor.rfind("person/", 0) == 0 ? EntityKind::person
                                  : p.actor.rfind("org/", 0) == 0  ? EntityKind::organization
                                                                   : EntityKind::country;
                nodes_.push_back(Node{p.actor, kind, p.actor, ""});
            }
            list.push_back(it->second);
        }
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    actor_events_.assign(nodes_.size(), {});
    for (std::size_t e = 0; e < events_.size(); ++e)
        for (auto n : event_actors_[e])
            actor_events_[n].push_back(e);

    // Actor view: one edge per (pair, type), aggregated over the events. The key packs the
    // pair and the type in 64 bits: 30 bits per actor index, 4 for the type.
    static_assert(static_cast<int>(EventType::SANCTION) < 16);
    std::unordered_map<uint64_t, EdgeIndex> at;
    at.reserve(events_.size());
    // (edge, source number) pairs, counted once sorted: cheaper than a set of ids per edge.
    std::unordered_map<std::string_view, uint32_t> source_number;
    std::vector<std::pair<EdgeIndex, uint32_t>> edge_sources;
    for (std::size_t e = 0; e < events_.size(); ++e) {
        const auto& list = event_actors_[e];
        const Event& ev = events_[e].event;
        std::vector<uint32_t> sources;
        for (const auto& s : events_[e].sources)
            sources.push_back(
                source_number.try_emplace(s.id, static_cast<uint32_t>(source_number.size()))
                    .first->second);
        for (std::size_t i = 0; i < list.size(); ++i) {
            for (std::size_t j = i + 1; j < list.size(); ++j) {
                uint64_t key = (static_cast<uint64_t>(list[i]) << 34) |
                               (static_cast<uint64_t>(list[j]) << 4) |
                               static_cast<uint64_t>(ev.type);
                auto [it, fresh] = at.emplace(key, edges_.size());
                if (fresh)
                    edges_.push_back(ActorEdge{list[i], list[j], ev.type, 0, {}, {}, {}, 0, {}});
                ActorEdge& edge = edges_[it->second];
                ++edge.count;
                edge.events.push_back(e);
                if (ev.date.known()) {
                    if (!edge.first.valid() || ev.date.first < edge.first)
                        edge.first = ev.date.first;
                    if (!edge.last.valid() || edge.last < ev.date.last)
                        edge.last = ev.date.last;
                }
                if (std::find(edge.statuses.begin(), edge.statuses.end(), ev.status) ==
                    edge.statuses.end()) {
                    edge.statuses.push_back(ev.status);
                    std::sort(edge.statuses.begin(), edge.statuses.end());
                }
                for (auto s : sources)
                    edge_sources.emplace_back(it->second, s);
            }
        }
    }
    std::sort(edge_sources.begin(), edge_sources.end());
    edge_sources.erase(std::unique(edge_sources.begin(), edge_sources.end()), edge_sources.end());
    for (const auto& [edge, source] : edge_sources)
        ++edges_[edge].sources;
    incident_.assign(nodes_.size(), {});
    for (EdgeIndex i = 0; i < edges_.size(); ++i) {
        incident_[edges_[i].a].push_back(i);
        incident_[edges_[i].b].push_back(i);
    }
    // The Boost.Graph views are built when an algorithm first asks for them (boost()).
    boost_.reset();
}

std::size_t Graph::node_count() const {
    return nodes_.size();
}
const Node& Graph::node(NodeIndex n) const {
    return nodes_.at(n);
}
std::optional<NodeIndex> Graph::find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end())
        return std::nullopt;
    return it->second;
}
const std::vector<StoredEvent>& Graph::events() const {
    return events_;
}
const std::vector<NodeIndex>& Graph::event_actors(std::size_t e) const {
    return event_actors_.at(e);
}
const std::vector<std::size_t>& Graph::actor_events(NodeIndex n) const {
    return actor_events_.at(n);
}
const std::vector<ActorEdge>& Graph::edges() const {
    return edges_;
}
const std::vector<EdgeIndex>& Graph::incident(NodeIndex n) const {
    return incident_.at(n);
}
std::vector<NodeIndex> Graph::neighbours(NodeIndex n) const {
    std::vector<NodeIndex> out;
    for (auto e : incident_.at(n))
        out.push_back(other(e, n));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}
NodeIndex Graph::other(EdgeIndex e, NodeIndex n) const {
    const auto& edge = edges_.at(e);
    return edge.a == n ? edge.b : edge.a;
}
const Graph::Boost& Graph::boost() const {
    if (!boost_) {
        auto b = std::make_unique<Boost>();
        b->actors = Boost::ActorView(nodes_.size());
        for (EdgeIndex i = 0; i < edges_.size(); ++i)
            boost::add_edge(edges_[i].a, edges_[i].b, i, b->actors);
        boost_ = std::move(b);
    }
    return *boost_;
}

const Graph::Boost& Graph::boost_with_events() const {
    boost();
    if (!boost_->events_built) {
        boost_->events = Boost::EventView(nodes_.size() + events_.size());
        for (std::size_t e = 0; e < events_.size(); ++e)
            for (auto n : event_actors_[e])
                boost::add_edge(n, nodes_.size() + e, boost_->events);
        boost_->events_built = true;
    }
    return *boost_;
}

}  // namespace diplograph
