// The in-memory graph views loaded from the store (DESIGN.md §2 "Participation"):
// the event view (actors and events/agreements, bipartite) and the actor view (one edge per
// pair of actors and event type). The Boost.Graph representation stays in graph.cpp; callers
// see plain indices and the algorithms in algorithms.hpp.
#pragma once

#include <diplograph/graph/edges.hpp>
#include <diplograph/graph/model.hpp>
#include <diplograph/graph/store.hpp>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace diplograph {

using NodeIndex = std::size_t;
using EdgeIndex = std::size_t;

struct Node {
    std::string id;
    EntityKind kind = EntityKind::country;
    std::string name;
    std::string country;  //!< a person's country
};

//! An edge of the actor view: two actors linked by events of one type, drawn from the events'
//! roles (edges.hpp): one edge per (pair, direction, type).
struct ActorEdge {
    NodeIndex a = 0;  //!< the source of a directed edge; a < b for an undirected one
    NodeIndex b = 0;  //!< the target of a directed edge
    EventType type = EventType::MEET;
    bool directed = false;  //!< a → b (initiator → target); false: symmetric or both ways
    int count = 0;          //!< number of events
    Date first;             //!< earliest known event start; invalid when no event is dated
    Date last;              //!< latest known event end
    std::vector<std::size_t> events;  //!< indices into Graph::events()
    int sources = 0;                  //!< distinct sources behind the events
    std::vector<Status> statuses;     //!< distinct statuses, sorted
};

//! The event view and the actor view of a filtered store.
class Graph {
  public:
    //! Loads the events that pass the filter and every actor they involve.
    static Graph load(const Store& store, const Filter& filter = {});
    //! Builds from events already in memory (tests, generated data).
    //! With outsiders false, the participants that are none of `actors` get no node: they
    //! still count in how each event links the others (an initiator not drawn keeps its
    //! targets apart, a summit stays a gathering), and the links they are on are left out.
    static Graph from_events(std::vector<Entity> actors, std::vector<StoredEvent> events,
                             bool outsiders = true);

    //! The actor view as Store::actor_links keeps it: its actors and links, without events
    //! (ActorEdge::events and events() empty): what `links` prints, without reading them.
    static Graph from_links(ActorLinks links);

    //! The graph that from_events(actors, events) builds when `events` are the events of
    //! `whole` that `keep` marks (in their order) and `actors` the nodes of `whole` that `listed`
    //! marks and a kept event involves (in their order), outsiders being added: derived from
    //! `whole`'s links (each edge's kept events) instead of drawing every event's pairs again.
    //! `whole` must have been built with outsiders (Graph::load, from_events' default).
    static Graph restrict(const Graph& whole, const std::vector<bool>& keep,
                          const std::vector<bool>& listed);

    Graph();
    ~Graph();
    Graph(Graph&&) noexcept;
    Graph& operator=(Graph&&) noexcept;

    // Actors (nodes of the actor view; the event view also has one node per event).
    std::size_t node_count() const;
    const Node& node(NodeIndex n) const;
    std::optional<NodeIndex> find(const std::string& id) const;

    // Events (each an event or agreement node of the event view).
    const std::vector<StoredEvent>& events() const;
    //! The actors taking part in event e.
    const std::vector<NodeIndex>& event_actors(std::size_t e) const;
    //! The events actor n takes part in.
    const std::vector<std::size_t>& actor_events(NodeIndex n) const;
    //! The events that link no pair because they gather more than kMaxPairwiseSides sides
    //! (summits, conferences): event nodes, or hyperedges, in diagrams and exports.
    const std::vector<std::size_t>& gatherings() const;
    //! How event e's actors go into event_pairs(): sides (a person with their country) and
    //! roles.
    std::vector<EventMember> event_members(std::size_t e) const;

    // Actor view.
    const std::vector<ActorEdge>& edges() const;
    //! Edges incident to n, in edge order.
    const std::vector<EdgeIndex>& incident(NodeIndex n) const;
    //! Distinct neighbours of n in the actor view, sorted by index.
    std::vector<NodeIndex> neighbours(NodeIndex n) const;
    NodeIndex other(EdgeIndex e, NodeIndex n) const;

    //! The Boost.Graph form (see graph_boost.hpp, for algorithms inside diplograph_graph),
    //! built on first use; not thread-safe until then.
    struct Boost;
    //! The actor view only (Boost::events left empty).
    const Boost& boost() const;
    //! Both views; the event view has a vertex per event, costly on large stores.
    const Boost& boost_with_events() const;

  private:
    //! Derives everything from nodes_ and events_; with only_involved, drops the nodes no
    //! event involves.
    void build(bool only_involved);
    bool outsiders_ = true;  //!< participants the entity list lacks become nodes
    std::vector<Node> nodes_;
    std::unordered_map<std::string, NodeIndex> index_;
    std::vector<StoredEvent> events_;
    std::vector<std::vector<NodeIndex>> event_actors_;
    std::vector<std::vector<std::size_t>> actor_events_;
    std::vector<std::size_t> gatherings_;
    std::vector<ActorEdge> edges_;
    std::vector<std::vector<EdgeIndex>> incident_;
    mutable std::unique_ptr<Boost> boost_;
};

}  // namespace diplograph
