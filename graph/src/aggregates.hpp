// The derived tables of schema v7 (actor_links, actor_events, aggregates): the actor view's
// links of the whole store, rebuilt from the events by a writer and read by the questions about
// the topology. Private to diplograph_graph: Store::refresh_aggregates and Store::actor_links.
#pragma once

#include "sqlite.hpp"

#include <diplograph/graph/store.hpp>

#include <optional>
#include <string>
#include <vector>

namespace diplograph::aggregates {

//! What a writer's connection noted when it began watching its writes (watch()): enough to
//! tell afterwards which events they touched, or that it cannot tell.
struct Watch {
    int64_t data_version = 0;  //!< PRAGMA data_version: changes when another connection commits
    int64_t last_source = 0;   //!< max(sources.rowid): a bulk's new rows have later sources
    struct Entity {
        int64_t no = 0;
        std::string id, kind, country;
        bool operator==(const Entity&) const = default;
    };
    std::vector<Entity> entities;  //!< by no: a changed side means a whole rebuild
};

//! Starts watching this connection's writes (temp triggers, temp.agg_touched); nullopt when the
//! tables are stale already (the next refresh rebuilds the whole then).
std::optional<Watch> watch(const sqlite::Database& db);

//! Rebuilds the tables when aggregates.fresh is 0, in one transaction: only the links of the
//! actor pairs the watched writes touched when `watch` can tell them (and they are not a large
//! part of the store), else the whole.
Refreshed refresh(const sqlite::Database& db, const Watch* watch = nullptr);

//! The links of the whole store or of one actor; nullopt when the tables are stale.
std::optional<ActorLinks> read(const sqlite::Database& db, const std::string& of_actor);

}  // namespace diplograph::aggregates
