// The options every query command shares (--since, --until, --type, --status, --cameo,
// --plover, --min-sources, --kind), actor naming, and the JSON pieces of the answers. `export`
// reuses them.
#pragma once

#include "command.hpp"

#include <diplograph/graph/graph.hpp>
#include <diplograph/queries/load.hpp>

#include <optional>
#include <string>
#include <vector>

namespace diplograph::cli {

struct FilterOptions {
    std::string since;
    std::string until;
    std::vector<std::string> types;     //!< event types or families
    std::vector<std::string> statuses;  //!< occurred, agreed, planned, reported
    std::vector<std::string> cameo;     //!< CAMEO code prefixes: "16", "042"
    std::vector<std::string> plover;    //!< PLOVER categories: "SANCTION"
    int min_sources = 1;
    std::string kind;  //!< country, person or org(anization)
};

//! Checks an integer option: "--depth: expected a whole number of at least 1, not -1".
CLI::Validator at_least(long long minimum);

//! Adds the common filter options to a command.
void add_filter_options(CLI::App* command, FilterOptions& options);

//! The scope the options describe. Throws CommandError (exit 1) naming the option and the
//! value when one is malformed: "--since 2025-02-30: not a date; expected YYYY, YYYY-MM or
//! YYYY-MM-DD".
Scope make_scope(const FilterOptions& options);

//! A name that designates no actor (exit 2; `serve` answers 404).
class UnknownActorError : public CommandError {
  public:
    explicit UnknownActorError(const std::string& message)
        : CommandError(Exit::bad_input, message) {}
};

//! The actor a name designates (resolve_actor). Throws UnknownActorError (exit 2):
//! "no actor named 'Tgoo'; did you mean Togo (TGO)?".
Entity resolve(const Store& store, const std::string& name);

//! Throws CommandError (exit 2) when the store holds no event at all.
void require_events(const Store& store);

//! Loads the graph a query runs on. Throws CommandError (exit 2) when the store holds no event
//! at all, so that an empty store is not mistaken for an empty answer.
Graph load_for_query(const Store& store, const Scope& scope,
                     const std::vector<std::string>& keep = {});

//! One actor, optionally a second, and the graph of the first one's events (links, timeline).
struct ActorPair {
    Entity actor;
    std::optional<Entity> other;
    Graph graph;
    std::optional<NodeIndex> a;  //!< the actor in the graph, when it has events in scope
    std::optional<NodeIndex> b;  //!< the other one, when named and present
    //! Both are in the graph (or no other was named): there is something to answer.
    bool answerable() const { return a && (!other || b); }
};

//! Resolves the names and loads only the actor's events, through the participants index.
ActorPair load_actor_pair(const Store& store, Scope scope, const std::string& actor,
                          const std::string& other);

// JSON pieces shared by the answers (docs/queries.md).

//! {"id": "TGO", "name": "Togo", "kind": "country"}
std::string json_node(const Graph& graph, NodeIndex n);
std::string json_entity(const Entity& entity);
//! "Togo (TGO)"
std::string label(const Entity& entity);
//! A link: {"a", "b", "source", "target", "directed", "type", "family", "count", "first",
//! "last", "statuses", "sources", "events"}; source → target when directed (a, b the same ends).
std::string json_link(const Graph& graph, EdgeIndex e);
//! An event: {"id", "type", "subtype", "status", "date", "place", "actors", "sources", "cameo",
//! "plover", "plover_mode", "goldstein"[, "evidence"]}.
std::string json_event(const Graph& graph, std::size_t e, bool with_evidence);
//! {"text": "2025-11", "from": "2025-11-01", "to": "2025-11-30", "precision": "month", "how"}
std::string json_date(const DateInterval& date);
//! A date, "" when unknown.
std::string date_text(const Date& date);
//! "occurred, agreed"
std::string statuses_text(const std::vector<Status>& statuses);

}  // namespace diplograph::cli
