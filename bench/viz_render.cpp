// Render times of diagrams: a generated store of N actors (countries, people, organisations;
// links by preferential attachment, so a few actors are hubs as in news) drawn to SVG after the
// default budget of 150 actors, and whole.
//   bench_viz_render [N…]   (default: 150 2000)
#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/exports.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

void measure(const Graph& graph, std::size_t budget, const std::string& what) {
    auto t0 = std::chrono::steady_clock::now();
    Selection selection = viz::summarise(graph, select_all(graph), budget);
    std::string dot = viz::to_dot(graph, selection);
    double dot_time = seconds_since(t0);
    std::string engine = viz::choose_engine(selection.nodes.size());
    auto t1 = std::chrono::steady_clock::now();
    // BENCH_KEEP_DOT=DIR keeps the DOT text, to try layouts with the dot tool.
    if (const char* keep = std::getenv("BENCH_KEEP_DOT"); keep && *keep) {
        if (std::FILE* f = std::fopen(
                fmt::format("{}/{}-{}.dot", keep, graph.node_count(), budget).c_str(), "w")) {
            std::fwrite(dot.data(), 1, dot.size(), f);
            std::fclose(f);
        }
    }
    std::string svg = std::getenv("BENCH_DOT_ONLY") ? "" : viz::render(dot, viz::Format::svg);
    double render_time = seconds_since(t1);
    fmt::print("{:<28} {:>6} {:>6} {:>6} {:>9.3f} {:>9.3f} {:>9}\n", what, selection.nodes.size(),
               selection.edges.size(), engine, dot_time, render_time, svg.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::strtoul(argv[i], nullptr, 10));
    if (sizes.empty())
        sizes = {150, 2000};
    fmt::print("{:<28} {:>6} {:>6} {:>6} {:>9} {:>9} {:>9}\n", "selection", "actors", "links",
               "engine", "dot s", "svg s", "svg bytes");
    for (auto n : sizes) {
        auto t0 = std::chrono::steady_clock::now();
        Graph graph = generate(n);
        fmt::print("# generated {} actors, {} events, {} links in {:.3f} s\n", graph.node_count(),
                   graph.events().size(), graph.edges().size(), seconds_since(t0));
        std::fflush(stdout);
        measure(graph, 150, fmt::format("{} actors, budget 150", n));
        if (n > 150)
            measure(graph, 0, fmt::format("{} actors, whole", n));
    }
}
