#include <diplograph/graph/graph.hpp>

#include "graph_boost.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <tuple>
#include <unordered_set>

namespace diplograph {

Graph::Graph() = default;
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

Graph Graph::load(const Store& store, const Filter& filter) {
    // A deque grows without moving the events already read; one move into the vector at the end.
    std::deque<StoredEvent> read;
    store.take_events(filter, [&](StoredEvent&& e) { read.push_back(std::move(e)); });
    std::vector<StoredEvent> events;
    events.reserve(read.size());
    for (auto& e : read)
        events.push_back(std::move(e));
    read.clear();
    // Every entity (one scan of the table beats one lookup per id on large stores); build()
    // keeps those the events involve.
    Graph g;
    for (auto& a : store.entities(std::nullopt, /*with_aliases=*/false)) {
        if (g.index_.try_emplace(a.id, g.nodes_.size()).second)
            g.nodes_.push_back(
                Node{std::move(a.id), a.kind, std::move(a.name), std::move(a.country)});
    }
    g.events_ = std::move(events);
    g.build(true);
    return g;
}

Graph Graph::from_events(std::vector<Entity> actors, std::vector<StoredEvent> events,
                         bool outsiders) {
    Graph g;
    g.outsiders_ = outsiders;
    for (auto& a : actors) {
        if (g.index_.count(a.id))
            continue;
        g.index_.emplace(a.id, g.nodes_.size());
        g.nodes_.push_back(Node{a.id, a.kind, a.name, a.country});
    }
    g.events_ = std::move(events);
    g.build(false);
    return g;
}

Graph Graph::restrict(const Graph& whole, const std::vector<bool>& keep,
                      const std::vector<bool>& listed) {
    const std::size_t none = whole.nodes_.size();
    Graph g;
    // The events kept, in their order, and the new number of each.
    std::vector<std::size_t> event_number(whole.events_.size(), whole.events_.size());
    std::size_t kept = 0;
    for (std::size_t e = 0; e < whole.events_.size(); ++e)
        if (keep[e])
            event_number[e] = kept++;
    // The actors: the listed ones a kept event involves in their order, then the others in the
    // order the kept events name them (as build() appends the participants it does not know).
    std::vector<bool> involved(whole.nodes_.size(), false);
    for (std::size_t e = 0; e < whole.events_.size(); ++e)
        if (keep[e])
            for (auto n : whole.event_actors_[e])
                involved[n] = true;
    std::vector<NodeIndex> number(whole.nodes_.size(), none);
    for (NodeIndex n = 0; n < whole.nodes_.size(); ++n)
        if (involved[n] && listed[n]) {
            number[n] = g.nodes_.size();
            g.nodes_.push_back(whole.nodes_[n]);
        }
    g.events_.reserve(kept);
    for (std::size_t e = 0; e < whole.events_.size(); ++e) {
        if (!keep[e])
            continue;
        g.events_.push_back(whole.events_[e]);
        bool outsider = false;  // an actor to number in the order the event names them
        for (auto n : whole.event_actors_[e])
            outsider = outsider || number[n] == none;
        if (!outsider)
            continue;
        for (const auto& p : whole.events_[e].event.participants) {
            auto it = whole.index_.find(p.actor);
            if (it != whole.index_.end() && number[it->second] == none) {
                number[it->second] = g.nodes_.size();
                g.nodes_.push_back(whole.nodes_[it->second]);
            }
        }
    }
    g.index_.reserve(g.nodes_.size());
    for (NodeIndex n = 0; n < g.nodes_.size(); ++n)
        g.index_.emplace(g.nodes_[n].id, n);
    g.event_actors_.resize(kept);
    g.actor_events_.assign(g.nodes_.size(), {});
    for (std::size_t e = 0; e < whole.events_.size(); ++e) {
        if (!keep[e])
            continue;
        auto& list = g.event_actors_[event_number[e]];
        for (auto n : whole.event_actors_[e])
            list.push_back(number[n]);
        std::sort(list.begin(), list.end());
        for (auto n : list)
            g.actor_events_[n].push_back(event_number[e]);
    }
    for (auto e : whole.gatherings_)
        if (keep[e])
            g.gatherings_.push_back(event_number[e]);
    // Each edge with its kept events, counted as build() counts them.
    std::vector<std::string_view> sources;
    std::size_t edges = 0;
    for (const ActorEdge& w : whole.edges_)
        edges += std::any_of(w.events.begin(), w.events.end(), [&](auto e) { return keep[e]; });
    g.edges_.reserve(edges);
    for (const ActorEdge& w : whole.edges_) {
        std::size_t count = 0;
        for (auto e : w.events)
            count += keep[e];
        if (count == 0)
            continue;
        ActorEdge edge{number[w.a], number[w.b], w.type, w.directed, 0, {}, {}, {}, 0, {}};
        edge.events.reserve(count);
        for (auto e : w.events)
            if (keep[e])
                edge.events.push_back(event_number[e]);
        if (!edge.directed && edge.b < edge.a)
            std::swap(edge.a, edge.b);
        edge.count = static_cast<int>(edge.events.size());
        for (auto e : edge.events) {
            const StoredEvent& ev = g.events_[e];
            if (ev.event.date.known()) {
                if (!edge.first.valid() || ev.event.date.first < edge.first)
                    edge.first = ev.event.date.first;
                if (!edge.last.valid() || edge.last < ev.event.date.last)
                    edge.last = ev.event.date.last;
            }
            if (std::find(edge.statuses.begin(), edge.statuses.end(), ev.event.status) ==
                edge.statuses.end()) {
                edge.statuses.push_back(ev.event.status);
                std::sort(edge.statuses.begin(), edge.statuses.end());
            }
        }
        if (edge.events.size() == 1) {
            edge.sources = static_cast<int>(g.events_[edge.events[0]].sources.size());
        } else {
            sources.clear();
            for (auto e : edge.events)
                for (const auto& src : g.events_[e].sources)
                    sources.push_back(src.id);
            std::sort(sources.begin(), sources.end());
            sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
            edge.sources = static_cast<int>(sources.size());
        }
        g.edges_.push_back(std::move(edge));
    }
    // In build()'s order: (a, b, directed, type).
    auto key = [](const ActorEdge& e) { return std::tuple(e.a, e.b, e.directed, e.type); };
    if (!std::is_sorted(g.edges_.begin(), g.edges_.end(),
                        [&](const auto& x, const auto& y) { return key(x) < key(y); }))
        std::sort(g.edges_.begin(), g.edges_.end(),
                  [&](const auto& x, const auto& y) { return key(x) < key(y); });
    g.incident_.assign(g.nodes_.size(), {});
    for (EdgeIndex i = 0; i < g.edges_.size(); ++i) {
        g.incident_[g.edges_[i].a].push_back(i);
        g.incident_[g.edges_[i].b].push_back(i);
    }
    return g;
}

Graph Graph::from_links(ActorLinks links) {
    Graph g;
    g.nodes_.reserve(links.actors.size());
    for (auto& a : links.actors) {
        g.index_.emplace(a.id, g.nodes_.size());
        g.nodes_.push_back(Node{std::move(a.id), a.kind, std::move(a.name), std::move(a.country)});
    }
    g.actor_events_.assign(g.nodes_.size(), {});
    g.edges_.reserve(links.rows.size());
    for (auto& r : links.rows)
        g.edges_.push_back(ActorEdge{r.a,
                                     r.b,
                                     r.type,
                                     r.directed,
                                     static_cast<int>(r.events),
                                     r.first,
                                     r.last,
                                     {},
                                     static_cast<int>(r.sources),
                                     std::move(r.statuses)});
    g.incident_.assign(g.nodes_.size(), {});
    for (EdgeIndex i = 0; i < g.edges_.size(); ++i) {
        g.incident_[g.edges_[i].a].push_back(i);
        g.incident_[g.edges_[i].b].push_back(i);
    }
    return g;
}

void Graph::build(bool only_involved) {
    event_actors_.assign(events_.size(), {});
    for (std::size_t e = 0; e < events_.size(); ++e) {
        auto& list = event_actors_[e];
        for (const auto& p : events_[e].event.participants) {
            auto it = index_.find(p.actor);
            if (it == index_.end() && !outsiders_)
                continue;
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
    if (only_involved) {
        // Drop the actors no event involves, keeping the others in their order.
        std::vector<NodeIndex> renumber(nodes_.size(), nodes_.size());
        for (const auto& list : event_actors_)
            for (auto n : list)
                renumber[n] = 0;
        std::vector<Node> kept;
        for (NodeIndex n = 0; n < nodes_.size(); ++n) {
            if (renumber[n] == 0) {
                renumber[n] = kept.size();
                kept.push_back(std::move(nodes_[n]));
            }
        }
        nodes_ = std::move(kept);
        index_.clear();
        index_.reserve(nodes_.size());
        for (NodeIndex n = 0; n < nodes_.size(); ++n)
            index_.emplace(nodes_[n].id, n);
        for (auto& list : event_actors_)
            for (auto& n : list)
                n = renumber[n];
    }
    actor_events_.assign(nodes_.size(), {});
    for (std::size_t e = 0; e < events_.size(); ++e)
        for (auto n : event_actors_[e])
            actor_events_[n].push_back(e);

    // Actor view: one edge per (pair, direction, type), aggregated over the events, each event's
    // pairs drawn from its roles (edges.hpp). Every pair of every event becomes a (key, event)
    // entry; sorted, each run of one key is an edge, in the order (a, b, directed, type). Sorting
    // millions of entries is kinder to caches than a hash map. The key packs the pair, the
    // direction and the type in 64 bits: 29 bits per actor index, 1 for direction, 5 for the type.
    static_assert(static_cast<int>(EventType::OTHER) < 32);
    if (nodes_.size() >= (std::size_t{1} << 29))
        throw std::length_error("the actor view holds at most 2^29 actors");
    constexpr uint64_t kActorMask = (uint64_t{1} << 29) - 1;
    std::vector<std::pair<uint64_t, std::size_t>> keyed;
    std::vector<EventPair> pairs;
    gatherings_.clear();
    for (std::size_t e = 0; e < events_.size(); ++e) {
        const auto members = event_members(e);
        const EventType type = events_[e].event.type;
        if (is_gathering(type, members))
            gatherings_.push_back(e);
        pairs.clear();
        event_pairs(type, members, pairs);
        for (const auto& p : pairs) {
            if (p.from >= nodes_.size() || p.to >= nodes_.size())
                continue;  // a participant without a node
            keyed.emplace_back(
                (static_cast<uint64_t>(p.from) << 35) | (static_cast<uint64_t>(p.to) << 6) |
                    (static_cast<uint64_t>(p.directed) << 5) | static_cast<uint64_t>(type),
                e);
        }
    }
    std::sort(keyed.begin(), keyed.end());
    // What the edges need of each event, read in one sequential pass: the runs below visit the
    // events in key order, and a small record is one cache line where a StoredEvent is several.
    struct Brief {
        Date first;
        Date last;
        bool dated;
        Status status;
        uint32_t sources;
    };
    std::vector<Brief> brief(events_.size());
    for (std::size_t e = 0; e < events_.size(); ++e) {
        const Event& ev = events_[e].event;
        brief[e] = {ev.date.first, ev.date.last, ev.date.known(), ev.status,
                    static_cast<uint32_t>(events_[e].sources.size())};
    }
    std::vector<std::string_view> sources;
    for (std::size_t run = 0; run < keyed.size();) {
        const uint64_t key = keyed[run].first;
        ActorEdge edge{static_cast<NodeIndex>(key >> 35),
                       static_cast<NodeIndex>((key >> 6) & kActorMask),
                       static_cast<EventType>(key & 31),
                       ((key >> 5) & 1) != 0,
                       0,
                       {},
                       {},
                       {},
                       0,
                       {}};
        std::size_t begin = run;
        for (; run < keyed.size() && keyed[run].first == key; ++run) {
            const std::size_t e = keyed[run].second;
            const Brief& ev = brief[e];
            ++edge.count;
            edge.events.push_back(e);
            if (ev.dated) {
                if (!edge.first.valid() || ev.first < edge.first)
                    edge.first = ev.first;
                if (!edge.last.valid() || edge.last < ev.last)
                    edge.last = ev.last;
            }
            if (std::find(edge.statuses.begin(), edge.statuses.end(), ev.status) ==
                edge.statuses.end()) {
                edge.statuses.push_back(ev.status);
                std::sort(edge.statuses.begin(), edge.statuses.end());
            }
        }
        if (run - begin == 1) {
            // One event: its sources are distinct already.
            edge.sources = static_cast<int>(brief[keyed[begin].second].sources);
        } else {
            sources.clear();
            for (std::size_t i = begin; i < run; ++i)
                for (const auto& src : events_[keyed[i].second].sources)
                    sources.push_back(src.id);
            std::sort(sources.begin(), sources.end());
            sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
            edge.sources = static_cast<int>(sources.size());
        }
        edges_.push_back(std::move(edge));
    }
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
const std::vector<std::size_t>& Graph::gatherings() const {
    return gatherings_;
}
std::vector<EventMember> Graph::event_members(std::size_t e) const {
    // Every participant of the event, those without a node (outsiders_ false) numbered past
    // the nodes. A person's side is her country's node, or a number past those for a country
    // the graph lacks (two ministers of one country are one side whether it is drawn or not).
    std::vector<EventMember> members;
    std::vector<std::string_view> outside, absent;
    const std::size_t past = nodes_.size() + events_[e].event.participants.size();
    for (const auto& p : events_[e].event.participants) {
        uint32_t n = 0;
        if (auto it = index_.find(p.actor); it != index_.end()) {
            n = static_cast<uint32_t>(it->second);
        } else {
            auto o = std::find(outside.begin(), outside.end(), p.actor);
            n = static_cast<uint32_t>(nodes_.size() + (o - outside.begin()));
            if (o == outside.end())
                outside.push_back(p.actor);
        }
        auto m = std::find_if(members.begin(), members.end(),
                              [&](const EventMember& x) { return x.actor == n; });
        if (m != members.end()) {
            m->roles |= role_bit(p.role);
            continue;
        }
        uint32_t side = n;
        if (n < nodes_.size() && nodes_[n].kind == EntityKind::person &&
            !nodes_[n].country.empty()) {
            const std::string& country = nodes_[n].country;
            if (auto c = index_.find(country); c != index_.end()) {
                side = static_cast<uint32_t>(c->second);
            } else {
                auto it = std::find(absent.begin(), absent.end(), country);
                side = static_cast<uint32_t>(past + (it - absent.begin()));
                if (it == absent.end())
                    absent.push_back(country);
            }
        }
        members.push_back(EventMember{n, side, role_bit(p.role)});
    }
    return members;
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
