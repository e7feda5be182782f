// Schema v1 → v2: a file written by diplograph 1 (its DDL is kept here, as it shipped) opens,
// is migrated in place in one transaction, and answers as before. The v1 file is written with
// SQLite itself, as the old tool would have left it.
#include <diplograph/graph/graph.hpp>
#include <diplograph/graph/store.hpp>
#include <diplograph/graph/topology.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>
#include <vector>

#include <sqlite3.h>

#include <string>

using namespace diplograph;
using diplograph::test::TempDir;

namespace {

// The schema of version 1, as graph/src/store.cpp created it.
constexpr const char* kSchemaV1 = R"sql(
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
PRAGMA application_id=1146111826;
PRAGMA user_version=1;
)sql";

// The content, as rows of the tables both versions share. Entities are inserted in an order
// that is not their id order (v1 rowids), actors take part with several roles and sources, one
// event has three actors.
constexpr const char* kContent = R"sql(
INSERT INTO sources(id, url, title, content_hash) VALUES
  ('source/1', 'https://a.example/1', 'One', 'h1'),
  ('source/2', 'https://a.example/2', 'Two', 'h2'),
  ('source/3', 'https://a.example/3', 'Three', 'h3');
INSERT INTO entities(id, kind, name, country) VALUES
  ('TGO', 'country', 'Togo', ''),
  ('RUS', 'country', 'Russia', ''),
  ('person/faure', 'person', 'Faure Gnassingbé', 'TGO'),
  ('MLI', 'country', 'Mali', ''),
  ('org/ECOWAS', 'organization', 'ECOWAS', ''),
  ('FRA', 'country', 'France', ''),
  ('BFA', 'country', 'Burkina Faso', '');
INSERT INTO aliases(entity, alias, lang) VALUES
  ('TGO', 'Togo', 'fr'), ('RUS', 'Russie', 'fr'), ('org/ECOWAS', 'CEDEAO', 'fr');
INSERT INTO roles(person, title, of, date_from, source, sentence, span_begin, span_end, text,
                  rule, confidence) VALUES
  ('person/faure', 'head of state', 'TGO', '2005-05-04', 'source/1', 0, 0, 10, 'Le Président',
   'title-apposition', 0.8);
INSERT INTO events(id, type, status, date_from, date_to, precision, date_how) VALUES
  ('event/b', 'MEET', 'occurred', '2025-11-19', '2025-11-19', 'day', 'explicit'),
  ('event/a', 'VISIT', 'occurred', '2025-11-20', '2025-11-20', 'day', 'explicit'),
  ('agreement/c', 'AGREEMENT', 'agreed', '2026-01-01', '2026-12-31', 'year', 'explicit'),
  ('event/d', 'SANCTION', 'planned', '', '', 'unknown', ''),
  ('event/e', 'MEET', 'reported', '2024-03-01', '2024-03-31', 'month', 'explicit'),
  ('event/f', 'CONDEMN', 'occurred', '2023-01-05', '2023-01-05', 'day', 'explicit');
INSERT INTO participants(event, actor, role, source) VALUES
  ('event/b', 'TGO', 'participant', 'source/1'),
  ('event/b', 'TGO', 'participant', 'source/2'),
  ('event/b', 'RUS', 'participant', 'source/1'),
  ('event/b', 'RUS', 'host', 'source/2'),
  ('event/a', 'person/faure', 'guest', 'source/1'),
  ('event/a', 'RUS', 'host', 'source/1'),
  ('agreement/c', 'TGO', 'party', 'source/2'),
  ('agreement/c', 'RUS', 'party', 'source/2'),
  ('agreement/c', 'MLI', 'party', 'source/2'),
  ('event/d', 'FRA', 'initiator', 'source/3'),
  ('event/d', 'MLI', 'target', 'source/3'),
  ('event/e', 'MLI', 'participant', 'source/3'),
  ('event/e', 'org/ECOWAS', 'participant', 'source/3'),
  ('event/f', 'BFA', 'initiator', 'source/3'),
  ('event/f', 'FRA', 'target', 'source/3');
INSERT INTO evidence(event, source, sentence, span_begin, span_end, text, rule, confidence,
                     status, date_from, date_to, precision, date_how) VALUES
  ('event/b', 'source/1', 1, 0, 20, 'Les deux Présidents', 'meet', 0.9, 'occurred',
   '2025-11-19', '2025-11-19', 'day', 'explicit'),
  ('event/b', 'source/2', 3, 5, 30, 'a rencontré', 'meet', 0.8, 'occurred',
   '2025-11-19', '2025-11-19', 'day', 'explicit'),
  ('event/a', 'source/1', 2, 0, 15, 'en visite', 'visit', 0.9, 'occurred',
   '2025-11-20', '2025-11-20', 'day', 'explicit'),
  ('agreement/c', 'source/2', 4, 0, 40, 'ont convenu', 'agree', 0.7, 'agreed',
   '2026-01-01', '2026-12-31', 'year', 'explicit'),
  ('event/d', 'source/3', 0, 0, 9, 'sanctions', 'sanction', 0.6, 'planned', '', '',
   'unknown', ''),
  ('event/e', 'source/3', 1, 0, 9, 'sommet', 'meet', 0.6, 'reported', '2024-03-01',
   '2024-03-31', 'month', 'explicit'),
  ('event/f', 'source/3', 2, 0, 9, 'condamne', 'condemn', 0.6, 'occurred', '2023-01-05',
   '2023-01-05', 'day', 'explicit');
)sql";

//! The SQL of the tests through SQLite itself, outside Store.
class RawFile {
  public:
    explicit RawFile(const std::filesystem::path& path) {
        if (sqlite3_open(path.string().c_str(), &db_) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.string());
    }
    ~RawFile() { sqlite3_close(db_); }
    RawFile(const RawFile&) = delete;
    RawFile& operator=(const RawFile&) = delete;
    void exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "?";
            sqlite3_free(message);
            throw std::runtime_error(text);
        }
    }
    //! The first column of every row as text.
    std::vector<std::string> rows(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
        std::vector<std::string> out;
        while (sqlite3_step(s) == SQLITE_ROW)
            out.emplace_back(sqlite3_column_text(s, 0)
                                 ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0))
                                 : "");
        sqlite3_finalize(s);
        return out;
    }
    //! The first column of the first row as text ("" when none).
    std::string value(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
        std::string out;
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        return out;
    }

  private:
    sqlite3* db_ = nullptr;
};

//! A version 1 file holding kContent (plus `extra` SQL), written with foreign keys off as a
//! program other than diplograph may have.
void write_v1(const std::filesystem::path& path, const std::string& extra = {}) {
    RawFile raw(path);
    raw.exec("PRAGMA journal_mode=WAL");
    raw.exec(kSchemaV1);
    raw.exec(std::string("BEGIN;") + kContent + extra + "COMMIT;");
}

//! "a b TYPE count" for each edge of the actor view, by ids.
// Both ends in node order, whatever the direction (Topology's links are undirected), in the
// order of Topology::links().
std::vector<std::string> edges_of(const Graph& g) {
    std::vector<std::tuple<NodeIndex, NodeIndex, EventType, int>> keys;
    for (const auto& e : g.edges())
        keys.emplace_back(std::min(e.a, e.b), std::max(e.a, e.b), e.type, e.count);
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> out;
    for (const auto& [a, b, type, count] : keys)
        out.push_back(g.node(a).id + " " + g.node(b).id + " " + std::string(to_string(type)) + " " +
                      std::to_string(count));
    return out;
}
std::vector<std::string> edges_of(const Topology& t) {
    std::vector<std::string> out;
    for (const auto& l : t.links())
        out.push_back(t.node(l.a).id + " " + t.node(l.b).id + " " + std::string(to_string(l.type)) +
                      " " + std::to_string(l.count));
    return out;
}

}  // namespace

// What version 8 changed, taken back: the events' attributes in a table of their own again.
constexpr const char* kUndoV8 = R"sql(
CREATE TABLE event_attributes_v7(
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(event, key)
) WITHOUT ROWID;
INSERT INTO event_attributes_v7(event, key, value) SELECT event, key, value FROM event_attributes;
DROP VIEW event_attributes;
ALTER TABLE event_attributes_v7 RENAME TO event_attributes;
ALTER TABLE events DROP COLUMN attributes;
)sql";

// What version 7 added, taken back (the kept links and the triggers that mark them stale).
constexpr const char* kUndoV7 = R"sql(
DROP TRIGGER agg_pi;
DROP TRIGGER agg_pu;
DROP TRIGGER agg_pd;
DROP TRIGGER agg_vi;
DROP TRIGGER agg_vu;
DROP TRIGGER agg_vd;
DROP TRIGGER agg_eu;
DROP TRIGGER agg_nu;
DROP TABLE actor_links;
DROP TABLE actor_events;
DROP TABLE aggregates;
)sql";

// What version 6 added, taken back (the analysts' views), which every older undo needs first: a
// view naming a dropped column or table would make the ALTER or DROP fail.
constexpr const char* kUndoV6 = R"sql(
DROP VIEW v_events;
DROP VIEW v_links;
DROP VIEW v_roles;
)sql";

// What version 4 added, taken back (a file this version writes, turned into a v3 file).
constexpr const char* kUndoV4 = R"sql(
DROP TABLE event_attributes;
DELETE FROM event_types WHERE code = 15;
ALTER TABLE events DROP COLUMN cameo;
ALTER TABLE events DROP COLUMN plover;
ALTER TABLE events DROP COLUMN plover_mode;
ALTER TABLE events DROP COLUMN goldstein;
)sql";

// What version 5 added, taken back (a file this version writes, turned into a v4 file).
constexpr const char* kUndoV5 = R"sql(
DROP TABLE possible_duplicates;
)sql";

TEST(Migration, AVersion1FileOpensMigratedWithItsAnswersUnchanged) {
    TempDir dir;
    const auto old_file = dir / "v1.db";
    write_v1(old_file);
    // The reference: the same rows written into a new store (the triggers fill its
    // event_links); the edges below are also checked against figures worked out by hand.
    Store reference(dir / "v2.db");
    reference.exec(std::string("BEGIN;") + kContent + "COMMIT;");

    Store migrated = Store::open_existing(old_file);
    EXPECT_EQ(migrated.dump(), reference.dump());
    {
        RawFile raw(old_file);
        EXPECT_EQ(raw.value("PRAGMA user_version"), std::to_string(Store::schema_version));
        // Every (event, actor) of participants once, whatever the roles and sources.
        EXPECT_EQ(raw.value("SELECT count(*) FROM event_links"), "13");
        EXPECT_EQ(raw.value("SELECT count(*) FROM (SELECT DISTINCT event, actor FROM "
                            "participants)"),
                  "13");
    }

    const Graph g = Graph::load(migrated);
    const Graph r = Graph::load(reference);
    ASSERT_EQ(g.node_count(), 7u);
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        EXPECT_EQ(g.node(n).id, r.node(n).id);
    EXPECT_EQ(g.node(0).id, "BFA");  // id order, not the order of insertion
    EXPECT_EQ(edges_of(g), edges_of(r));
    const std::vector<std::string> expected = {"BFA FRA CONDEMN 1",     "FRA MLI SANCTION 1",
                                               "MLI RUS AGREEMENT 1",   "MLI TGO AGREEMENT 1",
                                               "MLI org/ECOWAS MEET 1", "RUS TGO MEET 1",
                                               "RUS TGO AGREEMENT 1",   "RUS person/faure VISIT 1"};
    EXPECT_EQ(edges_of(g), expected);

    // The lean loader reads event_links, filled by the migration: the same view.
    for (bool with_types : {true, false}) {
        auto t = Topology::load(migrated, {}, with_types);
        ASSERT_TRUE(t);
        EXPECT_EQ(t->event_count(), 6u);
        ASSERT_EQ(t->node_count(), g.node_count());
        for (NodeIndex n = 0; n < g.node_count(); ++n) {
            EXPECT_EQ(t->node(n).id, g.node(n).id);
            EXPECT_EQ(t->node(n).name, g.node(n).name);
        }
        if (with_types)
            EXPECT_EQ(edges_of(*t), expected);
        else
            EXPECT_EQ(t->links().size(), 7u);  // RUS–TGO counted once
    }
    Filter agreed;
    agreed.statuses = {Status::agreed};
    auto t = Topology::load(migrated, agreed);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->event_count(), 1u);
    EXPECT_EQ(t->node_count(), 3u);

    // The migrated file keeps working: a new batch's participants reach event_links.
    Batch b;
    b.source.url = "https://a.example/4";
    b.source.content_hash = "h4";
    b.entities = {Entity{"TGO", EntityKind::country, "Togo", "", {}},
                  Entity{"BFA", EntityKind::country, "Burkina Faso", "", {}}};
    Event e;
    e.type = EventType::AID;
    e.status = Status::occurred;
    e.participants = {{"TGO", ParticipantRole::initiator}, {"BFA", ParticipantRole::target}};
    b.events.push_back(e);
    migrated.put(b);
    auto after = Topology::load(migrated, {});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->event_count(), 7u);
    EXPECT_EQ(edges_of(*after), edges_of(Graph::load(migrated)));
}

TEST(Migration, ActorsMissingFromTheEntitiesBecomeEntitiesNamedByTheirId) {
    TempDir dir;
    const auto file = dir / "v1.db";
    // A participant that is no entity: possible in a file written without foreign keys.
    write_v1(file,
             "INSERT INTO participants(event, actor, role, source) VALUES ('event/d', "
             "'org/AES', 'initiator', 'source/3');");
    Store store = Store::open_existing(file);
    auto aes = store.entity("org/AES");
    ASSERT_TRUE(aes);
    EXPECT_EQ(aes->kind, EntityKind::organization);
    EXPECT_EQ(aes->name, "org/AES");
    const Graph g = Graph::load(store);
    auto t = Topology::load(store, {});
    ASSERT_TRUE(t);
    ASSERT_EQ(t->node_count(), 8u);
    ASSERT_EQ(g.node_count(), 8u);
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        EXPECT_EQ(t->node(n).id, g.node(n).id);
    EXPECT_EQ(edges_of(*t), edges_of(g));
    auto n = t->find("org/AES");
    ASSERT_TRUE(n);
    // MLI only: AES joins FRA as an initiator of FRA's sanction on MLI (edges.hpp).
    EXPECT_EQ(t->adjacency()[*n].size(), 1u);
}

TEST(Migration, AFailedMigrationLeavesTheVersion1FileAsItWas) {
    TempDir dir;
    const auto file = dir / "v1.db";
    // A table of the user's in the way of the migration: it must fail as a whole.
    write_v1(file, "CREATE TABLE event_types(x);");
    EXPECT_THROW(Store::open_existing(file), StoreError);
    RawFile raw(file);
    EXPECT_EQ(raw.value("PRAGMA user_version"), "1");
    EXPECT_EQ(raw.value("SELECT count(*) FROM entities"), "7");
    EXPECT_EQ(raw.value("SELECT count(*) FROM participants"), "15");
    EXPECT_EQ(raw.value("SELECT count(*) FROM sqlite_master WHERE name IN ('event_links', "
                        "'entities_v2', 'events_v2')"),
              "0");
    // The old entities table, not a rebuilt one.
    EXPECT_EQ(raw.value("SELECT count(*) FROM pragma_table_info('entities') WHERE name = 'no'"),
              "0");
}

TEST(Migration, AVersion2FileGetsDeferredLinksAndKeepsItsAnswers) {
    TempDir dir;
    auto batch = [](const std::string& n, std::vector<std::string> actors) {
        Batch b;
        b.source.url = "https://a.example/" + n;
        b.source.content_hash = "h" + n;
        for (const auto& a : actors)
            b.entities.push_back(Entity{a, EntityKind::country, a, "", {}});
        Event e;
        e.type = EventType::MEET;
        e.status = Status::occurred;
        for (const auto& a : actors)
            e.participants.push_back({a, ParticipantRole::participant});
        b.events.push_back(e);
        return b;
    };
    const auto file = dir / "v2.db";
    {
        Store store(file);
        store.put(batch("1", {"TGO", "RUS"}));
    }
    {
        // Back to version 2: its participants_link, without the deferral.
        RawFile raw(file);
        raw.exec(std::string("BEGIN;") + kUndoV8 + kUndoV7 + kUndoV6 + kUndoV5 + kUndoV4 + R"sql(
DROP TRIGGER participants_link;
DROP TABLE links_deferred;
CREATE TRIGGER participants_link AFTER INSERT ON participants BEGIN
  INSERT OR IGNORE INTO event_links(event, actor, type)
    SELECT e.no, a.no, ifnull((SELECT code FROM event_types WHERE name = e.type), -1)
    FROM events e, entities a WHERE e.id = NEW.event AND a.id = NEW.actor;
END;
PRAGMA user_version=2;
COMMIT;
)sql");
    }
    std::string expected;
    {
        Store reference(dir / "new.db");
        for (const auto& b : {batch("1", {"TGO", "RUS"}), batch("2", {"MLI", "BFA", "TGO"}),
                              batch("3", {"FRA", "MLI"})})
            reference.put(b);
        expected = reference.dump();
    }
    {
        Store migrated = Store::open_existing(file);
        auto bulk = migrated.bulk();
        migrated.put(batch("2", {"MLI", "BFA", "TGO"}));
        bulk.count();
        migrated.put(batch("3", {"FRA", "MLI"}));
        bulk.count();
    }
    RawFile raw(file);
    EXPECT_EQ(raw.value("PRAGMA user_version"), std::to_string(Store::schema_version));
    EXPECT_EQ(raw.value("SELECT count(*) FROM links_deferred"), "0");
    EXPECT_EQ(raw.value("SELECT count(*) FROM event_links"), "7");
    EXPECT_EQ(raw.value("SELECT count(*) FROM event_pairs"), "10");  // 2 + 6 + 2, both ways
    EXPECT_EQ(Store::open_existing(file).dump(), expected);
}

TEST(Migration, AVersion3FileGetsTheCodesOfDatasets) {
    TempDir dir;
    auto batch = [](const std::string& n, std::vector<std::string> actors, EventType type) {
        Batch b;
        b.source.url = "https://a.example/" + n;
        b.source.content_hash = "h" + n;
        for (const auto& a : actors)
            b.entities.push_back(Entity{a, EntityKind::country, a, "", {}});
        Event e;
        e.type = type;
        e.status = Status::occurred;
        e.date = *DateInterval::parse("2025-08-07");
        for (const auto& a : actors)
            e.participants.push_back({a, ParticipantRole::participant});
        b.events.push_back(e);
        return b;
    };
    const auto file = dir / "v3.db";
    {
        Store store(file);
        store.put(batch("1", {"TGO", "RUS"}, EventType::MEET));
    }
    {
        RawFile raw(file);
        raw.exec(std::string("BEGIN;") + kUndoV8 + kUndoV7 + kUndoV6 + kUndoV5 + kUndoV4 +
                 "PRAGMA user_version=3; COMMIT;");
        EXPECT_EQ(raw.value("SELECT count(*) FROM event_types"), "15");
    }
    auto coded = batch("2", {"USA", "CHN"}, EventType::OTHER);
    coded.events[0].participants = {{"USA", ParticipantRole::initiator},
                                    {"CHN", ParticipantRole::target}};
    coded.events[0].subtype = "make public statement";
    coded.events[0].cameo = "010";
    coded.events[0].plover = "OTHER";
    coded.events[0].goldstein = 0.0;
    coded.events[0].attributes = {{"gdelt.NumArticles", "4"}, {"gdelt.NumSources", "2"}};
    std::string expected;
    {
        Store reference(dir / "new.db");
        reference.put(batch("1", {"TGO", "RUS"}, EventType::MEET));
        reference.put(coded);
        expected = reference.dump();
    }
    {
        Store migrated = Store::open_existing(file);
        migrated.put(coded);
    }
    RawFile raw(file);
    EXPECT_EQ(raw.value("PRAGMA user_version"), std::to_string(Store::schema_version));
    EXPECT_EQ(raw.value("SELECT code FROM event_types WHERE name = 'OTHER'"), "15");
    EXPECT_EQ(raw.value("SELECT type FROM event_links l JOIN entities a ON a.no = l.actor "
                        "WHERE a.id = 'USA'"),
              "15");
    EXPECT_EQ(raw.value("SELECT cameo || ' ' || goldstein FROM events WHERE type = 'OTHER'"),
              "010 0.0");
    EXPECT_EQ(raw.value("SELECT cameo FROM events WHERE type = 'MEET'"), "");
    EXPECT_EQ(raw.value("SELECT count(*) FROM event_attributes"), "2");
    Store migrated = Store::open_existing(file);
    EXPECT_EQ(migrated.dump(), expected);
    auto events = migrated.events();
    ASSERT_EQ(events.size(), 2u);
    const Event* other = nullptr;
    for (const auto& e : events)
        if (e.event.type == EventType::OTHER)
            other = &e.event;
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->cameo, "010");
    EXPECT_EQ(other->plover, "OTHER");
    EXPECT_EQ(other->subtype, "make public statement");
    ASSERT_TRUE(other->goldstein);
    EXPECT_EQ(*other->goldstein, 0.0);
    ASSERT_EQ(other->attributes.size(), 2u);
    EXPECT_EQ(other->attributes[1].first, "gdelt.NumSources");
    EXPECT_EQ(other->attributes[1].second, "2");
}

TEST(Migration, AVersion4FileGetsPossibleDuplicates) {
    TempDir dir;
    // An undated sanction of USA on NIC, told by source n.
    auto batch = [](const std::string& n) {
        Batch b;
        b.source.url = "https://a.example/" + n;
        b.source.content_hash = "h" + n;
        for (const char* a : {"USA", "NIC"})
            b.entities.push_back(Entity{a, EntityKind::country, a, "", {}});
        Event e;
        e.type = EventType::SANCTION;
        e.status = Status::occurred;
        e.participants = {{"USA", ParticipantRole::initiator}, {"NIC", ParticipantRole::target}};
        b.events.push_back(e);
        return b;
    };
    const auto file = dir / "v4.db";
    {
        Store store(file);
        store.put(batch("1"));
    }
    {
        RawFile raw(file);
        raw.exec(std::string("BEGIN;") + kUndoV8 + kUndoV7 + kUndoV6 + kUndoV5 +
                 "PRAGMA user_version=4; COMMIT;");
        EXPECT_EQ(raw.value("SELECT count(*) FROM sqlite_schema WHERE name = "
                            "'possible_duplicates'"),
                  "0");
    }
    std::string expected;
    {
        Store reference(dir / "new.db");
        reference.put(batch("1"));
        reference.put(batch("2"));
        expected = reference.dump();
    }
    {
        Store migrated = Store::open_existing(file);
        auto result = migrated.put(batch("2"));
        EXPECT_EQ(result.events_new, 1);
        EXPECT_EQ(result.events_merged, 0);
        EXPECT_EQ(result.possible_duplicates, 1);
    }
    RawFile raw(file);
    EXPECT_EQ(raw.value("PRAGMA user_version"), std::to_string(Store::schema_version));
    EXPECT_EQ(raw.value("SELECT count(*) FROM events"), "2");
    EXPECT_EQ(raw.value("SELECT count(*) FROM possible_duplicates"), "1");
    Store migrated = Store::open_existing(file);
    EXPECT_EQ(migrated.dump(), expected);
    auto events = migrated.events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].possible_duplicates, std::vector<std::string>{events[1].event.id});
    EXPECT_EQ(events[1].possible_duplicates, std::vector<std::string>{events[0].event.id});
}

// v6 adds read-only views for analysts (docs/schema.md). v_links must say what the actor view
// says: the same links, directions, counts, dates and sources as Graph::load's edges, on events
// that exercise each rule of graph/edges.hpp.
TEST(Migration, AVersion5FileGetsViewsThatAgreeWithTheGraph) {
    TempDir dir;
    int n = 0;
    auto batch = [&](std::vector<Participant> who, EventType type, const std::string& date) {
        Batch b;
        b.source.url = "https://v.example/" + std::to_string(++n);
        b.source.content_hash = "h" + std::to_string(n);
        for (const auto& p : who) {
            if (p.actor.rfind("person/", 0) == 0)
                b.entities.push_back(Entity{p.actor, EntityKind::person, p.actor, "TGO", {}});
            else
                b.entities.push_back(Entity{p.actor, EntityKind::country, p.actor, "", {}});
        }
        Event e;
        e.type = type;
        e.status = Status::occurred;
        if (!date.empty())
            e.date = *DateInterval::parse(date);
        e.participants = who;
        e.evidence.push_back(Evidence{"", 0, 0, 5, "Text " + std::to_string(n) + ".", "t", 1.0});
        b.events.push_back(e);
        return b;
    };
    using R = ParticipantRole;
    const auto file = dir / "v4.db";
    {
        Store store(file);
        // Three embassies: DNK → each host, never host – host.
        store.put(batch(
            {{"DNK", R::initiator}, {"RWA", R::target}, {"SEN", R::target}, {"TUN", R::target}},
            EventType::EMBASSY_OPEN, "2025-03"));
        // A meeting: Togo's minister is on Togo's side (linked to RUS, not to TGO).
        store.put(batch({{"TGO", R::participant},
                         {"RUS", R::participant},
                         {"person/amara-kossi", R::participant}},
                        EventType::MEET, "2025-11-19"));
        store.put(batch({{"TGO", R::participant}, {"RUS", R::participant}}, EventType::MEET,
                        "2026-01-10"));
        // A summit of 5 sides: a gathering, no pair.
        store.put(batch({{"AAA", R::party},
                         {"BBB", R::party},
                         {"CCC", R::party},
                         {"DDD", R::party},
                         {"EEE", R::party}},
                        EventType::MEET, "2025-05-05"));
        // A mutual act (two initiators), an undated sanction, a condemnation told both ways.
        store.put(batch({{"TGO", R::initiator}, {"RUS", R::initiator}}, EventType::EMBASSY_REOPEN,
                        "2026"));
        store.put(batch({{"USA", R::initiator}, {"NIC", R::target}}, EventType::SANCTION, ""));
        store.put(batch(
            {{"MLI", R::initiator}, {"FRA", R::target}, {"FRA", R::initiator}, {"MLI", R::target}},
            EventType::CONDEMN, "2025-08-07"));
        Batch role = batch({{"TGO", R::participant}}, EventType::MEET, "");
        role.events.clear();  // a role alone: no event to merge with the meetings
        role.roles.push_back(
            Role{"person/amara-kossi", "foreign minister", "TGO", {2025, 5, 1}, {}, std::nullopt});
        store.put(role);
    }
    {
        RawFile raw(file);
        EXPECT_EQ(raw.value("SELECT count(*) FROM v_links"), "8");
        raw.exec(std::string("BEGIN;") + kUndoV8 + kUndoV7 + kUndoV6 +
                 "PRAGMA user_version=5; COMMIT;");
        EXPECT_EQ(raw.value("SELECT count(*) FROM sqlite_master WHERE type = 'view'"), "0");
    }
    Store migrated = Store::open_existing(file);
    Graph graph = Graph::load(migrated);
    std::set<std::string> expected;
    for (const auto& e : graph.edges()) {
        std::string a = graph.node(e.a).id, b = graph.node(e.b).id;
        if (!e.directed && b < a)
            std::swap(a, b);
        auto day = [](const Date& d) {
            return d.valid() ? fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day)
                             : std::string("NULL");
        };
        expected.insert(fmt::format("{} {} {} {} {} {} {} {}", a, b, to_string(e.type),
                                    e.directed ? 1 : 0, e.count, day(e.first), day(e.last),
                                    e.sources));
    }
    RawFile raw(file);
    EXPECT_EQ(raw.value("PRAGMA user_version"), std::to_string(Store::schema_version));
    std::set<std::string> viewed;
    for (const auto& row : raw.rows("SELECT source || ' ' || target || ' ' || type || ' ' || "
                                    "directed || ' ' || events || ' ' || ifnull(first, 'NULL') "
                                    "|| ' ' || ifnull(last, 'NULL') || ' ' || sources "
                                    "FROM v_links"))
        viewed.insert(row);
    EXPECT_EQ(viewed, expected);
    EXPECT_EQ(viewed.size(), 8u);  // 3 embassies, 2 meeting pairs, mutual, sanction, condemn
    EXPECT_TRUE(viewed.count("TGO RUS MEET 0 2 2025-11-19 2026-01-10 2") == 0);
    std::string all;
    for (const auto& v : viewed)
        all += v + "\n";
    EXPECT_TRUE(viewed.count("RUS TGO MEET 0 2 2025-11-19 2026-01-10 2")) << all;
    EXPECT_TRUE(viewed.count("USA NIC SANCTION 1 1 NULL NULL 1"));
    EXPECT_TRUE(viewed.count("FRA MLI CONDEMN 0 1 2025-08-07 2025-08-07 1"));
    EXPECT_EQ(raw.value("SELECT initiators || '|' || targets || '|' || date FROM v_events "
                        "WHERE type = 'EMBASSY_OPEN'"),
              "DNK|RWA SEN TUN|2025-03");
    EXPECT_EQ(raw.value("SELECT role || ' of ' || of || ' since ' || since || ' own ' || "
                        "own_country FROM v_roles"),
              "foreign minister of TGO since 2025-05-01 own 1");
}

namespace {

// The edges of a graph as text, with what `links` prints of each.
std::set<std::string> edge_lines(const Graph& graph) {
    std::set<std::string> out;
    for (const auto& e : graph.edges()) {
        std::string statuses;
        for (auto st : e.statuses)
            statuses += std::string(to_string(st)) + ",";
        out.insert(fmt::format("{} {} {} {} {} {} {} {} {}", graph.node(e.a).id, graph.node(e.b).id,
                               to_string(e.type), e.directed ? 1 : 0, e.count,
                               e.first.valid() ? e.first.to_string() : "-",
                               e.last.valid() ? e.last.to_string() : "-", statuses, e.sources));
    }
    return out;
}

}  // namespace

// v7 keeps the actor view's links (actor_links): a migrated file's are stale until a writer
// rebuilds them; rebuilt, they are Graph::load's edges; any later write makes them stale again,
// a bulk's too (it runs with the triggers off).
TEST(Migration, AVersion6FileGetsKeptLinksThatAgreeWithTheGraph) {
    TempDir dir;
    int n = 0;
    using R = ParticipantRole;
    auto batch = [&](std::vector<Participant> who, EventType type, const std::string& date,
                     Status status = Status::occurred) {
        Batch b;
        b.source.url = "https://k.example/" + std::to_string(++n);
        b.source.content_hash = "k" + std::to_string(n);
        for (const auto& p : who) {
            if (p.actor.rfind("person/", 0) == 0)
                b.entities.push_back(Entity{p.actor, EntityKind::person, p.actor, "TGO", {}});
            else
                b.entities.push_back(Entity{p.actor, EntityKind::country, p.actor, "", {}});
        }
        Event e;
        e.type = type;
        e.status = status;
        if (!date.empty())
            e.date = *DateInterval::parse(date);
        e.participants = who;
        e.evidence.push_back(Evidence{"", 0, 0, 5, "Text " + std::to_string(n) + ".", "t", 1.0});
        b.events.push_back(e);
        return b;
    };
    const auto file = dir / "v6.db";
    {
        Store store(file);
        store.put(batch(
            {{"DNK", R::initiator}, {"RWA", R::target}, {"SEN", R::target}, {"TUN", R::target}},
            EventType::EMBASSY_OPEN, "2025-03"));
        store.put(batch({{"TGO", R::participant},
                         {"RUS", R::participant},
                         {"person/amara-kossi", R::participant}},
                        EventType::MEET, "2025-11-19"));
        store.put(batch({{"TGO", R::participant}, {"RUS", R::participant}}, EventType::MEET,
                        "2026-01-10", Status::planned));
        store.put(batch({{"AAA", R::party},
                         {"BBB", R::party},
                         {"CCC", R::party},
                         {"DDD", R::party},
                         {"EEE", R::party}},
                        EventType::MEET, "2025-05-05"));
        store.put(batch({{"TGO", R::initiator}, {"RUS", R::initiator}}, EventType::EMBASSY_REOPEN,
                        "2026"));
        store.put(batch({{"USA", R::initiator}, {"NIC", R::target}}, EventType::SANCTION, ""));
        store.put(batch(
            {{"MLI", R::initiator}, {"FRA", R::target}, {"FRA", R::initiator}, {"MLI", R::target}},
            EventType::CONDEMN, "2025-08-07"));
        store.put(batch({{"SEN", R::participant}}, EventType::MEET, "2025-02-02"));
        // Written through put outside a bulk: the triggers mark the links stale.
        EXPECT_FALSE(store.actor_links());
    }
    {
        RawFile raw(file);
        raw.exec(std::string("BEGIN;") + kUndoV8 + kUndoV7 + "PRAGMA user_version=6; COMMIT;");
        EXPECT_EQ(raw.value("SELECT count(*) FROM sqlite_master WHERE name = 'actor_links'"), "0");
    }
    Store migrated = Store::open_existing(file);
    EXPECT_FALSE(migrated.actor_links()) << "a migrated file's links are stale";
    EXPECT_EQ(migrated.refresh_aggregates(), Refreshed::whole);
    EXPECT_EQ(migrated.refresh_aggregates(), Refreshed::none) << "fresh: nothing to rebuild";
    auto kept = migrated.actor_links();
    ASSERT_TRUE(kept);
    const Graph graph = Graph::load(migrated);
    const Graph from_links = Graph::from_links(*kept);
    EXPECT_EQ(edge_lines(from_links), edge_lines(graph));
    EXPECT_EQ(from_links.edges().size(), 8u);
    EXPECT_TRUE(
        edge_lines(from_links).count("RUS TGO MEET 0 2 2025-11-19 2026-01-10 occurred,planned, 2"));
    EXPECT_TRUE(edge_lines(from_links).count("USA NIC SANCTION 1 1 - - occurred, 1"));
    // SEN's meeting alone links nothing, but SEN is an actor of the view (a node, as in load).
    EXPECT_EQ(kept->event_count, 8);
    // The topology from the kept links is the one read from the events (naming every actor
    // keeps Topology::load on the events).
    auto whole = Topology::from_links(migrated, Filter{});
    Filter everyone;
    for (const auto& e : migrated.entities())
        everyone.actors.push_back(e.id);
    auto read = Topology::load(migrated, everyone);
    ASSERT_TRUE(whole);
    ASSERT_TRUE(read);
    EXPECT_EQ(whole->node_count(), read->node_count());
    EXPECT_EQ(whole->event_count(), read->event_count());
    EXPECT_EQ(edges_of(*whole), edges_of(*read));
    EXPECT_EQ(whole->adjacency(), read->adjacency());
    // One actor's links: its rows only, with the same numbers.
    auto of_tgo = migrated.actor_links("TGO");
    ASSERT_TRUE(of_tgo);
    std::set<std::string> tgo_lines;
    for (const auto& line : edge_lines(Graph::from_links(*of_tgo)))
        tgo_lines.insert(line);
    EXPECT_EQ(tgo_lines.size(), 2u);
    EXPECT_TRUE(tgo_lines.count("RUS TGO MEET 0 2 2025-11-19 2026-01-10 occurred,planned, 2"));
    // A put in a bulk (triggers off) and a put outside one both make the links stale.
    {
        auto bulk = migrated.bulk();
        migrated.put(batch({{"TGO", R::participant}, {"GHA", R::participant}}, EventType::MEET,
                           "2026-02-01"));
    }
    EXPECT_FALSE(migrated.actor_links());
    EXPECT_EQ(migrated.refresh_aggregates(), Refreshed::whole) << "no watch: the whole";
    EXPECT_EQ(edge_lines(Graph::from_links(*migrated.actor_links())),
              edge_lines(Graph::load(migrated)));
    migrated.exec("UPDATE events SET status = 'reported'");
    EXPECT_FALSE(migrated.actor_links());
}

namespace {

// actor_links, actor_events and the event count as text, to compare two rebuilds (read by a
// connection of its own: a RawFile).
std::string kept_tables(const std::filesystem::path& file) {
    RawFile raw(file);
    std::string out;
    for (const auto& line : raw.rows(
             "SELECT source || ' ' || target || ' ' || type || ' ' || directed || ' ' || events "
             "|| ' ' || ifnull(first, '-') || ' ' || ifnull(last, '-') || ' ' || statuses || ' ' "
             "|| sources || ' ' || ifnull(goldstein, '-') FROM actor_links UNION ALL SELECT "
             "actor || ' ' || events FROM actor_events UNION ALL SELECT 'events ' || events FROM "
             "aggregates ORDER BY 1"))
        out += line + "\n";
    return out;
}

}  // namespace

// After watch_aggregates, a refresh rebuilds only the pairs the writes touched: new events in a
// bulk (triggers off), an event merged into (new evidence, another source), a put outside a
// bulk, a replaced source (its rows deleted and written again) and an actor that left an event.
// The kept rows are then those of a whole rebuild and Graph::load's edges.
TEST(Migration, KeptLinksRebuiltForTheTouchedPairsOnlyEqualAWholeRebuild) {
    TempDir dir;
    int n = 0;
    using R = ParticipantRole;
    auto batch = [&](std::vector<Participant> who, EventType type, const std::string& date,
                     std::string url = "") {
        Batch b;
        b.source.url = url.empty() ? "https://w.example/" + std::to_string(++n) : url;
        b.source.content_hash = "w" + std::to_string(++n);
        for (const auto& p : who) {
            if (p.actor.rfind("person/", 0) == 0)
                b.entities.push_back(Entity{p.actor, EntityKind::person, p.actor, "TGO", {}});
            else
                b.entities.push_back(Entity{p.actor, EntityKind::country, p.actor, "", {}});
        }
        Event e;
        e.type = type;
        e.status = Status::occurred;
        e.date = *DateInterval::parse(date);
        e.participants = who;
        e.evidence.push_back(Evidence{"", 0, 0, 5, "Text " + std::to_string(n) + ".", "t", 1.0});
        b.events.push_back(e);
        return b;
    };
    Store store(dir / "w.db");
    store.put(
        batch({{"TGO", R::participant}, {"RUS", R::participant}}, EventType::MEET, "2025-11-19"));
    store.put(batch({{"FRA", R::initiator}, {"MLI", R::target}}, EventType::CONDEMN, "2025-08-07"));
    store.put(
        batch({{"USA", R::initiator}, {"NIC", R::target}}, EventType::SANCTION, "2024-02-01"));
    store.put(batch({{"GHA", R::participant}, {"TGO", R::participant}}, EventType::MEET,
                    "2024-05-05", "https://w.example/replaced"));
    store.put(
        batch({{"SEN", R::participant}, {"GMB", R::participant}}, EventType::MEET, "2024-06-06"));
    EXPECT_EQ(store.refresh_aggregates(), Refreshed::whole);
    const std::string usa_nic = kept_tables(dir / "w.db");

    store.watch_aggregates();
    {
        auto bulk = store.bulk();
        // New events, and one told again by another source (merged: new evidence).
        store.put(batch({{"TGO", R::participant}, {"GHA", R::participant}}, EventType::MEET,
                        "2026-02-01"));
        store.put(batch({{"person/kossi", R::initiator}, {"RUS", R::target}}, EventType::VISIT,
                        "2026-03-01"));
        store.put(batch({{"TGO", R::participant}, {"RUS", R::participant}}, EventType::MEET,
                        "2025-11-19"));
        bulk.commit();
    }
    // Outside a bulk (triggers on), and a source replaced: GHA–TGO becomes GHA–CIV.
    store.put(batch({{"FRA", R::initiator}, {"MLI", R::target}}, EventType::CONDEMN, "2025-09-01"));
    store.put(batch({{"GHA", R::participant}, {"CIV", R::participant}}, EventType::MEET,
                    "2024-05-05", "https://w.example/replaced"));
    // An actor leaves an event (SQL of its own: the watch's triggers see it).
    store.exec("DELETE FROM participants WHERE actor = 'GMB'");
    ASSERT_FALSE(store.actor_links());

    EXPECT_EQ(store.refresh_aggregates(), Refreshed::pairs);
    const std::string by_pairs = kept_tables(dir / "w.db");
    const Graph graph = Graph::load(store);
    EXPECT_EQ(edge_lines(Graph::from_links(*store.actor_links())), edge_lines(graph));
    EXPECT_TRUE(edge_lines(graph).count("GHA CIV MEET 0 1 2024-05-05 2024-05-05 occurred, 1") ||
                edge_lines(graph).count("CIV GHA MEET 0 1 2024-05-05 2024-05-05 occurred, 1"));
    EXPECT_TRUE(edge_lines(graph).count("RUS TGO MEET 0 1 2025-11-19 2025-11-19 occurred, 2"));
    EXPECT_NE(by_pairs, usa_nic);
    {
        // A Store that watched nothing rebuilds the whole: the same rows.
        Store other = Store::open_existing(dir / "w.db");
        other.exec("UPDATE aggregates SET fresh = 0");
        EXPECT_EQ(other.refresh_aggregates(), Refreshed::whole);
    }
    EXPECT_EQ(kept_tables(dir / "w.db"), by_pairs);

    // Another connection's write is not watched: the whole again.
    store.watch_aggregates();
    store.put(
        batch({{"USA", R::initiator}, {"CUB", R::target}}, EventType::SANCTION, "2024-03-01"));
    {
        Store other = Store::open_existing(dir / "w.db");
        other.put(
            batch({{"USA", R::initiator}, {"VEN", R::target}}, EventType::SANCTION, "2024-04-01"));
    }
    EXPECT_EQ(store.refresh_aggregates(), Refreshed::whole);
    EXPECT_EQ(edge_lines(Graph::from_links(*store.actor_links())), edge_lines(Graph::load(store)));
}

TEST(Migration, AVersion7FileGetsItsAttributesIntoTheEventRows) {
    TempDir dir;
    // Two sources of one event (the second merges, its NumSources wins), one event of its own,
    // one without attributes; a key given twice (the last value wins) and a value with
    // characters JSON escapes.
    auto batch = [](const std::string& n, std::vector<std::string> actors,
                    std::vector<std::pair<std::string, std::string>> attributes) {
        Batch b;
        b.source.url = "https://a.example/" + n;
        b.source.content_hash = "h" + n;
        for (const auto& a : actors)
            b.entities.push_back(Entity{a, EntityKind::country, a, "", {}});
        Event e;
        e.type = EventType::OTHER;
        e.status = Status::occurred;
        e.date = *DateInterval::parse("2025-08-07");
        e.cameo = "010";
        for (const auto& a : actors)
            e.participants.push_back({a, ParticipantRole::participant});
        e.attributes = std::move(attributes);
        b.events.push_back(e);
        return b;
    };
    const std::vector<Batch> batches = {
        batch("1", {"USA", "CHN"}, {{"gdelt.NumSources", "1"}, {"gdelt.NumArticles", "4"}}),
        batch("2", {"USA", "CHN"}, {{"gdelt.NumSources", "3"}, {"gdelt.Actor1Code", "USAGOV"}}),
        batch("3", {"TGO", "RUS"}, {{"note", "first"}, {"note", "a \"quoted\" \\ value\ttab"}}),
        batch("4", {"MLI", "SEN"}, {})};
    const auto file = dir / "v7.db";
    std::string expected;
    {
        Store store(file);
        for (const auto& b : batches)
            store.put(b);
        expected = store.dump();
    }
    {
        RawFile raw(file);
        EXPECT_EQ(raw.value("SELECT count(*) FROM events WHERE attributes IS NOT NULL"), "2");
        raw.exec(std::string("BEGIN;") + kUndoV8 + "PRAGMA user_version=7; COMMIT;");
        EXPECT_EQ(raw.value("SELECT type FROM sqlite_master WHERE name = 'event_attributes'"),
                  "table");
        EXPECT_EQ(raw.value("SELECT count(*) FROM event_attributes"), "4");
    }
    Store migrated = Store::open_existing(file);
    EXPECT_EQ(migrated.dump(), expected);
    {
        RawFile raw(file);
        EXPECT_EQ(raw.value("PRAGMA user_version"), std::to_string(Store::schema_version));
        EXPECT_EQ(raw.value("SELECT type FROM sqlite_master WHERE name = 'event_attributes'"),
                  "view");
        EXPECT_EQ(raw.value("SELECT group_concat(key || '=' || value, ' ') FROM (SELECT key, "
                            "value FROM event_attributes WHERE key LIKE 'gdelt.%' ORDER BY key)"),
                  "gdelt.Actor1Code=USAGOV gdelt.NumArticles=4 gdelt.NumSources=3");
    }
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_cameo_actor;
    for (const auto& e : migrated.events())
        by_cameo_actor[e.event.participants.front().actor] = e.event.attributes;
    ASSERT_EQ(by_cameo_actor.size(), 3u);
    const std::vector<std::pair<std::string, std::string>> merged = {
        {"gdelt.Actor1Code", "USAGOV"}, {"gdelt.NumArticles", "4"}, {"gdelt.NumSources", "3"}};
    EXPECT_EQ(by_cameo_actor["CHN"], merged);
    ASSERT_EQ(by_cameo_actor["RUS"].size(), 1u);
    EXPECT_EQ(by_cameo_actor["RUS"][0].second, "a \"quoted\" \\ value\ttab");
    EXPECT_TRUE(by_cameo_actor["MLI"].empty());
    // A row put into the migrated file merges its values into the event's as before.
    migrated.put(batch("5", {"USA", "CHN"}, {{"gdelt.NumArticles", "9"}}));
    for (const auto& e : migrated.events()) {
        if (e.event.participants.front().actor == "CHN") {
            ASSERT_EQ(e.event.attributes.size(), 3u);
            EXPECT_EQ(e.event.attributes[1].second, "9");
        }
    }
}
