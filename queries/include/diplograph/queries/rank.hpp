// `rank --by …`: the most central actors.
#pragma once

#include <diplograph/graph/topology.hpp>

#include <diplograph/queries/selection.hpp>

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace diplograph {

//! degree: distinct partners; weighted: events with partners (the sum of the actor's edge
//! counts); betweenness: Brandes, unnormalised; pagerank: see pagerank().
enum class RankBy { degree, weighted, betweenness, pagerank };

std::string_view to_string(RankBy by);
std::optional<RankBy> rank_by_from_string(std::string_view text);

struct RankRow {
    NodeIndex node = 0;
    double score = 0;
    std::size_t degree = 0;  //!< distinct partners
};

struct RankAnswer {
    std::vector<RankRow> rows;  //!< highest score first, then id
    Selection selection;        //!< the ranked actors and the links among them
};

//! Ranks every actor of the graph; keeps the first `top` (0: all). With 0 < `pivots` < the
//! number of actors, betweenness is estimated from that many sampled sources (betweenness()).
RankAnswer rank(const Graph& graph, RankBy by, std::size_t top = 0, std::size_t pivots = 0);
//! The same ranking from scores computed already (`score[v]` for each actor, as `by` computes
//! them): a server keeps the betweenness of a graph and answers each `top` from it.
RankAnswer rank_scored(const Graph& graph, RankBy by, const std::vector<double>& score,
                       std::size_t top = 0);

//! The same ranking on the topology alone (rows index Topology nodes; the selection holds only
//! the title and left_out_nodes). nullopt for betweenness, which needs the Graph.
std::optional<RankAnswer> rank(const Topology& topology, RankBy by, std::size_t top = 0);
//! PageRank on the simple undirected actor view (unweighted), damping `alpha`, the rank of
//! actors without partners spread evenly; power iteration until the L1 change is below `tol`.
//! The same definition as NetworkX's pagerank(G) on that graph.
std::vector<double> pagerank(const std::vector<std::vector<NodeIndex>>& adjacency,
                             double alpha = 0.85, double tol = 1e-10, int max_iterations = 1000);

//! Betweenness centrality on a simple undirected adjacency (Brandes 2001, unweighted), each
//! unordered pair of end points counted once (as algo::betweenness). With 0 < `pivots` < the
//! number of actors, an estimate: the dependencies of `pivots` sources drawn at random (seeded
//! by `seed`, distinct) only, scaled by n / pivots (Brandes and Pich 2007); its time is
//! pivots · (actors + links) instead of actors · (actors + links).
std::vector<double> betweenness(const std::vector<std::vector<NodeIndex>>& adjacency,
                                std::size_t pivots = 0, unsigned seed = 42);
//! The same, exact, one source after another in a random order (seeded by `seed`): its first p
//! sources are those betweenness(adjacency, p, seed) draws. After each source but the last,
//! `progress(done, estimate)` is called; `estimate()` gives the estimate from the `done`
//! sources so far (scaled as betweenness() scales it). When it returns false the computation
//! stops and returns that estimate; otherwise it returns the exact values.
std::vector<double> betweenness_progressive(
    const std::vector<std::vector<NodeIndex>>& adjacency, unsigned seed,
    const std::function<bool(std::size_t done,
                             const std::function<std::vector<double>()>& estimate)>& progress);

//! Ranking by betweenness on the topology: exact up to `exact_up_to` actors, estimated from
//! `pivots` random sources above (`estimated` then set).
RankAnswer rank_betweenness(const Topology& topology, std::size_t top, std::size_t exact_up_to,
                            std::size_t pivots, bool& estimated);

}  // namespace diplograph
