// The query commands' answers as their --json prints them (docs/queries.md), computed once for
// both the commands and `serve`'s API (docs/api.md), so that the two shapes cannot drift apart.
// Each query_* function resolves the names, loads what it needs and computes the answer; each
// *_json function writes it as one JSON object (no trailing newline).
#pragma once

#include "command.hpp"
#include "filters.hpp"

#include <diplograph/queries/blocs.hpp>
#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/entities.hpp>
#include <diplograph/queries/links.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/rank.hpp>
#include <diplograph/queries/timeline.hpp>

#include <string>

namespace diplograph::cli {

struct LinksResult {
    ActorPair pair;
    LinksAnswer answer;
};
//! Without events (the text table: counts, dates, statuses, sources), the links come from the
//! store's actor_links (schema v7) when it is fresh and the scope restricts no event; the
//! edges then have no events.
LinksResult query_links(const Store& store, const Scope& scope, const std::string& actor,
                        const std::string& other, bool with_events = true);
std::string links_json(const LinksResult& r);
std::string links_json(const Entity& actor, const std::optional<Entity>& other, const Graph& graph,
                       const LinksAnswer& answer);

struct TimelineResult {
    ActorPair pair;
    TimelineAnswer answer;
};
TimelineResult query_timeline(const Store& store, const Scope& scope, const std::string& actor,
                              const std::string& other);
std::string timeline_json(const TimelineResult& r);

struct EgoResult {
    Entity centre;
    int depth = 1;
    Graph graph;
    EgoAnswer answer;
};
//! The ego network on the events (every link with its dates and sources).
EgoResult query_ego(const Store& store, const Scope& scope, const std::string& actor, int depth);
//! The same answer found on `topology` (the scope's, load_topology without types), cut to the
//! `budget` nearest actors before any event is read; `total`: the actors of the whole network.
EgoResult query_ego(const Store& store, const Scope& scope, const Topology& topology,
                    const std::string& actor, int depth, std::size_t budget, std::size_t& total);
std::string ego_json(const EgoResult& r);
std::string ego_json(const Entity& centre, int depth, const Graph& graph, const EgoAnswer& answer);

struct PathResult {
    Entity from;
    Entity to;
    Graph graph;
    PathsAnswer answer;
};
//! Throws CommandError (usage) when both names designate the same actor. `topology`: the
//! scope's topology (load_topology, without types) when the caller keeps one (`serve`).
PathResult query_path(const Store& store, const Scope& scope, const std::string& from,
                      const std::string& to, std::size_t k, std::size_t max_hops,
                      const Topology* topology = nullptr, bool with_evidence = true);
std::string path_json(const PathResult& r);
std::string path_json(const Entity& from, const Entity& to, const Graph& graph,
                      const PathsAnswer& answer);

struct RankResult {
    RankBy by = RankBy::degree;
    Graph graph;
    RankAnswer answer;
};
//! `name` as --by spells it; throws CommandError (usage) for another word.
RankBy rank_by(const std::string& name);
//! `full_graph`: rank on the whole graph (diagrams need its edges), not on the topology alone.
RankResult query_rank(const Store& store, const Scope& scope, RankBy by, std::size_t top,
                      bool full_graph = false, const Topology* topology = nullptr);
std::string rank_json(const RankResult& r);
std::string rank_json(RankBy by, const Graph& graph, const RankAnswer& answer);

struct BlocsResult {
    unsigned seed = 42;
    Graph graph;
    BlocsAnswer answer;
};
BlocsResult query_blocs(const Store& store, const Scope& scope, unsigned seed);
std::string blocs_json(const BlocsResult& r);
std::string blocs_json(unsigned seed, const Graph& graph, const BlocsAnswer& answer);

std::string stats_json(const StoreStats& stats);

//! `name` as entities --kind spells it (nullopt for ""); throws CommandError (usage) for
//! another word.
std::optional<EntityKind> entity_kind(const std::string& name);
//! At most `limit` matches (0: all).
std::vector<EntityMatch> query_entities(const Store& store, const std::string& match,
                                        std::optional<EntityKind> kind, std::size_t limit);
std::string entities_json(const Store& store, const std::vector<EntityMatch>& matches);

}  // namespace diplograph::cli
