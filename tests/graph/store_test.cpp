#include <diplograph/graph/store.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <tuple>

#include <sys/wait.h>
#include <unistd.h>

using namespace diplograph;
using diplograph::test::TempDir;

namespace {

Entity country(const std::string& code, const std::string& name) {
    return Entity{code, EntityKind::country, name, "", {{name, "en"}}};
}

Event event(EventType type, std::vector<Participant> parts, const std::string& date,
            Status status = Status::occurred, const std::string& sentence = "s") {
    Event e;
    e.type = type;
    e.participants = std::move(parts);
    if (!date.empty())
        e.date = *DateInterval::parse(date);
    e.status = status;
    e.evidence.push_back(
        Evidence{"", 0, 0, static_cast<int64_t>(sentence.size()), sentence, "test", 0.9});
    return e;
}

Batch batch(const std::string& url, const std::string& content, std::vector<Event> events) {
    Batch b;
    b.source.url = url;
    b.source.title = "title of " + url;
    b.source.content_hash = stable_hash(content);
    b.entities = {country("TGO", "Togo"), country("RUS", "Russia"), country("MLI", "Mali")};
    b.events = std::move(events);
    return b;
}

const Participant tgo{"TGO", ParticipantRole::participant};
const Participant rus{"RUS", ParticipantRole::participant};
const Participant mli{"MLI", ParticipantRole::participant};

}  // namespace

TEST(Store, CreatesASchemaAndReopensIt) {
    TempDir dir;
    {
        Store store(dir / "a.db");
        EXPECT_EQ(store.stats().sources, 0);
    }
    Store again = Store::open_existing(dir / "a.db");
    EXPECT_EQ(again.stats().events.at("MEET"), 0);
    EXPECT_THROW(Store::open_existing(dir / "missing.db"), StoreError);
}

TEST(Store, PutCountsWhatItStored) {
    TempDir dir;
    Store store(dir / "a.db");
    auto r = store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    EXPECT_EQ(r.outcome, StoreResult::Outcome::added);
    EXPECT_EQ(r.events_new, 1);
    auto st = store.stats();
    EXPECT_EQ(st.sources, 1);
    EXPECT_EQ(st.entities.at("country"), 3);
    EXPECT_EQ(st.events.at("MEET"), 1);
    EXPECT_EQ(st.evidence, 1);
}

TEST(Store, SameSourceTwiceChangesNothing) {
    TempDir dir;
    Store store(dir / "a.db");
    auto b = batch("https://a", "1",
                   {event(EventType::MEET, {tgo, rus}, "2025-11-19"),
                    event(EventType::EMBASSY_REOPEN,
                          {{"RUS", ParticipantRole::initiator}, {"TGO", ParticipantRole::target}},
                          "2026", Status::agreed)});
    store.put(b);
    std::string before = store.dump();
    auto r = store.put(b);
    EXPECT_EQ(r.outcome, StoreResult::Outcome::unchanged);
    EXPECT_EQ(store.dump(), before);
}

TEST(Store, CorrectedVersionReplacesTheOldOne) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "v1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    auto r =
        store.put(batch("https://a", "v2", {event(EventType::VISIT, {tgo, mli}, "2025-11-20")}));
    EXPECT_EQ(r.outcome, StoreResult::Outcome::replaced);
    auto st = store.stats();
    EXPECT_EQ(st.sources, 1);
    EXPECT_EQ(st.events.at("MEET"), 0);
    EXPECT_EQ(st.events.at("VISIT"), 1);
    EXPECT_EQ(st.evidence, 1);
}

TEST(Store, TwoSourcesOfOneEventMakeOneEventWithTwoEvidenceRecords) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    auto r = store.put(batch("https://b", "2", {event(EventType::MEET, {rus, tgo}, "2025-11")}));
    EXPECT_EQ(r.events_merged, 1);
    auto events = store.events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].corroboration(), 2);
    EXPECT_EQ(events[0].event.evidence.size(), 2u);
    EXPECT_EQ(events[0].event.date.to_string(), "2025-11-19");  // the most precise date wins
}

TEST(Store, MutualDirectionsStayTwoEvents) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch(
        "https://a", "1",
        {event(EventType::EMBASSY_REOPEN,
               {{"RUS", ParticipantRole::initiator}, {"TGO", ParticipantRole::target}}, "2026"),
         event(EventType::EMBASSY_REOPEN,
               {{"TGO", ParticipantRole::initiator}, {"RUS", ParticipantRole::target}}, "2026")}));
    EXPECT_EQ(store.stats().events.at("EMBASSY_REOPEN"), 2);
}

TEST(Store, IncompatibleDatesOrOtherActorsStaySeparate) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    store.put(batch("https://b", "2", {event(EventType::MEET, {tgo, rus}, "2024-03-02")}));
    store.put(batch("https://c", "3", {event(EventType::MEET, {tgo, mli}, "2025-11-19")}));
    EXPECT_EQ(store.stats().events.at("MEET"), 3);
}

TEST(Store, StatusAndDateAreDerivedFromAllEvidence) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(
        batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11", Status::planned)}));
    store.put(batch("https://b", "2",
                    {event(EventType::MEET, {tgo, rus}, "2025-11-19", Status::occurred)}));
    auto events = store.events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].event.status, Status::occurred);
    EXPECT_EQ(events[0].event.date.to_string(), "2025-11-19");
    // Withdrawing the precise source brings the aggregate back to what is left.
    store.put(batch("https://b", "2-corrected", {}));
    events = store.events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].event.status, Status::planned);
    EXPECT_EQ(events[0].event.date.to_string(), "2025-11");
}

// The store derives a merged event's fields one article at a time; this is the derivation
// from all the evidence at once, in evidence order, as DESIGN.md states it: the strongest
// status, the most precise date (the earliest of equally precise ones), the first subtype and
// place; among equals the first row in (source, sentence, span, rule) order.
TEST(Store, IncrementalDerivationEqualsDerivationFromAllEvidence) {
    struct Row {
        std::string source;
        int sentence;
        int64_t begin;
        std::string rule;
        Status status;
        DateInterval date;
        std::string subtype, place;
    };
    // Dates known to the month at least: the articles' reports are one event (merge_policy).
    const char* dates[] = {"2025-11", "2025-11", "2025-11-19", "2025-11-19"};
    const Status statuses[] = {Status::reported, Status::planned, Status::agreed, Status::occurred};
    const char* words[] = {"", "", "a", "b"};
    std::mt19937 random(20261128);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    for (int trial = 0; trial < 150; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial));
        TempDir dir;
        Store store(dir / "a.db");
        std::vector<Row> rows;
        int articles = 1 + pick(10);
        for (int a = 0; a < articles; ++a) {
            Batch b = batch("https://t/" + std::to_string(pick(1000)), std::to_string(a), {});
            // A source seen before is replaced: its rows go.
            std::string id = make_source_id(b.source);
            std::erase_if(rows, [&](const Row& r) { return r.source == id; });
            Event e = event(EventType::MEET, {tgo, rus}, dates[pick(4)], statuses[pick(4)]);
            e.date.how = words[pick(4)];
            e.subtype = words[pick(4)];
            e.place = words[pick(4)];
            e.evidence.clear();
            for (int k = 1 + pick(3); k > 0; --k) {
                Evidence ev{"", pick(3), pick(2) * 10, 0, "s", pick(2) ? "r1" : "r2", 0.9};
                e.evidence.push_back(ev);
                bool seen = std::any_of(rows.begin(), rows.end(), [&](const Row& r) {
                    return r.source == id && r.sentence == ev.sentence && r.begin == ev.begin &&
                           r.rule == ev.rule;
                });
                if (!seen)
                    rows.push_back(
                        {id, ev.sentence, ev.begin, ev.rule, e.status, e.date, e.subtype, e.place});
            }
            b.events = {e};
            store.put(b);
        }
        std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
            return std::tie(x.source, x.sentence, x.begin, x.rule) <
                   std::tie(y.source, y.sentence, y.begin, y.rule);
        });
        Status status = rows.front().status;
        DateInterval date;
        std::string subtype, place;
        auto rank = [](Precision p) {
            return p == Precision::day     ? 4
                   : p == Precision::month ? 3
                   : p == Precision::year  ? 2
                                           : 0;
        };
        for (const auto& r : rows) {
            if (std::find(std::begin(statuses), std::end(statuses), r.status) >
                std::find(std::begin(statuses), std::end(statuses), status))
                status = r.status;
            if (rank(r.date.precision) > rank(date.precision) ||
                (r.date.known() && r.date.precision == date.precision && r.date.first < date.first))
                date = r.date;
            if (subtype.empty())
                subtype = r.subtype;
            if (place.empty())
                place = r.place;
        }
        auto events = store.events();
        ASSERT_EQ(events.size(), 1u);
        EXPECT_EQ(events[0].event.status, status);
        EXPECT_EQ(events[0].event.date.to_string(), date.to_string());
        EXPECT_EQ(events[0].event.date.how, date.how);
        EXPECT_EQ(events[0].event.subtype, subtype);
        EXPECT_EQ(events[0].event.place, place);
    }
}

TEST(Store, RefusesADatabaseOfANewerVersion) {
    TempDir dir;
    {
        Store store(dir / "a.db");
        store.exec("PRAGMA user_version=99");
    }
    try {
        Store again(dir / "a.db");
        FAIL() << "opened a newer database";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer diplograph (schema version 99"),
                  std::string::npos)
            << e.what();
    }
}

TEST(Store, RefusesAFileThatIsNotADatabaseAndLeavesItUntouched) {
    TempDir dir;
    auto path = dir.write("notes.db", "these are my notes, not a database\n");
    std::string before = diplograph::test::read_file(path);
    EXPECT_THROW(Store{path}, StoreError);
    EXPECT_EQ(diplograph::test::read_file(path), before);
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(Store, RefusesAnotherProgramsSqliteFile) {
    TempDir dir;
    {
        Store store(dir / "other.db");
        store.exec("PRAGMA application_id=7");
    }
    try {
        Store again(dir / "other.db");
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("not a diplograph database"), std::string::npos);
    }
}

TEST(Store, AFailedBatchLeavesNothingHalfWritten) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    std::string before = store.dump();
    // An actor that is no entity breaks the foreign key: the whole batch is rolled back.
    auto bad =
        batch("https://b", "2",
              {event(EventType::MEET, {tgo, mli}, "2025-01-01"),
               event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    EXPECT_THROW(store.put(bad), StoreError);
    EXPECT_EQ(store.dump(), before);
}

TEST(Store, InABulkAFailedBatchLeavesNothingAndTheOthersAreKept) {
    TempDir dir;
    Store store(dir / "a.db");
    auto bad =
        batch("https://b", "2",
              {event(EventType::MEET, {tgo, mli}, "2025-01-01"),
               event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    std::string expected;
    {
        TempDir other;
        Store alone(other / "a.db");
        alone.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
        alone.put(batch("https://c", "3", {event(EventType::MEET, {tgo, rus}, "2025-11")}));
        expected = alone.dump();
    }
    {
        auto bulk = store.bulk(2);
        store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
        bulk.count();
        EXPECT_THROW(store.put(bad), StoreError);
        try {
            store.put(batch("https://c", "3", {event(EventType::MEET, {tgo, rus}, "2025-11")}));
            bulk.count();
            store.put(bad);
        } catch (const StoreError&) {
            // Left by an exception, the bulk commits what the other batches put.
        }
    }
    EXPECT_EQ(Store::open_existing(dir / "a.db").dump(), expected);
}

// A bulk's rows (batches of one event) share a savepoint by groups of 256: one that fails in
// the middle of a group leaves nothing of itself and keeps every other row, before and after
// it, as a savepoint per row did; the same dump as the good rows put alone.
TEST(Store, InABulkARowThatFailsInTheMiddleOfAGroupKeepsTheOthers) {
    auto row = [](int i) {
        auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
        std::string day = "2025-" + two(1 + i % 12) + "-" + two(1 + i % 28);
        return batch(
            "https://row/" + std::to_string(i), std::to_string(i),
            {event(i % 3 ? EventType::MEET : EventType::VISIT, {tgo, i % 2 ? rus : mli}, day)});
    };
    auto bad =
        batch("https://bad", "bad",
              {event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    TempDir dir;
    std::string expected;
    {
        Store alone(dir / "alone.db");
        for (int i = 0; i < 600; ++i)
            alone.put(row(i));
        expected = alone.dump();
    }
    {
        Store store(dir / "bulk.db");
        auto bulk = store.bulk(1000);
        int failed = 0;
        for (int i = 0; i < 600; ++i) {
            store.put(row(i));
            bulk.count();
            if (i == 300 || i == 301 || i == 555) {
                try {
                    store.put(bad);
                } catch (const StoreError&) {
                    ++failed;
                }
            }
        }
        EXPECT_EQ(failed, 3);
    }
    EXPECT_EQ(Store::open_existing(dir / "bulk.db").dump(), expected);
}

// Dataset rows (one event with its codes and attributes, told by a source of its own, actors
// stored by an earlier row) take a write path of their own in a bulk (Store::Impl::put_fast):
// the store is the one each row put alone gives, also with articles merging into the rows'
// events, rows imported again (unchanged), a row replaced (the links stop being exact in the
// middle of the bulk) and a failing row.
TEST(Store, ABulkOfDatasetRowsGivesTheStoreOfTheRowsPutAlone) {
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    auto row = [&](int i, const std::string& content) {
        // New events all along (a month every 60 rows), each told by several rows.
        std::string day = "2025-" + two(1 + (i / 60) % 12) + "-" + two(1 + i % 5);
        Event e = event(i % 4 ? EventType::MEET : EventType::CONDEMN,
                        {i % 2 ? tgo : rus, i % 3 ? mli : tgo}, day);
        if (e.participants[0].actor == e.participants[1].actor)
            e.participants.pop_back();
        if (e.type == EventType::CONDEMN) {
            e.participants[0].role = ParticipantRole::initiator;
            if (e.participants.size() > 1)
                e.participants[1].role = ParticipantRole::target;
        }
        e.cameo = i % 4 ? "042" : "111";
        if (i % 7)
            e.goldstein = 1.5 + i % 3;
        e.attributes = {{"gdelt.NumArticles", std::to_string(i % 9)},
                        {"gdelt.NumSources", std::to_string(1 + i % 2)}};
        e.evidence[0].rule = "gdelt2";
        e.evidence[0].sentence = -1;
        Batch b = batch("https://row/" + std::to_string(i), content, {e});
        b.source.id = "source/" + stable_hash("gdelt2:" + std::to_string(i));
        b.entities.clear();
        for (const auto& p : e.participants)
            b.entities.push_back(country(p.actor, p.actor));
        if (i > 2)  // stored by the first rows: without their aliases
            for (auto& entity : b.entities)
                entity.aliases.clear();
        return b;
    };
    auto article = [&](int i) {
        return batch("https://article/" + std::to_string(i), "a" + std::to_string(i),
                     {event(EventType::MEET, {tgo, mli}, "2025-01-0" + std::to_string(1 + i % 5)),
                      event(EventType::MEET, {rus, mli}, "2025-02-02")});
    };
    auto bad =
        batch("https://bad", "bad",
              {event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    auto run = [&](Store& store, const std::function<void()>& count) {
        int failed = 0;
        for (int i = 0; i < 700; ++i) {
            store.put(row(i, std::to_string(i)));
            count();
            if (i % 150 == 20)
                store.put(article(i));
            if (i % 100 == 50) {
                EXPECT_EQ(store.put(row(i - 40, std::to_string(i - 40))).outcome,
                          StoreResult::Outcome::unchanged);
            }
            if (i == 420) {
                EXPECT_EQ(store.put(row(17, "changed")).outcome, StoreResult::Outcome::replaced);
            }
            if (i == 333) {
                try {
                    store.put(bad);
                } catch (const StoreError&) {
                    ++failed;
                }
            }
        }
        EXPECT_EQ(failed, 1);
    };
    TempDir dir;
    std::string expected;
    {
        Store alone(dir / "alone.db");
        run(alone, [] {});
        expected = alone.dump();
    }
    {
        Store store(dir / "bulk.db");
        auto bulk = store.bulk(300);
        run(store, [&] { bulk.count(); });
    }
    Store bulk = Store::open_existing(dir / "bulk.db");
    EXPECT_EQ(bulk.dump(), expected);
    // The rows did merge (same pair, type and day), with the articles too.
    auto stats = bulk.stats();
    EXPECT_LT(stats.events.at("MEET") + stats.events.at("CONDEMN"), 400);
    EXPECT_GT(stats.evidence, 700);
}

TEST(Store, ANameThatIsNoEntityFailsTheSameWayInABulkAndAlone) {
    // A bulk import runs without foreign keys: put() checks the names itself.
    auto message = [](bool in_bulk, const Batch& bad) {
        TempDir dir;
        Store store(dir / "a.db");
        store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
        std::string before = store.dump(), what;
        auto attempt = [&] {
            try {
                store.put(bad);
            } catch (const StoreError& e) {
                what = e.what();
            }
        };
        if (in_bulk) {
            auto bulk = store.bulk(100);
            attempt();
        } else {
            attempt();
        }
        EXPECT_EQ(Store::open_existing(dir / "a.db").dump(), before) << what;
        return what;
    };
    auto participant =
        batch("https://b", "2",
              {event(EventType::MEET, {tgo, mli}, "2025-01-01"),
               event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    EXPECT_EQ(message(true, participant), message(false, participant));
    EXPECT_NE(message(true, participant).find("names XXX, which is no entity"), std::string::npos);
    auto role = batch("https://b", "2", {event(EventType::MEET, {tgo, mli}, "2025-01-01")});
    role.entities.push_back(
        Entity{"person/faure-gnassingbe", EntityKind::person, "Faure Gnassingbé", "TGO", {}});
    role.roles.push_back(
        Role{"person/faure-gnassingbe", "head of state", "XTG", {2005, 5, 4}, {}, std::nullopt});
    EXPECT_EQ(message(true, role), message(false, role));
    EXPECT_EQ(message(true, role),
              "database error: a role of person/faure-gnassingbe names XTG, which is no entity "
              "(FOREIGN KEY constraint failed)");
}

TEST(Store, RolesAreStoredWithTheirEvidence) {
    TempDir dir;
    Store store(dir / "a.db");
    auto b = batch("https://a", "1", {});
    b.entities.push_back(
        Entity{"person/faure-gnassingbe", EntityKind::person, "Faure Gnassingbé", "TGO", {}});
    b.roles.push_back(Role{
        "person/faure-gnassingbe", "head of government", "TGO", {2025, 5, 3}, {}, std::nullopt});
    b.roles.push_back(Role{"person/faure-gnassingbe",
                           "head of state",
                           "TGO",
                           {2005, 5, 4},
                           {2025, 5, 3},
                           Evidence{"", 2, 10, 40, "…", "title-apposition", 0.8}});
    store.put(b);
    auto roles = store.roles_of("person/faure-gnassingbe");
    ASSERT_EQ(roles.size(), 2u);
    EXPECT_EQ(roles[0].title, "head of state");
    ASSERT_TRUE(roles[0].evidence);
    EXPECT_EQ(roles[0].evidence->rule, "title-apposition");
    EXPECT_FALSE(roles[1].evidence);
    EXPECT_FALSE(roles[1].to.valid());
}

TEST(Store, FiltersByTypeStatusWindowAndSources) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1",
                    {event(EventType::MEET, {tgo, rus}, "2025-11-19"),
                     event(EventType::VISIT,
                           {{"MLI", ParticipantRole::initiator}, {"RUS", ParticipantRole::target}},
                           "2025-06-23"),
                     event(EventType::AGREEMENT, {tgo, rus}, "2026", Status::planned)}));
    store.put(batch("https://b", "2", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    Filter f;
    f.types = {EventType::MEET};
    EXPECT_EQ(store.events(f).size(), 1u);
    Filter s;
    s.statuses = {Status::planned};
    EXPECT_EQ(store.events(s).size(), 1u);
    Filter w;
    w.since = Date{2025, 6, 1};
    w.until = Date{2025, 6, 30};
    ASSERT_EQ(store.events(w).size(), 1u);
    EXPECT_EQ(store.events(w)[0].event.type, EventType::VISIT);
    Filter m;
    m.min_sources = 2;
    EXPECT_EQ(store.events(m).size(), 1u);
}

TEST(Store, ListsEntitiesWithAliases) {
    TempDir dir;
    Store store(dir / "a.db");
    auto b = batch("https://a", "1", {});
    b.entities[0].aliases.push_back({"Togolese Republic", "en"});
    store.put(b);
    auto togo = store.entity("TGO");
    ASSERT_TRUE(togo);
    EXPECT_EQ(togo->aliases.size(), 2u);
    EXPECT_EQ(store.entities(EntityKind::country).size(), 3u);
    EXPECT_TRUE(store.entities(EntityKind::person).empty());
}

TEST(Store, AMonthOrDayDateMergesAYearOrUnknownOneIsAPossibleDuplicate) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    EXPECT_EQ(store.put(batch("https://b", "2", {event(EventType::MEET, {tgo, rus}, "2025-11")}))
                  .events_merged,
              1);
    // Year-only or undated, from another article: a new event linked to those it may be.
    auto year = store.put(batch("https://c", "3", {event(EventType::MEET, {tgo, rus}, "2025")}));
    EXPECT_EQ(year.events_new, 1);
    EXPECT_EQ(year.possible_duplicates, 1);
    auto undated = store.put(batch("https://d", "4", {event(EventType::MEET, {tgo, rus}, "")}));
    EXPECT_EQ(undated.events_new, 1);
    EXPECT_EQ(undated.possible_duplicates, 2);
    // A disjoint date is no duplicate of a dated event, but may be the undated one.
    auto disjoint =
        store.put(batch("https://e", "5", {event(EventType::MEET, {tgo, rus}, "2024-11")}));
    EXPECT_EQ(disjoint.events_new, 1);
    EXPECT_EQ(disjoint.possible_duplicates, 1);
    EXPECT_EQ(store.stats().events.at("MEET"), 4);
    for (const auto& e : store.events()) {
        const std::string date = e.event.date.to_string();
        const std::size_t expected = date == "2025-11-19" ? 2
                                     : date == "2025"     ? 2
                                     : date == ""         ? 3
                                                          : 1;
        EXPECT_EQ(e.possible_duplicates.size(), expected) << date;
    }
}

TEST(Store, AnEntityOfAFailedBatchIsWrittenByTheNextOne) {
    TempDir dir;
    Store store(dir / "a.db");
    // put() skips entities and aliases it has stored already; those of a batch rolled back
    // were not stored.
    auto bad =
        batch("https://a", "1",
              {event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    bad.entities.push_back(country("NER", "Niger"));
    EXPECT_THROW(store.put(bad), StoreError);
    EXPECT_FALSE(store.entity("NER"));
    auto good = batch("https://b", "2", {});
    good.entities.push_back(country("NER", "Niger"));
    store.put(good);
    auto niger = store.entity("NER");
    ASSERT_TRUE(niger);
    ASSERT_EQ(niger->aliases.size(), 1u);
    EXPECT_EQ(niger->aliases[0].text, "Niger");
}

TEST(Store, AliasesOfAnEntityStoredAlreadyAreAdded) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {}));
    auto b = batch("https://b", "2", {});
    b.entities[0].aliases.push_back({"Togolese Republic", "en"});
    b.entities[0].aliases.push_back({"République togolaise", "fr"});
    store.put(b);
    EXPECT_EQ(store.entity("TGO")->aliases.size(), 3u);
    // Deleted behind put()'s back (tests, repairs): put() writes them again.
    store.exec("DELETE FROM aliases");
    store.put(batch("https://c", "3", {}));
    EXPECT_EQ(store.entity("RUS")->aliases.size(), 1u);
}

// put() keeps what it learns of the stored events between batches; these change them behind
// its back or take back what it wrote.
TEST(Store, AnEventOfAFailedBatchIsNoCandidateLater) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, mli}, "2020")}));
    auto bad =
        batch("https://b", "2",
              {event(EventType::MEET, {tgo, mli}, "2025-01-01"),
               event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025")});
    EXPECT_THROW(store.put(bad), StoreError);
    StoreResult r;
    ASSERT_NO_THROW(
        r = store.put(batch("https://c", "3", {event(EventType::MEET, {tgo, mli}, "2025-01-01")})));
    EXPECT_EQ(r.events_new, 1);
    EXPECT_EQ(store.stats().events.at("MEET"), 2);
}

TEST(Store, AnEventGoneWithAReplacedSourceIsNoCandidateLater) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    store.put(batch("https://a", "2", {event(EventType::MEET, {tgo, rus}, "2023-02-01")}));
    StoreResult r;
    ASSERT_NO_THROW(
        r = store.put(batch("https://b", "3", {event(EventType::MEET, {tgo, rus}, "2025-11-19")})));
    EXPECT_EQ(r.events_new, 1);
    EXPECT_EQ(store.stats().events.at("MEET"), 2);
}

TEST(Store, EventsStoredByAnotherConnectionAreCandidates) {
    TempDir dir;
    Store first(dir / "a.db");
    Store second(dir / "a.db");
    first.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    second.put(batch("https://b", "2", {event(EventType::MEET, {tgo, rus}, "2024-01-10")}));
    auto r = first.put(batch("https://c", "3", {event(EventType::MEET, {rus, tgo}, "2024-01")}));
    EXPECT_EQ(r.events_merged, 1);
    EXPECT_EQ(first.stats().events.at("MEET"), 2);
}

namespace {
//! "event: actor actor…" for each event of Store::event_links, by ids, sorted.
std::vector<std::string> linked(const Store& store) {
    auto links = store.event_links({});
    std::vector<std::string> out;
    for (std::size_t e = 0; e < links->event_count(); ++e) {
        std::vector<std::string> ids;
        for (auto i = links->offsets[e]; i < links->offsets[e + 1]; ++i)
            ids.push_back(links->actors[links->members[i]].id);
        std::sort(ids.begin(), ids.end());
        std::string row = std::string(to_string(links->types[e])) + ":";
        for (const auto& id : ids)
            row += " " + id;
        out.push_back(row);
    }
    std::sort(out.begin(), out.end());
    return out;
}
//! "actor partner TYPE events" for each row of Store::partners of these actors.
std::vector<std::string> partnered(const Store& store, std::vector<std::string> actors) {
    Filter f;
    f.actors = std::move(actors);
    auto p = store.partners(f);
    std::vector<std::string> out;
    for (const auto& r : p->rows)
        out.push_back(p->actors[r.actor].id + " " + p->actors[r.partner].id + " " +
                      std::string(to_string(r.type)) + " " + std::to_string(r.events));
    return out;
}
//! Puts the batches into a new store at `file` in one Store::Bulk committing every `every`
//! puts, then closes it.
void put_in_bulk(const std::filesystem::path& file, const std::vector<Batch>& batches, int every) {
    Store store(file);
    auto bulk = store.bulk(every);
    for (const auto& b : batches) {
        store.put(b);
        bulk.count();
    }
}
}  // namespace

TEST(Store, EventLinksFollowTheParticipantsThroughCorrections) {
    TempDir dir;
    Store store(dir / "a.db");
    store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
    // The same meeting from a second source, with RUS in two roles: one event, one link each.
    store.put(batch("https://b", "1",
                    {event(EventType::MEET,
                           {{"TGO", ParticipantRole::participant},
                            {"RUS", ParticipantRole::participant},
                            {"RUS", ParticipantRole::host}},
                           "2025-11-19")}));
    EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: RUS TGO"}));
    EXPECT_EQ(partnered(store, {"TGO", "RUS"}),
              (std::vector<std::string>{"RUS TGO MEET 1", "TGO RUS MEET 1"}));
    // The corrected first article reports another meeting: the shared event keeps its actors
    // through the second source.
    store.put(batch("https://a", "2", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}));
    EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: RUS TGO", "VISIT: MLI TGO"}));
    EXPECT_EQ(partnered(store, {"TGO"}),
              (std::vector<std::string>{"TGO MLI VISIT 1", "TGO RUS MEET 1"}));
    // Corrected again, the second article drops the meeting: the event and its links go.
    store.put(batch("https://b", "2", {}));
    EXPECT_EQ(linked(store), (std::vector<std::string>{"VISIT: MLI TGO"}));
    EXPECT_EQ(partnered(store, {"TGO", "RUS"}), (std::vector<std::string>{"TGO MLI VISIT 1"}));
}

TEST(Store, InABulkTheLinksAreDerivedAtEachCommitAsSinglePutsMakeThem) {
    // Corrections inside one bulk: a source replaced, an event that loses all its evidence.
    const std::vector<Batch> batches = {
        batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}),
        batch("https://b", "1",
              {event(EventType::MEET, {tgo, rus, {"RUS", ParticipantRole::host}}, "2025-11-19")}),
        batch("https://c", "1", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}),
        batch("https://a", "2", {event(EventType::VISIT, {tgo, mli, rus}, "2025-06-01")}),
        batch("https://c", "2", {}),
        batch("https://d", "1", {event(EventType::SANCTION, {rus, mli}, "2025")})};
    TempDir dir;
    std::string expected;
    {
        Store alone(dir / "alone.db");
        for (const auto& b : batches)
            alone.put(b);
        expected = alone.dump();
    }
    for (int every : {1, 2, 100}) {
        const auto file = dir / ("bulk" + std::to_string(every) + ".db");
        put_in_bulk(file, batches, every);
        Store reopened = Store::open_existing(file);
        EXPECT_EQ(reopened.dump(), expected) << "every " << every;
        EXPECT_EQ(linked(reopened), (std::vector<std::string>{"MEET: RUS TGO", "SANCTION: MLI RUS",
                                                              "VISIT: MLI RUS TGO"}));
    }
}

TEST(Store, InABulkThatOnlyAddsTheLinksWrittenFromTheirNumbersAreThoseOfSinglePuts) {
    // No source replaced: each commit writes the links put() noted as numbers, here links
    // added to events of earlier commits and events of the same commit.
    const std::vector<Batch> batches = {
        batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}),
        batch("https://b", "1", {event(EventType::MEET, {tgo, rus, mli}, "2025-11-19")}),
        batch("https://c", "1", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}),
        batch("https://d", "1",
              {event(EventType::VISIT, {tgo, mli, rus}, "2025-06-01"),
               event(EventType::SANCTION, {rus, mli}, "2025")}),
        batch("https://e", "1", {event(EventType::SANCTION, {rus, mli, tgo}, "2025")})};
    TempDir dir;
    std::string expected;
    {
        Store alone(dir / "alone.db");
        for (const auto& b : batches)
            alone.put(b);
        expected = alone.dump();
        EXPECT_EQ(partnered(alone, {"MLI"}).size(), 6u) << expected;  // RUS and TGO in each type
    }
    for (int every : {1, 2, 3, 100}) {
        const auto file = dir / ("bulk" + std::to_string(every) + ".db");
        put_in_bulk(file, batches, every);
        EXPECT_EQ(Store::open_existing(file).dump(), expected) << "every " << every;
    }
}

TEST(Store, InABulkASourceReplacedBeforeTheCommitTakesItsPendingLinksAlong) {
    // The links put() noted for a source's first version must not outlive it.
    const std::vector<Batch> batches = {
        batch("https://a", "1", {event(EventType::MEET, {tgo, rus, mli}, "2025-11-19")}),
        batch("https://c", "1", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}),
        batch("https://a", "2", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}),
        batch("https://c", "2", {})};
    TempDir dir;
    std::string expected;
    {
        Store alone(dir / "alone.db");
        for (const auto& b : batches)
            alone.put(b);
        expected = alone.dump();
        EXPECT_EQ(linked(alone), (std::vector<std::string>{"MEET: RUS TGO"}));
    }
    put_in_bulk(dir / "bulk.db", batches, 100);
    EXPECT_EQ(Store::open_existing(dir / "bulk.db").dump(), expected);
}

TEST(Store, ABulkImportKilledBeforeItsCommitLeavesTheFileAsItWas) {
    TempDir dir;
    const auto file = dir / "a.db";
    std::string before;
    {
        Store store(file);
        store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
        before = store.dump();
    }
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Dies in the middle of a bulk, its links still deferred: no destructor runs.
        Store store(file);
        auto bulk = store.bulk(100);
        store.put(batch("https://b", "1", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}));
        bulk.count();
        _exit(0);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    Store store = Store::open_existing(file);
    EXPECT_EQ(store.dump(), before);
    // Nothing stays deferred: a single put makes its links through the trigger.
    store.put(batch("https://b", "1", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}));
    EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: RUS TGO", "VISIT: MLI TGO"}));
}

TEST(Store, DeferredLinksCommittedByAnotherProgramAreDerivedAtOpen) {
    TempDir dir;
    const auto file = dir / "a.db";
    {
        Store store(file);
        store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
        // What another program could commit: a participant whose link is deferred.
        store.exec(
            "BEGIN; INSERT INTO links_deferred(source) SELECT id FROM sources; "
            "INSERT INTO participants(event, actor, role, source) SELECT event, 'MLI', "
            "'participant', source FROM participants LIMIT 1; COMMIT;");
        EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: RUS TGO"}));
    }
    Store store = Store::open_existing(file);
    EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: MLI RUS TGO"}));
    EXPECT_EQ(partnered(store, {"MLI"}),
              (std::vector<std::string>{"MLI RUS MEET 1", "MLI TGO MEET 1"}));
}

TEST(Store, TriggersAndForeignKeysAreOnForOtherWritersDuringAndAfterABulk) {
    TempDir dir;
    Store store(dir / "a.db");
    {
        auto bulk = store.bulk(100);
        store.put(batch("https://a", "1", {event(EventType::MEET, {tgo, rus}, "2025-11-19")}));
        bulk.count();
        // SQL of its own inside the bulk: the foreign keys hold.
        EXPECT_THROW(store.exec("UPDATE participants SET actor='XXX'"), StoreError);
        store.put(batch("https://b", "1", {event(EventType::VISIT, {tgo, mli}, "2025-06-01")}));
        bulk.count();
    }
    EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: RUS TGO", "VISIT: MLI TGO"}));
    EXPECT_THROW(store.exec("UPDATE participants SET actor='XXX'"), StoreError);
    // A participant written by SQL is linked by the trigger at once, with its pairs.
    store.exec(
        "INSERT INTO participants(event, actor, role, source) SELECT event, 'MLI', 'participant', "
        "source FROM participants WHERE actor='RUS'");
    EXPECT_EQ(linked(store), (std::vector<std::string>{"MEET: MLI RUS TGO", "VISIT: MLI TGO"}));
    EXPECT_EQ(partnered(store, {"MLI"}),
              (std::vector<std::string>{"MLI RUS MEET 1", "MLI TGO MEET 1", "MLI TGO VISIT 1"}));
}

TEST(Store, AnEntityNamedAgainWithOtherAliasesGetsThemAll) {
    TempDir dir;
    Store store(dir / "a.db");
    auto with_aliases = [](const std::string& url, std::vector<Alias> aliases, bool fail) {
        auto b = batch(url, url, {});
        b.entities[0].aliases = std::move(aliases);
        if (fail)  // an actor that is no entity: the batch is rolled back
            b.events.push_back(
                event(EventType::MEET, {tgo, {"XXX", ParticipantRole::participant}}, "2025"));
        return b;
    };
    auto aliases_of_togo = [&] {
        std::vector<std::string> out;
        const auto togo = store.entity("TGO");
        for (const auto& a : togo->aliases)
            out.push_back(a.lang + ":" + a.text);
        std::sort(out.begin(), out.end());
        return out;
    };
    auto bulk = store.bulk(100);
    store.put(with_aliases("https://a", {{"Togo", "en"}}, false));
    store.put(with_aliases("https://b", {{"Togo", "en"}, {"Togolese Republic", "en"}}, false));
    EXPECT_THROW(store.put(with_aliases("https://c", {{"Togo", "fr"}}, true)), StoreError);
    store.put(with_aliases("https://a", {{"Togo", "en"}}, false));
    EXPECT_EQ(aliases_of_togo(), (std::vector<std::string>{"en:Togo", "en:Togolese Republic"}));
    // The list of the failed batch again: its alias was rolled back, so it is written now.
    store.put(with_aliases("https://d", {{"Togo", "fr"}}, false));
    EXPECT_EQ(aliases_of_togo(),
              (std::vector<std::string>{"en:Togo", "en:Togolese Republic", "fr:Togo"}));
}

TEST(Store, AKnownEventIsKeyedByItsPeoplesCountriesAsLastPut) {
    // put() keeps the key actors of the events it compares with; a person's new country must
    // count at once, as when the keys were built at every comparison.
    TempDir dir;
    Store store(dir / "a.db");
    auto with_person = [](Batch b, const std::string& country) {
        b.entities.push_back(Entity{"person/x", EntityKind::person, "X", country, {{"X", "en"}}});
        return b;
    };
    const Participant x{"person/x", ParticipantRole::participant};
    auto put = [&](const std::string& url, const Participant& p, const std::string& country) {
        return store.put(with_person(
            batch(url, url, {event(EventType::MEET, {p, rus}, "2025-11-19")}), country));
    };
    EXPECT_EQ(put("https://a", x, "TGO").events_new, 1);
    // Compared with the stored event, keyed {TGO, RUS}: merged, with no new participant.
    EXPECT_EQ(put("https://b", x, "TGO").events_merged, 1);
    // The person is now of Mali: the stored event is keyed {MLI, RUS}, as this one (with the
    // key kept from before, they share one actor of three: a new event).
    EXPECT_EQ(put("https://c", mli, "MLI").events_merged, 1);
    EXPECT_EQ(store.stats().events.at("MEET"), 1);
}
