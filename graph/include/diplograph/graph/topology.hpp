// The actor view without its events: nodes numbered as Graph::load numbers them, the edges
// (pair and type, with their event counts) and the simple adjacency, built from flat arrays
// (Store::event_links). For the questions that need only the topology on large stores (rank,
// path, ego); the events behind the edges an answer prints are read afterwards with
// Graph::load and Filter::actors.
#pragma once

#include <diplograph/graph/graph.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace diplograph {

class Topology {
  public:
    //! An edge of the actor view: a < b, sorted by (a, b, type) as Graph::edges().
    struct Link {
        uint32_t a = 0;
        uint32_t b = 0;
        EventType type = EventType::MEET;
        uint32_t count = 0;  //!< number of events
    };

    //! The links are drawn from each event's type and roles as Graph draws them (edges.hpp),
    //! undirected here. nullopt when the filter needs what Store::event_links does not read.
    //! Without types
    //! (enough for the adjacency, degrees and weighted degrees), links() holds one Link per pair,
    //! of type MEET, counting the events of every type. event_count() leaves out the events
    //! without participants.
    static std::optional<Topology> load(const Store& store, const Filter& filter,
                                        bool with_types = true);

    //! The same, from the links Store::actor_links keeps (schema v7), without reading the
    //! events: nullopt when they are stale or the filter restricts the events (anything but
    //! Filter::with_evidence and a minimum of 1 source; Filter::actors included: the caller
    //! drops them when the whole store's topology answers as well).
    static std::optional<Topology> from_links(const Store& store, const Filter& filter,
                                              bool with_types = true);
    //! True when from_links can answer for this filter (whatever the tables' freshness).
    static bool whole_store(const Filter& filter);

    std::size_t node_count() const { return nodes_.size(); }
    const Node& node(NodeIndex n) const { return nodes_.at(n); }
    std::optional<NodeIndex> find(const std::string& id) const;
    std::size_t event_count() const { return event_count_; }
    const std::vector<Link>& links() const { return links_; }
    //! Distinct neighbours of each node, sorted (algo::simple_adjacency of the same Graph).
    const std::vector<std::vector<NodeIndex>>& adjacency() const { return adjacency_; }

  private:
    //! Sorts and merges the links (a < b) and builds the adjacency.
    void set_links(std::vector<Link> links);
    std::vector<Node> nodes_;
    std::unordered_map<std::string, NodeIndex> index_;
    std::size_t event_count_ = 0;
    std::vector<Link> links_;
    std::vector<std::vector<NodeIndex>> adjacency_;
};

}  // namespace diplograph
