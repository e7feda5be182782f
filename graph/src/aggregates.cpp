#include "aggregates.hpp"

#include <diplograph/graph/edges.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace diplograph::aggregates {

namespace {

uint8_t status_bit(Status s) {
    return static_cast<uint8_t>(1u << static_cast<unsigned>(s));
}

Date day_of(std::string_view text) {
    if (text.empty())
        return {};
    return Date::parse(text).value_or(Date{});
}

// The key of an entry as Graph::build packs it: 29 bits per actor index, the direction, the
// type; sorted, the runs come in the order of Graph::edges().
constexpr uint64_t kActorMask = (uint64_t{1} << 29) - 1;
uint64_t key_of(const EventPair& p, EventType type) {
    return (static_cast<uint64_t>(p.from) << 35) | (static_cast<uint64_t>(p.to) << 6) |
           (static_cast<uint64_t>(p.directed) << 5) | static_cast<uint64_t>(type);
}

}  // namespace

namespace {

// The actors as Graph::load numbers them, and the sides of edges.hpp.
struct Context {
    std::vector<std::string> ids;  // the entities in id order: their rank is the node index
    std::vector<uint32_t> side;
    std::unordered_map<int64_t, uint32_t> rank_of_number;  // entities.no → rank
};

Context read_context(const sqlite::Database& db) {
    // The entities in id order: their rank is the node index Graph::load gives them. A person's
    // side is her country's rank, or a number past the entities for a country none lists
    // (edges.hpp: a person and her country are one side).
    Context c;
    std::vector<std::string> countries;  // a person's country, "" otherwise
    std::vector<int64_t> numbers;        // entities.no
    {
        sqlite::Statement s(db, "SELECT id, kind, country, no FROM entities ORDER BY id");
        while (s.step()) {
            c.ids.push_back(s.text(0));
            countries.push_back(s.view(1) == "person" ? s.text(2) : std::string());
            numbers.push_back(s.integer(3));
        }
    }
    if (c.ids.size() >= (std::size_t{1} << 28))
        throw std::length_error("actor_links: at most 2^28 actors");
    std::unordered_map<std::string_view, uint32_t> rank_of;
    rank_of.reserve(c.ids.size());
    for (std::size_t r = 0; r < c.ids.size(); ++r)
        rank_of.emplace(c.ids[r], static_cast<uint32_t>(r));
    c.side.resize(c.ids.size());
    std::unordered_map<std::string_view, uint32_t> absent;
    for (std::size_t r = 0; r < c.ids.size(); ++r) {
        c.side[r] = static_cast<uint32_t>(r);
        if (countries[r].empty())
            continue;
        if (auto it = rank_of.find(countries[r]); it != rank_of.end())
            c.side[r] = it->second;
        else
            c.side[r] =
                absent
                    .try_emplace(countries[r], static_cast<uint32_t>(c.ids.size() + absent.size()))
                    .first->second;
    }
    c.rank_of_number.reserve(numbers.size());
    for (std::size_t r = 0; r < numbers.size(); ++r)
        c.rank_of_number.emplace(numbers[r], static_cast<uint32_t>(r));
    return c;
}

// What the links need of each event with evidence, and its distinct sources.
struct Brief {
    Date first;
    Date last;
    bool dated = false;
    uint8_t status = 0;
    bool has_goldstein = false;
    double goldstein = 0;
    uint32_t sources_begin = 0;
    uint32_t sources_end = 0;
};

struct Collected {
    std::vector<Brief> briefs;
    std::vector<int64_t> sources;  // sources.rowid, each event's in a range
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    std::vector<uint32_t> actor_events;
    int64_t event_count = 0;
};

// Three scans in event order, as Store::event_links reads them: the events (no, type, status,
// date_from, date_to, precision, goldstein), their participants (event no, actor no, role; in
// the key order take_events reads them: by actor, then role) and the sources of their evidence
// (event no, sources.rowid). `keep` (when set) keeps only the pairs it accepts.
template <class Keep>
void collect(const Context& c, sqlite::Statement& ev, sqlite::Statement& parts,
             sqlite::Statement& evid, Collected& out, const Keep& keep) {
    bool has_part = parts.step(), has_evid = evid.step();
    auto& sources = out.sources;
    out.actor_events.assign(c.ids.size(), 0);
    std::vector<EventMember> members;
    std::vector<EventPair> pairs;
    while (ev.step()) {
        const int64_t no = ev.integer(0);
        members.clear();
        while (has_part && parts.integer(0) < no)
            has_part = parts.step();
        for (; has_part && parts.integer(0) == no; has_part = parts.step()) {
            auto it = c.rank_of_number.find(parts.integer(1));
            if (it == c.rank_of_number.end())
                continue;
            const uint32_t n = it->second;
            const auto role =
                participant_role_from_string(parts.view(2)).value_or(ParticipantRole::party);
            auto m = std::find_if(members.begin(), members.end(),
                                  [&](const EventMember& x) { return x.actor == n; });
            if (m != members.end())
                m->roles |= role_bit(role);
            else
                members.push_back(EventMember{n, c.side[n], role_bit(role)});
        }
        const auto begin = static_cast<uint32_t>(sources.size());
        while (has_evid && evid.integer(0) < no)
            has_evid = evid.step();
        for (; has_evid && evid.integer(0) == no; has_evid = evid.step())
            if (sources.size() == begin || sources.back() != evid.integer(1))
                sources.push_back(evid.integer(1));
        if (members.empty()) {
            sources.resize(begin);
            continue;
        }
        ++out.event_count;
        for (const auto& m : members)
            ++out.actor_events[m.actor];
        // Graph::load reads the events with at least one source (Filter::min_sources).
        if (sources.size() == begin)
            continue;
        std::sort(sources.begin() + begin, sources.end());
        sources.erase(std::unique(sources.begin() + begin, sources.end()), sources.end());
        const EventType type = event_type_from_string(ev.view(1)).value_or(EventType::MEET);
        pairs.clear();
        event_pairs(type, members, pairs);
        std::erase_if(pairs, [&](const EventPair& p) { return !keep(p.from, p.to); });
        if (pairs.empty()) {
            sources.resize(begin);
            continue;
        }
        Brief b;
        const DateInterval date{day_of(ev.view(3)),
                                day_of(ev.view(4)),
                                precision_from_string(ev.view(5)).value_or(Precision::unknown),
                                {}};
        b.first = date.first;
        b.last = date.last;
        b.dated = date.known();
        b.status = status_bit(status_from_string(ev.view(2)).value_or(Status::reported));
        b.has_goldstein = !ev.is_null(6);
        b.goldstein = b.has_goldstein ? ev.real(6) : 0.0;
        b.sources_begin = begin;
        b.sources_end = static_cast<uint32_t>(sources.size());
        const auto index = static_cast<uint32_t>(out.briefs.size());
        out.briefs.push_back(b);
        for (const auto& p : pairs)
            out.keyed.emplace_back(key_of(p, type), index);
    }
    std::sort(out.keyed.begin(), out.keyed.end());
}

// One row of actor_links per run of equal keys.
void write_links(const sqlite::Database& db, const Context& c, const Collected& in) {
    const auto& keyed = in.keyed;
    sqlite::Statement insert(db,
                             "INSERT INTO actor_links(source, target, type, directed, events, "
                             "first, last, statuses, sources, goldstein) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::vector<int64_t> union_of;
    for (std::size_t run = 0; run < keyed.size();) {
        const uint64_t key = keyed[run].first;
        const std::size_t begin = run;
        Date first, last;
        uint8_t statuses = 0;
        bool any_goldstein = false;
        double goldstein = 0;
        for (; run < keyed.size() && keyed[run].first == key; ++run) {
            const Brief& b = in.briefs[keyed[run].second];
            if (b.dated) {
                if (!first.valid() || b.first < first)
                    first = b.first;
                if (!last.valid() || last < b.last)
                    last = b.last;
            }
            statuses |= b.status;
            if (b.has_goldstein) {
                any_goldstein = true;
                goldstein += b.goldstein;
            }
        }
        std::size_t distinct = 0;
        if (run - begin == 1) {
            const Brief& b = in.briefs[keyed[begin].second];
            distinct = b.sources_end - b.sources_begin;
        } else {
            union_of.clear();
            for (std::size_t i = begin; i < run; ++i) {
                const Brief& b = in.briefs[keyed[i].second];
                union_of.insert(union_of.end(), in.sources.begin() + b.sources_begin,
                                in.sources.begin() + b.sources_end);
            }
            std::sort(union_of.begin(), union_of.end());
            distinct = static_cast<std::size_t>(std::unique(union_of.begin(), union_of.end()) -
                                                union_of.begin());
        }
        insert.reset();
        insert.bind(c.ids[key >> 35])
            .bind(c.ids[(key >> 6) & kActorMask])
            .bind(to_string(static_cast<EventType>(key & 31)))
            .bind(static_cast<int64_t>((key >> 5) & 1))
            .bind(static_cast<int64_t>(run - begin));
        if (first.valid())
            insert.bind(first.to_string()).bind(last.to_string());
        else
            insert.bind_null().bind_null();
        insert.bind(static_cast<int64_t>(statuses)).bind(static_cast<int64_t>(distinct));
        if (any_goldstein)
            insert.bind(goldstein);
        else
            insert.bind_null();
        insert.run();
    }
}

void rebuild_whole(const sqlite::Database& db) {
    const Context c = read_context(db);
    sqlite::Statement ev(db,
                         "SELECT no, type, status, date_from, date_to, precision, goldstein "
                         "FROM events ORDER BY no");
    sqlite::Statement parts(db,
                            "SELECT e.no, a.no, p.role FROM events e JOIN participants p ON "
                            "p.event = e.id JOIN entities a ON a.id = p.actor ORDER BY e.no");
    sqlite::Statement evid(db,
                           "SELECT e.no, s.rowid FROM events e JOIN evidence v ON v.event = e.id "
                           "JOIN sources s ON s.id = v.source ORDER BY e.no");
    Collected all;
    collect(c, ev, parts, evid, all, [](uint32_t, uint32_t) { return true; });
    db.exec("DELETE FROM actor_links; DELETE FROM actor_events;");
    write_links(db, c, all);
    sqlite::Statement actor(db, "INSERT INTO actor_events(actor, events) VALUES (?, ?)");
    for (std::size_t r = 0; r < c.ids.size(); ++r)
        if (all.actor_events[r] > 0) {
            actor.reset();
            actor.bind(c.ids[r]).bind(static_cast<int64_t>(all.actor_events[r])).run();
        }
    sqlite::Statement done(db, "UPDATE aggregates SET fresh = 1, events = ?");
    done.bind(all.event_count).run();
}

int64_t data_version(const sqlite::Database& db) {
    sqlite::Statement s(db, "PRAGMA data_version");
    return s.step() ? s.integer(0) : -1;
}

std::vector<Watch::Entity> entity_rows(const sqlite::Database& db) {
    std::vector<Watch::Entity> out;
    sqlite::Statement s(db, "SELECT no, id, kind, country FROM entities ORDER BY no");
    while (s.step())
        out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
    return out;
}

// What this connection's writes touch while the triggers are on, kept in its temp schema (no
// table of the file changes, and a read-only store never gets here). The rows a bulk writes
// with the triggers off are found afterwards by their sources (rowid past Watch::last_source).
// ('', '') asks for a whole rebuild: an entity changed, or the source with the largest rowid
// went (a new one could then reuse its rowid).
constexpr const char* kWatchSql = R"sql(
CREATE TEMP TABLE IF NOT EXISTS agg_touched(event TEXT NOT NULL, actor TEXT NOT NULL,
  PRIMARY KEY(event, actor)) WITHOUT ROWID;
DELETE FROM temp.agg_touched;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_pi AFTER INSERT ON main.participants BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (NEW.event, NEW.actor); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_pd AFTER DELETE ON main.participants BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (OLD.event, OLD.actor); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_pu AFTER UPDATE ON main.participants BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (OLD.event, OLD.actor), (NEW.event, NEW.actor); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_vi AFTER INSERT ON main.evidence BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (NEW.event, ''); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_vd AFTER DELETE ON main.evidence BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (OLD.event, ''); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_vu AFTER UPDATE ON main.evidence BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (OLD.event, ''), (NEW.event, ''); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_eu AFTER UPDATE ON main.events BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES (OLD.id, ''), (NEW.id, ''); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_nu AFTER UPDATE ON main.entities BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES ('', ''); END;
CREATE TEMP TRIGGER IF NOT EXISTS agg_w_sd AFTER DELETE ON main.sources
  WHEN OLD.rowid > ifnull((SELECT max(rowid) FROM main.sources), 0) BEGIN
  INSERT OR IGNORE INTO agg_touched VALUES ('', ''); END;
)sql";

// The touched events (their numbers, in temp.agg_ev) and, from their actors now and the actors
// that left them, the pairs of actors (entities.no, smaller first) whose links may change.
struct Touched {
    std::set<std::pair<int64_t, int64_t>> pairs;
    std::set<int64_t> actors;  // of the touched events, now or before
};
Touched touched(const sqlite::Database& db, const Watch& watch) {
    db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS agg_ev(no INTEGER PRIMARY KEY); "
        "DELETE FROM temp.agg_ev; "
        "INSERT OR IGNORE INTO temp.agg_ev SELECT e.no FROM temp.agg_touched t "
        "JOIN main.events e ON e.id = t.event;");
    for (const char* sql :
         {"INSERT OR IGNORE INTO temp.agg_ev SELECT e.no FROM main.sources s CROSS JOIN "
          "main.evidence v ON v.source = s.id JOIN main.events e ON e.id = v.event "
          "WHERE s.rowid > ?",
          "INSERT OR IGNORE INTO temp.agg_ev SELECT e.no FROM main.sources s CROSS JOIN "
          "main.participants p ON p.source = s.id JOIN main.events e ON e.id = p.event "
          "WHERE s.rowid > ?"}) {
        sqlite::Statement s(db, sql);
        s.bind(watch.last_source).run();
    }
    Touched out;
    sqlite::Statement s(db,
                        "SELECT t.event, a.no FROM temp.agg_touched t JOIN main.entities a ON "
                        "a.id = t.actor WHERE t.actor <> '' UNION SELECT e.id, l.actor FROM "
                        "temp.agg_ev x JOIN main.events e ON e.no = x.no JOIN main.event_links l "
                        "ON l.event = x.no ORDER BY 1, 2");
    std::string event;
    std::vector<int64_t> actors;
    auto flush = [&] {
        for (std::size_t i = 0; i < actors.size(); ++i)
            for (std::size_t j = i + 1; j < actors.size(); ++j)
                out.pairs.emplace(actors[i], actors[j]);  // sorted: actors[i] < actors[j]
        out.actors.insert(actors.begin(), actors.end());
        actors.clear();
    };
    while (s.step()) {
        if (s.view(0) != event) {
            flush();
            event = s.text(0);
        }
        if (actors.empty() || actors.back() != s.integer(1))
            actors.push_back(s.integer(1));
    }
    flush();
    return out;
}

// Rebuilds the rows of the touched pairs only; false when that is not possible or not worth it
// (the caller then rebuilds the whole).
bool rebuild_pairs(const sqlite::Database& db, const Watch& watch) {
    if (data_version(db) != watch.data_version)
        return false;  // another connection wrote: its writes were not watched
    {
        sqlite::Statement s(db, "SELECT 1 FROM temp.agg_touched WHERE event = '' LIMIT 1");
        if (s.step())
            return false;
    }
    {
        // Entities changed with the triggers off (a bulk): their sides may have moved.
        auto now = entity_rows(db);
        if (now.size() < watch.entities.size() ||
            !std::equal(watch.entities.begin(), watch.entities.end(), now.begin()))
            return false;
    }
    int64_t events = 0;
    {
        sqlite::Statement s(db, "SELECT events FROM aggregates");
        events = s.step() ? s.integer(0) : 0;
        // Many new sources (a large import): one ordered pass is cheaper than finding them.
        sqlite::Statement n(db,
                            "SELECT count(*) FROM (SELECT 1 FROM sources WHERE rowid > ? LIMIT ?)");
        n.bind(watch.last_source).bind(events / 8 + 1000);
        if (n.step() && n.integer(0) >= events / 8 + 1000)
            return false;
    }
    const auto [pairs, actors] = touched(db, watch);
    // The events of those pairs, from event_pairs (every type).
    db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS agg_read(no INTEGER PRIMARY KEY); "
        "DELETE FROM temp.agg_read;");
    {
        sqlite::Statement add(db,
                              "INSERT OR IGNORE INTO temp.agg_read SELECT event FROM "
                              "main.event_pairs WHERE actor = ? AND partner = ?");
        for (const auto& [a, b] : pairs) {
            add.reset();
            add.bind(a).bind(b).run();
        }
    }
    int64_t to_read = 0;
    {
        sqlite::Statement r(db, "SELECT count(*) FROM temp.agg_read");
        to_read = r.step() ? r.integer(0) : 0;
    }
    if (to_read > events / 4 + 1000)
        return false;  // a large part of the store: one ordered pass is cheaper
    const Context c = read_context(db);
    std::unordered_set<uint64_t> wanted;  // ranks, smaller first
    auto pack = [](uint32_t x, uint32_t y) {
        return (static_cast<uint64_t>(std::min(x, y)) << 32) | std::max(x, y);
    };
    for (const auto& [a, b] : pairs) {
        auto x = c.rank_of_number.find(a), y = c.rank_of_number.find(b);
        if (x != c.rank_of_number.end() && y != c.rank_of_number.end())
            wanted.insert(pack(x->second, y->second));
    }
    sqlite::Statement ev(db,
                         "SELECT e.no, e.type, e.status, e.date_from, e.date_to, e.precision, "
                         "e.goldstein FROM temp.agg_read r CROSS JOIN main.events e ON "
                         "e.no = r.no ORDER BY r.no");
    sqlite::Statement parts(
        db,
        "SELECT e.no, a.no, p.role FROM temp.agg_read r CROSS JOIN "
        "main.events e ON e.no = r.no CROSS JOIN main.participants p ON "
        "p.event = e.id CROSS JOIN main.entities a ON a.id = p.actor ORDER BY r.no");
    sqlite::Statement evid(db,
                           "SELECT e.no, s.rowid FROM temp.agg_read r CROSS JOIN main.events e "
                           "ON e.no = r.no CROSS JOIN main.evidence v ON v.event = e.id CROSS "
                           "JOIN main.sources s ON s.id = v.source ORDER BY r.no");
    Collected touched;
    collect(c, ev, parts, evid, touched,
            [&](uint32_t x, uint32_t y) { return wanted.count(pack(x, y)) > 0; });
    {
        sqlite::Statement drop(db,
                               "DELETE FROM actor_links WHERE (source = ?1 AND target = ?2) OR "
                               "(source = ?2 AND target = ?1)");
        sqlite::Statement id(db, "SELECT id FROM entities WHERE no = ?");
        for (const auto& [a, b] : pairs) {
            std::string x, y;
            id.reset();
            if (id.bind(a).step())
                x = id.text(0);
            id.reset();
            if (id.bind(b).step())
                y = id.text(0);
            drop.reset();
            drop.bind(x).bind(y).run();
        }
    }
    write_links(db, c, touched);
    {
        // Each touched actor's events, from event_links (one row per event and actor).
        sqlite::Statement count(db,
                                "SELECT a.id, (SELECT count(*) FROM event_links WHERE actor = "
                                "a.no) FROM entities a WHERE a.no = ?");
        sqlite::Statement put(db,
                              "INSERT OR REPLACE INTO actor_events(actor, events) VALUES (?, ?)");
        sqlite::Statement drop(db, "DELETE FROM actor_events WHERE actor = ?");
        for (auto a : actors) {
            count.reset();
            if (!count.bind(a).step())
                continue;
            auto& s = count.integer(1) > 0 ? put : drop;
            s.reset();
            s.bind(count.text(0));
            if (count.integer(1) > 0)
                s.bind(count.integer(1));
            s.run();
        }
    }
    // The events with at least one actor: one pass over event_links' key.
    sqlite::Statement n(db, "SELECT count(*) FROM (SELECT DISTINCT event FROM event_links)");
    sqlite::Statement done(db, "UPDATE aggregates SET fresh = 1, events = ?");
    done.bind(n.step() ? n.integer(0) : 0).run();
    return true;
}

}  // namespace

std::optional<Watch> watch(const sqlite::Database& db) {
    {
        sqlite::Statement fresh(db, "SELECT fresh FROM aggregates");
        if (!fresh.step() || fresh.integer(0) == 0)
            return std::nullopt;
    }
    db.exec(kWatchSql);
    Watch w;
    w.data_version = data_version(db);
    sqlite::Statement s(db, "SELECT ifnull(max(rowid), 0) FROM sources");
    w.last_source = s.step() ? s.integer(0) : 0;
    w.entities = entity_rows(db);
    return w;
}

Refreshed refresh(const sqlite::Database& db, const Watch* watch) {
    sqlite::Transaction tx(db);
    {
        sqlite::Statement fresh(db, "SELECT fresh FROM aggregates");
        if (fresh.step() && fresh.integer(0) != 0) {
            tx.commit();
            return Refreshed::none;
        }
    }
    Refreshed how = Refreshed::pairs;
    if (!watch || !rebuild_pairs(db, *watch)) {
        rebuild_whole(db);
        how = Refreshed::whole;
    }
    tx.commit();
    return how;
}

std::optional<ActorLinks> read(const sqlite::Database& db, const std::string& of_actor) {
    ActorLinks out;
    {
        sqlite::Statement s(db, "SELECT fresh, events FROM aggregates");
        if (!s.step() || s.integer(0) == 0)
            return std::nullopt;
        out.event_count = s.integer(1);
    }
    struct Raw {
        std::string a, b;
        ActorLinks::Row row;
    };
    std::vector<Raw> raw;
    {
        constexpr const char* kColumns =
            "SELECT source, target, type, directed, events, first, last, statuses, sources "
            "FROM actor_links";
        sqlite::Statement s(db, of_actor.empty()
                                    ? std::string(kColumns)
                                    : std::string(kColumns) + " WHERE source = ?1 UNION ALL " +
                                          kColumns + " WHERE target = ?1 AND source <> ?1");
        if (!of_actor.empty())
            s.bind(of_actor);
        while (s.step()) {
            Raw r{s.text(0), s.text(1), {}};
            r.row.type = event_type_from_string(s.view(2)).value_or(EventType::MEET);
            r.row.directed = s.integer(3) != 0;
            r.row.events = static_cast<uint32_t>(s.integer(4));
            r.row.first = day_of(s.view(5));
            r.row.last = day_of(s.view(6));
            const auto bits = s.integer(7);
            for (auto st : {Status::occurred, Status::agreed, Status::planned, Status::reported})
                if (bits & status_bit(st))
                    r.row.statuses.push_back(st);
            std::sort(r.row.statuses.begin(), r.row.statuses.end());
            r.row.sources = static_cast<uint32_t>(s.integer(8));
            raw.push_back(std::move(r));
        }
    }
    auto entity = [](sqlite::Statement& s) {
        return Entity{s.text(0),
                      entity_kind_from_string(s.view(1)).value_or(EntityKind::country),
                      s.text(2),
                      s.text(3),
                      {}};
    };
    if (of_actor.empty()) {
        sqlite::Statement s(db,
                            "SELECT a.id, a.kind, a.name, a.country FROM actor_events x JOIN "
                            "entities a ON a.id = x.actor ORDER BY a.id");
        while (s.step())
            out.actors.push_back(entity(s));
    } else {
        std::vector<std::string> wanted;
        for (const auto& r : raw) {
            wanted.push_back(r.a);
            wanted.push_back(r.b);
        }
        {
            sqlite::Statement s(db, "SELECT 1 FROM actor_events WHERE actor = ?");
            s.bind(of_actor);
            if (s.step())
                wanted.push_back(of_actor);
        }
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        sqlite::Statement s(db, "SELECT id, kind, name, country FROM entities WHERE id = ?");
        for (const auto& id : wanted) {
            s.reset();
            s.bind(id);
            if (s.step())
                out.actors.push_back(entity(s));
            else
                out.actors.push_back(Entity{id, EntityKind::country, id, "", {}});
        }
    }
    std::unordered_map<std::string_view, uint32_t> index;
    index.reserve(out.actors.size());
    for (std::size_t n = 0; n < out.actors.size(); ++n)
        index.emplace(out.actors[n].id, static_cast<uint32_t>(n));
    out.rows.reserve(raw.size());
    for (auto& r : raw) {
        auto a = index.find(r.a), b = index.find(r.b);
        if (a == index.end() || b == index.end())
            throw StoreError("actor_links names an actor of no event: " +
                             (a == index.end() ? r.a : r.b));
        r.row.a = a->second;
        r.row.b = b->second;
        out.rows.push_back(std::move(r.row));
    }
    std::sort(
        out.rows.begin(), out.rows.end(), [](const ActorLinks::Row& x, const ActorLinks::Row& y) {
            return std::tie(x.a, x.b, x.directed, x.type) < std::tie(y.a, y.b, y.directed, y.type);
        });
    return out;
}

}  // namespace diplograph::aggregates
