#include <diplograph/queries/blocs.hpp>

#include <diplograph/graph/algorithms.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <random>
#include <set>

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

}  // namespace

std::vector<std::vector<NodeIndex>> groups_by_key(const std::vector<std::size_t>& key) {
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

int sign(EventType type) {
    std::string_view family = info(type).family;
    if (family == "conflict")
        return -1;
    if (family == "cooperation" || family == "diplomatic")
        return 1;
    return 0;
}

std::vector<SignedPair> signed_pairs(const Graph& graph) {
    std::map<std::pair<NodeIndex, NodeIndex>, double> net;
    for (const auto& e : graph.edges()) {
        if (e.a == e.b)
            continue;
        net[{std::min(e.a, e.b), std::max(e.a, e.b)}] += sign(e.type) * e.count;
    }
    std::vector<SignedPair> out;
    for (auto& [ab, w] : net)
        if (w != 0)
            out.push_back({ab.first, ab.second, std::max(0.0, w), std::max(0.0, -w)});
    return out;
}

namespace {

//! A level of Louvain: nodes with positive and negative links to each other and to themselves.
struct Level {
    std::vector<std::vector<std::tuple<std::size_t, double, double>>> adj;  //!< (j, w+, w-)
    std::vector<double> k_pos, k_neg;  //!< degrees, self-links counted twice
};

Level first_level(std::size_t n, const std::vector<SignedPair>& pairs) {
    Level l;
    l.adj.resize(n);
    l.k_pos.assign(n, 0);
    l.k_neg.assign(n, 0);
    for (const auto& p : pairs) {
        l.adj[p.a].emplace_back(p.b, p.positive, p.negative);
        l.adj[p.b].emplace_back(p.a, p.positive, p.negative);
        l.k_pos[p.a] += p.positive;
        l.k_pos[p.b] += p.positive;
        l.k_neg[p.a] += p.negative;
        l.k_neg[p.b] += p.negative;
    }
    return l;
}

//! Local moving on one level; returns whether a node moved. `of` holds the communities.
bool local_moving(const Level& l, std::vector<std::size_t>& of, std::mt19937& rng) {
    const std::size_t n = l.adj.size();
    double two_pos = 0, two_neg = 0;
    for (std::size_t i = 0; i < n; ++i) {
        two_pos += l.k_pos[i];
        two_neg += l.k_neg[i];
    }
    std::vector<double> tot_pos(n, 0), tot_neg(n, 0);
    std::vector<std::size_t> size(n, 0);  // nodes in each community; n nodes, n communities
    for (std::size_t i = 0; i < n; ++i) {
        ++size[of[i]];
        tot_pos[of[i]] += l.k_pos[i];
        tot_neg[of[i]] += l.k_neg[i];
    }
    // The empty communities, smallest first (an actor leaving for an empty one takes the
    // smallest: a scan of `size` for each actor made a pass quadratic).
    std::set<std::size_t> empty;
    for (std::size_t c = 0; c < n; ++c)
        if (size[c] == 0)
            empty.insert(c);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    bool any = false;
    // Net weight from i to each neighbouring community: dense, with the communities touched
    // listed and visited in increasing order (as a std::map would, without its allocations).
    std::vector<double> to(n, 0.0);
    std::vector<char> touched(n, 0);
    std::vector<std::size_t> near;
    for (int pass = 0; pass < 100; ++pass) {
        bool moved = false;
        for (std::size_t i : order) {
            std::size_t old = of[i];
            tot_pos[old] -= l.k_pos[i];
            tot_neg[old] -= l.k_neg[i];
            for (auto c : near) {
                to[c] = 0.0;
                touched[c] = 0;
            }
            near.clear();
            for (auto& [j, wp, wn] : l.adj[i])
                if (j != i) {
                    std::size_t c = of[j];
                    if (!touched[c]) {
                        touched[c] = 1;
                        near.push_back(c);
                    }
                    to[c] += wp - wn;
                }
            std::sort(near.begin(), near.end());
            // Gain of joining c (up to a constant factor), against staying alone (0).
            auto gain = [&](std::size_t c) {
                double g = touched[c] ? to[c] : 0.0;
                if (two_pos > 0)
                    g -= l.k_pos[i] * tot_pos[c] / two_pos;
                if (two_neg > 0)
                    g += l.k_neg[i] * tot_neg[c] / two_neg;
                return g;
            };
            // Alone (gain 0): its old community when it was alone there, else an empty one.
            if (--size[old] == 0)
                empty.insert(old);
            std::size_t best = old;
            double best_gain = gain(old);
            if (size[old] != 0 && best_gain < 0) {
                best = *empty.begin();
                best_gain = 0;
            }
            for (auto c : near)
                if (double g = gain(c); g > best_gain + 1e-12) {
                    best = c;
                    best_gain = g;
                }
            if (size[best]++ == 0)
                empty.erase(best);
            tot_pos[best] += l.k_pos[i];
            tot_neg[best] += l.k_neg[i];
            of[i] = best;
            moved |= best != old;
        }
        if (!moved)
            break;
        any = true;
    }
    return any;
}

}  // namespace

namespace {

//! One Louvain run, then a last round of single-actor moves on the actors themselves (an
//! aggregated level can leave one actor in the wrong community).
std::vector<std::size_t> louvain_once(std::size_t nodes, const std::vector<SignedPair>& pairs,
                                      std::mt19937& rng) {
    std::vector<std::size_t> community(nodes);
    std::iota(community.begin(), community.end(), std::size_t{0});
    Level level = first_level(nodes, pairs);
    for (int depth = 0; depth < 32; ++depth) {
        const std::size_t n = level.adj.size();
        std::vector<std::size_t> of(n);
        std::iota(of.begin(), of.end(), std::size_t{0});
        if (!local_moving(level, of, rng))
            break;
        // Renumber the communities 0..m-1 and aggregate.
        std::map<std::size_t, std::size_t> renum;
        for (auto c : of)
            renum.try_emplace(c, renum.size());
        for (auto& c : of)
            c = renum[c];
        for (auto& c : community)
            c = of[c];
        Level next;
        const std::size_t m = renum.size();
        next.adj.resize(m);
        next.k_pos.assign(m, 0);
        next.k_neg.assign(m, 0);
        std::vector<std::map<std::size_t, std::pair<double, double>>> acc(m);
        for (std::size_t i = 0; i < n; ++i) {
            next.k_pos[of[i]] += level.k_pos[i];
            next.k_neg[of[i]] += level.k_neg[i];
            for (auto& [j, wp, wn] : level.adj[i]) {
                auto& w = acc[of[i]][of[j]];
                w.first += wp;
                w.second += wn;
            }
        }
        for (std::size_t c = 0; c < m; ++c)
            for (auto& [d, w] : acc[c])
                next.adj[c].emplace_back(d, w.first, w.second);
        level = std::move(next);
        if (m == n)
            break;
    }
    local_moving(first_level(nodes, pairs), community, rng);
    return community;
}

}  // namespace

std::vector<std::size_t> signed_louvain(std::size_t nodes, const std::vector<SignedPair>& pairs,
                                        std::uint32_t seed) {
    return signed_louvain(nodes, pairs, seed,
                          [](int, const std::vector<std::size_t>&) { return true; });
}

std::vector<std::size_t> signed_louvain(
    std::size_t nodes, const std::vector<SignedPair>& pairs, std::uint32_t seed,
    const std::function<bool(int, const std::vector<std::size_t>&)>& progress) {
    // Louvain depends on the order of the moves: the best of a few orders (all from `seed`).
    std::mt19937 rng(seed);
    std::vector<std::size_t> best;
    double best_q = 0;
    for (int run = 0; run < kLouvainRuns; ++run) {
        auto community = louvain_once(nodes, pairs, rng);
        double q = signed_modularity(nodes, pairs, community);
        if (best.empty() || q > best_q + 1e-12) {
            best = std::move(community);
            best_q = q;
        }
        if (run + 1 < kLouvainRuns && !progress(run + 1, best))
            break;
    }
    return best;
}

double signed_modularity(std::size_t nodes, const std::vector<SignedPair>& pairs,
                         const std::vector<std::size_t>& community) {
    std::vector<double> k_pos(nodes, 0), k_neg(nodes, 0);
    double two_pos = 0, two_neg = 0, inside = 0;
    for (const auto& p : pairs) {
        k_pos[p.a] += p.positive;
        k_pos[p.b] += p.positive;
        k_neg[p.a] += p.negative;
        k_neg[p.b] += p.negative;
        two_pos += 2 * p.positive;
        two_neg += 2 * p.negative;
        if (community[p.a] == community[p.b])
            inside += 2 * (p.positive - p.negative);
    }
    if (two_pos + two_neg == 0)
        return 0;
    std::map<std::size_t, std::pair<double, double>> tot;
    for (std::size_t v = 0; v < nodes; ++v) {
        tot[community[v]].first += k_pos[v];
        tot[community[v]].second += k_neg[v];
    }
    double expected = 0;
    for (auto& [c, t] : tot) {
        if (two_pos > 0)
            expected += t.first * t.first / two_pos;
        if (two_neg > 0)
            expected -= t.second * t.second / two_neg;
    }
    return (inside - expected) / (two_pos + two_neg);
}

BlocsAnswer blocs(const Graph& graph, std::uint32_t seed) {
    BlocsAnswer out;
    auto comp = algo::connected_components(graph);
    out.components = groups_by_key(comp.of);
    auto pairs = signed_pairs(graph);
    auto labels = signed_louvain(graph.node_count(), pairs, seed);
    for (auto& members : groups_by_key(labels))
        out.communities.push_back({std::move(members), 0, 0, 0});
    // Components renumbered in the order of out.components.
    std::vector<std::size_t> rank_of(comp.count);
    for (std::size_t i = 0; i < out.components.size(); ++i)
        rank_of[comp.of[out.components[i].front()]] = i;
    for (auto& b : out.communities)
        b.component = rank_of[comp.of[b.members.front()]];
    std::vector<std::size_t> community(graph.node_count());
    for (std::size_t c = 0; c < out.communities.size(); ++c)
        for (auto v : out.communities[c].members)
            community[v] = c;
    for (const auto& e : graph.edges()) {
        if (e.a == e.b || community[e.a] != community[e.b])
            continue;
        Bloc& b = out.communities[community[e.a]];
        b.events_inside += e.count;
        if (sign(e.type) < 0)
            b.conflict_inside += e.count;
    }
    out.modularity = signed_modularity(graph.node_count(), pairs, community);
    out.selection = select_all(graph);
    out.selection.title = "components and communities";
    return out;
}

}  // namespace diplograph
