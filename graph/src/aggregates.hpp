// The derived tables of schema v7 (actor_links, actor_events, aggregates): the actor view's
// links of the whole store, rebuilt from the events by a writer and read by the questions about
// the topology. Private to diplograph_graph: Store::refresh_aggregates and Store::actor_links.
#pragma once

#include "sqlite.hpp"

#include <diplograph/graph/store.hpp>

#include <optional>
#include <string>

namespace diplograph::aggregates {

//! Rebuilds the tables when aggregates.fresh is 0, in one transaction; true when it did.
bool refresh(const sqlite::Database& db);

//! The links of the whole store or of one actor; nullopt when the tables are stale.
std::optional<ActorLinks> read(const sqlite::Database& db, const std::string& of_actor);

}  // namespace diplograph::aggregates
