// The SQLite store of DESIGN.md §4: the file analysts keep. Only store.cpp includes SQLite.
#pragma once

#include <diplograph/graph/model.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace diplograph {

//! A problem with the database itself: not a diplograph file, newer schema, I/O error.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! What storing one batch did.
struct StoreResult {
    enum class Outcome { added, replaced, unchanged } outcome = Outcome::added;
    int events_new = 0;        //!< events created
    int events_merged = 0;     //!< events that matched one already stored
    int events_unmatched = 0;  //!< events naming a source (of_source) that is not stored
    //! Links written from a new event to stored ones it may duplicate (merge_policy.hpp).
    int possible_duplicates = 0;
};

struct StoreStats {
    int64_t sources = 0;
    std::map<std::string, int64_t> entities;  //!< by kind
    std::map<std::string, int64_t> events;    //!< by type
    int64_t evidence = 0;
    int64_t roles = 0;
};

//! An event as stored, with its merged evidence.
struct StoredEvent {
    Event event;                  //!< aggregate status and date over its evidence
    std::vector<Source> sources;  //!< distinct sources, in id order
    //! Events that may tell the same event without the evidence to be merged with it, either
    //! way (table possible_duplicates), in id order.
    std::vector<std::string> possible_duplicates;
    int corroboration() const { return static_cast<int>(sources.size()); }
};

//! Filters shared by graph loading and queries (DESIGN.md §4 and the queries issue).
struct Filter {
    std::optional<Date> since;  //!< events whose interval overlaps [since, until]
    std::optional<Date> until;
    std::vector<EventType> types;  //!< empty: every type
    std::vector<Status> statuses;  //!< empty: every status
    //! Events whose CAMEO code starts with one of these ("16", "042"); empty: every event.
    std::vector<std::string> cameo;
    //! Events of one of these PLOVER categories ("SANCTION"); empty: every event.
    std::vector<std::string> plover;
    int min_sources = 1;
    double min_confidence = 0.0;
    std::vector<std::string> sources;  //!< restrict to these source ids; empty: all
    //! Restrict to events in which one of these actors takes part; empty: all. Read through
    //! the participants index, so a query about one actor does not scan the whole store.
    std::vector<std::string> actors;
    //! With actors: only the events in which at least two of them take part (the links among
    //! them, found through event_pairs), as a diagram of those actors draws. At most 15,000
    //! actors (they are bound twice).
    bool among_actors = false;
    //! Read each event's evidence (sentences, spans, rules) and its sources' titles, URLs…;
    //! false reads only the ids of the sources, enough to count them (faster on large stores).
    bool with_evidence = true;
    //! Read each event's attributes (event_attributes: GDELT's counts…); false leaves
    //! Event::attributes empty (path prints none of them).
    bool with_attributes = true;

    bool accepts(const StoredEvent& event) const;
};

//! Who takes part in which event, for the events passing a filter, as flat arrays: what the
//! questions about the topology of the actor view need (rank, path, ego), without StoredEvent,
//! Evidence or Source objects. Events come in storage order, each with at least one actor.
struct EventLinks {
    //! The actors the events involve, in id order, as Graph::load numbers them (no aliases).
    std::vector<Entity> actors;
    std::vector<EventType> types;      //!< the type of each event; empty when not asked for
    std::vector<uint32_t> offsets{0};  //!< event e's actors: members[offsets[e], offsets[e+1])
    std::vector<uint32_t> members;     //!< indices into actors, each once per event
    //! Each member's roles in its event (bits role_bit(ParticipantRole), edges.hpp); empty
    //! when not asked for.
    std::vector<uint8_t> roles;
    std::size_t event_count() const { return offsets.size() - 1; }
};

//! The partners of some actors, from the integer table event_pairs: every pair of participants
//! of an event, whatever their roles (not the actor view of edges.hpp, which Topology::load
//! draws from Store::event_links with roles).
struct ActorPartners {
    //! The actors asked about (that have partners) and their partners, in id order (no
    //! aliases).
    std::vector<Entity> actors;
    struct Row {
        uint32_t actor = 0;    //!< one of the actors asked about (index into actors)
        uint32_t partner = 0;  //!< index into actors
        EventType type = EventType::MEET;
        uint32_t events = 0;  //!< the number of events of that type with both
    };
    std::vector<Row> rows;  //!< sorted by (actor, partner, type)
};

//! What Store::refresh_aggregates did: nothing (fresh), the whole tables, or the touched pairs.
enum class Refreshed { none, whole, pairs };

//! The actor view's links as the table actor_links keeps them (schema v7): one row per pair,
//! direction and type with what `links` prints, drawn by the rules of edges.hpp from the
//! events with evidence, as Graph::load draws its edges. Read by the questions about the
//! topology (rank, path, ego, links) instead of the events; Store::refresh_aggregates keeps it.
struct ActorLinks {
    //! The actors of the events (all of them, or those asked about and their partners), in
    //! id order as Graph::load numbers them; no aliases.
    std::vector<Entity> actors;
    struct Row {
        uint32_t a = 0;  //!< index into actors: the source of a directed link, else a < b
        uint32_t b = 0;
        EventType type = EventType::MEET;
        bool directed = false;
        uint32_t events = 0;
        Date first;                    //!< earliest known start; invalid when none is dated
        Date last;                     //!< latest known end
        std::vector<Status> statuses;  //!< distinct, sorted
        uint32_t sources = 0;          //!< distinct sources behind the events
    };
    std::vector<Row> rows;    //!< sorted by (a, b, directed, type), as Graph::edges()
    int64_t event_count = 0;  //!< the store's events that have participants
};

class Store {
  public:
    //! Opens or creates the database. Throws StoreError for a file that is not a diplograph
    //! database (left untouched) or one written by a newer version.
    explicit Store(const std::filesystem::path& path);
    //! Opens an existing database only; throws StoreError when it does not exist.
    static Store open_existing(const std::filesystem::path& path);
    //! Opens an existing database for reading only (SQLITE_OPEN_READONLY): nothing is written,
    //! not even the WAL files when the folder is read-only. Refuses a missing or empty file and
    //! one of an older schema (a reader cannot migrate it).
    static Store open_read_only(const std::filesystem::path& path);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static constexpr int schema_version = 8;

    //! Stores one batch in one transaction: unchanged when the same source content was stored
    //! already; replaces what came from an older version of the same source.
    StoreResult put(const Batch& batch);

    //! While one lives, the puts share one transaction (committed every `every` puts and at
    //! the end, also when left by an exception), each put in a savepoint of its own: a failed
    //! put still leaves nothing of itself, and the others are kept. Saves a commit per batch.
    //! The puts' event_links and event_pairs rows are derived just before each commit, in one
    //! statement instead of one trigger run per participant row.
    class Bulk {
      public:
        ~Bulk();
        Bulk(const Bulk&) = delete;
        Bulk& operator=(const Bulk&) = delete;
        //! Counts one put; commits when `every` were made since the last commit.
        void count();
        //! Commits what was put so far.
        void commit();

      private:
        friend class Store;
        Bulk(Store& store, int every);
        Store& store_;
        int every_, pending_ = 0;
    };
    Bulk bulk(int every = 200);

    StoreStats stats() const;
    //! SQLite's quick_check (full: integrity_check, which also compares every index with its
    //! table): the problems found, at most 100; empty when the file is sound.
    std::vector<std::string> check(bool full = false) const;

    std::optional<Entity> entity(const std::string& id) const;
    //! Every entity of a kind (all kinds when empty), aliases included.
    //! Without aliases (with_aliases false), only id, kind, name and country are read.
    std::vector<Entity> entities(std::optional<EntityKind> kind = std::nullopt,
                                 bool with_aliases = true) const;
    std::vector<Role> roles_of(const std::string& person) const;
    std::vector<Role> roles() const;
    std::optional<Source> source(const std::string& id) const;
    std::vector<Source> sources() const;

    //! Every event that passes the filter, with participants, evidence and sources.
    //! The callback form streams them without holding all in memory.
    void for_each_event(const Filter& filter,
                        const std::function<void(const StoredEvent&)>& callback) const;
    std::vector<StoredEvent> events(const Filter& filter = {}) const;
    //! As for_each_event, handing each event over to the callback instead of lending it.
    void take_events(const Filter& filter,
                     const std::function<void(StoredEvent&&)>& callback) const;

    //! The participants of the events passing the filter, read from the integer table
    //! event_links in one scan (and the events table for the status and the dates, when the
    //! filter names them, and the evidence's sources for min_sources). nullopt for the filters
    //! that need the evidence itself or the sources' ids (min_confidence, sources), among_actors,
    //! or more than 30,000 actors: use for_each_event for those. Events without participants are
    //! left out.
    //! With roles, also each member's roles, from participants (one more scan).
    std::optional<EventLinks> event_links(const Filter& filter, bool with_types = true,
                                          bool with_roles = false) const;

    //! The partners of filter.actors through events passing the filter, by type; among_them:
    //! only the links among filter.actors. nullopt when the filter names no actors, more than
    //! 30,000, or more than the types (statuses, dates, sources, minimum sources or
    //! confidence): use event_links for those.
    std::optional<ActorPartners> partners(const Filter& filter, bool among_them = false) const;

    //! The links of the whole store (of_actor empty) or those of one actor, from the table
    //! actor_links; nullopt when it is stale (something was written since the last
    //! refresh_aggregates): read the events then.
    std::optional<ActorLinks> actor_links(const std::string& of_actor = {}) const;
    //! Rebuilds actor_links and actor_events from the events when something was written since
    //! the last rebuild, in one transaction: after watch_aggregates(), only the rows of the
    //! actor pairs this Store's writes touched (the events of those pairs, through event_pairs);
    //! otherwise, or when another connection wrote meanwhile, an entity changed or the pairs'
    //! events are a large part of the store, one pass over the events, participants and
    //! evidence. `import` calls it after its last commit.
    Refreshed refresh_aggregates();
    //! Starts noting what this Store's writes touch (in its connection's temp schema: the file
    //! does not change), for refresh_aggregates to rebuild only those pairs. Does nothing when
    //! actor_links is stale already. A writer's method, called before the writes.
    void watch_aggregates();

    const std::filesystem::path& path() const;

    //! For tests and the bench: runs SQL that returns nothing.
    void exec(const std::string& sql);
    //! Canonical text dump of the content (every table, rows sorted), to compare two stores.
    std::string dump() const;

  private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace diplograph
