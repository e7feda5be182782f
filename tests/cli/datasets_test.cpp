// Coded event datasets in (docs/datasets.md): GDELT 2.0 (the real files of ../shared/data/gdelt),
// GDELT 1.0, ICEWS, POLECAT and a declared mapping (our own small files), .gz and .zip, the
// refusal of a table nobody claims, and the filters.
#include <diplograph/graph/store.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace diplograph;
using namespace diplograph::test;

namespace {

std::string data(const std::string& name) {
    return test_data("importers/data/datasets/" + name).string();
}

// ../shared/data/gdelt: skipped when absent, failed instead when DIPLOGRAPH_REQUIRE_SHARED=1.
#define REQUIRE_GDELT()                                                                 \
    do {                                                                                \
        if (!std::filesystem::exists(shared("data/gdelt/20250807220000.export.CSV"))) { \
            const char* require = std::getenv("DIPLOGRAPH_REQUIRE_SHARED");             \
            if (require && std::string(require) == "1")                                 \
                FAIL() << shared("data/gdelt").string() << ": missing";                 \
            GTEST_SKIP() << shared("data/gdelt").string() << ": missing; test skipped"; \
        }                                                                               \
    } while (0)

std::string gdelt(const std::string& name) {
    return shared("data/gdelt/" + name).string();
}

// The event a dataset row became, found by its source ("source/<hash of dataset:id>").
const StoredEvent* event_of(const std::vector<StoredEvent>& events, const std::string& source) {
    for (const auto& e : events)
        for (const auto& s : e.sources)
            if (s.id == source)
                return &e;
    return nullptr;
}

std::string row_source(const std::string& dataset, const std::string& id) {
    return "source/" + stable_hash(dataset + ":" + id);
}

// "USA:initiator RUS:target": initiators first, targets last (the store reads them by id).
std::string actors(const Event& e) {
    auto parts = e.participants;
    auto rank = [](ParticipantRole r) {
        return r == ParticipantRole::initiator ? 0 : r == ParticipantRole::target ? 2 : 1;
    };
    std::stable_sort(parts.begin(), parts.end(),
                     [&](const auto& a, const auto& b) { return rank(a.role) < rank(b.role); });
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : " ") + p.actor + ":" + std::string(to_string(p.role));
    return out;
}

std::string attribute(const Event& e, const std::string& key) {
    for (const auto& [k, v] : e.attributes)
        if (k == key)
            return v;
    return "<none>";
}

}  // namespace

TEST(Datasets, RealGdelt2ExportsAreReadBackRowByRow) {
    REQUIRE_GDELT();
    TempDir dir;
    std::string db = (dir / "g.db").string();
    auto r = run_diplograph({"--db", db, "import", gdelt("20250807220000.export.CSV"),
                             gdelt("20250808131500.export.CSV")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Every row is counted: kept, or left out with its reason; none is bad.
    EXPECT_NE(r.err.find("20250807220000.export.CSV: 909 rows"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("20250808131500.export.CSV: 1,170 rows"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(", 0 bad"), std::string::npos) << r.err;
    Store store = Store::open_existing(db);
    auto events = store.events();
    // A known row: 1256323318, South Korea criticises Australia (CAMEO 111), 2025-08-07,
    // Goldstein -2.0, in China (FIPS CH), from drive.com.au.
    const StoredEvent* e = event_of(events, row_source("gdelt2", "1256323318"));
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->event.type, EventType::CONDEMN);
    EXPECT_EQ(e->event.cameo, "111");
    EXPECT_EQ(e->event.date.to_string(), "2025-08-07");
    EXPECT_EQ(e->event.date.precision, Precision::day);
    ASSERT_TRUE(e->event.goldstein);
    EXPECT_EQ(*e->event.goldstein, -2.0);
    EXPECT_EQ(actors(e->event), "KOR:initiator AUS:target");
    EXPECT_EQ(e->event.place, "CHN");
    EXPECT_EQ(attribute(e->event, "gdelt.NumMentions"), "8");
    EXPECT_EQ(attribute(e->event, "gdelt.NumSources"), "1");
    EXPECT_EQ(attribute(e->event, "gdelt.NumArticles"), "8");
    auto source = store.source(row_source("gdelt2", "1256323318"));
    ASSERT_TRUE(source);
    EXPECT_EQ(source->url.rfind("https://www.drive.com.au/news/hyundai-questions-how-chinese-cars-"
                                "can-be-so-cheap",
                                0),
              0u)
        << source->url;
    EXPECT_EQ(source->outlet, "www.drive.com.au");
    EXPECT_EQ(source->published, "2025-08-07");
    // Row 1256322771: Israel alone, CAMEO 080 ("yield"), kept under OTHER with its code.
    const StoredEvent* other = event_of(events, row_source("gdelt2", "1256322771"));
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->event.type, EventType::OTHER);
    EXPECT_EQ(other->event.subtype, "yield");
    EXPECT_EQ(other->event.cameo, "080");
    EXPECT_EQ(actors(other->event), "ISR:initiator");
    // Row 1256323264: IGOWSTNAT (known group NAT) is NATO, accusing Russia (112).
    const StoredEvent* nato = event_of(events, row_source("gdelt2", "1256323264"));
    ASSERT_NE(nato, nullptr);
    EXPECT_EQ(nato->event.type, EventType::CONDEMN);
    EXPECT_EQ(actors(nato->event), "org/NATO:initiator RUS:target");
    // Importing the files again changes nothing.
    std::string before = store.dump();
    auto again = run_diplograph({"--db", db, "import", gdelt("20250807220000.export.CSV"),
                                 gdelt("20250808131500.export.CSV")});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(Store::open_existing(db).dump(), before);
}

TEST(Datasets, GdeltMentionsBecomeEvidenceOfTheirEvents) {
    REQUIRE_GDELT();
    TempDir dir;
    std::string db = (dir / "g.db").string();
    auto r = run_diplograph({"--db", db, "import", gdelt("20250807220000.export.CSV"),
                             gdelt("20250807220000.mentions.CSV")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("20250807220000.mentions.CSV: 3,366 rows"), std::string::npos) << r.err;
    // Mentions of events from older exports have no event here: left out, said so.
    EXPECT_NE(r.err.find("mention of an event not in the store"), std::string::npos) << r.err;
    Store store = Store::open_existing(db);
    auto events = store.events();
    const StoredEvent* e = event_of(events, row_source("gdelt2", "1256322771"));
    ASSERT_NE(e, nullptr);
    // The row's own source and each article that mentions it.
    ASSERT_GE(e->sources.size(), 2u);
    bool mention = false;
    for (const auto& ev : e->event.evidence)
        if (ev.rule == "gdelt2-mention") {
            mention = true;
            EXPECT_GE(ev.sentence, 1);
            EXPECT_GT(ev.confidence, 0.0);
            EXPECT_LE(ev.confidence, 1.0);
        }
    EXPECT_TRUE(mention);
    for (const auto& s : e->sources)
        EXPECT_FALSE(s.url.empty()) << s.id;
}

TEST(Datasets, OnlyInterstateKeepsPairsOfDifferentStates) {
    REQUIRE_GDELT();
    TempDir dir;
    std::string db = (dir / "g.db").string();
    auto r = run_diplograph(
        {"--db", db, "import", "--only-interstate", gdelt("20250807220000.export.CSV")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("not interstate"), std::string::npos) << r.err;
    auto events = Store::open_existing(db).events();
    ASSERT_FALSE(events.empty());
    for (const auto& e : events) {
        ASSERT_EQ(e.event.participants.size(), 2u) << e.event.id;
        EXPECT_NE(e.event.participants[0].actor, e.event.participants[1].actor);
        for (const auto& p : e.event.participants)
            EXPECT_EQ(p.actor.find('/'), std::string::npos) << p.actor;
    }
}

TEST(Datasets, Gdelt1RowsBecomeOurTypesWithTheirCodes) {
    TempDir dir;
    std::string db = (dir / "g.db").string();
    auto r = run_diplograph({"--db", db, "import", data("20150305.export.CSV")});
    // One bad row: named with its file and line, the others kept, exit 2.
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("20150305.export.CSV:line 5: column 27 (EventCode): \"XYZ\" is not a "
                         "CAMEO code"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("7 rows"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("6 kept, 0 left out, 1 bad"), std::string::npos) << r.err;
    auto events = Store::open_existing(db).events();
    ASSERT_EQ(events.size(), 6u);
    auto row = [&](const std::string& id) {
        const StoredEvent* e = event_of(events, row_source("gdelt1", id));
        EXPECT_NE(e, nullptr) << id;
        return e ? e->event : Event{};
    };
    Event visit = row("500000001");  // 042: the USA visits Russia
    EXPECT_EQ(visit.type, EventType::VISIT);
    EXPECT_EQ(actors(visit), "USA:initiator RUS:target");
    EXPECT_EQ(visit.cameo, "042");
    EXPECT_EQ(visit.date.to_string(), "2015-03-02");
    EXPECT_EQ(visit.place, "RUS");  // FIPS RS
    EXPECT_EQ(attribute(visit, "gdelt.Actor1Code"), "USAGOV");
    Event hosted = row("500000002");  // 043: France hosts Germany's visit
    EXPECT_EQ(hosted.type, EventType::VISIT);
    EXPECT_EQ(actors(hosted), "DEU:initiator FRA:target");
    Event fight = row("500000003");
    EXPECT_EQ(fight.type, EventType::OTHER);
    EXPECT_EQ(fight.subtype, "fight");
    EXPECT_EQ(fight.cameo, "190");
    ASSERT_TRUE(fight.goldstein);
    EXPECT_EQ(*fight.goldstein, -10.0);
    Event agreement = row("500000004");
    EXPECT_EQ(agreement.type, EventType::AGREEMENT);
    EXPECT_EQ(actors(agreement), "IND:party JPN:party");
    Event condemn = row("500000006");  // a 57-column row, without SOURCEURL
    EXPECT_EQ(condemn.type, EventType::CONDEMN);
    EXPECT_EQ(actors(condemn), "CHN:initiator USA:target");
    Event aid = row("500000007");  // IGOUNO: the UN
    EXPECT_EQ(aid.type, EventType::AID);
    EXPECT_EQ(aid.subtype, "humanitarian");
    EXPECT_EQ(actors(aid), "org/UN:initiator SYR:target");
}

TEST(Datasets, GzAndZipFilesReadAsThePlainFile) {
    TempDir dir;
    std::string dump;
    for (const char* name :
         {"20150305.export.CSV", "20150305.export.CSV.gz", "20150305.export.CSV.zip"}) {
        std::string db = (dir / (std::string(name) + ".db")).string();
        auto r = run_diplograph({"--db", db, "import", data(name)});
        EXPECT_EQ(r.exit_code, 2) << name << r.err;  // the one bad row
        EXPECT_NE(r.err.find("6 kept"), std::string::npos) << name << r.err;
        std::string d = Store::open_existing(db).dump();
        if (dump.empty())
            dump = d;
        else
            EXPECT_EQ(d, dump) << name;
    }
}

TEST(Datasets, IcewsRowsByTheirHeader) {
    TempDir dir;
    std::string db = (dir / "i.db").string();
    auto r = run_diplograph({"--db", db, "import", data("events.2018.tab")});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("events.2018.tab:line 6: column 2 (Event Date): \"2018-05-32\" is not a "
                         "date"),
              std::string::npos)
        << r.err;
    auto events = Store::open_existing(db).events();
    const StoredEvent* visit = event_of(events, row_source("icews", "9000001"));
    ASSERT_NE(visit, nullptr);
    EXPECT_EQ(visit->event.type, EventType::VISIT);
    EXPECT_EQ(actors(visit->event), "TGO:initiator RUS:target");
    EXPECT_EQ(visit->event.place, "RUS");
    EXPECT_EQ(attribute(visit->event, "icews.Source Sectors"), "Government");
    ASSERT_EQ(visit->event.evidence.size(), 1u);
    EXPECT_EQ(visit->event.evidence[0].text, "Make a visit");
    const StoredEvent* agreement = event_of(events, row_source("icews", "9000002"));
    ASSERT_NE(agreement, nullptr);
    EXPECT_EQ(agreement->event.type, EventType::AGREEMENT);
    EXPECT_EQ(actors(agreement->event), "FRA:party SEN:party");
    const StoredEvent* fight = event_of(events, row_source("icews", "9000003"));
    ASSERT_NE(fight, nullptr);
    EXPECT_EQ(fight->event.type, EventType::OTHER);
    EXPECT_EQ(actors(fight->event), "MLI:initiator");  // Mali against rebels in Mali
}

TEST(Datasets, PolecatRowsByTheirPloverCategory) {
    TempDir dir;
    std::string db = (dir / "p.db").string();
    auto r = run_diplograph({"--db", db, "import", data("polecat-2023-02.txt")});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("polecat-2023-02.txt:line 5: column 3 (Event Type): \"CHAT\" is not a "
                         "PLOVER category"),
              std::string::npos)
        << r.err;
    auto events = Store::open_existing(db).events();
    const StoredEvent* visit = event_of(events, row_source("polecat", "pc-0001"));
    ASSERT_NE(visit, nullptr);
    EXPECT_EQ(visit->event.type, EventType::VISIT);
    EXPECT_EQ(visit->event.plover, "CONSULT");
    EXPECT_EQ(visit->event.plover_mode, "visit");
    EXPECT_EQ(actors(visit->event), "USA:initiator UKR:target");
    const StoredEvent* sever = event_of(events, row_source("polecat", "pc-0002"));
    ASSERT_NE(sever, nullptr);
    EXPECT_EQ(sever->event.type, EventType::RELATIONS_SEVER);
    EXPECT_EQ(actors(sever->event), "MLI:initiator FRA:target");
    const StoredEvent* assault = event_of(events, row_source("polecat", "pc-0003"));
    ASSERT_NE(assault, nullptr);
    EXPECT_EQ(assault->event.type, EventType::OTHER);
    EXPECT_EQ(assault->event.subtype, "assault");
}

TEST(Datasets, ADeclaredMappingReadsAcled) {
    TempDir dir;
    std::string db = (dir / "a.db").string();
    auto map = test_data("../examples/maps/acled.map").string();
    auto r = run_diplograph({"--db", db, "import", "--map", map, data("acled-sudan.csv")});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("acled-sudan.csv:line 6: column 2 (event_date): \"2024-13-01\" is not "
                         "a date"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("no actor diplograph knows: 1"), std::string::npos) << r.err;
    auto events = Store::open_existing(db).events();
    const StoredEvent* agreement = event_of(events, row_source("acled", "SDN90001"));
    ASSERT_NE(agreement, nullptr);
    EXPECT_EQ(agreement->event.type, EventType::AGREEMENT);
    EXPECT_EQ(actors(agreement->event), "SDN:party SSD:party");
    EXPECT_EQ(agreement->event.place, "SDN");
    EXPECT_EQ(agreement->event.evidence.at(0).text,
              "On 10 March 2024, the two governments signed an agreement on oil transit, "
              "\"effective immediately\".");
    const StoredEvent* clash = event_of(events, row_source("acled", "SDN90002"));
    ASSERT_NE(clash, nullptr);  // its note spans two lines, in quotes
    EXPECT_EQ(clash->event.type, EventType::OTHER);
    EXPECT_EQ(clash->event.subtype, "armed clash");
    EXPECT_EQ(actors(clash->event), "SDN:initiator");
    EXPECT_EQ(attribute(clash->event, "acled.fatalities"), "5");
}

TEST(Datasets, ATableNobodyClaimsIsRefusedNotReadAsAnArticle) {
    TempDir dir;
    std::string db = (dir / "u.db").string();
    auto r = run_diplograph({"--db", db, "import", data("weather.tsv")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, data("weather.tsv") +
                         ": a tab-separated table with 5 columns: declare its columns with --map "
                         "FILE (docs/datasets.md)\n");
    // 61 columns that are no GDELT export (a header line): named, with the way to read it.
    std::string header;
    for (int i = 0; i < 61; ++i)
        header += (i ? "\t" : "") + std::string("c") + std::to_string(i);
    auto file = dir.write("almost.csv", header + "\n" + header + "\n");
    auto r2 = run_diplograph({"--db", db, "import", file.string()});
    EXPECT_EQ(r2.exit_code, 2);
    EXPECT_EQ(r2.err, file.string() +
                          ": a tab-separated table with 61 columns: a GDELT 2.0 export? use "
                          "--format gdelt2\n");
    EXPECT_EQ(Store::open_existing(db).stats().sources, 0);
}

// A tiny table of 3 columns and a few rows is still a table: refused, never an article (it
// was read as one before: below 4 columns nothing was taken for a table).
TEST(Datasets, ATinyTableOfThreeColumnsIsRefused) {
    TempDir dir;
    std::string db = (dir / "t.db").string();
    auto file = dir.write("capitals.tsv",
                          "country\tcapital\tsince\n"
                          "France\tParis\t987\n"
                          "Germany\tBerlin\t1990\n"
                          "Japan\tTokyo\t1869\n");
    auto r = run_diplograph({"--db", db, "import", file.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, file.string() +
                         ": a tab-separated table with 3 columns: declare its columns with --map "
                         "FILE (docs/datasets.md)\n");
    EXPECT_EQ(Store::open_existing(db).stats().sources, 0);
    // Paragraphs indented by a tab stay an article.
    auto text = dir.write("indented.txt",
                          "\tFrance and Germany signed a treaty in Paris on 3 March 2021.\n"
                          "\tThe ministers met again in Berlin.\n");
    auto r2 = run_diplograph({"--db", db, "import", text.string()});
    EXPECT_EQ(r2.exit_code, 0) << r2.err;
    EXPECT_EQ(Store::open_existing(db).stats().sources, 1);
}

TEST(Datasets, TypesFilterAndMergingWithWhatAnArticleSays) {
    TempDir dir;
    std::string db = (dir / "m.db").string();
    // What an article says: the USA visited Russia on 2015-03-02.
    auto article = dir.write("article.json", R"({"source": {"url": "https://paper.example/visit",
        "title": "Visit", "published": "2015-03-02"}, "countries": ["USA", "RUS"],
        "events": [{"type": "VISIT", "actors": ["USA", "RUS"], "date": "2015-03-02",
                    "status": "occurred", "evidence": "The Secretary arrived in Moscow."}]})");
    auto a = run_diplograph({"--db", db, "import", article.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    auto r = run_diplograph(
        {"--db", db, "import", "--types", "VISIT,AGREEMENT", data("20150305.export.CSV")});
    EXPECT_EQ(r.exit_code, 2) << r.err;  // the bad row is still bad
    EXPECT_NE(r.err.find("type not asked for: 3"), std::string::npos) << r.err;
    auto events = Store::open_existing(db).events();
    ASSERT_EQ(events.size(), 3u);  // two visits (one merged with the article's), an agreement
    const StoredEvent* visit = event_of(events, row_source("gdelt1", "500000001"));
    ASSERT_NE(visit, nullptr);
    EXPECT_EQ(visit->corroboration(), 2);
    EXPECT_EQ(visit->event.cameo, "042");
    EXPECT_EQ(visit->sources.size(), 2u);
}
