// diplograph_gen_store OUT.db [--actors N] [--events M] [--sources S]
//
// Writes a synthetic store for the query benchmarks: N actors (one in ten an organisation, one
// in five a person, the rest "countries" named A0000042…), M events of two actors each with one
// evidence record, spread over S sources. The choice of actors is skewed towards low numbers so
// that there are hubs, as in real news. Everything is generated inside SQLite (recursive CTEs
// through Store::exec), deterministically: the same arguments give the same file.
#include <diplograph/graph/store.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

long long arg_value(int& i, int argc, char** argv) {
    if (i + 1 >= argc) {
        fmt::print(stderr, "{}: missing value\n", argv[i]);
        std::exit(1);
    }
    return std::atoll(argv[++i]);
}

}  // namespace

int main(int argc, char** argv) {
    constexpr auto usage =
        "usage: diplograph_gen_store OUT.db [--actors N] [--events M] [--sources S]\n";
    if (argc < 2 || std::string(argv[1]).starts_with("-")) {
        // An option in the place of OUT.db ("--help") must not become a 2 GB file of that name.
        fmt::print(stderr, usage);
        return argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") ? 0
                                                                                               : 1;
    }
    std::string out = argv[1];
    long long actors = 100000, events = 2000000, sources = 0;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--actors")
            actors = arg_value(i, argc, argv);
        else if (a == "--events")
            events = arg_value(i, argc, argv);
        else if (a == "--sources")
            sources = arg_value(i, argc, argv);
        else {
            fmt::print(stderr, "{}: unknown option\n", a);
            return 1;
        }
    }
    if (sources <= 0)
        sources = std::max(1LL, events / 10);
    if (actors < 2 || events < 1) {
        fmt::print(stderr, "need at least 2 actors and 1 event\n");
        return 1;
    }
    std::filesystem::remove(out);
    std::filesystem::remove(out + "-wal");
    std::filesystem::remove(out + "-shm");
    auto start = std::chrono::steady_clock::now();
    try {
        diplograph::Store store(out);
        store.exec("PRAGMA synchronous=OFF");
        store.exec("PRAGMA cache_size=-1000000");
        store.exec("BEGIN");
        // Deterministic pseudo-random numbers from multiplicative hashes of the row number,
        // kept below 2^63 (SQLite turns an overflowing product into a float).
        const std::string seq =
            "WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM seq "
            "WHERE i < {}) ";
        store.exec(fmt::format(fmt::runtime(seq), sources - 1) +
                   "INSERT INTO sources(id, url, title, outlet, published, lang, content_hash) "
                   "SELECT printf('source/%016x', i), printf('https://bench.example/%d', i), "
                   "printf('Bench article %d', i), 'bench', '2025-01-01', 'en', "
                   "printf('%016x', i) FROM seq");
        store.exec(fmt::format(fmt::runtime(seq), actors - 1) +
                   "INSERT INTO entities(id, kind, name, country) SELECT "
                   "CASE WHEN i % 10 = 1 THEN printf('org/O%07d', i) "
                   "WHEN i % 5 = 2 THEN printf('person/p-%07d', i) ELSE printf('A%07d', i) END, "
                   "CASE WHEN i % 10 = 1 THEN 'organization' WHEN i % 5 = 2 THEN 'person' "
                   "ELSE 'country' END, printf('Actor %d', i), '' FROM seq");
        // Actor numbers for event i: a = n·u², b = n·v (u, v pseudo-random in [0, 1)), so
        // that low-numbered actors are hubs.
        store.exec(
            fmt::format(fmt::runtime("CREATE TEMP TABLE gen AS " + seq +
                                     "SELECT i, (((i * 2654435761) % 4294967291) % 1000003) / "
                                     "1000003.0 AS u, (((i * 69069 + 12345) % 2147483647) * "
                                     "48271 % 2147483647 % 999983) / 999983.0 AS v FROM seq"),
                        events - 1));
        store.exec(fmt::format(
            "CREATE TEMP TABLE pairs AS SELECT i, a, CASE WHEN b = a THEN (a + 1) % {0} ELSE b "
            "END AS b FROM (SELECT i, CAST({0} * u * u AS INTEGER) AS a, CAST({0} * v AS "
            "INTEGER) AS b FROM gen)",
            actors));
        auto actor_id = [](const std::string& col) {
            return fmt::format(
                "CASE WHEN {0} % 10 = 1 THEN printf('org/O%07d', {0}) WHEN {0} % 5 = 2 THEN "
                "printf('person/p-%07d', {0}) ELSE printf('A%07d', {0}) END",
                col);
        };
        const char* types =
            "('MEET','VISIT','AGREEMENT','COOPERATION','AID','SUPPORT','CONDEMN','EMBASSY_OPEN',"
            "'EMBASSY_REOPEN','EMBASSY_CLOSE','RELATIONS_ESTABLISH','RELATIONS_RESTORE',"
            "'RELATIONS_SEVER','EXPEL_DIPLOMATS','SANCTION')";
        store.exec(fmt::format(
            "CREATE TEMP TABLE type_names(n INTEGER PRIMARY KEY, name TEXT); INSERT INTO "
            "type_names(name) SELECT value FROM json_each(json_array{})",
            types));
        store.exec(
            "INSERT INTO events(id, type, subtype, status, date_from, date_to, precision, "
            "date_how, place) SELECT printf('event/%016x', i), (SELECT name FROM type_names "
            "WHERE n = 1 + (i * 7) % 15), '', CASE i % 7 WHEN 0 THEN 'reported' WHEN 1 THEN "
            "'planned' ELSE 'occurred' END, date('2000-01-01', printf('+%d days', (i * 37) % "
            "9500)), date('2000-01-01', printf('+%d days', (i * 37) % 9500)), 'day', "
            "'explicit', '' FROM pairs ORDER BY i");
        store.exec(fmt::format(
            "INSERT INTO participants(event, actor, role, source) SELECT printf('event/%016x', "
            "i), {}, 'initiator', printf('source/%016x', i % {}) FROM pairs UNION ALL SELECT "
            "printf('event/%016x', i), {}, 'target', printf('source/%016x', i % {}) FROM pairs",
            actor_id("a"), sources, actor_id("b"), sources));
        store.exec(fmt::format(
            "INSERT INTO evidence(event, source, sentence, span_begin, span_end, text, rule, "
            "confidence, status, date_from, date_to, precision, date_how, subtype, place) SELECT "
            "e.id, printf('source/%016x', p.i % {}), 0, 0, 40, printf('Synthetic sentence of "
            "event %d.', p.i), 'bench', 1.0, e.status, e.date_from, e.date_to, 'day', "
            "'explicit', '', '' FROM pairs p JOIN events e ON e.id = printf('event/%016x', p.i)",
            sources));
        store.exec("DROP TABLE pairs; DROP TABLE gen; DROP TABLE type_names");
        store.exec("COMMIT");
        store.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        store.exec("ANALYZE");
    } catch (const std::exception& e) {
        fmt::print(stderr, "diplograph_gen_store: {}\n", e.what());
        return 3;
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{}: {} actors, {} events, {} sources in {:.1f} s\n", out, actors, events, sources,
               seconds);
    return 0;
}
