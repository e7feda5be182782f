// diplograph_query_phases DB A B : where the time of a query goes. Times loading the whole
// graph (Store::for_each_event + Graph::build), loading one actor's events through the index,
// and each algorithm on the loaded graph, without printing. First the lean path of rank, path
// and ego: Store::event_links, Topology::load and the algorithms on the topology; with --lean,
// only that.
#include <diplograph/queries/ego.hpp>
#include <diplograph/queries/links.hpp>
#include <diplograph/queries/load.hpp>
#include <diplograph/queries/paths.hpp>
#include <diplograph/queries/rank.hpp>

#include <fmt/format.h>

#include <chrono>

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace diplograph;
    if (argc < 4) {
        fmt::print(stderr, "usage: diplograph_query_phases DB ACTOR_ID OTHER_ID [--lean]\n");
        return 1;
    }
    try {
        Store store = Store::open_existing(argv[1]);
        const std::string a = argv[2], b = argv[3];

        auto t = Clock::now();
        {
            auto links = store.event_links({});
            fmt::print("event_links                  {:8.3f} s  {} events, {} actors\n", since(t),
                       links->event_count(), links->actors.size());
        }
        t = Clock::now();
        {
            auto near = load_neighbourhood_topology(store, {}, a, 2);
            fmt::print("ego --depth 2 neighbourhood  {:8.3f} s  {} actors, {} links\n", since(t),
                       near->node_count(), near->links().size());
            t = Clock::now();
            auto e = ego(*near, *near->find(a), 2);
            fmt::print("ego --depth 2 on it          {:8.3f} s  {} actors, {} links\n", since(t),
                       e.answer.rows.size(), e.links);
        }
        t = Clock::now();
        auto topology = Topology::load(store, {});
        fmt::print("Topology::load               {:8.3f} s  {} actors, {} links\n", since(t),
                   topology->node_count(), topology->links().size());
        auto ta = topology->find(a), tb = topology->find(b);
        if (!ta || !tb) {
            fmt::print(stderr, "{} or {} takes part in no event\n", a, b);
            return 2;
        }
        t = Clock::now();
        auto tk = k_shortest_paths(topology->adjacency(), *ta, *tb, 1);
        fmt::print("path on topology             {:8.3f} s  {} paths\n", since(t), tk.size());
        t = Clock::now();
        auto te = ego(*topology, *ta, 2);
        fmt::print("ego --depth 2 on topology    {:8.3f} s  {} actors, {} links\n", since(t),
                   te.answer.rows.size(), te.links);
        t = Clock::now();
        auto tr = rank(*topology, RankBy::pagerank, 20);
        fmt::print("pagerank on topology         {:8.3f} s  top {}\n", since(t),
                   topology->node(tr->rows.at(0).node).id);
        if (argc > 4 && std::string(argv[4]) == "--lean")
            return 0;

        t = Clock::now();
        std::size_t streamed = 0;
        store.for_each_event({}, [&](const StoredEvent&) { ++streamed; });
        fmt::print("read events (for_each_event)  {:8.3f} s  {} events\n", since(t), streamed);

        t = Clock::now();
        {
            Graph full = load_graph(store, {});
            fmt::print("load whole graph, evidence   {:8.3f} s  {} actors, {} links\n", since(t),
                       full.node_count(), full.edges().size());
        }
        t = Clock::now();
        Scope lean;
        lean.filter.with_evidence = false;
        Graph graph = load_graph(store, lean);
        fmt::print("load whole graph, no evidence{:8.3f} s  {} actors, {} links\n", since(t),
                   graph.node_count(), graph.edges().size());
        t = Clock::now();
        graph.boost();
        fmt::print("build Boost views            {:8.3f} s\n", since(t));

        t = Clock::now();
        Scope one;
        one.filter.actors = {a};
        one.filter.with_evidence = false;
        Graph small = load_graph(store, one);
        fmt::print("load one actor's events      {:8.3f} s  {} events\n", since(t),
                   small.events().size());

        auto na = graph.find(a), nb = graph.find(b);
        if (!na || !nb) {
            fmt::print(stderr, "{} or {} takes part in no event\n", a, b);
            return 2;
        }
        t = Clock::now();
        auto l = links(small, *small.find(a));
        fmt::print("links                        {:8.3f} s  {} rows\n", since(t), l.rows.size());
        t = Clock::now();
        auto p = paths(graph, *na, *nb, 1);
        fmt::print("path (BFS)                   {:8.3f} s  {} hops\n", since(t),
                   p.paths.empty() ? 0 : p.paths[0].hops.size());
        t = Clock::now();
        auto k = paths(graph, *na, *nb, 3);
        fmt::print("path --k 3 (Yen)             {:8.3f} s  {} paths\n", since(t), k.paths.size());
        t = Clock::now();
        auto e = ego(graph, *na, 2);
        fmt::print("ego --depth 2                {:8.3f} s  {} actors\n", since(t), e.rows.size());
        t = Clock::now();
        auto r = rank(graph, RankBy::pagerank, 20);
        fmt::print("rank --by pagerank           {:8.3f} s  top {}\n", since(t),
                   graph.node(r.rows.at(0).node).id);
    } catch (const std::exception& e) {
        fmt::print(stderr, "diplograph_query_phases: {}\n", e.what());
        return 3;
    }
    return 0;
}
