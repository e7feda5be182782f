// Render times of diagrams, phase by phase (load, summarise, DOT, layout and SVG).
//   bench_viz_render [N…]               generated stores of N actors (default: 150 2000):
//       countries, people, organisations linked by preferential attachment, so a few actors
//       are hubs as in news; drawn after the default budget of 150 actors, and whole.
//   bench_viz_render --db STORE [B…]    a store (diplograph_gen_store, or `diplograph import`
//       of examples/): the graph read as `export` reads it, drawn after budgets of B
//       actors (default: 150 2000), as `diplograph --db STORE export --budget B` draws it.
#include <diplograph/graph/store.hpp>
#include <diplograph/queries/summary.hpp>
#include <diplograph/viz/diagram.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace diplograph;

namespace {

//! A small deterministic generator (64-bit LCG), so every run draws the same graph.
struct Random {
    std::uint64_t state = 42;
    std::size_t below(std::size_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % n);
    }
};

Graph generate(std::size_t n) {
    Random random;
    std::vector<Entity> actors;
    for (std::size_t i = 0; i < n; ++i) {
        Entity e;
        std::size_t kind = i % 10;
        e.kind = kind < 6   ? EntityKind::country
                 : kind < 9 ? EntityKind::person
                            : EntityKind::organization;
        e.id = e.kind == EntityKind::person         ? fmt::format("person/p{}", i)
               : e.kind == EntityKind::organization ? fmt::format("org/O{}", i)
                                                    : fmt::format("C{:04}", i);
        e.name = fmt::format("{} {}", to_string(e.kind), i);
        if (e.kind == EntityKind::person)
            e.country = fmt::format("C{:04}", i - i % 10);
        actors.push_back(e);
    }
    // Preferential attachment: each new actor links to 3 earlier ones, picked in proportion
    // to their degree (a list with one entry per link end).
    std::vector<std::size_t> ends{0, 1};
    std::vector<StoredEvent> events;
    auto types = event_types();
    for (std::size_t i = 1; i < n; ++i) {
        for (int k = 0; k < 3; ++k) {
            std::size_t j = ends[random.below(ends.size())];
            if (j >= i)
                j = random.below(i);
            StoredEvent se;
            se.event.id = fmt::format("event/{}-{}-{}", i, j, k);
            se.event.type = types[random.below(types.size())].type;
            se.event.status = static_cast<Status>(random.below(4));
            se.event.date =
                *DateInterval::parse(fmt::format("{}-{:02}-{:02}", 2024 + random.below(2),
                                                 1 + random.below(12), 1 + random.below(28)));
            se.event.participants = {{actors[i].id, ParticipantRole::participant},
                                     {actors[j].id, ParticipantRole::participant}};
            Evidence ev;
            ev.text = fmt::format("Generated sentence {} about {} and {}.", events.size(),
                                  actors[i].name, actors[j].name);
            se.event.evidence.push_back(ev);
            for (std::size_t s = 0, count = 1 + random.below(3); s < count; ++s) {
                Source src;
                src.id = fmt::format("source/{}", random.below(5000));
                src.url = fmt::format("https://example.org/{}", src.id);
                src.title = "Generated article";
                se.sources.push_back(src);
            }
            events.push_back(std::move(se));
            ends.push_back(i);
            ends.push_back(j);
        }
    }
    return Graph::from_events(std::move(actors), std::move(events));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

//! One line: the selection after the budget, then the time of each phase.
void measure(const Graph& graph, Selection selection, double load_time, double summarise_time,
             std::size_t budget, const std::string& what) {
    auto t1 = std::chrono::steady_clock::now();
    std::string dot = viz::to_dot(graph, selection);
    double dot_time = seconds_since(t1);
    std::size_t drawn =
        viz::drawn_links(graph, selection, viz::link_cap(selection.nodes.size())).size();
    auto t2 = std::chrono::steady_clock::now();
    // BENCH_KEEP_DOT=DIR keeps the DOT text, to try layouts with the dot tool.
    if (const char* keep = std::getenv("BENCH_KEEP_DOT"); keep && *keep) {
        if (std::FILE* f = std::fopen(
                fmt::format("{}/{}-{}.dot", keep, graph.node_count(), budget).c_str(), "w")) {
            std::fwrite(dot.data(), 1, dot.size(), f);
            std::fclose(f);
        }
    }
    std::string svg = std::getenv("BENCH_DOT_ONLY") ? "" : viz::render(dot, viz::Format::svg);
    double render_time = seconds_since(t2);
    auto start = dot.find("layout=\"");
    std::string engine = start == std::string::npos
                             ? "?"
                             : dot.substr(start + 8, dot.find('"', start + 8) - start - 8);
    fmt::print(
        "{:<30} {:>6} {:>6} {:>6} {:>6} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>9}\n", what,
        selection.nodes.size(), selection.edges.size(), drawn, engine, load_time, summarise_time,
        dot_time, render_time, load_time + summarise_time + dot_time + render_time, svg.size());
    std::fflush(stdout);
}

void header() {
    fmt::print("{:<30} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}\n", "selection",
               "actors", "links", "drawn", "engine", "load s", "budget s", "dot s", "svg s",
               "total s", "svg bytes");
}

std::vector<std::size_t> numbers(int from, int argc, char** argv) {
    std::vector<std::size_t> out;
    for (int i = from; i < argc; ++i)
        out.push_back(std::strtoul(argv[i], nullptr, 10));
    if (out.empty())
        out = {150, 2000};
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::string(argv[1]) == "--db") {
        // As `export` reads a store: the kept actors from the integer tables and their events
        // (summarise_all, "load"), else the whole graph, then viz::summarise ("budget").
        Store store = Store::open_existing(argv[2]);
        std::optional<Graph> whole;
        double whole_time = 0;
        header();
        for (auto budget : numbers(3, argc, argv)) {
            auto t0 = std::chrono::steady_clock::now();
            if (auto summary = summarise_all(store, Scope{}, budget)) {
                double load_time = seconds_since(t0);
                measure(summary->graph, std::move(summary->selection), load_time, 0, budget,
                        fmt::format("store, budget {}", budget));
                continue;
            }
            if (!whole) {
                whole = Graph::load(store, Filter{});
                whole_time = seconds_since(t0);
                fmt::print("# {}: {} actors, {} events, {} links (loaded whole)\n", argv[2],
                           whole->node_count(), whole->events().size(), whole->edges().size());
            }
            auto t1 = std::chrono::steady_clock::now();
            Selection selection = viz::summarise(*whole, select_all(*whole), budget);
            measure(*whole, std::move(selection), whole_time, seconds_since(t1), budget,
                    fmt::format("store, budget {}, whole", budget));
        }
        return 0;
    }
    header();
    for (auto n : numbers(1, argc, argv)) {
        auto t0 = std::chrono::steady_clock::now();
        Graph graph = generate(n);
        double generate_time = seconds_since(t0);
        fmt::print("# generated {} actors, {} events, {} links\n", graph.node_count(),
                   graph.events().size(), graph.edges().size());
        for (std::size_t budget : {std::size_t{150}, std::size_t{0}}) {
            if (budget == 0 && n <= 150)
                continue;
            auto t1 = std::chrono::steady_clock::now();
            Selection selection = viz::summarise(graph, select_all(graph), budget);
            measure(graph, std::move(selection), generate_time, seconds_since(t1), budget,
                    budget ? fmt::format("{} actors, budget 150", n)
                           : fmt::format("{} actors, whole", n));
        }
    }
}
