#include <diplograph/queries/blocs.hpp>

#include <diplograph/graph/algorithms.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

namespace diplograph {

namespace {

//! Weighted simple adjacency: (partner, events between the two), partners sorted.
std::vector<std::vector<std::pair<NodeIndex, double>>> weighted_adjacency(const Graph& graph) {
    std::vector<std::map<NodeIndex, double>> acc(graph.node_count());
    for (const auto& e : graph.edges()) {
        if (e.a == e.b)
            continue;
        acc[e.a][e.b] += e.count;
        acc[e.b][e.a] += e.count;
    }
    std::vector<std::vector<std::pair<NodeIndex, double>>> out(graph.node_count());
    for (NodeIndex v = 0; v < acc.size(); ++v)
        out[v].assign(acc[v].begin(), acc[v].end());
    return out;
}

//! Groups of actors by key, largest first, then by first member.
std::vector<std::vector<NodeIndex>> groups(const std::vector<std::size_t>& key) {
    std::map<std::size_t, std::vector<NodeIndex>> by;
    for (NodeIndex v = 0; v < key.size(); ++v)
        by[key[v]].push_back(v);
    std::vector<std::vector<NodeIndex>> out;
    for (auto& [k, members] : by)
        out.push_back(std::move(members));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.size() != b.size())
            return a.size() > b.size();
        return a.front() < b.front();
    });
    return out;
}

}  // namespace

std::vector<std::size_t> label_propagation(const Graph& graph, std::uint32_t seed) {
    const std::size_t n = graph.node_count();
    auto adj = weighted_adjacency(graph);
    std::vector<std::size_t> labelled(n);
    std::iota(labelled.begin(), labelled.end(), std::size_t{0});
    std::vector<NodeIndex> order(n);
    std::iota(order.begin(), order.end(), NodeIndex{0});
    std::mt19937 rng(seed);
    std::map<std::size_t, double> weight;
    for (int round = 0; round < 100; ++round) {
        std::shuffle(order.begin(), order.end(), rng);
        bool changed = false;
        for (NodeIndex v : order) {
            if (adj[v].empty())
                continue;
            weight.clear();
            for (auto [u, w] : adj[v])
                weight[labelled[u]] += w;
            double best = 0;
            for (auto& [l, w] : weight)
                best = std::max(best, w);
            auto own = weight.find(labelled[v]);
            if (own != weight.end() && own->second == best)
                continue;
            for (auto& [l, w] : weight) {
                if (w == best) {  // the smallest label among the best (map order)
                    labelled[v] = l;
                    changed = true;
                    break;
                }
            }
        }
        if (!changed)
            break;
    }
    return labelled;
}

BlocsAnswer blocs(const Graph& graph, std::uint32_t seed) {
    BlocsAnswer out;
    auto comp = algo::connected_components(graph);
    out.components = groups(comp.of);
    auto labels = label_propagation(graph, seed);
    for (auto& members : groups(labels))
        out.communities.push_back({std::move(members), 0});
    // Components renumbered in the order of out.components.
    std::vector<std::size_t> rank_of(comp.count);
    for (std::size_t i = 0; i < out.components.size(); ++i)
        rank_of[comp.of[out.components[i].front()]] = i;
    for (auto& b : out.communities)
        b.component = rank_of[comp.of[b.members.front()]];

    // Weighted modularity: Q = sum over communities of (inside / m) - (degree sum / 2m)^2.
    std::vector<std::size_t> community(graph.node_count());
    for (std::size_t c = 0; c < out.communities.size(); ++c)
        for (auto v : out.communities[c].members)
            community[v] = c;
    std::vector<double> inside(out.communities.size(), 0), total(out.communities.size(), 0);
    double m = 0;
    for (const auto& e : graph.edges()) {
        if (e.a == e.b)
            continue;
        m += e.count;
        total[community[e.a]] += e.count;
        total[community[e.b]] += e.count;
        if (community[e.a] == community[e.b])
            inside[community[e.a]] += e.count;
    }
    if (m > 0)
        for (std::size_t c = 0; c < inside.size(); ++c)
            out.modularity += inside[c] / m - (total[c] / (2 * m)) * (total[c] / (2 * m));
    out.selection = select_all(graph);
    out.selection.title = "components and communities";
    return out;
}

}  // namespace diplograph
