#include "aggregates.hpp"

#include <diplograph/graph/edges.hpp>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

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

bool refresh(const sqlite::Database& db) {
    sqlite::Transaction tx(db);
    {
        sqlite::Statement fresh(db, "SELECT fresh FROM aggregates");
        if (fresh.step() && fresh.integer(0) != 0) {
            tx.commit();
            return false;
        }
    }
    // The entities in id order: their rank is the node index Graph::load gives them. A person's
    // side is her country's rank, or a number past the entities for a country none lists
    // (edges.hpp: a person and her country are one side).
    std::vector<std::string> ids;
    std::vector<std::string> countries;  // a person's country, "" otherwise
    std::vector<int64_t> numbers;        // entities.no
    {
        sqlite::Statement s(db, "SELECT id, kind, country, no FROM entities ORDER BY id");
        while (s.step()) {
            ids.push_back(s.text(0));
            countries.push_back(s.view(1) == "person" ? s.text(2) : std::string());
            numbers.push_back(s.integer(3));
        }
    }
    if (ids.size() >= (std::size_t{1} << 28))
        throw std::length_error("actor_links: at most 2^28 actors");
    std::unordered_map<std::string_view, uint32_t> rank_of;
    rank_of.reserve(ids.size());
    for (std::size_t r = 0; r < ids.size(); ++r)
        rank_of.emplace(ids[r], static_cast<uint32_t>(r));
    std::vector<uint32_t> side(ids.size());
    std::unordered_map<std::string_view, uint32_t> absent;
    for (std::size_t r = 0; r < ids.size(); ++r) {
        side[r] = static_cast<uint32_t>(r);
        if (countries[r].empty())
            continue;
        if (auto it = rank_of.find(countries[r]); it != rank_of.end())
            side[r] = it->second;
        else
            side[r] =
                absent.try_emplace(countries[r], static_cast<uint32_t>(ids.size() + absent.size()))
                    .first->second;
    }
    std::unordered_map<int64_t, uint32_t> rank_of_number;
    rank_of_number.reserve(numbers.size());
    for (std::size_t r = 0; r < numbers.size(); ++r)
        rank_of_number.emplace(numbers[r], static_cast<uint32_t>(r));

    // Three scans in event order, as Store::event_links reads them: the events, their
    // participants (in the key order take_events reads them: by actor, then role) and the
    // sources of their evidence (by rowid: distinct sources are distinct rows).
    sqlite::Statement ev(db,
                         "SELECT no, type, status, date_from, date_to, precision, goldstein "
                         "FROM events ORDER BY no");
    sqlite::Statement parts(db,
                            "SELECT e.no, a.no, p.role FROM events e JOIN participants p ON "
                            "p.event = e.id JOIN entities a ON a.id = p.actor ORDER BY e.no");
    sqlite::Statement evid(db,
                           "SELECT e.no, s.rowid FROM events e JOIN evidence v ON v.event = e.id "
                           "JOIN sources s ON s.id = v.source ORDER BY e.no");
    bool has_part = parts.step(), has_evid = evid.step();

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
    std::vector<Brief> briefs;
    std::vector<int64_t> sources;  // sources.rowid, each event's in a range
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    std::vector<uint32_t> actor_events(ids.size(), 0);
    int64_t event_count = 0;
    std::vector<EventMember> members;
    std::vector<EventPair> pairs;
    while (ev.step()) {
        const int64_t no = ev.integer(0);
        members.clear();
        while (has_part && parts.integer(0) < no)
            has_part = parts.step();
        for (; has_part && parts.integer(0) == no; has_part = parts.step()) {
            auto it = rank_of_number.find(parts.integer(1));
            if (it == rank_of_number.end())
                continue;
            const uint32_t n = it->second;
            const auto role =
                participant_role_from_string(parts.view(2)).value_or(ParticipantRole::party);
            auto m = std::find_if(members.begin(), members.end(),
                                  [&](const EventMember& x) { return x.actor == n; });
            if (m != members.end())
                m->roles |= role_bit(role);
            else
                members.push_back(EventMember{n, side[n], role_bit(role)});
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
        ++event_count;
        for (const auto& m : members)
            ++actor_events[m.actor];
        // Graph::load reads the events with at least one source (Filter::min_sources).
        if (sources.size() == begin)
            continue;
        std::sort(sources.begin() + begin, sources.end());
        sources.erase(std::unique(sources.begin() + begin, sources.end()), sources.end());
        const EventType type = event_type_from_string(ev.view(1)).value_or(EventType::MEET);
        pairs.clear();
        event_pairs(type, members, pairs);
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
        const auto index = static_cast<uint32_t>(briefs.size());
        briefs.push_back(b);
        for (const auto& p : pairs)
            keyed.emplace_back(key_of(p, type), index);
    }
    std::sort(keyed.begin(), keyed.end());

    db.exec("DELETE FROM actor_links; DELETE FROM actor_events;");
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
            const Brief& b = briefs[keyed[run].second];
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
            const Brief& b = briefs[keyed[begin].second];
            distinct = b.sources_end - b.sources_begin;
        } else {
            union_of.clear();
            for (std::size_t i = begin; i < run; ++i) {
                const Brief& b = briefs[keyed[i].second];
                union_of.insert(union_of.end(), sources.begin() + b.sources_begin,
                                sources.begin() + b.sources_end);
            }
            std::sort(union_of.begin(), union_of.end());
            distinct = static_cast<std::size_t>(std::unique(union_of.begin(), union_of.end()) -
                                                union_of.begin());
        }
        insert.reset();
        insert.bind(ids[key >> 35])
            .bind(ids[(key >> 6) & kActorMask])
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
    sqlite::Statement actor(db, "INSERT INTO actor_events(actor, events) VALUES (?, ?)");
    for (std::size_t r = 0; r < ids.size(); ++r)
        if (actor_events[r] > 0) {
            actor.reset();
            actor.bind(ids[r]).bind(static_cast<int64_t>(actor_events[r])).run();
        }
    sqlite::Statement done(db, "UPDATE aggregates SET fresh = 1, events = ?");
    done.bind(event_count).run();
    tx.commit();
    return true;
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
