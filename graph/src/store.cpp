#include <diplograph/graph/store.hpp>
#include <diplograph/graph/merge_policy.hpp>
#include <diplograph/graph/edges.hpp>

#include "aggregates.hpp"
#include "sqlite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <unistd.h>

namespace diplograph {

namespace {

// 'DPGR': marks a file as a diplograph database (PRAGMA application_id).
constexpr int kApplicationId = 0x44504752;

// Migrations from version i to i+1 are kMigrations[i]; version 0 is an empty file.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE sources(
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL
);
CREATE TABLE entities(
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('country','person','organization')),
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_kind ON entities(kind);
CREATE TABLE aliases(
  entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  lang TEXT NOT NULL,
  PRIMARY KEY(entity, alias, lang)
) WITHOUT ROWID;
CREATE TABLE roles(
  person TEXT NOT NULL REFERENCES entities(id),
  title TEXT NOT NULL,
  of TEXT NOT NULL REFERENCES entities(id),
  date_from TEXT NOT NULL DEFAULT '',
  date_to TEXT NOT NULL DEFAULT '',
  source TEXT REFERENCES sources(id) ON DELETE CASCADE,
  sentence INTEGER, span_begin INTEGER, span_end INTEGER,
  text TEXT, rule TEXT, confidence REAL
);
CREATE UNIQUE INDEX roles_key ON roles(person, title, of, date_from, date_to, ifnull(source, ''));
CREATE TABLE events(
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  subtype TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  date_from TEXT NOT NULL DEFAULT '',
  date_to TEXT NOT NULL DEFAULT '',
  precision TEXT NOT NULL DEFAULT 'unknown',
  date_how TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_type ON events(type, date_from);
CREATE TABLE participants(
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor TEXT NOT NULL REFERENCES entities(id),
  role TEXT NOT NULL,
  source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  PRIMARY KEY(event, actor, role, source)
) WITHOUT ROWID;
CREATE INDEX participants_actor ON participants(actor, event);
CREATE INDEX participants_source ON participants(source);
CREATE TABLE evidence(
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  status TEXT NOT NULL,
  date_from TEXT NOT NULL DEFAULT '',
  date_to TEXT NOT NULL DEFAULT '',
  precision TEXT NOT NULL DEFAULT 'unknown',
  date_how TEXT NOT NULL DEFAULT '',
  subtype TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(event, source, sentence, span_begin, rule)
) WITHOUT ROWID;
CREATE INDEX evidence_source ON evidence(source);
)sql",
    // v2: entities and events get a stable integer number (`no`, the rowid, kept by VACUUM), and
    // event_links holds who takes part in which event as integers, one row per (event, actor),
    // kept by triggers on participants: loading the topology is one scan of integers. Run with
    // foreign keys off (dropping the old tables must not cascade).
    R"sql(
CREATE TABLE entities_v2(
  no INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('country','person','organization')),
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT ''
);
INSERT INTO entities_v2(no, id, kind, name, country)
  SELECT rowid, id, kind, name, country FROM entities ORDER BY rowid;
-- Actors a file written without foreign keys names but does not list become entities named by
-- their id, as Graph::load has always shown them.
INSERT INTO entities_v2(id, kind, name)
  SELECT DISTINCT actor, CASE WHEN substr(actor, 1, 7) = 'person/' THEN 'person'
                              WHEN substr(actor, 1, 4) = 'org/' THEN 'organization'
                              ELSE 'country' END, actor
  FROM participants WHERE actor NOT IN (SELECT id FROM entities_v2) ORDER BY actor;
DROP TABLE entities;
ALTER TABLE entities_v2 RENAME TO entities;
CREATE INDEX entities_kind ON entities(kind);
CREATE TABLE events_v2(
  no INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  subtype TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  date_from TEXT NOT NULL DEFAULT '',
  date_to TEXT NOT NULL DEFAULT '',
  precision TEXT NOT NULL DEFAULT 'unknown',
  date_how TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT ''
);
INSERT INTO events_v2(no, id, type, subtype, status, date_from, date_to, precision, date_how,
                      place)
  SELECT rowid, id, type, subtype, status, date_from, date_to, precision, date_how, place
  FROM events ORDER BY rowid;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE INDEX events_type ON events(type, date_from);
-- The codes event_links uses for the types, part of the file: readers map them by name.
CREATE TABLE event_types(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO event_types(code, name) VALUES (0, 'MEET'), (1, 'VISIT'), (2, 'AGREEMENT'),
  (3, 'COOPERATION'), (4, 'AID'), (5, 'SUPPORT'), (6, 'CONDEMN'), (7, 'EMBASSY_OPEN'),
  (8, 'EMBASSY_REOPEN'), (9, 'EMBASSY_CLOSE'), (10, 'RELATIONS_ESTABLISH'),
  (11, 'RELATIONS_RESTORE'), (12, 'RELATIONS_SEVER'), (13, 'EXPEL_DIPLOMATS'), (14, 'SANCTION');
-- Derived from participants (and the event's type): one row per event and actor, whatever the
-- roles and sources. type is -1 for a type event_types lacks.
CREATE TABLE event_links(
  event INTEGER NOT NULL REFERENCES events(no) ON DELETE CASCADE,
  actor INTEGER NOT NULL REFERENCES entities(no),
  type INTEGER NOT NULL,
  PRIMARY KEY(event, actor)
) WITHOUT ROWID;
CREATE INDEX event_links_actor ON event_links(actor, event);
-- Derived from event_links: each pair of actors of an event, both ways, so that the partners of
-- an actor are one range of rows (ego networks read no event).
CREATE TABLE event_pairs(
  actor INTEGER NOT NULL,
  partner INTEGER NOT NULL,
  type INTEGER NOT NULL,
  event INTEGER NOT NULL,
  PRIMARY KEY(actor, partner, type, event)
) WITHOUT ROWID;
INSERT INTO event_links(event, actor, type)
  SELECT DISTINCT e.no, a.no, ifnull(t.code, -1) FROM participants p
  JOIN events e ON e.id = p.event JOIN entities a ON a.id = p.actor
  LEFT JOIN event_types t ON t.name = e.type ORDER BY 1, 2;
INSERT INTO event_pairs(actor, partner, type, event)
  SELECT a.actor, b.actor, a.type, a.event FROM event_links a
  JOIN event_links b ON b.event = a.event AND b.actor <> a.actor ORDER BY 1, 2, 3, 4;
CREATE TRIGGER participants_link AFTER INSERT ON participants BEGIN
  INSERT OR IGNORE INTO event_links(event, actor, type)
    SELECT e.no, a.no, ifnull((SELECT code FROM event_types WHERE name = e.type), -1)
    FROM events e, entities a WHERE e.id = NEW.event AND a.id = NEW.actor;
END;
CREATE TRIGGER event_links_pair AFTER INSERT ON event_links BEGIN
  INSERT OR IGNORE INTO event_pairs(actor, partner, type, event)
    SELECT NEW.actor, actor, NEW.type, NEW.event FROM event_links
    WHERE event = NEW.event AND actor <> NEW.actor;
  INSERT OR IGNORE INTO event_pairs(actor, partner, type, event)
    SELECT actor, NEW.actor, NEW.type, NEW.event FROM event_links
    WHERE event = NEW.event AND actor <> NEW.actor;
END;
-- Also when an event's deletion cascades to its event_links rows, one by one: each takes its
-- pairs with the rows still there.
CREATE TRIGGER event_links_unpair AFTER DELETE ON event_links BEGIN
  DELETE FROM event_pairs WHERE actor = OLD.actor AND event = OLD.event
    AND partner IN (SELECT actor FROM event_links WHERE event = OLD.event);
  DELETE FROM event_pairs WHERE partner = OLD.actor AND event = OLD.event
    AND actor IN (SELECT actor FROM event_links WHERE event = OLD.event);
END;
-- Every row of a retyped event is updated, so each pair row through its own actor's.
CREATE TRIGGER event_links_retype AFTER UPDATE OF type ON event_links BEGIN
  UPDATE event_pairs SET type = NEW.type WHERE actor = NEW.actor AND event = NEW.event;
END;
CREATE TRIGGER participants_unlink AFTER DELETE ON participants BEGIN
  DELETE FROM event_links
    WHERE event = (SELECT no FROM events WHERE id = OLD.event)
      AND actor = (SELECT no FROM entities WHERE id = OLD.actor)
      AND NOT EXISTS (SELECT 1 FROM participants WHERE event = OLD.event AND actor = OLD.actor);
END;
CREATE TRIGGER participants_relink AFTER UPDATE OF event, actor ON participants BEGIN
  DELETE FROM event_links
    WHERE event = (SELECT no FROM events WHERE id = OLD.event)
      AND actor = (SELECT no FROM entities WHERE id = OLD.actor)
      AND NOT EXISTS (SELECT 1 FROM participants WHERE event = OLD.event AND actor = OLD.actor);
  INSERT OR IGNORE INTO event_links(event, actor, type)
    SELECT e.no, a.no, ifnull((SELECT code FROM event_types WHERE name = e.type), -1)
    FROM events e, entities a WHERE e.id = NEW.event AND a.id = NEW.actor;
END;
CREATE TRIGGER events_retype AFTER UPDATE OF type ON events BEGIN
  UPDATE event_links SET type = ifnull((SELECT code FROM event_types WHERE name = NEW.type), -1)
    WHERE event = NEW.no;
END;
)sql",
    // v3: a bulk import defers the links of the participants of the sources it lists in
    // links_deferred and derives them in one statement before it commits (kDeriveDeferred):
    // the link trigger run for each participant row was a third of the import's store time.
    // The table is empty in every committed state, so other writers keep the v2 behaviour.
    R"sql(
CREATE TABLE links_deferred(source TEXT PRIMARY KEY) WITHOUT ROWID;
DROP TRIGGER participants_link;
CREATE TRIGGER participants_link AFTER INSERT ON participants
  WHEN NOT EXISTS (SELECT 1 FROM links_deferred WHERE source = NEW.source) BEGIN
  INSERT OR IGNORE INTO event_links(event, actor, type)
    SELECT e.no, a.no, ifnull((SELECT code FROM event_types WHERE name = e.type), -1)
    FROM events e, entities a WHERE e.id = NEW.event AND a.id = NEW.actor;
END;
)sql",
    // v4: what coded datasets (GDELT, ICEWS, POLECAT…) say of an event: its exact CAMEO code,
    // PLOVER category and mode, Goldstein value, and values of their own per event
    // (event_attributes: GDELT's NumSources, NumArticles…); the type OTHER for the codes that
    // map to none of the 15 types. The columns are the event's, filled by the first source
    // that gives them.
    R"sql(
ALTER TABLE events ADD COLUMN cameo TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN plover TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN plover_mode TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN goldstein REAL;
CREATE TABLE event_attributes(
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(event, key)
) WITHOUT ROWID;
INSERT INTO event_types(code, name) VALUES (15, 'OTHER');
)sql",
    // v5: reports that may tell one event but without the evidence to merge them (undated or
    // year-only, from different sources: graph/src/merge_policy.cpp) stay two events, the
    // later one a possible duplicate of the earlier, written by `source`'s put.
    R"sql(
CREATE TABLE possible_duplicates(
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  of TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  PRIMARY KEY(event, of)
) WITHOUT ROWID;
CREATE INDEX possible_duplicates_of ON possible_duplicates(of);
CREATE INDEX possible_duplicates_source ON possible_duplicates(source);
)sql",
    // v6 (issue 12): read-only views for analysts (docs/schema.md): v_events, one
    // row per event; v_links, the actor view's links as `links` draws them from roles
    // (graph/edges.hpp: sides, direction, gatherings of more than 4 sides link nothing);
    // v_roles, people's dated roles. Views only: nothing to fill, usable on a read-only file.
    R"sql(
CREATE VIEW v_events AS
SELECT e.id AS event, e.type, e.subtype, e.status,
  CASE e.precision WHEN 'day' THEN e.date_from
                   WHEN 'month' THEN substr(e.date_from, 1, 7)
                   WHEN 'year' THEN substr(e.date_from, 1, 4)
                   WHEN 'approximate' THEN
                     CASE WHEN substr(e.date_from, 1, 7) = substr(e.date_to, 1, 7)
                          THEN substr(e.date_from, 1, 7) ELSE substr(e.date_from, 1, 4) END
                   ELSE '' END AS date,
  e.date_from AS first, e.date_to AS last, e.precision, e.place,
  e.cameo, e.plover, e.plover_mode, e.goldstein,
  (SELECT group_concat(actor, ' ') FROM (SELECT DISTINCT actor FROM participants
     WHERE event = e.id AND role = 'initiator' ORDER BY actor)) AS initiators,
  (SELECT group_concat(actor, ' ') FROM (SELECT DISTINCT actor FROM participants
     WHERE event = e.id AND role = 'target' ORDER BY actor)) AS targets,
  (SELECT group_concat(actor, ' ') FROM (SELECT DISTINCT actor FROM participants
     WHERE event = e.id AND role NOT IN ('initiator', 'target') ORDER BY actor)) AS others,
  (SELECT count(DISTINCT source) FROM evidence WHERE event = e.id) AS sources
FROM events e;
CREATE VIEW v_links AS
WITH members AS (
  -- Each actor of each event once: its side (a person with her country) and roles.
  SELECT p.event, p.actor,
    CASE WHEN a.kind = 'person' AND a.country <> '' THEN a.country ELSE p.actor END AS side,
    max(p.role IN ('initiator', 'guest')) AS src, max(p.role IN ('target', 'host')) AS tgt
  FROM participants p LEFT JOIN entities a ON a.id = p.actor
  GROUP BY p.event, p.actor),
sides AS (
  SELECT event, side, max(src) AS src, max(tgt) AS tgt FROM members GROUP BY event, side),
shape AS (
  -- Read with direction: a directed type with a directed role. Events without evidence are
  -- in no query's graph.
  SELECT e.id AS event,
    (e.type NOT IN ('MEET', 'AGREEMENT', 'COOPERATION', 'RELATIONS_ESTABLISH',
                    'RELATIONS_RESTORE') AND max(s.src OR s.tgt)) AS directed,
    count(*) AS n_sides, sum(s.src) AS n_src, sum(s.tgt) AS n_tgt
  FROM events e JOIN sides s ON s.event = e.id
  WHERE EXISTS (SELECT 1 FROM evidence v WHERE v.event = e.id)
  GROUP BY e.id),
side_pairs AS (
  -- Symmetric: each pair of sides, up to 4 sides (more: a gathering, no pair).
  SELECT h.event, x.side AS sx, y.side AS sy, 0 AS directed
  FROM shape h JOIN sides x ON x.event = h.event JOIN sides y ON y.event = h.event
  WHERE NOT h.directed AND h.n_sides <= 4 AND x.side < y.side
  UNION ALL
  -- Two initiators and no target: a mutual act.
  SELECT h.event, x.side, y.side, 0
  FROM shape h JOIN sides x ON x.event = h.event JOIN sides y ON y.event = h.event
  WHERE h.directed AND h.n_tgt = 0 AND h.n_src = 2 AND x.src AND y.src AND x.side < y.side
  UNION ALL
  -- Initiator (guest) towards target (host); told both ways: once, undirected.
  SELECT h.event, x.side, y.side, NOT (y.src AND x.tgt)
  FROM shape h JOIN sides x ON x.event = h.event JOIN sides y ON y.event = h.event
  WHERE h.directed AND h.n_tgt > 0 AND x.src AND y.tgt AND x.side <> y.side
    AND (NOT (y.src AND x.tgt) OR x.side < y.side)),
pairs AS (
  SELECT DISTINCT sp.event,
    CASE WHEN sp.directed OR a.actor < b.actor THEN a.actor ELSE b.actor END AS source,
    CASE WHEN sp.directed OR a.actor < b.actor THEN b.actor ELSE a.actor END AS target,
    sp.directed
  FROM side_pairs sp JOIN members a ON a.event = sp.event AND a.side = sp.sx
  JOIN members b ON b.event = sp.event AND b.side = sp.sy),
counted AS (
  SELECT p.source, p.target, e.type, p.directed, count(*) AS events,
    min(CASE WHEN e.precision <> 'unknown' THEN nullif(e.date_from, '') END) AS first,
    max(CASE WHEN e.precision <> 'unknown' THEN nullif(e.date_to, '') END) AS last
  FROM pairs p JOIN events e ON e.id = p.event
  GROUP BY p.source, p.target, e.type, p.directed),
sourced AS (
  SELECT p.source, p.target, e.type, p.directed, count(DISTINCT v.source) AS sources
  FROM pairs p JOIN events e ON e.id = p.event JOIN evidence v ON v.event = p.event
  GROUP BY p.source, p.target, e.type, p.directed)
SELECT c.source, c.target, c.type, c.directed, c.events, c.first, c.last, s.sources
FROM counted c JOIN sourced s ON s.source = c.source AND s.target = c.target
  AND s.type = c.type AND s.directed = c.directed;
CREATE VIEW v_roles AS
SELECT r.person, p.name, r.title AS role, r.of, o.name AS of_name, o.kind AS of_kind,
  r.of = p.country AS own_country, r.date_from AS since, r.date_to AS until,
  count(r.source) AS sources
FROM roles r JOIN entities p ON p.id = r.person LEFT JOIN entities o ON o.id = r.of
GROUP BY r.person, r.title, r.of, r.date_from, r.date_to;
)sql",
    // v7 (issue 13, scale): the actor view's links of the whole store kept as a table, one row
    // per (pair, direction, type) with what `links` prints, and the actors of the events, so
    // that rank, path, ego and links read the pairs instead of the events (graph/src/
    // aggregates.cpp, Store::refresh_aggregates). Derived: rebuilt by a writer (import) when
    // `aggregates.fresh` is 0; any write to what they are drawn from sets it to 0 (the triggers
    // below; a bulk that runs with the triggers off does it at each commit), and readers then
    // read the events as before (an event's deletion cascades to its participants and evidence;
    // a new event links nothing before its participants). Ids and type names are text, as in
    // v_links: the table has as many rows as links, not events. Kept short: the schema is read
    // at every open.
    R"sql(
CREATE TABLE actor_links(source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
  directed INTEGER NOT NULL, events INTEGER NOT NULL, first TEXT, last TEXT,
  statuses INTEGER NOT NULL, sources INTEGER NOT NULL, goldstein REAL,
  PRIMARY KEY(source, target, type, directed)) WITHOUT ROWID;
CREATE INDEX actor_links_target ON actor_links(target);
CREATE TABLE actor_events(actor TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE aggregates(fresh INTEGER NOT NULL, events INTEGER NOT NULL);
INSERT INTO aggregates(fresh, events) SELECT NOT EXISTS (SELECT 1 FROM events), 0;
CREATE TRIGGER agg_pi AFTER INSERT ON participants BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_pu AFTER UPDATE ON participants BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_pd AFTER DELETE ON participants BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_vi AFTER INSERT ON evidence BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_vu AFTER UPDATE ON evidence BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_vd AFTER DELETE ON evidence BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_eu AFTER UPDATE ON events BEGIN UPDATE aggregates SET fresh=0; END;
CREATE TRIGGER agg_nu AFTER UPDATE ON entities BEGIN UPDATE aggregates SET fresh=0; END;
)sql",
    // v8 (issue 13, import speed): an event's dataset values are one JSON object in its row
    // (events.attributes, NULL for none), written with the row or merged into it (json_patch:
    // the last value of a key wins, as the upsert did), instead of one row per value in a table
    // keyed by text: 4-5 B-tree writes a GDELT row. event_attributes stays as a view with the
    // same columns, so readers and analysts' SQL read it as before (read-only now).
    R"sql(
ALTER TABLE events ADD COLUMN attributes TEXT;
UPDATE events SET attributes = (SELECT json_group_object(key, value) FROM
  (SELECT key, value FROM event_attributes a WHERE a.event = events.id ORDER BY key))
  WHERE id IN (SELECT event FROM event_attributes);
DROP TABLE event_attributes;
CREATE VIEW event_attributes AS
  SELECT e.id AS event, j.key AS key, j.value AS value FROM events e, json_each(e.attributes) j;
)sql",
};

// The links participants_link would have made for the deferred sources' participants, each
// (event, actor) once, and the pairs event_links_pair would have made of them: each new link with
// the event's other links, old and new, both ways (all the links of an event have its type).
// The pairs are written here rather than by that trigger because a bulk import runs with the
// triggers off (Store::Impl::checks); with them on, the trigger finds its pairs already there.
// kNewLinks holds the new links; a bulk that only added rows fills it from the numbers put()
// learnt (Store::Impl::pending_links), otherwise kDeriveDeferred reads the deferred sources'
// participants; kWriteNewLinks writes them.
constexpr const char* kNewLinks = R"sql(
CREATE TEMP TABLE IF NOT EXISTS links_new(
  event INTEGER NOT NULL, actor INTEGER NOT NULL, type INTEGER NOT NULL,
  PRIMARY KEY(event, actor)
) WITHOUT ROWID;
)sql";
// CROSS JOIN: the few deferred sources first, then their participants through the source index
// (without statistics the planner would scan all the participants).
constexpr const char* kDeriveDeferred = R"sql(
INSERT INTO temp.links_new(event, actor, type)
  SELECT e.no, a.no, ifnull(t.code, -1)
  FROM (SELECT DISTINCT p.event, p.actor FROM links_deferred d
        CROSS JOIN participants p ON p.source = d.source) p
  JOIN events e ON e.id = p.event JOIN entities a ON a.id = p.actor
  LEFT JOIN event_types t ON t.name = e.type
  WHERE NOT EXISTS (SELECT 1 FROM event_links l WHERE l.event = e.no AND l.actor = a.no)
  ORDER BY 1, 2;
)sql";
constexpr const char* kWriteNewLinks = R"sql(
INSERT OR IGNORE INTO event_pairs(actor, partner, type, event)
  SELECT n.actor, l.actor, n.type, n.event
  FROM temp.links_new n CROSS JOIN event_links l ON l.event = n.event AND l.actor <> n.actor
  UNION ALL
  SELECT l.actor, n.actor, n.type, n.event
  FROM temp.links_new n CROSS JOIN event_links l ON l.event = n.event AND l.actor <> n.actor
  UNION ALL
  SELECT n.actor, m.actor, n.type, n.event
  FROM temp.links_new n CROSS JOIN temp.links_new m ON m.event = n.event AND m.actor <> n.actor
  ORDER BY 1, 2, 3, 4;
INSERT INTO event_links(event, actor, type) SELECT event, actor, type FROM temp.links_new;
DELETE FROM temp.links_new;
DELETE FROM links_deferred;
)sql";
constexpr int kLatest = static_cast<int>(std::size(kMigrations));
static_assert(kLatest == Store::schema_version);

int status_rank(Status s) {
    switch (s) {
        case Status::occurred:
            return 3;
        case Status::agreed:
            return 2;
        case Status::planned:
            return 1;
        case Status::reported:
            return 0;
    }
    return 0;
}

int precision_rank(Precision p) {
    switch (p) {
        case Precision::day:
            return 4;
        case Precision::month:
            return 3;
        case Precision::year:
            return 2;
        case Precision::approximate:
            return 1;
        case Precision::unknown:
            return 0;
    }
    return 0;
}

// An event's dataset values as the JSON object of events.attributes (schema v8): each key once,
// its last value winning as with the upsert of v4-v7, keys in order; "" for none (NULL).
std::string attributes_json(const std::vector<std::pair<std::string, std::string>>& attributes) {
    if (attributes.empty())
        return {};
    // By key, equal keys in their given order: the last of each run is the one kept.
    std::vector<const std::pair<std::string, std::string>*> order;
    order.reserve(attributes.size());
    std::size_t size = 2;
    for (const auto& a : attributes) {
        order.push_back(&a);
        size += a.first.size() + a.second.size() + 6;
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto* x, const auto* y) { return x->first < y->first; });
    std::string out;
    out.reserve(size);
    auto quoted = [&out](std::string_view text) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += '"';
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (u < 0x20) {
                out += "\\u00";
                out += kHex[u >> 4];
                out += kHex[u & 15];
            } else {
                out += c;
            }
        }
        out += '"';
    };
    out += '{';
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i + 1 < order.size() && order[i + 1]->first == order[i]->first)
            continue;
        if (out.size() > 1)
            out += ',';
        quoted(order[i]->first);
        out += ':';
        quoted(order[i]->second);
    }
    out += '}';
    return out;
}

std::string date_text(const Date& d) {
    return d.valid() ? d.to_string() : std::string();
}

//! The insert of an evidence row, shared by put() and the dataset-row path.
constexpr const char* kInsertEvidence =
    "INSERT OR IGNORE INTO evidence(event, source, sentence, span_begin, span_end, text, rule, "
    "confidence, status, date_from, date_to, precision, date_how, subtype, place) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

//! Binds one evidence row of `event` to `st` (kInsertEvidence, reset by the caller) and runs
//! it: the strings are bound without copies, and all outlive the step.
void insert_evidence(sqlite::Statement& st, const std::string& event_id, const std::string& source,
                     const Evidence& ev, const Event& event, const std::string& date_from,
                     const std::string& date_to) {
    st.bind_kept(event_id)
        .bind_kept(source)
        .bind(ev.sentence)
        .bind(ev.begin)
        .bind(ev.end)
        .bind_kept(ev.text)
        .bind_kept(ev.rule)
        .bind(ev.confidence)
        .bind_kept(to_string(event.status))
        .bind_kept(date_from)
        .bind_kept(date_to)
        .bind_kept(to_string(event.date.precision))
        .bind_kept(event.date.how)
        .bind_kept(event.subtype)
        .bind_kept(event.place)
        .run();
}
Date date_of(const std::string& text) {
    if (text.empty())
        return {};
    return Date::parse(text).value_or(Date{});
}

DateInterval interval_of(const std::string& from, const std::string& to, const std::string& prec,
                         const std::string& how) {
    DateInterval d;
    d.first = date_of(from);
    d.last = date_of(to);
    d.precision = precision_from_string(prec).value_or(Precision::unknown);
    d.how = how;
    return d;
}

// Where an evidence row comes in the order an event's fields are derived in: its primary key
// without the event, compared as SQLite compares it (text bytewise, integers by value).
struct EvidenceKey {
    std::string source;
    int64_t sentence = 0;
    int64_t span_begin = 0;
    std::string rule;
    auto operator<=>(const EvidenceKey&) const = default;
};

// An event's status, date, subtype and place as derived from its evidence: the strongest
// status, the most precise date (the earliest among equally precise ones), the first subtype
// and place in evidence order; among equals the first in evidence order wins. Kept with the
// key of each winner, so that adding one row in any position gives what a scan of all the rows
// in order gives (the tests compare both on random sequences).
struct Derivation {
    bool any = false;
    Status status = Status::reported;
    DateInterval date;
    std::optional<EvidenceKey> date_key, subtype_key, place_key;
    std::string subtype, place;

    static bool better(const DateInterval& a, const DateInterval& b) {
        return precision_rank(a.precision) > precision_rank(b.precision) ||
               (a.known() && a.precision == b.precision && a.first < b.first);
    }
    void add(const EvidenceKey& key, Status st, const DateInterval& d, const std::string& sub,
             const std::string& pl) {
        if (!any || status_rank(st) > status_rank(status))
            status = st;
        any = true;
        // An unknown date never wins; among known ones "better" is a strict weak order.
        if (d.known() && (!date_key || better(d, date) || (!better(date, d) && key < *date_key))) {
            date = d;
            date_key = key;
        }
        if (!sub.empty() && (!subtype_key || key < *subtype_key)) {
            subtype = sub;
            subtype_key = key;
        }
        if (!pl.empty() && (!place_key || key < *place_key)) {
            place = pl;
            place_key = key;
        }
    }
};

}  // namespace

bool Filter::accepts(const StoredEvent& stored) const {
    const Event& e = stored.event;
    if (!types.empty() && std::find(types.begin(), types.end(), e.type) == types.end())
        return false;
    if (!statuses.empty() &&
        std::find(statuses.begin(), statuses.end(), e.status) == statuses.end())
        return false;
    if (!cameo.empty() && std::none_of(cameo.begin(), cameo.end(), [&](const std::string& c) {
            return e.cameo.compare(0, c.size(), c) == 0;
        }))
        return false;
    if (!plover.empty() && std::find(plover.begin(), plover.end(), e.plover) == plover.end())
        return false;
    if (stored.corroboration() < min_sources)
        return false;
    if (since || until) {
        if (!e.date.known())
            return false;
        if (since && e.date.last < *since)
            return false;
        if (until && *until < e.date.first)
            return false;
    }
    if (min_confidence > 0) {
        double best = 0;
        for (const auto& ev : e.evidence)
            best = std::max(best, ev.confidence);
        if (best < min_confidence)
            return false;
    }
    if (!actors.empty()) {
        std::size_t in = 0;
        for (std::size_t i = 0; i < e.participants.size(); ++i) {
            const auto& a = e.participants[i].actor;
            bool repeat = std::any_of(e.participants.begin(), e.participants.begin() + i,
                                      [&](const auto& p) { return p.actor == a; });
            in += !repeat && std::find(actors.begin(), actors.end(), a) != actors.end();
        }
        if (in < (among_actors ? 2u : 1u))
            return false;
    }
    if (!sources.empty()) {
        bool any = std::any_of(stored.sources.begin(), stored.sources.end(), [&](const Source& s) {
            return std::find(sources.begin(), sources.end(), s.id) != sources.end();
        });
        if (!any)
            return false;
    }
    return true;
}

struct Store::Impl {
    std::filesystem::path path;
    sqlite::Database db;
    sqlite::StatementCache cache{db};  // the statements of put(), prepared once
    // Entity rows and aliases that put() has seen committed: inserting one again is a no-op
    // (INSERT OR IGNORE, and nothing deletes them), so it is skipped. A country comes with
    // dozens of aliases in every article that names it.
    std::unordered_set<std::string> stored_entities;
    std::unordered_set<std::string> stored_aliases;  // entity '\t' lang '\t' alias
    // Each entity's alias list as last seen with all its aliases in stored_aliases: the same list
    // again (from the dictionary, in every article naming the entity) needs no lookup per alias.
    std::unordered_map<std::string, std::vector<Alias>> stored_alias_lists;

    // What candidates() asks the database, kept between batches: reading all the events of
    // an actor and a type at every event costs more and more as the store grows (the whole
    // import goes quadratic). put() keeps it in step with what it writes; it is dropped when
    // anything else may have changed those rows: another connection's commit (PRAGMA
    // data_version), a rollback, a deleted event or a replaced source, exec().
    struct Known {
        //! The index of candidates lives in a private temporary database (known_db; tables
        //! known_dates: event id → date, as read back from the events row; known_index:
        //! (actor, type, first day) → the events of that actor and type), so that it takes the
        //! same memory whatever the number of events (16 MiB of page cache, the rest in a
        //! temporary file): kept in the heap, it cost about 375 bytes an event (s8-rows.md).
        //! (actor, type) pairs asked about so far (their events are in known_index) → the
        //! longest interval among them, in days: a dated event looks only at the events that
        //! begin at most that long before it.
        std::map<std::pair<std::string, EventType>, int64_t> loaded;
        bool stale = false;  //!< cleared since: their rows are deleted before the next use
        //! Event id → its row and distinct participants (as load_event_core reads them) and,
        //! once derived, what its fields are derived from: merging one more article into an
        //! event then neither reads its participants nor all its evidence again.
        struct KnownEvent {
            Event core;
            std::optional<Derivation> derivation;
            int64_t no = 0;  // events.no
            //! key_actors(core), while key_countries is Impl::countries (0: not yet).
            std::set<std::string> key;
            uint64_t key_countries = 0;
        };
        std::unordered_map<std::string, KnownEvent> cores;
        int64_t data_version = -1;
        //! Runs no SQL (it is called while unwinding, before a rollback).
        void clear() {
            loaded.clear();
            cores.clear();
            stale = true;
        }
    } known;
    //! The database of `known`'s tables: SQLite's private temporary file ("" opened), not this
    //! connection's temp schema, so that its writes are in none of the store's savepoints
    //! (releasing the savepoints that held them cost more than the writes: +38% CPU for a
    //! GDELT import). It needs no journal: `known` is cleared whenever the store rolls back.
    std::optional<sqlite::Database> known_db;
    //! The statements on the tables of `known`, prepared once.
    struct KnownStatements {
        std::unique_ptr<sqlite::Statement> date, add_date, set_date, index, redate, pairs_of, all,
            range;
    } known_sql;
    sqlite::Statement& known_statement(std::unique_ptr<sqlite::Statement>& s, const char* sql) {
        if (!s)
            s = std::make_unique<sqlite::Statement>(*known_db, sql);
        return s->reset();
    }
    //! Creates the tables of `known`, or empties them when it was cleared.
    void known_ready();
    //! known.dates[id] as it was: the date known of the event, if any.
    std::optional<DateInterval> known_date(const std::string& id);
    //! The date known of the event; `date` becomes it when none is (dates.try_emplace).
    DateInterval known_date_or(const std::string& id, const DateInterval& date);
    //! Gives the event a new date, in known_dates and in the index rows that hold it.
    void known_redate(const std::string& id, const DateInterval& date);
    //! Puts the event, with its known date, in the index of the (actor, type) pair.
    void known_index(const std::string& actor, EventType type, const std::string& id,
                     const DateInterval& date);

    void open(bool create, bool read_only = false);
    void migrate(int from);
    std::map<std::string, std::string> person_countries;
    uint64_t countries = 1;  // changes with any country in person_countries
    //! key_actors() of a known event, kept until its participants or a country change: put()
    //! asks it of every candidate of every event (a million sets built for 10,000 articles).
    const std::set<std::string>& key_of(Known::KnownEvent& known_event) {
        if (known_event.key_countries != countries) {
            known_event.key = key_actors(known_event.core);
            known_event.key_countries = countries;
        }
        return known_event.key;
    }
    bool wrote = false;  // put() was called since the last commit of a Bulk
    // What refresh_aggregates needs to rebuild only the pairs this connection's writes touched.
    std::optional<aggregates::Watch> watch;
    bool in_bulk = false;  // a Bulk's transaction is open: put() uses a savepoint
    // A bulk's small batches (a dataset's rows: one event, no roles) share a savepoint, up to
    // kRowGroup of them, instead of one each: the statement journal of a savepoint per row,
    // copying each page a row touched, was a third of a GDELT row's cost. 32, not more: each
    // statement with a journal of its own inside the group (a merge's attributes UPDATE)
    // truncates SQLite's in-memory journal when it ends, walking its 1 KiB chunks from the
    // start; with 256 rows that walk was 40% of the cycles (s9-import.md). When a put of the
    // group fails, the group is rolled back and its rows put again one by one, each in its own
    // savepoint as before, then the failing one, whose exception goes out as it would have.
    static constexpr std::size_t kRowGroup = 32;
    bool in_rows = false;         // put() runs inside the group's savepoint (joins it)
    bool ungrouped = false;       // putting the rows of a failed group again, one by one
    bool group_open = false;      // SAVEPOINT put_rows is open
    std::vector<Batch> group;     // its batches, to put again if one fails
    std::size_t group_links = 0;  // pending_links.size() when the group began
    static bool is_row(const Batch& batch) {
        return batch.roles.empty() && batch.events.size() <= 1;
    }
    StoreResult put_row(Store& store, const Batch& batch);
    // The write path of a plain dataset row (put_fast, after put()): one event told by its own
    // source, one evidence, no roles, actors already stored. It writes what put() writes, in
    // the same order (the same rowids), with its own prepared statements and without put()'s
    // per-batch work: the source's insert is its dedup check (a source already stored goes
    // through put()), the data version is read once per group (a Bulk holds the write lock),
    // attributes and participants are one statement each, and its sources are listed in
    // links_deferred only when the bulk's links stop being exact (write_links).
    struct FastStatements {
        std::unique_ptr<sqlite::Statement> source, exists, event, fill, participants1,
            participants2, evidence, duplicate, attributes;
    } fast;
    std::optional<StoreResult> put_fast(const Batch& batch);
    //! Sources of rows put_fast() wrote without a links_deferred row, since the last commit.
    std::vector<std::string> undeferred;
    std::size_t group_undeferred = 0;  // undeferred.size() when the group began
    sqlite::Statement& fast_statement(std::unique_ptr<sqlite::Statement>& s, const char* sql) {
        if (!s)
            s = std::make_unique<sqlite::Statement>(db, sql);
        return s->reset();
    }
    // How many events `known` keeps with their rows, participants and derivations while a bulk
    // puts rows: past that they are dropped, and read again from the store when a row needs one
    // (the decisions stay the same). The index of candidates is in temp tables (Known).
    static constexpr std::size_t kKnownEvents = 50000;
    void bound_known() {
        if (known.cores.size() > kKnownEvents)
            known.cores.clear();
    }
    //! Drops what put() knows when another connection committed since (PRAGMA data_version).
    void check_data_version();
    //! Releases the group's savepoint (its rows stay in the bulk's transaction).
    void close_group() {
        if (!group_open)
            return;
        cache.use("RELEASE put_rows").run();
        group_open = false;
        group.clear();
    }
    int64_t cache_size = 0;  // PRAGMA cache_size before the Bulk
    // Whether the triggers and the foreign keys are on (the default). A bulk import's puts that
    // only add rows run with both off: each participant row cost a trigger call (to learn that
    // its links are deferred) and three foreign-key lookups by text. The links and pairs are
    // written at the commit (write_links), put() checks the references that can dangle itself,
    // and whatever deletes (a replaced source) runs with both on again.
    bool checks_on = true;
    void checks(bool on) {
        if (on == checks_on)
            return;
        // Both expire the prepared statements, which SQLite prepares again when next run.
        sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, nullptr);
        sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_FKEY, on ? 1 : 0, nullptr);
        checks_on = on;
    }
    // The (event, actor, type code) numbers of the participants a bulk's committed puts wrote,
    // for its commit to write their links without reading the participants back by their text
    // keys (half of a commit's instructions). Only while links_exact: once rows were deleted in
    // the transaction (a replaced source, SQL of its own), the commit derives the links from
    // links_deferred and the participants left.
    std::vector<std::array<int64_t, 3>> pending_links;
    bool links_exact = true;
    // Committed entities' numbers (entities.no), and the type codes (event_types), as read.
    std::unordered_map<std::string, int64_t> entity_nos;
    std::map<EventType, int64_t> type_codes;
    int64_t type_code(EventType type) {
        if (type_codes.empty()) {
            sqlite::Statement t(db, "SELECT name, code FROM event_types");
            while (t.step())
                if (auto known_type = event_type_from_string(t.text(0)))
                    type_codes[*known_type] = t.integer(1);
            type_codes.emplace(EventType::MEET, -1);  // read once even when the table is empty
        }
        auto it = type_codes.find(type);
        return it == type_codes.end() ? -1 : it->second;
    }
    //! Writes the links (and pairs) of the deferred sources before a bulk's commit.
    void write_links();
    //! Forgets what put() remembers of the database, after a rollback of a Bulk's transaction.
    void forget() {
        pending_links.clear();
        undeferred.clear();
        links_exact = true;
        entity_nos.clear();
        type_codes.clear();
        stored_entities.clear();
        stored_aliases.clear();
        stored_alias_lists.clear();
        known.clear();
    }

    // Helpers used by put().
    std::set<std::string> key_actors(const Event& e);
    //! The ids of the events stored that e may merge with, sorted, each once.
    std::vector<std::string> candidates(const Event& e);
    Event load_event_core(const std::string& id, int64_t* no = nullptr);
    Known::KnownEvent& known_event(const std::string& id);
    //! The stored event a report joins by the merge policy ("" for none), and the ones it
    //! may duplicate otherwise. `this_source`: the events of the report's own source so far.
    std::string match(const Event& report, const std::set<std::string>& key,
                      const std::unordered_set<std::string>& this_source,
                      std::vector<std::string>& duplicates_of);
    //! A new event's id, from its type, date, source and participants; not yet taken.
    std::string new_event_id(const Event& event, const std::string& source_id);
    //! Writes the events row of a new event, with its attributes; returns what `known` keeps of
    //! it (its core).
    Event insert_event(const std::string& id, const Event& event, const DateInterval& stored_date);
    //! Merges a report's attributes into a stored event's (json_patch: a key's last value wins).
    //! The event by its number (events.no): the row without a descent of the text index.
    void merge_attributes(int64_t no, const Event& event);
    void recompute(const std::string& id);
    void write_derived(const std::string& id, const Derivation& derivation, Event* row);
    void remove_source(const std::string& source_id);
    Source read_source(sqlite::Statement& s, int column) const;
};

namespace {

// Whether another process has the database open: each connection to a WAL file holds a read
// lock on the "dead man switch" byte of its -shm file (SQLite's unix VFS: byte 128).
bool in_use_elsewhere(const std::filesystem::path& shm) {
    int fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 128;
    lock.l_len = 1;
    bool used = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return used;
}

// A file that was last closed cleanly has no -wal left (the last connection checkpoints and
// deletes it); one with content and nobody using the file was left by a crash or a kill.
bool closed_uncleanly(const std::filesystem::path& path) {
    std::error_code ec;
    auto wal = path.string() + "-wal";
    auto size = std::filesystem::file_size(wal, ec);
    return !ec && size > 0 && !in_use_elsewhere(path.string() + "-shm");
}

}  // namespace

void Store::Impl::open(bool create, bool read_only) {
    std::error_code ec;
    bool existed = std::filesystem::exists(path, ec);
    if (!existed && !create)
        throw StoreError(path.string() + ": no such database");
    // An empty file is what a failed or interrupted creation leaves, or not a store at all:
    // a reader must not turn it into one (issue 14).
    if (existed && !create && std::filesystem::is_regular_file(path, ec) &&
        std::filesystem::file_size(path, ec) == 0 && !ec)
        throw StoreError(path.string() +
                         ": an empty file, not a diplograph database; left "
                         "untouched. Import into it, or name another with --db");
    bool check_first = existed && closed_uncleanly(path);
    // A Store is used by one thread at a time: no per-call mutexes (they cost ~5% of a full
    // read of a large store).
    int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX |
                (create ? SQLITE_OPEN_CREATE : 0);
    db = sqlite::Database(path.string(), flags);
    int app = 0, version = 0, tables = 0;
    auto read_header = [&] {
        sqlite::Statement a(db, "PRAGMA application_id");
        if (a.step())
            app = static_cast<int>(a.integer(0));
        sqlite::Statement v(db, "PRAGMA user_version");
        if (v.step())
            version = static_cast<int>(v.integer(0));
        sqlite::Statement t(db, "SELECT count(*) FROM sqlite_master");
        if (t.step())
            tables = static_cast<int>(t.integer(0));
    };
    try {
        try {
            read_header();
        } catch (const sqlite::Error& e) {
            // A WAL file in a folder the user cannot write, closed cleanly (no -wal), cannot
            // get its -shm: read it as immutable, which needs none. No writer can be at work,
            // as it would need the folder too.
            if (!read_only || std::filesystem::exists(path.string() + "-wal", ec) ||
                (e.primary() != SQLITE_CANTOPEN && e.primary() != SQLITE_READONLY))
                throw;
            std::string uri = "file:";
            for (char c : path.string()) {
                if (c == '%' || c == '?' || c == '#')
                    uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
                else
                    uri += c;
            }
            db = sqlite::Database(uri + "?immutable=1", flags | SQLITE_OPEN_URI);
            read_header();
        }
    } catch (const sqlite::Error& e) {
        if (e.primary() == SQLITE_NOTADB)
            throw StoreError(path.string() +
                             ": not a diplograph database (not an SQLite file); left untouched. "
                             "Name another file with --db");
        throw StoreError(path.string() + ": " + e.what());
    }
    if (app != kApplicationId && !(app == 0 && version == 0 && tables == 0)) {
        throw StoreError(path.string() +
                         ": not a diplograph database (an SQLite file of another program); left "
                         "untouched. Name another file with --db");
    }
    if (version > kLatest) {
        throw StoreError(fmt::format(
            "{}: written by a newer diplograph (schema version {}, this one reads up to {}); "
            "upgrade diplograph to open it",
            path.string(), version, kLatest));
    }
    if (check_first) {
        sqlite::Statement q(db, "PRAGMA quick_check");
        std::string verdict = q.step() ? q.text(0) : "no answer";
        if (verdict != "ok")
            throw StoreError(fmt::format(
                "{}: damaged (it was not closed cleanly, and PRAGMA quick_check says: {}); "
                "'diplograph check --full' lists the damage",
                path.string(), verdict));
    }
    if (read_only) {
        if (tables == 0)
            throw StoreError(path.string() + ": an empty database: nothing imported yet");
        if (version < kLatest)
            throw StoreError(fmt::format(
                "{}: written by an older diplograph (schema version {}, this one reads {}); "
                "run 'diplograph import' on it once to upgrade it",
                path.string(), version, kLatest));
        db.exec("PRAGMA mmap_size=17179869184");
        return;
    }
    // A new file gets pages of 8 KiB (SQLite's default is 4): shallower indexes of text keys
    // for the import to descend, for 3% less CPU time importing 10,000 articles (16 KiB cost
    // more: each article's savepoint copies every page it changes). Only before the first
    // table and before WAL mode; an existing file keeps its size.
    if (tables == 0)
        db.exec("PRAGMA page_size=8192");
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=NORMAL");
    // Reads map the file instead of copying pages through read() calls.
    db.exec("PRAGMA mmap_size=17179869184");
    // Before foreign keys are on: a migration that rebuilds a table must not cascade.
    if (version < kLatest)
        migrate(version);
    db.exec("PRAGMA foreign_keys=ON");
    // Only a bulk import's open transaction has deferred links; rows in a committed state
    // come from another program (or a bug): their links are derived now.
    bool deferred = false;
    {
        sqlite::Statement d(db, "SELECT 1 FROM links_deferred LIMIT 1");
        deferred = d.step();
    }
    if (deferred) {
        sqlite::Transaction tx(db);
        db.exec(kNewLinks);
        db.exec(kDeriveDeferred);
        db.exec(kWriteNewLinks);
        tx.commit();
    }
}

void Store::Impl::migrate(int from) {
    sqlite::Transaction tx(db);
    // Another process may have migrated the file since it was opened.
    {
        sqlite::Statement v(db, "PRAGMA user_version");
        if (v.step())
            from = std::max(from, static_cast<int>(v.integer(0)));
    }
    for (int i = from; i < kLatest; ++i)
        db.exec(kMigrations[i]);
    db.exec(fmt::format("PRAGMA application_id={}", kApplicationId));
    db.exec(fmt::format("PRAGMA user_version={}", kLatest));
    tx.commit();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::Store(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->open(true);
}

Store Store::open_existing(const std::filesystem::path& path) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->open(false);
    return Store(std::move(impl));
}

Store Store::open_read_only(const std::filesystem::path& path) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->open(false, true);
    return Store(std::move(impl));
}

Store::~Store() = default;

std::vector<std::string> Store::check(bool full) const {
    sqlite::Statement q(impl_->db,
                        full ? "PRAGMA integrity_check(100)" : "PRAGMA quick_check(100)");
    std::vector<std::string> out;
    // One row per problem, or several problems in one row, a line each (SQLite 3.40).
    while (q.step()) {
        std::string text = q.text(0);
        for (std::size_t start = 0; start < text.size();) {
            auto end = std::min(text.find('\n', start), text.size());
            if (end > start)
                out.push_back(text.substr(start, end - start));
            start = end + 1;
        }
    }
    if (out.size() == 1 && out[0] == "ok")
        out.clear();
    return out;
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

std::optional<ActorLinks> Store::actor_links(const std::string& of_actor) const {
    return aggregates::read(impl_->db, of_actor);
}

namespace {
// While it lives, reads of this connection go through SQLite's page cache, not the mapping.
struct Unmapped {
    const sqlite::Database& db;
    int64_t size = 0;
    explicit Unmapped(const sqlite::Database& database) : db(database) {
        sqlite::Statement s(db, "PRAGMA mmap_size");
        size = s.step() ? s.integer(0) : 0;
        if (size > 0)
            db.exec("PRAGMA mmap_size=0");
    }
    ~Unmapped() {
        if (size > 0)
            sqlite3_exec(db.get(), fmt::format("PRAGMA mmap_size={}", size).c_str(), nullptr,
                         nullptr, nullptr);
    }
    Unmapped(const Unmapped&) = delete;
    Unmapped& operator=(const Unmapped&) = delete;
};

// While it lives, the connection's page cache holds at most 64 MiB (as in a Bulk), whatever it
// held before.
struct CacheBound {
    const sqlite::Database& db;
    int64_t size = -2000;
    explicit CacheBound(const sqlite::Database& database) : db(database) {
        sqlite::Statement s(db, "PRAGMA cache_size");
        size = s.step() ? s.integer(0) : -2000;
        db.exec("PRAGMA cache_size=-65536");
    }
    ~CacheBound() {
        sqlite3_exec(db.get(), fmt::format("PRAGMA cache_size={}", size).c_str(), nullptr, nullptr,
                     nullptr);
    }
    CacheBound(const CacheBound&) = delete;
    CacheBound& operator=(const CacheBound&) = delete;
};
}  // namespace

Refreshed Store::refresh_aggregates() {
    if (impl_->in_bulk)
        throw std::logic_error("refresh_aggregates inside a Bulk");
    // Its scans read the whole store (a whole rebuild) through a bounded page cache: mapped,
    // every page read stayed in the process (620 MB of a 1M-row GDELT import's peak).
    Unmapped unmapped(impl_->db);
    CacheBound bounded(impl_->db);
    auto how = aggregates::refresh(impl_->db, impl_->watch ? &*impl_->watch : nullptr);
    if (impl_->watch)
        impl_->watch = aggregates::watch(impl_->db);  // the next writes, from now on
    return how;
}

void Store::watch_aggregates() {
    if (impl_->in_bulk)
        throw std::logic_error("watch_aggregates inside a Bulk");
    impl_->watch = aggregates::watch(impl_->db);
}

const std::filesystem::path& Store::path() const {
    return impl_->path;
}

void Store::exec(const std::string& sql) {
    // The SQL may change what put() remembers of the database.
    impl_->stored_entities.clear();
    impl_->stored_aliases.clear();
    impl_->stored_alias_lists.clear();
    impl_->known.clear();
    impl_->entity_nos.clear();
    impl_->type_codes.clear();
    impl_->links_exact = false;
    impl_->checks(true);
    impl_->db.exec(sql);
}

std::set<std::string> Store::Impl::key_actors(const Event& e) {
    // People count as their country, as in the corpus scorer.
    std::set<std::string> key;
    for (const auto& p : e.participants) {
        if (p.actor.rfind("person/", 0) == 0) {
            auto it = person_countries.find(p.actor);
            if (it == person_countries.end()) {
                auto& s = cache.use("SELECT country FROM entities WHERE id=?");
                s.bind(p.actor);
                std::string c = s.step() ? s.text(0) : std::string();
                s.reset();
                it = person_countries.emplace(p.actor, c).first;
            }
            if (!it->second.empty())
                key.insert(it->second);
        } else {
            key.insert(p.actor);
        }
    }
    return key;
}

namespace {
// A date of known_index and known_dates (Store::Impl::known_db) as one integer (year, month and day
// as written), and the day that orders an index row: its first day, or kUndated first of all.
constexpr int64_t kYearOffset = 1000000;
constexpr int64_t kUndated = std::numeric_limits<int64_t>::min();
int64_t packed(const Date& d) {
    return (d.year + kYearOffset) * 10000 + d.month * 100 + d.day;
}
Date unpacked(int64_t v) {
    return {static_cast<int>(v / 10000 - kYearOffset), static_cast<int>(v / 100 % 100),
            static_cast<int>(v % 100)};
}
bool dated(const DateInterval& d) {
    return d.known() && d.first.valid() && d.last.valid();
}
int64_t index_day(const DateInterval& d) {
    return dated(d) ? days_from_civil(d.first) : kUndated;
}
DateInterval interval_at(const sqlite::Statement& s, int column) {
    DateInterval d;
    d.first = unpacked(s.integer(column));
    d.last = unpacked(s.integer(column + 1));
    d.precision = static_cast<Precision>(s.integer(column + 2));
    return d;
}
bool same_date(const DateInterval& a, const DateInterval& b) {
    return a.first == b.first && a.last == b.last && a.precision == b.precision;
}
}  // namespace

void Store::Impl::known_ready() {
    if (known_db && !known.stale)
        return;
    if (!known_db) {
        known_db.emplace("", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        // One transaction the whole time: its pages go to the file only when the cache is full.
        known_db->exec(R"sql(
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-16384;
CREATE TABLE known_dates(
  event TEXT PRIMARY KEY, first INTEGER NOT NULL, last INTEGER NOT NULL,
  precision INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE known_index(
  actor TEXT NOT NULL, type INTEGER NOT NULL, day INTEGER NOT NULL, event TEXT NOT NULL,
  first INTEGER NOT NULL, last INTEGER NOT NULL, precision INTEGER NOT NULL,
  PRIMARY KEY(actor, type, day, event)
) WITHOUT ROWID;
CREATE INDEX known_index_event ON known_index(event);
BEGIN;
)sql");
    } else {
        known_db->exec("DELETE FROM known_dates; DELETE FROM known_index;");
    }
    known.stale = false;
}

std::optional<DateInterval> Store::Impl::known_date(const std::string& id) {
    known_ready();
    auto& s = known_statement(known_sql.date,
                              "SELECT first, last, precision FROM known_dates WHERE event=?");
    s.bind_kept(id);
    std::optional<DateInterval> out;
    if (s.step())
        out = interval_at(s, 0);
    s.reset();
    return out;
}

namespace {

//! Runs an insert of an event's date into known_dates (event, first, last, precision).
void write_known_date(sqlite::Statement& s, const std::string& id, const DateInterval& date) {
    s.bind_kept(id)
        .bind(packed(date.first))
        .bind(packed(date.last))
        .bind(static_cast<int64_t>(date.precision))
        .run();
    s.reset();
}

}  // namespace

DateInterval Store::Impl::known_date_or(const std::string& id, const DateInterval& date) {
    if (auto d = known_date(id))
        return *d;
    write_known_date(known_statement(known_sql.add_date,
                                     "INSERT INTO known_dates(event, first, last, precision) "
                                     "VALUES (?, ?, ?, ?)"),
                     id, date);
    DateInterval d;
    d.first = date.first;
    d.last = date.last;
    d.precision = date.precision;
    return d;
}

void Store::Impl::known_redate(const std::string& id, const DateInterval& date) {
    known_ready();
    write_known_date(known_statement(known_sql.set_date,
                                     "INSERT OR REPLACE INTO known_dates(event, first, last, "
                                     "precision) VALUES (?, ?, ?, ?)"),
                     id, date);
    // The pairs that hold it keep the longest interval among their events.
    if (dated(date)) {
        const int64_t span = days_from_civil(date.last) - days_from_civil(date.first);
        auto& pairs = known_statement(known_sql.pairs_of,
                                      "SELECT actor, type FROM known_index WHERE event=?");
        pairs.bind_kept(id);
        while (pairs.step()) {
            auto it = known.loaded.find({pairs.text(0), static_cast<EventType>(pairs.integer(1))});
            if (it != known.loaded.end())
                it->second = std::max(it->second, span);
        }
        pairs.reset();
    }
    auto& u = known_statement(known_sql.redate,
                              "UPDATE known_index SET day=?, first=?, last=?, precision=? "
                              "WHERE event=?");
    u.bind(index_day(date))
        .bind(packed(date.first))
        .bind(packed(date.last))
        .bind(static_cast<int64_t>(date.precision))
        .bind_kept(id)
        .run();
    u.reset();
}

void Store::Impl::known_index(const std::string& actor, EventType type, const std::string& id,
                              const DateInterval& date) {
    auto it = known.loaded.find({actor, type});
    if (it == known.loaded.end())
        return;
    if (dated(date))
        it->second = std::max(it->second, days_from_civil(date.last) - days_from_civil(date.first));
    auto& s = known_statement(known_sql.index,
                              "INSERT OR IGNORE INTO known_index(actor, type, day, event, "
                              "first, last, precision) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind_kept(actor)
        .bind(static_cast<int64_t>(type))
        .bind(index_day(date))
        .bind_kept(id)
        .bind(packed(date.first))
        .bind(packed(date.last))
        .bind(static_cast<int64_t>(date.precision))
        .run();
    s.reset();
}

std::vector<std::string> Store::Impl::candidates(const Event& e) {
    // The stored events of the same type that share an actor with e. Those whose date cannot
    // be compatible are left out here: same_event() would refuse them, and loading each one's
    // participants to learn it costs more and more as the store grows.
    known_ready();
    std::vector<std::string> ids;
    for (const auto& p : e.participants) {
        auto key = std::make_pair(p.actor, e.type);
        auto it = known.loaded.find(key);
        if (it == known.loaded.end()) {
            it = known.loaded.emplace(std::move(key), 0).first;
            auto& s = cache.use(
                "SELECT DISTINCT p.event, e.date_from, e.date_to, e.precision FROM participants "
                "p JOIN events e ON e.id=p.event WHERE p.actor=? AND e.type=?");
            s.bind(p.actor).bind(to_string(e.type));
            while (s.step()) {
                const std::string id = s.text(0);
                auto date = interval_of(s.text(1), s.text(2), s.text(3), std::string());
                DateInterval current = known_date_or(id, date);
                if (!same_date(current, date))
                    known_redate(id, date);
                known_index(p.actor, e.type, id, date);
            }
        }
        // The events that may overlap e: the undated ones, then (when e is dated) those that
        // begin between its first day less the pair's longest interval and its last day.
        auto& q = dated(e.date)
                      ? known_statement(known_sql.range,
                                        "SELECT event, first, last, precision FROM "
                                        "known_index WHERE actor=?1 AND type=?2 AND day=?3 "
                                        "UNION ALL SELECT event, first, last, precision FROM "
                                        "known_index WHERE actor=?1 AND type=?2 AND day "
                                        "BETWEEN ?4 AND ?5")
                      : known_statement(known_sql.all,
                                        "SELECT event, first, last, precision FROM "
                                        "known_index WHERE actor=?1 AND type=?2");
        q.bind_kept(p.actor).bind(static_cast<int64_t>(e.type));
        if (dated(e.date))
            q.bind(kUndated)
                .bind(days_from_civil(e.date.first) - it->second)
                .bind(days_from_civil(e.date.last));
        while (q.step())
            if (e.date.compatible(interval_at(q, 1)))
                ids.push_back(q.text(0));
        q.reset();
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

Event Store::Impl::load_event_core(const std::string& id, int64_t* no) {
    Event e;
    auto& s = cache.use(
        "SELECT type, subtype, status, date_from, date_to, precision, date_how, place, no, cameo, "
        "plover, plover_mode, goldstein FROM events WHERE id=?");
    s.bind(id);
    if (!s.step())
        throw StoreError("database error: event " + id + " vanished");
    e.id = id;
    e.type = event_type_from_string(s.text(0)).value_or(EventType::MEET);
    e.subtype = s.text(1);
    e.status = status_from_string(s.text(2)).value_or(Status::reported);
    e.date = interval_of(s.text(3), s.text(4), s.text(5), s.text(6));
    e.place = s.text(7);
    if (no)
        *no = s.integer(8);
    e.cameo = s.text(9);
    e.plover = s.text(10);
    e.plover_mode = s.text(11);
    if (!s.is_null(12))
        e.goldstein = s.real(12);
    s.reset();
    auto& p = cache.use(
        "SELECT DISTINCT actor, role FROM participants WHERE event=? ORDER BY actor, role");
    p.bind(id);
    while (p.step())
        e.participants.push_back(
            {p.text(0), participant_role_from_string(p.text(1)).value_or(ParticipantRole::party)});
    return e;
}

Store::Impl::Known::KnownEvent& Store::Impl::known_event(const std::string& id) {
    auto it = known.cores.find(id);
    if (it == known.cores.end()) {
        int64_t no = 0;
        Event core = load_event_core(id, &no);
        it = known.cores.emplace(id, Known::KnownEvent{std::move(core), std::nullopt, no, {}, 0})
                 .first;
    }
    return it->second;
}

std::string Store::Impl::match(const Event& report, const std::set<std::string>& key,
                               const std::unordered_set<std::string>& this_source,
                               std::vector<std::string>& duplicates_of) {
    std::vector<std::string> ids = candidates(report);
    std::vector<MergeCandidate> stored;
    stored.reserve(ids.size());
    for (const std::string& id : ids) {
        auto& known_one = known_event(id);
        stored.push_back({{&known_one.core, &key_of(known_one)}, this_source.count(id) > 0});
    }
    MergeDecision decision = decide_merge({&report, &key}, stored);
    for (std::size_t i : decision.possible_duplicates)
        duplicates_of.push_back(ids[i]);
    return decision.merge_with ? ids[*decision.merge_with] : std::string();
}

std::string Store::Impl::new_event_id(const Event& event, const std::string& source_id) {
    std::string basis =
        fmt::format("{}|{}|{}", to_string(event.type), event.date.to_string(), source_id);
    auto parts = event.participants;
    std::sort(parts.begin(), parts.end());
    for (const auto& p : parts)
        basis.append("|").append(p.actor).append(":").append(to_string(p.role));
    const char* prefix = event.type == EventType::AGREEMENT ? "agreement/" : "event/";
    std::string id = prefix + stable_hash(basis);
    // Two distinct events of one source with the same basis get distinct ids.
    for (int n = 2;; ++n) {
        auto& taken = fast_statement(fast.exists, "SELECT 1 FROM events WHERE id=?");
        taken.bind_kept(id);
        bool is_taken = taken.step();
        taken.reset();
        if (!is_taken)
            return id;
        id = prefix + stable_hash(basis + "#" + std::to_string(n));
    }
}

Event Store::Impl::insert_event(const std::string& id, const Event& event,
                                const DateInterval& stored_date) {
    const std::string date_from = date_text(event.date.first);
    const std::string date_to = date_text(event.date.last);
    auto& ins = fast_statement(
        fast.event,
        "INSERT INTO events(id, type, subtype, status, date_from, date_to, precision, "
        "date_how, place, cameo, plover, plover_mode, goldstein, attributes) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind_kept(id)
        .bind_kept(to_string(event.type))
        .bind_kept(event.subtype)
        .bind_kept(to_string(event.status))
        .bind_kept(date_from)
        .bind_kept(date_to)
        .bind_kept(to_string(event.date.precision))
        .bind_kept(event.date.how)
        .bind_kept(event.place)
        .bind_kept(event.cameo)
        .bind_kept(event.plover)
        .bind_kept(event.plover_mode);
    if (event.goldstein)
        ins.bind(*event.goldstein);
    else
        ins.bind_null();
    if (event.attributes.empty())
        ins.bind_null();
    else
        ins.bind(attributes_json(event.attributes));
    ins.run();
    Event core;
    core.id = id;
    core.type = event.type;
    core.subtype = event.subtype;
    core.status = event.status;
    core.date = stored_date;
    core.place = event.place;
    core.cameo = event.cameo;
    core.plover = event.plover;
    core.plover_mode = event.plover_mode;
    core.goldstein = event.goldstein;
    return core;
}

void Store::Impl::merge_attributes(int64_t no, const Event& event) {
    if (event.attributes.empty())
        return;
    fast_statement(
        fast.attributes,
        "UPDATE events SET attributes=json_patch(ifnull(attributes, '{}'), ?) WHERE no=?")
        .bind(attributes_json(event.attributes))
        .bind(no)
        .run();
}

// The event's status, date, subtype and place are derived from all its evidence (Derivation),
// read in evidence order.
void Store::Impl::recompute(const std::string& id) {
    auto& s = cache.use(
        "SELECT status, date_from, date_to, precision, date_how, subtype, place, source, "
        "sentence, span_begin, rule FROM evidence WHERE event=? "
        "ORDER BY source, sentence, span_begin, rule");
    s.bind(id);
    Derivation derivation;
    while (s.step()) {
        derivation.add({s.text(7), s.integer(8), s.integer(9), s.text(10)},
                       status_from_string(s.text(0)).value_or(Status::reported),
                       interval_of(s.text(1), s.text(2), s.text(3), s.text(4)), s.text(5),
                       s.text(6));
    }
    s.reset();
    if (!derivation.any) {
        checks(true);  // the event's links, pairs and other rows go with it
        links_exact = false;
        cache.use("DELETE FROM events WHERE id=?").bind(id).run();
        known.clear();  // its participants went with it
        return;
    }
    if (auto it = known.cores.find(id); it != known.cores.end()) {
        it->second.derivation = std::move(derivation);
        write_derived(id, *it->second.derivation, &it->second.core);
    } else {
        write_derived(id, derivation, nullptr);
    }
}

// Writes the derived fields into the events row, unless the row as known (row) has them.
void Store::Impl::write_derived(const std::string& id, const Derivation& d, Event* row) {
    // As candidates() would read it back from the row written below; the index rows that hold
    // it move with its date.
    auto date = interval_of(date_text(d.date.first), date_text(d.date.last),
                            std::string(to_string(d.date.precision)), std::string());
    if (!same_date(known_date_or(id, DateInterval{}), date))
        known_redate(id, date);
    if (row) {
        if (row->status == d.status && row->date.first == d.date.first &&
            row->date.last == d.date.last && row->date.precision == d.date.precision &&
            row->date.how == d.date.how && row->subtype == d.subtype && row->place == d.place)
            return;
        row->status = d.status;
        row->date = d.date;
        row->subtype = d.subtype;
        row->place = d.place;
    }
    cache
        .use(
            "UPDATE events SET status=?, date_from=?, date_to=?, precision=?, date_how=?, "
            "subtype=?, place=? WHERE id=?")
        .bind(to_string(d.status))
        .bind(date_text(d.date.first))
        .bind(date_text(d.date.last))
        .bind(to_string(d.date.precision))
        .bind(d.date.how)
        .bind(d.subtype)
        .bind(d.place)
        .bind(id)
        .run();
}

void Store::Impl::remove_source(const std::string& source_id) {
    checks(true);  // the links of the removed participants go with them
    links_exact = false;
    std::vector<std::string> touched;
    {
        auto& s = cache.use("SELECT DISTINCT event FROM evidence WHERE source=?");
        s.bind(source_id);
        while (s.step())
            touched.push_back(s.text(0));
    }
    cache.use("DELETE FROM evidence WHERE source=?").bind(source_id).run();
    cache.use("DELETE FROM participants WHERE source=?").bind(source_id).run();
    cache.use("DELETE FROM roles WHERE source=?").bind(source_id).run();
    cache.use("DELETE FROM possible_duplicates WHERE source=?").bind(source_id).run();
    known.clear();
    for (const auto& id : touched)
        recompute(id);
}

Source Store::Impl::read_source(sqlite::Statement& s, int c) const {
    Source src;
    src.id = s.text(c);
    src.url = s.text(c + 1);
    src.title = s.text(c + 2);
    src.outlet = s.text(c + 3);
    src.published = s.text(c + 4);
    src.lang = s.text(c + 5);
    src.content_hash = s.text(c + 6);
    return src;
}

StoreResult Store::Impl::put_row(Store& store, const Batch& batch) {
    if (!group_open) {
        cache.use("SAVEPOINT put_rows").run();
        group_open = true;
        group_links = pending_links.size();
        group_undeferred = undeferred.size();
        check_data_version();
    }
    in_rows = true;
    try {
        std::optional<StoreResult> fast_result = put_fast(batch);
        StoreResult result = fast_result ? *fast_result : store.put(batch);
        in_rows = false;
        group.push_back(batch);
        if (group.size() >= kRowGroup)
            close_group();
        bound_known();
        return result;
    } catch (...) {
        in_rows = false;
    }
    cache.reset_all();
    for (auto* statement :
         {&fast.source, &fast.exists, &fast.event, &fast.fill, &fast.participants1,
          &fast.participants2, &fast.evidence, &fast.duplicate, &fast.attributes})
        if (*statement)
            (*statement)->reset();
    sqlite3_exec(db.get(), "ROLLBACK TO put_rows; RELEASE put_rows", nullptr, nullptr, nullptr);
    group_open = false;
    // What the group's puts taught the caches went with the rollback; the links of the rows
    // put before the group stay pending.
    pending_links.resize(group_links);
    undeferred.resize(std::min(undeferred.size(), group_undeferred));
    entity_nos.clear();
    type_codes.clear();
    stored_entities.clear();
    stored_aliases.clear();
    stored_alias_lists.clear();
    known.clear();
    auto rows = std::move(group);
    group.clear();
    ungrouped = true;
    struct Regroup {
        bool& flag;
        ~Regroup() { flag = false; }
    } regroup{ungrouped};
    for (const auto& row : rows)
        store.put(row);
    return store.put(batch);
}

void Store::Impl::check_data_version() {
    auto& v = cache.use("PRAGMA data_version");
    int64_t version = v.step() ? v.integer(0) : -1;
    v.reset();
    if (version != known.data_version) {
        known.clear();
        entity_nos.clear();
        type_codes.clear();
        known.data_version = version;
    }
}

std::optional<StoreResult> Store::Impl::put_fast(const Batch& batch) {
    if (!batch.roles.empty() || !batch.context.empty() || batch.events.size() != 1 ||
        batch.source.id.empty())
        return std::nullopt;
    const Event& event = batch.events.front();
    if (!event.of_source.empty() || event.evidence.size() != 1 || event.participants.empty() ||
        event.participants.size() > 2 || event.attributes.size() > 8)
        return std::nullopt;
    // Entities already stored, with no alias to add: put() would write nothing of them.
    for (const Entity& e : batch.entities)
        if (e.kind == EntityKind::person || !e.aliases.empty() || !stored_entities.count(e.id))
            return std::nullopt;
    const Source& source = batch.source;
    // The insert is the dedup check: a source stored already (unchanged or replaced) is put()'s.
    fast_statement(fast.source,
                   "INSERT INTO sources(id, url, title, outlet, published, lang, content_hash) "
                   "VALUES(?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING")
        .bind_kept(source.id)
        .bind_kept(source.url)
        .bind_kept(source.title)
        .bind_kept(source.outlet)
        .bind_kept(source.published)
        .bind_kept(source.lang)
        .bind_kept(source.content_hash)
        .run();
    if (db.changes() == 0)
        return std::nullopt;
    checks(false);
    if (links_exact)
        undeferred.push_back(source.id);
    else
        cache.use("INSERT OR IGNORE INTO links_deferred(source) VALUES(?)").bind(source.id).run();

    StoreResult result;
    const auto key = key_actors(event);
    DateInterval stored_date = event.date;
    stored_date.first = date_of(date_text(event.date.first));
    stored_date.last = date_of(date_text(event.date.last));
    const std::unordered_set<std::string> this_source;
    std::vector<std::string> duplicates_of;
    std::string id = match(event, key, this_source, duplicates_of);
    const std::string date_from = date_text(event.date.first);
    const std::string date_to = date_text(event.date.last);
    if (id.empty()) {
        id = new_event_id(event, source.id);
        Event core = insert_event(id, event, stored_date);
        known.cores[id] = {
            std::move(core), Derivation{}, sqlite3_last_insert_rowid(db.get()), {}, 0};
        ++result.events_new;
        for (const auto& of : duplicates_of)
            fast_statement(fast.duplicate,
                           "INSERT OR IGNORE INTO possible_duplicates(event, of, source) "
                           "VALUES(?,?,?)")
                .bind_kept(id)
                .bind_kept(of)
                .bind_kept(source.id)
                .run();
        result.possible_duplicates += static_cast<int>(duplicates_of.size());
    } else {
        ++result.events_merged;
        // Only the codes the row fills (known as stored: an event's code is never emptied).
        auto& stored_one = known_event(id);
        Event& stored = stored_one.core;
        const int64_t stored_no = stored_one.no;
        if ((!event.cameo.empty() && stored.cameo.empty()) ||
            (!event.plover.empty() && stored.plover.empty()) ||
            (!event.plover_mode.empty() && stored.plover_mode.empty()) ||
            (event.goldstein && !stored.goldstein)) {
            if (stored.cameo.empty())
                stored.cameo = event.cameo;
            if (stored.plover.empty())
                stored.plover = event.plover;
            if (stored.plover_mode.empty())
                stored.plover_mode = event.plover_mode;
            if (!stored.goldstein)
                stored.goldstein = event.goldstein;
            auto& fill = fast_statement(
                fast.fill,
                "UPDATE events SET cameo=iif(cameo='', ?1, cameo), plover=iif(plover='', ?2, "
                "plover), plover_mode=iif(plover_mode='', ?3, plover_mode), "
                "goldstein=ifnull(goldstein, ?4) WHERE no=?5");
            fill.bind_kept(event.cameo).bind_kept(event.plover).bind_kept(event.plover_mode);
            if (event.goldstein)
                fill.bind(*event.goldstein);
            else
                fill.bind_null();
            fill.bind(stored_no).run();
        }
        merge_attributes(stored_no, event);  // a new event's are in its row
    }
    auto& known_one = known_event(id);
    const DateInterval date_known =
        known_date_or(id, interval_of(date_from, date_to,
                                      std::string(to_string(event.date.precision)), std::string()));
    const int64_t type = type_code(event.type);
    auto& parts_insert =
        event.participants.size() == 1
            ? fast_statement(fast.participants1,
                             "INSERT OR IGNORE INTO participants(event, actor, role, source) "
                             "VALUES(?,?,?,?)")
            : fast_statement(fast.participants2,
                             "INSERT OR IGNORE INTO participants(event, actor, role, source) "
                             "VALUES(?,?,?,?),(?,?,?,?)");
    for (const auto& p : event.participants) {
        int64_t actor_no = 0;
        if (auto it = entity_nos.find(p.actor); it != entity_nos.end()) {
            actor_no = it->second;
        } else {
            auto& s = cache.use("SELECT no FROM entities WHERE id=?");
            s.bind(p.actor);
            bool found = s.step();
            actor_no = found ? s.integer(0) : 0;
            s.reset();
            if (!found)
                throw StoreError(fmt::format(
                    "database error: a participant of {} names {}, which is no entity (FOREIGN "
                    "KEY constraint failed)",
                    id, p.actor));
            // Committed (it is in stored_entities); a rollback of the group clears this.
            entity_nos.emplace(p.actor, actor_no);
        }
        pending_links.push_back({known_one.no, actor_no, type});
        parts_insert.bind_kept(id)
            .bind_kept(p.actor)
            .bind_kept(to_string(p.role))
            .bind_kept(source.id);
    }
    parts_insert.run();
    for (const auto& p : event.participants) {
        auto& parts = known_one.core.participants;
        if (std::none_of(parts.begin(), parts.end(), [&](const Participant& q) {
                return q.actor == p.actor && q.role == p.role;
            })) {
            parts.push_back({p.actor, p.role});
            known_one.key_countries = 0;
        }
        known_index(p.actor, event.type, id, date_known);
    }
    const Evidence& ev = event.evidence.front();
    insert_evidence(fast_statement(fast.evidence, kInsertEvidence), id, source.id, ev, event,
                    date_from, date_to);
    if (known_one.derivation && db.changes() > 0)
        known_one.derivation->add({source.id, ev.sentence, ev.begin, ev.rule}, event.status,
                                  stored_date, event.subtype, event.place);
    if (known_one.derivation)
        write_derived(id, *known_one.derivation, &known_one.core);
    else
        recompute(id);
    return result;
}

StoreResult Store::put(const Batch& batch) {
    impl_->wrote = true;  // a bulk's commit marks actor_links stale (its triggers may be off)
    if (impl_->in_bulk && !impl_->in_rows && !impl_->ungrouped) {
        if (Impl::is_row(batch))
            return impl_->put_row(*this, batch);
        // Not in the rows' group: a row failing after it would roll it back with the group.
        impl_->close_group();
    }
    auto& db = impl_->db;
    auto& cache = impl_->cache;
    StoreResult result;
    Source source = batch.source;
    if (source.id.empty())
        source.id = make_source_id(source);

    // In put_rows() the rows share its savepoint.
    auto tx = impl_->in_rows ? sqlite::Transaction(db, sqlite::Transaction::Joined{})
                             : sqlite::Transaction(db, impl_->in_bulk, cache);
    // On the way out by an exception, no kept statement may hold a read open (the transaction
    // rolls back after this guard has reset them).
    // What candidates() knows is dropped too unless the batch is committed.
    struct ResetGuard {
        Impl& impl;
        bool committed = false;
        ~ResetGuard() {
            impl.cache.reset_all();
            if (!committed)
                impl.known.clear();
        }
    } reset_guard{*impl_};
    // Under the write lock: nobody else can commit until this batch is done.
    impl_->check_data_version();
    {
        auto& s = cache.use("SELECT content_hash FROM sources WHERE id=?");
        s.bind(source.id);
        if (s.step()) {
            if (s.text(0) == source.content_hash) {
                s.reset();
                tx.rollback();
                reset_guard.committed = true;  // nothing was written
                result.outcome = StoreResult::Outcome::unchanged;
                return result;
            }
            result.outcome = StoreResult::Outcome::replaced;
        }
        s.reset();
    }
    // Mentions (of_source): the events of the sources they name. A batch of mentions none of
    // which has its event stored leaves nothing, not even its source.
    std::vector<std::string> mentioned(batch.events.size());
    {
        std::size_t found = 0, mentions = 0;
        for (std::size_t i = 0; i < batch.events.size(); ++i) {
            if (batch.events[i].of_source.empty())
                continue;
            ++mentions;
            auto& s = cache.use("SELECT event FROM evidence WHERE source=? LIMIT 1");
            s.bind(batch.events[i].of_source);
            if (s.step()) {
                mentioned[i] = s.text(0);
                ++found;
            }
            s.reset();
        }
        result.events_unmatched = static_cast<int>(mentions - found);
        if (mentions > 0 && found == 0 && mentions == batch.events.size()) {
            tx.rollback();
            reset_guard.committed = true;  // nothing was written
            return result;
        }
    }
    // A put that only adds rows, in a bulk import, runs without triggers and foreign keys.
    impl_->checks(!impl_->in_bulk || result.outcome == StoreResult::Outcome::replaced);
    if (result.outcome == StoreResult::Outcome::replaced)
        impl_->remove_source(source.id);
    cache
        .use(
            "INSERT INTO sources(id, url, title, outlet, published, lang, content_hash) "
            "VALUES(?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET url=excluded.url, "
            "title=excluded.title, outlet=excluded.outlet, published=excluded.published, "
            "lang=excluded.lang, content_hash=excluded.content_hash")
        .bind(source.id)
        .bind(source.url)
        .bind(source.title)
        .bind(source.outlet)
        .bind(source.published)
        .bind(source.lang)
        .bind(source.content_hash)
        .run();
    // In a bulk import, the links of this source's participants are derived at the commit.
    if (impl_->in_bulk)
        cache.use("INSERT OR IGNORE INTO links_deferred(source) VALUES(?)").bind(source.id).run();

    auto& ins_entity =
        cache.use("INSERT OR IGNORE INTO entities(id, kind, name, country) VALUES(?,?,?,?)");
    auto& ins_alias = cache.use("INSERT OR IGNORE INTO aliases(entity, alias, lang) VALUES(?,?,?)");
    std::vector<const Entity*> all;
    for (const auto& e : batch.entities)
        all.push_back(&e);
    for (const auto& e : batch.context)
        all.push_back(&e);
    std::vector<std::string> new_entities, new_aliases;  // known stored once committed
    std::vector<const Entity*> new_alias_lists;
    // Countries come with dozens of aliases in every article: the lengths first, the bytes
    // inline (a call to std::string's == per alias and language was 2% of the import).
    auto same_aliases = [](const std::vector<Alias>& a, const std::vector<Alias>& b) {
        auto same = [](const std::string& x, const std::string& y) {
            return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size()) == 0;
        };
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].text.size() != b[i].text.size() || a[i].lang.size() != b[i].lang.size())
                return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i].text, b[i].text) || !same(a[i].lang, b[i].lang))
                return false;
        return true;
    };
    for (const Entity* ep : all) {
        const Entity& e = *ep;
        if (e.kind != EntityKind::country && e.kind != EntityKind::person &&
            e.kind != EntityKind::organization)
            throw StoreError("entity " + e.id + ": kind " + std::string(to_string(e.kind)) +
                             " is not stored as an entity");
        if (!impl_->stored_entities.count(e.id)) {
            ins_entity.reset()
                .bind(e.id)
                .bind(to_string(e.kind))
                .bind(e.name)
                .bind(e.country)
                .run();
            new_entities.push_back(e.id);
        }
        auto listed = impl_->stored_alias_lists.find(e.id);
        if (listed == impl_->stored_alias_lists.end() || !same_aliases(listed->second, e.aliases)) {
            std::string key;
            for (const auto& a : e.aliases) {
                key.assign(e.id).append(1, '\t').append(a.lang).append(1, '\t').append(a.text);
                if (impl_->stored_aliases.count(key))
                    continue;
                ins_alias.rebind().bind_kept(e.id).bind_kept(a.text).bind_kept(a.lang).run();
                new_aliases.push_back(key);
            }
            new_alias_lists.push_back(&e);
        }
        if (e.kind == EntityKind::person)
            if (auto [it, added] = impl_->person_countries.try_emplace(e.id, e.country);
                !added && it->second != e.country) {
                it->second = e.country;
                ++impl_->countries;
            }
    }

    // The entities that roles and participants name must exist: without the foreign keys (a
    // bulk import), the check is this one, the same message either way. Their numbers are
    // kept once the batch is committed (put_nos until then: a rollback may take them back).
    std::unordered_map<std::string, int64_t> put_nos;
    auto entity_no = [&](const std::string& id, std::string_view what,
                         const std::string& whose) -> int64_t {
        if (auto it = impl_->entity_nos.find(id); it != impl_->entity_nos.end())
            return it->second;
        if (auto it = put_nos.find(id); it != put_nos.end())
            return it->second;
        auto& s = cache.use("SELECT no FROM entities WHERE id=?");
        s.bind(id);
        bool found = s.step();
        int64_t no = found ? s.integer(0) : 0;
        s.reset();
        if (!found)
            throw StoreError(fmt::format(
                "database error: {}{} names {}, which is no entity (FOREIGN KEY constraint "
                "failed)",
                what, whose, id));
        put_nos.emplace(id, no);
        return no;
    };
    std::vector<std::array<int64_t, 3>> put_links;  // pending_links once committed
    auto& ins_role = cache.use(
        "INSERT OR IGNORE INTO roles(person, title, of, date_from, date_to, source, sentence, "
        "span_begin, span_end, text, rule, confidence) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& r : batch.roles) {
        entity_no(r.person, "a role", std::string());
        entity_no(r.of, "a role of ", r.person);
        ins_role.reset()
            .bind(r.person)
            .bind(r.title)
            .bind(r.of)
            .bind(date_text(r.from))
            .bind(date_text(r.to));
        if (r.evidence) {
            ins_role.bind(source.id)
                .bind(r.evidence->sentence)
                .bind(r.evidence->begin)
                .bind(r.evidence->end)
                .bind(r.evidence->text)
                .bind(r.evidence->rule)
                .bind(r.evidence->confidence);
        } else {
            for (int i = 0; i < 7; ++i)
                ins_role.bind_null();
        }
        ins_role.run();
    }

    auto& ins_part =
        cache.use("INSERT OR IGNORE INTO participants(event, actor, role, source) VALUES(?,?,?,?)");
    auto& ins_evidence = cache.use(kInsertEvidence);
    // The events this source tells so far: a retelling in one article joins them (a replaced
    // source's evidence was removed above, so no other event has any from it).
    std::unordered_set<std::string> this_source;
    for (std::size_t index = 0; index < batch.events.size(); ++index) {
        const Event& given = batch.events[index];
        // A mention: the event of the source it names, with that event's type and participants.
        std::optional<Event> mention;
        if (!given.of_source.empty()) {
            const std::string& target = mentioned[index];
            if (target.empty())
                continue;
            mention = given;
            const Event& core = impl_->known_event(target).core;
            mention->id = target;
            mention->type = core.type;
            mention->participants = core.participants;
            mention->subtype = core.subtype;
            mention->place = core.place;
        }
        const Event& event = mention ? *mention : given;
        auto key = impl_->key_actors(event);
        // The date as it is read back from the events and evidence rows.
        DateInterval stored_date = event.date;
        stored_date.first = date_of(date_text(event.date.first));
        stored_date.last = date_of(date_text(event.date.last));
        std::string id = mention ? mention->id : std::string();
        // The policy decides (merge_policy.hpp); the stored events it may join come from
        // candidates().
        std::vector<std::string> duplicates_of;
        if (!mention)
            id = impl_->match(event, key, this_source, duplicates_of);
        if (id.empty()) {
            id = impl_->new_event_id(event, source.id);
            Event core = impl_->insert_event(id, event, stored_date);
            impl_->known.cores[id] = {
                std::move(core), Derivation{}, sqlite3_last_insert_rowid(db.get()), {}, 0};
            ++result.events_new;
            for (const auto& of : duplicates_of)
                cache
                    .use(
                        "INSERT OR IGNORE INTO possible_duplicates(event, of, source) "
                        "VALUES(?,?,?)")
                    .bind(id)
                    .bind(of)
                    .bind(source.id)
                    .run();
            result.possible_duplicates += static_cast<int>(duplicates_of.size());
        } else {
            ++result.events_merged;
            // The codes are the event's: the first source that gives each one sets it.
            if (!event.cameo.empty() || !event.plover.empty() || !event.plover_mode.empty() ||
                event.goldstein) {
                auto& fill = cache.use(
                    "UPDATE events SET cameo=iif(cameo='', ?1, cameo), plover=iif(plover='', ?2, "
                    "plover), plover_mode=iif(plover_mode='', ?3, plover_mode), "
                    "goldstein=ifnull(goldstein, ?4) WHERE id=?5");
                fill.bind(event.cameo).bind(event.plover).bind(event.plover_mode);
                if (event.goldstein)
                    fill.bind(*event.goldstein);
                else
                    fill.bind_null();
                fill.bind(id).run();
            }
            impl_->merge_attributes(impl_->known_event(id).no, event);  // a new one's: in its row
        }
        this_source.insert(id);
        auto& known_event = impl_->known_event(id);
        // A new event's date, as write_derived() will read it back, before it joins the index.
        const DateInterval date_known = impl_->known_date_or(
            id, interval_of(date_text(event.date.first), date_text(event.date.last),
                            std::string(to_string(event.date.precision)), std::string()));
        for (const auto& p : event.participants) {
            int64_t actor_no = entity_no(p.actor, "a participant of ", id);
            if (impl_->in_bulk)
                put_links.push_back({known_event.no, actor_no, impl_->type_code(event.type)});
            ins_part.rebind()
                .bind_kept(id)
                .bind_kept(p.actor)
                .bind_kept(to_string(p.role))
                .bind_kept(source.id)
                .run();
            auto& parts = known_event.core.participants;
            if (std::none_of(parts.begin(), parts.end(), [&](const Participant& q) {
                    return q.actor == p.actor && q.role == p.role;
                })) {
                parts.push_back({p.actor, p.role});
                known_event.key_countries = 0;
            }
            impl_->known_index(p.actor, event.type, id, date_known);
        }
        std::vector<Evidence> evidence = event.evidence;
        if (evidence.empty())
            evidence.push_back(Evidence{source.id, -1, 0, 0, "", "findings", 1.0});
        const std::string date_from = date_text(event.date.first);
        const std::string date_to = date_text(event.date.last);
        for (const auto& ev : evidence) {
            insert_evidence(ins_evidence.rebind(), id, source.id, ev, event, date_from, date_to);
            if (known_event.derivation && db.changes() > 0)
                known_event.derivation->add({source.id, ev.sentence, ev.begin, ev.rule},
                                            event.status, stored_date, event.subtype, event.place);
        }
        if (known_event.derivation)
            impl_->write_derived(id, *known_event.derivation, &known_event.core);
        else
            impl_->recompute(id);
    }
    cache.reset_all();
    tx.commit();
    reset_guard.committed = true;
    for (auto& id : new_entities)
        impl_->stored_entities.insert(std::move(id));
    for (auto& key : new_aliases)
        impl_->stored_aliases.insert(std::move(key));
    for (const Entity* e : new_alias_lists)
        impl_->stored_alias_lists[e->id] = e->aliases;
    impl_->entity_nos.merge(put_nos);
    impl_->pending_links.insert(impl_->pending_links.end(), put_links.begin(), put_links.end());
    return result;
}

void Store::Impl::write_links() {
    db.exec(kNewLinks);
    if (links_exact) {
        std::sort(pending_links.begin(), pending_links.end());
        pending_links.erase(std::unique(pending_links.begin(), pending_links.end()),
                            pending_links.end());
        // kLinksAtOnce links a statement (one statement each cost twice as much), the rest
        // one by one.
        constexpr std::size_t kLinksAtOnce = 128;
        static const std::string many = [] {
            std::string sql =
                "INSERT OR IGNORE INTO temp.links_new(event, actor, type) SELECT v.column1, "
                "v.column2, v.column3 FROM (VALUES (?,?,?)";
            for (std::size_t i = 1; i < kLinksAtOnce; ++i)
                sql += ",(?,?,?)";
            return sql +
                   ") v WHERE NOT EXISTS (SELECT 1 FROM event_links l WHERE l.event = v.column1 "
                   "AND l.actor = v.column2)";
        }();
        std::size_t i = 0;
        if (pending_links.size() >= kLinksAtOnce) {
            auto& add_many = cache.use(many);
            for (; i + kLinksAtOnce <= pending_links.size(); i += kLinksAtOnce) {
                add_many.rebind();
                for (std::size_t j = i; j < i + kLinksAtOnce; ++j)
                    add_many.bind(pending_links[j][0])
                        .bind(pending_links[j][1])
                        .bind(pending_links[j][2]);
                add_many.run();
            }
            add_many.reset();
        }
        auto& add = cache.use(
            "INSERT OR IGNORE INTO temp.links_new(event, actor, type) SELECT ?1, ?2, ?3 "
            "WHERE NOT EXISTS (SELECT 1 FROM event_links WHERE event = ?1 AND actor = ?2)");
        for (; i < pending_links.size(); ++i) {
            const auto& [event, actor, type] = pending_links[i];
            add.rebind().bind(event).bind(actor).bind(type).run();
        }
        add.reset();
    } else {
        // The sources of the rows put_fast() wrote while the links were exact.
        auto& defer = cache.use("INSERT OR IGNORE INTO links_deferred(source) VALUES(?)");
        for (const auto& source : undeferred)
            defer.rebind().bind_kept(source).run();
        defer.reset();
        db.exec(kDeriveDeferred);
    }
    db.exec(kWriteNewLinks);
    undeferred.clear();
    pending_links.clear();
    links_exact = true;
}

Store::Bulk Store::bulk(int every) {
    return Bulk(*this, every);
}

Store::Bulk::Bulk(Store& store, int every) : store_(store), every_(std::max(every, 1)) {
    if (store_.impl_->in_bulk)
        throw StoreError("a bulk import is open already on this store");
    // A bulk import writes all over several indexes at once: with SQLite's default 2 MB of
    // page cache, it kept reading back pages it had just written. 64 MB while it lasts.
    {
        sqlite::Statement c(store_.impl_->db, "PRAGMA cache_size");
        store_.impl_->cache_size = c.step() ? c.integer(0) : -2000;
    }
    store_.impl_->db.exec("PRAGMA cache_size=-65536");
    // Its reads through the page cache rather than the file mapped: every page of a large store
    // read once stayed in the process's memory (a 1M-row GDELT import grew with its file).
    store_.impl_->db.exec("PRAGMA mmap_size=0");
    store_.impl_->db.exec("BEGIN IMMEDIATE");
    store_.impl_->in_bulk = true;
    store_.impl_->pending_links.clear();
    store_.impl_->links_exact = true;
}

void Store::Bulk::count() {
    if (++pending_ >= every_)
        commit();
}

void Store::Bulk::commit() {
    auto& impl = *store_.impl_;
    impl.cache.reset_all();
    try {
        impl.close_group();
        impl.write_links();
        if (impl.wrote)  // the puts may have run with the triggers off (schema v7)
            impl.db.exec("UPDATE aggregates SET fresh = 0 WHERE fresh");
        impl.wrote = false;
        impl.db.exec("COMMIT");
    } catch (...) {
        impl.group_open = false;
        impl.group.clear();
        sqlite3_exec(impl.db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        impl.in_bulk = false;
        impl.checks(true);
        impl.forget();
        throw;
    }
    pending_ = 0;
    impl.db.exec("BEGIN IMMEDIATE");
}

Store::Bulk::~Bulk() {
    auto& impl = *store_.impl_;
    if (!impl.in_bulk)
        return;
    try {
        commit();
        impl.db.exec("COMMIT");
    } catch (...) {
        // Nothing may leave a destructor; what could not be committed is rolled back.
        impl.group_open = false;
        impl.group.clear();
        sqlite3_exec(impl.db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        impl.forget();
    }
    impl.in_bulk = false;
    impl.checks(true);
    sqlite3_exec(impl.db.get(), "PRAGMA mmap_size=17179869184", nullptr, nullptr, nullptr);
    sqlite3_exec(impl.db.get(), fmt::format("PRAGMA cache_size={}", impl.cache_size).c_str(),
                 nullptr, nullptr, nullptr);
}

StoreStats Store::stats() const {
    auto& db = impl_->db;
    StoreStats st;
    auto count = [&](const char* sql) {
        sqlite::Statement s(db, sql);
        return s.step() ? s.integer(0) : 0;
    };
    st.sources = count("SELECT count(*) FROM sources");
    st.evidence = count("SELECT count(*) FROM evidence");
    st.roles = count("SELECT count(*) FROM roles");
    for (auto kind : {"country", "person", "organization"})
        st.entities[kind] = 0;
    st.entities["agreement"] = 0;
    st.entities["event"] = 0;
    {
        sqlite::Statement s(db, "SELECT kind, count(*) FROM entities GROUP BY kind");
        while (s.step())
            st.entities[s.text(0)] = s.integer(1);
    }
    for (const auto& t : event_types())
        st.events[std::string(t.name)] = 0;
    {
        sqlite::Statement s(db, "SELECT type, count(*) FROM events GROUP BY type");
        while (s.step())
            st.events[s.text(0)] = s.integer(1);
    }
    st.entities["agreement"] = st.events["AGREEMENT"];
    int64_t all = 0;
    for (const auto& [type, n] : st.events)
        all += n;
    st.entities["event"] = all - st.events["AGREEMENT"];
    return st;
}

namespace {
void read_aliases(const sqlite::Database& db, Entity& e) {
    sqlite::Statement a(db, "SELECT alias, lang FROM aliases WHERE entity=? ORDER BY lang, alias");
    a.bind(e.id);
    while (a.step())
        e.aliases.push_back({a.text(0), a.text(1)});
}
}  // namespace

std::optional<Entity> Store::entity(const std::string& id) const {
    sqlite::Statement s(impl_->db, "SELECT id, kind, name, country FROM entities WHERE id=?");
    s.bind(id);
    if (!s.step())
        return std::nullopt;
    Entity e{s.text(0),
             entity_kind_from_string(s.text(1)).value_or(EntityKind::country),
             s.text(2),
             s.text(3),
             {}};
    read_aliases(impl_->db, e);
    return e;
}

std::vector<Entity> Store::entities(std::optional<EntityKind> kind, bool with_aliases) const {
    std::vector<Entity> out;
    std::unordered_map<std::string, std::size_t> at;
    std::string where = kind ? " WHERE kind=?" : "";
    {
        sqlite::Statement s(
            impl_->db, "SELECT id, kind, name, country FROM entities" + where + " ORDER BY id");
        if (kind)
            s.bind(to_string(*kind));
        while (s.step()) {
            at[s.text(0)] = out.size();
            out.push_back({s.text(0),
                           entity_kind_from_string(s.text(1)).value_or(EntityKind::country),
                           s.text(2),
                           s.text(3),
                           {}});
        }
    }
    if (!with_aliases)
        return out;
    sqlite::Statement a(impl_->db,
                        "SELECT a.entity, a.alias, a.lang FROM aliases a JOIN entities e ON "
                        "e.id=a.entity" +
                            where + " ORDER BY a.entity, a.lang, a.alias");
    if (kind)
        a.bind(to_string(*kind));
    while (a.step()) {
        auto it = at.find(a.text(0));
        if (it != at.end())
            out[it->second].aliases.push_back({a.text(1), a.text(2)});
    }
    return out;
}

namespace {
Role read_role(sqlite::Statement& s) {
    Role r;
    r.person = s.text(0);
    r.title = s.text(1);
    r.of = s.text(2);
    r.from = date_of(s.text(3));
    r.to = date_of(s.text(4));
    if (!s.is_null(5)) {
        r.evidence = Evidence{s.text(5),    static_cast<int>(s.integer(6)),
                              s.integer(7), s.integer(8),
                              s.text(9),    s.text(10),
                              s.real(11)};
    }
    return r;
}
constexpr const char* kRoleColumns =
    "SELECT person, title, of, date_from, date_to, source, sentence, span_begin, span_end, "
    "text, rule, confidence FROM roles";
}  // namespace

std::vector<Role> Store::roles_of(const std::string& person) const {
    std::vector<Role> out;
    sqlite::Statement s(impl_->db,
                        std::string(kRoleColumns) + " WHERE person=? ORDER BY date_from, title");
    s.bind(person);
    while (s.step())
        out.push_back(read_role(s));
    return out;
}

std::vector<Role> Store::roles() const {
    std::vector<Role> out;
    sqlite::Statement s(impl_->db, std::string(kRoleColumns) + " ORDER BY person, date_from");
    while (s.step())
        out.push_back(read_role(s));
    return out;
}

std::optional<Source> Store::source(const std::string& id) const {
    sqlite::Statement s(impl_->db,
                        "SELECT id, url, title, outlet, published, lang, content_hash FROM "
                        "sources WHERE id=?");
    s.bind(id);
    if (!s.step())
        return std::nullopt;
    return impl_->read_source(s, 0);
}

std::vector<Source> Store::sources() const {
    std::vector<Source> out;
    sqlite::Statement s(impl_->db,
                        "SELECT id, url, title, outlet, published, lang, content_hash FROM "
                        "sources ORDER BY id");
    while (s.step())
        out.push_back(impl_->read_source(s, 0));
    return out;
}

void Store::for_each_event(const Filter& filter,
                           const std::function<void(const StoredEvent&)>& callback) const {
    take_events(filter, [&](StoredEvent&& e) { callback(e); });
}

void Store::take_events(const Filter& filter,
                        const std::function<void(StoredEvent&&)>& callback) const {
    auto& db = impl_->db;
    // Three ordered scans merged by event id: cheaper than one query per event. The ORDER BY
    // clauses spell out the primary keys so that SQLite walks them instead of sorting (with
    // GROUP BY or DISTINCT it preferred a covering index and a temporary B-tree).
    std::vector<std::string> conditions;
    if (!filter.types.empty()) {
        std::string in;
        for (std::size_t i = 0; i < filter.types.size(); ++i)
            in += fmt::format("{}'{}'", i ? "," : "", to_string(filter.types[i]));
        conditions.push_back(fmt::format("type IN ({})", in));
    }
    // The events of some actors: every scan reads only those events' rows.
    std::string of_actors;
    std::string ids_json;  // set: of_actors reads the events' ids from it
    std::optional<Unmapped> unmapped;
    if (!filter.actors.empty()) {
        std::string in;
        for (std::size_t i = 0; i < filter.actors.size(); ++i)
            in += fmt::format("{}?", i ? "," : "");
        // Among them: each actor's range of event_pairs, its partners checked against the
        // list (`+` keeps SQLite from seeking every (actor, partner) pair instead: 2,000
        // actors, 4 million seeks, 0.8 s a scan against 0.03). For a few actors (a path's),
        // the seeks read only the events among them, where a scan reads all of each actor's
        // (a hub of a GDELT store: hundreds of thousands).
        const bool seek = filter.actors.size() <= 16;
        of_actors = filter.among_actors
                        ? fmt::format(
                              "(SELECT e.id FROM events e WHERE e.no IN (SELECT p.event FROM "
                              "entities a JOIN event_pairs p ON p.actor = a.no WHERE a.id IN ({0}) "
                              "AND {1}p.partner IN (SELECT no FROM entities WHERE id IN ({0}))))",
                              in, seek ? "" : "+")
                        : fmt::format("(SELECT event FROM participants WHERE actor IN ({}))", in);
        if (filter.among_actors && seek) {
            // A path's few actors: a few thousand rows scattered over the file. Read through
            // SQLite's page cache (pread) rather than the mapping: each first touch of a mapped
            // page is a page fault, and on a 1M-row GDELT store those faults were 80% of the
            // reading (0.5 s of CPU against 0.08 for the same rows read).
            unmapped.emplace(db);
            // Their events found once, then each scan reads them from a JSON array of their ids
            // instead of seeking event_pairs again.
            sqlite::Statement found(db, "SELECT id FROM " + of_actors);
            for (int twice = 2; twice > 0; --twice)
                for (const auto& a : filter.actors)
                    found.bind(a);
            ids_json = "[";
            while (found.step()) {
                if (ids_json.size() > 1)
                    ids_json += ',';
                ids_json += '"';
                for (char c : found.view(0)) {
                    if (c == '"' || c == '\\')
                        ids_json += '\\';
                    ids_json += c;
                }
                ids_json += '"';
            }
            ids_json += ']';
            of_actors = "(SELECT value FROM json_each(?))";
        }
        conditions.push_back("id IN " + of_actors);
    }
    std::string where;
    for (std::size_t i = 0; i < conditions.size(); ++i)
        where += (i ? " AND " : " WHERE ") + conditions[i];
    auto bind_actors = [&](sqlite::Statement& s) {
        if (!ids_json.empty()) {
            s.bind(ids_json);
            return;
        }
        for (int twice = filter.among_actors ? 2 : 1; twice > 0; --twice)
            for (const auto& a : filter.actors)
                s.bind(a);
    };
    // The scans read only the actors' events already: checking each event's participants
    // against thousands of actors again cost more than reading them.
    Filter rest = filter;
    rest.actors.clear();
    rest.among_actors = false;
    sqlite::Statement ev(db,
                         "SELECT id, type, subtype, status, date_from, date_to, precision, "
                         "date_how, place, cameo, plover, plover_mode, goldstein FROM events" +
                             where + " ORDER BY id");
    bind_actors(ev);
    sqlite::Statement parts(db, "SELECT event, actor, role FROM participants" +
                                    (of_actors.empty() ? "" : " WHERE event IN " + of_actors) +
                                    " ORDER BY event, actor, role, source");
    bind_actors(parts);
    // Without evidence, one ordered scan of the evidence key gives each event's sources.
    const bool full = filter.with_evidence || filter.min_confidence > 0;
    const std::string evid_where = of_actors.empty() ? "" : " WHERE v.event IN " + of_actors;
    sqlite::Statement evid(
        db, full ? "SELECT v.event, v.source, v.sentence, v.span_begin, v.span_end, v.text, "
                   "v.rule, v.confidence, s.id, s.url, s.title, s.outlet, s.published, s.lang, "
                   "s.content_hash FROM evidence v JOIN sources s ON s.id=v.source" +
                       evid_where + " ORDER BY v.event, v.source, v.sentence, v.span_begin, v.rule"
                 : "SELECT v.event, v.source FROM evidence v" + evid_where +
                       " ORDER BY v.event, v.source, v.sentence, v.span_begin, v.rule");
    bind_actors(evid);
    sqlite::Statement attrs(db, std::string("SELECT event, key, value FROM event_attributes") +
                                    (!filter.with_attributes ? " WHERE 0"
                                     : of_actors.empty()     ? ""
                                                             : " WHERE event IN " + of_actors) +
                                    " ORDER BY event, key");
    if (filter.with_attributes)
        bind_actors(attrs);
    sqlite::Statement dups(
        db,
        "SELECT a, b FROM (SELECT event AS a, of AS b FROM possible_duplicates UNION SELECT of, "
        "event FROM possible_duplicates)" +
            (of_actors.empty() ? "" : " WHERE a IN " + of_actors) + " ORDER BY a, b");
    bind_actors(dups);
    bool has_dup = dups.step();
    bool has_attr = attrs.step();
    bool has_part = parts.step();
    bool has_evid = evid.step();
    while (ev.step()) {
        StoredEvent se;
        Event& e = se.event;
        e.id = ev.text(0);
        e.type = event_type_from_string(ev.view(1)).value_or(EventType::MEET);
        e.subtype = ev.text(2);
        e.status = status_from_string(ev.view(3)).value_or(Status::reported);
        e.date = interval_of(ev.text(4), ev.text(5), ev.text(6), ev.text(7));
        e.place = ev.text(8);
        e.cameo = ev.text(9);
        e.plover = ev.text(10);
        e.plover_mode = ev.text(11);
        if (!ev.is_null(12))
            e.goldstein = ev.real(12);
        while (has_attr && attrs.view(0) < e.id)
            has_attr = attrs.step();
        while (has_attr && attrs.view(0) == e.id) {
            e.attributes.emplace_back(attrs.text(1), attrs.text(2));
            has_attr = attrs.step();
        }
        while (has_dup && dups.view(0) < e.id)
            has_dup = dups.step();
        while (has_dup && dups.view(0) == e.id) {
            se.possible_duplicates.push_back(dups.text(1));
            has_dup = dups.step();
        }
        while (has_part && parts.view(0) < e.id)
            has_part = parts.step();
        while (has_part && parts.view(0) == e.id) {
            // One row per source: keep each (actor, role) once.
            if (!e.participants.empty() && e.participants.back().actor == parts.view(1) &&
                to_string(e.participants.back().role) == parts.view(2)) {
                has_part = parts.step();
                continue;
            }
            e.participants.push_back(
                {parts.text(1),
                 participant_role_from_string(parts.view(2)).value_or(ParticipantRole::party)});
            has_part = parts.step();
        }
        while (has_evid && evid.view(0) < e.id)
            has_evid = evid.step();
        while (!full && has_evid && evid.view(0) == e.id) {
            if (!se.sources.empty() && se.sources.back().id == evid.view(1)) {
                has_evid = evid.step();
                continue;
            }
            Source src;
            src.id = evid.text(1);
            se.sources.push_back(std::move(src));
            has_evid = evid.step();
        }
        while (full && has_evid && evid.view(0) == e.id) {
            e.evidence.push_back(Evidence{evid.text(1), static_cast<int>(evid.integer(2)),
                                          evid.integer(3), evid.integer(4), evid.text(5),
                                          evid.text(6), evid.real(7)});
            if (se.sources.empty() || se.sources.back().id != evid.view(8))
                se.sources.push_back(impl_->read_source(evid, 8));
            has_evid = evid.step();
        }
        if (rest.accepts(se))
            callback(std::move(se));
    }
}

namespace {

//! The type of each code of event_types in this file; code -1 or an unknown name reads as MEET,
//! as an unknown type does in take_events.
std::vector<EventType> read_type_codes(const sqlite::Database& db) {
    std::vector<EventType> type_of_code;
    sqlite::Statement s(db, "SELECT code, name FROM event_types WHERE code BETWEEN 0 AND 255");
    while (s.step()) {
        const auto code = static_cast<std::size_t>(s.integer(0));
        if (type_of_code.size() <= code)
            type_of_code.resize(code + 1, EventType::MEET);
        type_of_code[code] = event_type_from_string(s.view(1)).value_or(EventType::MEET);
    }
    return type_of_code;
}

//! Entity numbers → the actors they name, numbered as Graph::load numbers them: in id order.
//! Numbers are rowids, dense unless written by hand: a vector, else a hash map.
class ActorNumbering {
  public:
    //! `numbers` (repeats allowed) within [low, high].
    ActorNumbering(const sqlite::Database& db, const std::vector<int64_t>& numbers, int64_t low,
                   int64_t high)
        : dense_(low >= 0 && high < (int64_t{1} << 28) &&
                 high <= 16 * static_cast<int64_t>(numbers.size()) + (1 << 20)),
          high_(high) {
        if (dense_ && !numbers.empty())
            dense_node_.assign(static_cast<std::size_t>(high) + 1, kOut);
        std::size_t distinct = 0;
        for (auto n : numbers) {
            uint32_t& at = dense_ ? dense_node_[static_cast<std::size_t>(n)] : sparse_node_[n];
            distinct += at != kInvolved;
            at = kInvolved;
        }
        std::vector<std::pair<int64_t, Entity>> involved;
        auto add = [&](int64_t n, sqlite::Statement& s, int c) {
            involved.emplace_back(
                n, Entity{s.text(c),
                          entity_kind_from_string(s.view(c + 1)).value_or(EntityKind::country),
                          s.text(c + 2),
                          s.text(c + 3),
                          {}});
        };
        // A few actors (a neighbourhood) by their numbers, many in one scan of the table.
        if (distinct * 16 < static_cast<std::size_t>(std::max<int64_t>(high, 0))) {
            std::vector<int64_t> wanted;
            wanted.reserve(distinct);
            for (auto n : numbers) {
                uint32_t* at = find(n);
                if (*at == kInvolved) {
                    *at = kListed;
                    wanted.push_back(n);
                }
            }
            sqlite::Statement s(db, "SELECT id, kind, name, country FROM entities WHERE no = ?");
            for (auto n : wanted) {
                *find(n) = kInvolved;
                s.reset().bind(n);
                if (s.step())
                    add(n, s, 0);
            }
        } else {
            sqlite::Statement s(db, "SELECT no, id, kind, name, country FROM entities");
            while (s.step()) {
                const uint32_t* at = find(s.integer(0));
                if (at && *at == kInvolved)
                    add(s.integer(0), s, 1);
            }
        }
        std::sort(involved.begin(), involved.end(),
                  [](const auto& a, const auto& b) { return a.second.id < b.second.id; });
        actors.reserve(involved.size());
        for (auto& [n, entity] : involved) {
            *find(n) = static_cast<uint32_t>(actors.size());
            actors.push_back(std::move(entity));
        }
    }

    //! The index in `actors` of a number given to the constructor.
    uint32_t operator()(int64_t n) const {
        const uint32_t* at = find(n);
        if (!at || *at >= kListed)  // the foreign keys forbid it
            throw StoreError(fmt::format("database error: actor number {} is no entity", n));
        return *at;
    }

    std::vector<Entity> actors;  //!< the entities of the numbers, in id order

  private:
    // Marks of the numbers before they get their index.
    static constexpr uint32_t kOut = UINT32_MAX, kInvolved = UINT32_MAX - 1,
                              kListed = UINT32_MAX - 2;
    uint32_t* find(int64_t n) {
        return const_cast<uint32_t*>(static_cast<const ActorNumbering*>(this)->find(n));
    }
    const uint32_t* find(int64_t n) const {
        if (dense_)
            return n >= 0 && n <= high_ && !dense_node_.empty()
                       ? &dense_node_[static_cast<std::size_t>(n)]
                       : nullptr;
        auto it = sparse_node_.find(n);
        return it == sparse_node_.end() ? nullptr : &it->second;
    }
    bool dense_;
    int64_t high_;
    std::vector<uint32_t> dense_node_;
    std::unordered_map<int64_t, uint32_t> sparse_node_;
};

}  // namespace

std::optional<EventLinks> Store::event_links(const Filter& filter, bool with_types,
                                             bool with_roles) const {
    if (filter.min_confidence > 0 || !filter.sources.empty() || filter.among_actors ||
        !filter.cameo.empty() || !filter.plover.empty() ||  // codes: read through take_events
        filter.actors.size() > 30000)  // SQLite's limit on bound parameters is 32766
        return std::nullopt;
    auto& db = impl_->db;
    const auto type_of_code = read_type_codes(db);
    // The events of some actors only: both scans read those events' rows through the indexes.
    std::string of_actors;
    std::string ids_json;  // set: of_actors reads the events' ids from it
    std::optional<Unmapped> unmapped;
    if (!filter.actors.empty()) {
        std::string in;
        for (std::size_t i = 0; i < filter.actors.size(); ++i)
            in += i ? ",?" : "?";
        of_actors = fmt::format(
            "(SELECT l.event FROM entities a JOIN event_links l ON l.actor = a.no WHERE a.id IN "
            "({}))",
            in);
    }
    auto bind_actors = [&](sqlite::Statement& s) {
        for (const auto& a : filter.actors)
            s.bind(a);
    };
    // The type column only when asked for or filtered on: one column fewer per row otherwise.
    const bool typed = with_types || !filter.types.empty();
    sqlite::Statement links(db, std::string(typed ? "SELECT event, actor, type FROM event_links"
                                                  : "SELECT event, actor FROM event_links") +
                                    (of_actors.empty() ? "" : " WHERE event IN " + of_actors) +
                                    " ORDER BY event, actor");
    bind_actors(links);
    // The status and the dates are the events table's: a second scan in the same order. A
    // minimum of sources leaves the events with fewer out of it (the distinct sources of their
    // evidence, as StoredEvent::corroboration counts them: one range of its key per event).
    const bool dates = filter.since || filter.until;
    std::optional<sqlite::Statement> ev;
    if (dates || !filter.statuses.empty() || filter.min_sources > 1) {
        std::string where;
        if (!of_actors.empty())
            where = " WHERE no IN " + of_actors;
        if (filter.min_sources > 1)
            where += fmt::format(
                "{}(SELECT count(DISTINCT source) FROM evidence WHERE event = events.id) >= {}",
                where.empty() ? " WHERE " : " AND ", filter.min_sources);
        ev.emplace(db, std::string(dates ? "SELECT no, status, date_from, date_to, precision "
                                           "FROM events"
                                         : "SELECT no, status FROM events") +
                           where + " ORDER BY no");
        bind_actors(*ev);
    }
    bool has_ev = ev && ev->step();
    // The roles: a third scan in event order (events by number, their participants by key).
    std::optional<sqlite::Statement> roles;
    if (with_roles) {
        roles.emplace(db,
                      "SELECT e.no, a.no, p.role FROM events e JOIN participants p ON p.event "
                      "= e.id JOIN entities a ON a.id = p.actor" +
                          (of_actors.empty() ? "" : " WHERE e.no IN " + of_actors) +
                          " ORDER BY e.no");
        bind_actors(*roles);
    }
    bool has_role = roles && roles->step();
    std::vector<std::pair<int64_t, uint8_t>> event_roles;  // the current event's (actor, role)
    auto read_roles = [&](int64_t event) {
        event_roles.clear();
        while (has_role && roles->integer(0) < event)
            has_role = roles->step();
        for (; has_role && roles->integer(0) == event; has_role = roles->step())
            if (auto r = participant_role_from_string(roles->view(2)))
                event_roles.emplace_back(roles->integer(1), role_bit(*r));
    };
    auto keep = [&](int64_t event, EventType type) {
        if (!filter.types.empty() &&
            std::find(filter.types.begin(), filter.types.end(), type) == filter.types.end())
            return false;
        if (!ev)
            return true;
        while (has_ev && ev->integer(0) < event)
            has_ev = ev->step();
        if (!has_ev || ev->integer(0) != event)
            return false;
        if (!filter.statuses.empty()) {
            const auto status = status_from_string(ev->view(1)).value_or(Status::reported);
            if (std::find(filter.statuses.begin(), filter.statuses.end(), status) ==
                filter.statuses.end())
                return false;
        }
        if (dates) {
            const auto d = interval_of(ev->text(2), ev->text(3), ev->text(4), "");
            if (!d.known() || (filter.since && d.last < *filter.since) ||
                (filter.until && *filter.until < d.first))
                return false;
        }
        return true;
    };

    EventLinks out;
    std::vector<int64_t> numbers;  // the members' entity numbers, renumbered below
    int64_t event = 0, low = 0, high = 0;
    bool any = false, kept = false;
    while (links.step()) {
        const int64_t e = links.integer(0);
        if (!any || e != event) {
            if (kept)
                out.offsets.push_back(static_cast<uint32_t>(numbers.size()));
            event = e;
            EventType type = EventType::MEET;
            const auto code = typed ? links.integer(2) : -1;
            if (code >= 0 && static_cast<std::size_t>(code) < type_of_code.size())
                type = type_of_code[static_cast<std::size_t>(code)];
            kept = keep(e, type);
            if (kept && with_types)
                out.types.push_back(type);
            if (kept && with_roles)
                read_roles(e);
        }
        if (kept) {
            const int64_t n = links.integer(1);
            if (with_roles) {
                uint8_t bits = 0;
                for (const auto& [actor, bit] : event_roles)
                    if (actor == n)
                        bits |= bit;
                out.roles.push_back(bits);
            }
            low = numbers.empty() ? n : std::min(low, n);
            high = numbers.empty() ? n : std::max(high, n);
            numbers.push_back(n);
        }
        any = true;
    }
    if (kept)
        out.offsets.push_back(static_cast<uint32_t>(numbers.size()));

    ActorNumbering numbering(db, numbers, low, high);
    out.members.reserve(numbers.size());
    for (auto n : numbers)
        out.members.push_back(numbering(n));
    out.actors = std::move(numbering.actors);
    return out;
}

std::optional<ActorPartners> Store::partners(const Filter& filter, bool among_them) const {
    if (filter.min_sources > 1 || filter.min_confidence > 0 || !filter.sources.empty() ||
        filter.among_actors || !filter.statuses.empty() || filter.since || filter.until ||
        !filter.cameo.empty() || !filter.plover.empty() || filter.actors.empty() ||
        filter.actors.size() > 30000)
        return std::nullopt;
    auto& db = impl_->db;
    const auto type_of_code = read_type_codes(db);
    std::string in;
    for (std::size_t i = 0; i < filter.actors.size(); ++i)
        in += i ? ",?" : "?";
    // One range of the primary key per actor: rows come grouped by (actor, partner, type).
    sqlite::Statement s(db, fmt::format("SELECT p.actor, p.partner, p.type FROM entities a JOIN "
                                        "event_pairs p ON p.actor = a.no WHERE a.id IN ({})",
                                        in));
    for (const auto& actor : filter.actors)
        s.bind(actor);
    struct Raw {
        int64_t actor, partner;
        EventType type;
        uint32_t events;
    };
    std::vector<Raw> raw;
    std::vector<int64_t> numbers;
    int64_t low = 0, high = 0;
    auto seen = [&](int64_t n) {
        low = numbers.empty() ? n : std::min(low, n);
        high = numbers.empty() ? n : std::max(high, n);
        numbers.push_back(n);
    };
    int64_t last_code = 0;
    while (s.step()) {
        const int64_t actor = s.integer(0), partner = s.integer(1), code = s.integer(2);
        if (!raw.empty() && raw.back().actor == actor && raw.back().partner == partner &&
            last_code == code) {
            ++raw.back().events;
            continue;
        }
        const EventType type = code >= 0 && static_cast<std::size_t>(code) < type_of_code.size()
                                   ? type_of_code[static_cast<std::size_t>(code)]
                                   : EventType::MEET;
        if (!filter.types.empty() &&
            std::find(filter.types.begin(), filter.types.end(), type) == filter.types.end())
            continue;
        if (raw.empty() || raw.back().actor != actor)
            seen(actor);
        seen(partner);
        raw.push_back({actor, partner, type, 1});
        last_code = code;
    }
    if (among_them) {
        // Rows come grouped by actor: the actors asked about (and found) are the rows' actors.
        std::vector<int64_t> asked;
        for (const auto& r : raw)
            if (asked.empty() || asked.back() != r.actor)
                asked.push_back(r.actor);
        std::sort(asked.begin(), asked.end());
        std::erase_if(raw, [&](const Raw& r) {
            return !std::binary_search(asked.begin(), asked.end(), r.partner);
        });
        numbers = std::move(asked);
        low = numbers.empty() ? 0 : numbers.front();
        high = numbers.empty() ? 0 : numbers.back();
    }
    ActorPartners out;
    ActorNumbering numbering(db, numbers, low, high);
    out.rows.reserve(raw.size());
    for (const auto& r : raw)
        out.rows.push_back({numbering(r.actor), numbering(r.partner), r.type, r.events});
    out.actors = std::move(numbering.actors);
    // Codes of two names of one type, or the renumbering, may have broken the grouping.
    std::sort(out.rows.begin(), out.rows.end(), [](const auto& x, const auto& y) {
        return std::tie(x.actor, x.partner, x.type) < std::tie(y.actor, y.partner, y.type);
    });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.rows.size(); ++i) {
        if (kept && out.rows[kept - 1].actor == out.rows[i].actor &&
            out.rows[kept - 1].partner == out.rows[i].partner &&
            out.rows[kept - 1].type == out.rows[i].type)
            out.rows[kept - 1].events += out.rows[i].events;
        else
            out.rows[kept++] = out.rows[i];
    }
    out.rows.resize(kept);
    return out;
}

std::vector<StoredEvent> Store::events(const Filter& filter) const {
    std::vector<StoredEvent> out;
    for_each_event(filter, [&](const StoredEvent& e) { out.push_back(e); });
    return out;
}

std::string Store::dump() const {
    auto& db = impl_->db;
    std::string out;
    // The numbers (`no`) are the file's own, not content: event_links and event_pairs are
    // shown by ids.
    const std::map<std::string_view, std::string_view> by_ids = {
        {"event_links",
         "SELECT e.id, a.id, t.name FROM event_links l JOIN events e ON e.no = l.event JOIN "
         "entities a ON a.no = l.actor LEFT JOIN event_types t ON t.code = l.type"},
        {"event_pairs",
         "SELECT a.id, b.id, t.name, e.id FROM event_pairs p JOIN entities a ON a.no = p.actor "
         "JOIN entities b ON b.no = p.partner JOIN events e ON e.no = p.event LEFT JOIN "
         "event_types t ON t.code = p.type"}};
    for (const char* table :
         {"sources", "entities", "aliases", "roles", "events", "participants", "evidence",
          "event_links", "event_pairs", "event_attributes", "possible_duplicates"}) {
        auto special = by_ids.find(table);
        sqlite::Statement s(db, special != by_ids.end() ? std::string(special->second)
                                                        : fmt::format("SELECT * FROM {}", table));
        std::vector<std::string> rows;
        while (s.step()) {
            std::string row;
            bool first = true;
            for (int c = 0; c < s.columns(); ++c) {
                // events.attributes is shown as the rows of event_attributes.
                if (s.name(c) == "no" ||
                    (std::string_view(table) == "events" && s.name(c) == "attributes"))
                    continue;
                if (!first)
                    row += '\t';
                first = false;
                row += s.is_null(c) ? "NULL" : s.text(c);
            }
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end());
        out += fmt::format("== {} ({})\n", table, rows.size());
        for (const auto& r : rows)
            out += r + "\n";
    }
    return out;
}

}  // namespace diplograph
