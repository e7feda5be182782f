// Loading the graph view from a store: 100k events and 1M evidence rows by default.
//
//   bench_load_graph [events] [evidence] [db]
//
// Generates the store with SQL (actors: 2,000 countries-like ids; 3 participants and
// evidence/events evidence rows per event), then times Store::events + Graph::build through
// Graph::load. The baseline is a bare SQLite scan of the same rows in the same process
// (the least any loader must read), so the ratio says what the model costs on top of I/O.
#include <diplograph/graph/graph.hpp>
#include <diplograph/graph/store.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

using namespace diplograph;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
    const long events = argc > 1 ? std::atol(argv[1]) : 100000;
    const long evidence = argc > 2 ? std::atol(argv[2]) : 1000000;
    const std::string path = argc > 3 ? argv[3] : "bench-load.db";
    const long actors = 2000;
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");

    auto t0 = std::chrono::steady_clock::now();
    {
        Store store(path);
        store.exec("BEGIN");
        store.exec(fmt::format(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i+1<{0}) "
            "INSERT INTO entities(id, kind, name) SELECT printf('A%04d', i), 'country', "
            "printf('Actor %d', i) FROM n",
            actors));
        store.exec(fmt::format(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i+1<{0}) "
            "INSERT INTO sources(id, url, content_hash) SELECT printf('source/%08d', i), "
            "printf('https://example.org/%d', i), printf('%d', i) FROM n",
            events / 4));
        store.exec(fmt::format(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i+1<{0}) "
            "INSERT INTO events(id, type, status, date_from, date_to, precision) SELECT "
            "printf('event/%08d', i), CASE i%4 WHEN 0 THEN 'MEET' WHEN 1 THEN 'VISIT' WHEN 2 THEN "
            "'AGREEMENT' ELSE 'SANCTION' END, "
            "'occurred', printf('%04d-%02d-%02d', 2010+i%15, 1+i%12, 1+i%28), "
            "printf('%04d-%02d-%02d', 2010+i%15, 1+i%12, 1+i%28), 'day' FROM n",
            events));
        for (int k = 0; k < 3; ++k) {
            store.exec(fmt::format(
                "INSERT OR IGNORE INTO participants(event, actor, role, source) SELECT id, "
                "printf('A%04d', (CAST(substr(id, 7) AS INTEGER) * {1} + {2}) % {0}), "
                "'participant', printf('source/%08d', CAST(substr(id, 7) AS INTEGER) / 4) FROM "
                "events",
                actors, 7 + 6 * k, 13 * k));
        }
        const long per_event = evidence / events;
        store.exec(fmt::format(
            "WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j+1 FROM k WHERE j+1<{0}) "
            "INSERT INTO evidence(event, source, sentence, span_begin, span_end, text, rule, "
            "confidence, status, precision) SELECT e.id, printf('source/%08d', "
            "CAST(substr(e.id, 7) AS INTEGER) / 4), k.j, 0, 60, 'A sentence that says so, about "
            "sixty bytes long for realism.', 'bench', 0.9, 'occurred', 'day' FROM events e, k",
            per_event));
        store.exec("COMMIT");
    }
    double generate = seconds_since(t0);

    Store store = Store::open_existing(path);
    auto st = store.stats();
    fmt::print("store: {} events, {} evidence rows, {} actors (generated in {:.2f} s)\n",
               st.events.at("MEET") + st.events.at("VISIT") + st.events.at("AGREEMENT") +
                   st.events.at("SANCTION"),
               st.evidence, actors, generate);

    // Baseline: the three ordered scans Store::for_each_event runs, every row stepped through
    // and dropped by sqlite3_exec.
    t0 = std::chrono::steady_clock::now();
    store.exec(
        "SELECT id, type, subtype, status, date_from, date_to, precision, date_how, place FROM "
        "events ORDER BY id");
    store.exec(
        "SELECT event, actor, role FROM participants GROUP BY event, actor, role ORDER BY event, "
        "actor, role");
    store.exec(
        "SELECT v.event, v.source, v.sentence, v.span_begin, v.span_end, v.text, v.rule, "
        "v.confidence, s.id, s.url, s.title, s.outlet, s.published, s.lang, s.content_hash FROM "
        "evidence v JOIN sources s ON s.id=v.source ORDER BY v.event, v.source, v.sentence, "
        "v.span_begin, v.rule");
    double scan = seconds_since(t0);

    t0 = std::chrono::steady_clock::now();
    Graph g = Graph::load(store);
    double load = seconds_since(t0);
    fmt::print("baseline (SQLite scans, nothing kept): {:.3f} s\n", scan);
    fmt::print(
        "Graph::load (events, evidence, actor view, Boost graphs): {:.3f} s  "
        "[{} actors, {} events, {} actor-view edges]\n",
        load, g.node_count(), g.events().size(), g.edges().size());
    fmt::print("ratio load/baseline: {:.2f}x; {:.0f} evidence rows/s\n", load / scan,
               static_cast<double>(st.evidence) / load);
    return 0;
}
