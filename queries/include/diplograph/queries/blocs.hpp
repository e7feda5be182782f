// `blocs`: the connected components of the actor view and the communities inside them.
#pragma once

#include <diplograph/queries/selection.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace diplograph {

struct Bloc {
    std::vector<NodeIndex> members;  //!< sorted by index
    std::size_t component = 0;       //!< the component it lies in
    int events_inside = 0;           //!< events of the links among the members (pairs drawn)
    int conflict_inside = 0;         //!< of which conflict events
    //! conflict_inside / events_inside: the bloc's internal conflict (0 when no event).
    double conflict() const {
        return events_inside ? static_cast<double>(conflict_inside) / events_inside : 0.0;
    }
};

struct BlocsAnswer {
    std::vector<std::vector<NodeIndex>> components;  //!< largest first, then first member
    std::vector<Bloc> communities;                   //!< largest first, then first member
    double modularity = 0;  //!< signed modularity of the communities (Gómez et al. 2009)
    Selection selection;    //!< every actor and link
};

//! The sign an event of this type gives a link: +1 for the cooperation and diplomatic
//! families (agreements, aid, support, meetings, visits, embassies opened, relations
//! established), -1 for the conflict family (condemnations, sanctions, expulsions, embassies
//! closed, relations severed), 0 for OTHER.
int sign(EventType type);

//! Signed weight of each pair of actors: the sum over its events of sign(type).
//! (a, b, positive part, negative part), a < b; self-links left out.
struct SignedPair {
    NodeIndex a = 0;
    NodeIndex b = 0;
    double positive = 0;  //!< w+ = max(0, net)
    double negative = 0;  //!< w- = max(0, -net)
};
std::vector<SignedPair> signed_pairs(const Graph& graph);

//! Communities that maximise the signed modularity of Gómez, Jensen and Arenas (2009, Phys.
//! Rev. E 80, 016114): Q = [2w+ Q+ - 2w- Q-] / (2w+ + 2w-), Q± the modularity of the
//! positive and of the negative part of the net weights; friends inside a community raise it,
//! enemies inside lower it. Optimised by Louvain (Blondel et al. 2008): local moving, actors
//! in an order shuffled by std::mt19937(seed), each to the neighbouring community of largest
//! gain or alone, then the communities aggregated, until nothing moves. Deterministic for a
//! given graph and seed. `community[v]` for each actor.
std::vector<std::size_t> signed_louvain(std::size_t nodes, const std::vector<SignedPair>& pairs,
                                        std::uint32_t seed = 42);
//! How many orders signed_louvain() tries.
constexpr int kLouvainRuns = 8;
//! The same, calling `progress(runs, best)` after each of its runs but the last with the best
//! communities so far; when it returns false, those are returned.
std::vector<std::size_t> signed_louvain(
    std::size_t nodes, const std::vector<SignedPair>& pairs, std::uint32_t seed,
    const std::function<bool(int runs, const std::vector<std::size_t>& best)>& progress);
//! The signed modularity of a partition.
double signed_modularity(std::size_t nodes, const std::vector<SignedPair>& pairs,
                         const std::vector<std::size_t>& community);

//! Actors grouped by key (component or community label), largest group first, then by
//! first member: the order blocs() gives.
std::vector<std::vector<NodeIndex>> groups_by_key(const std::vector<std::size_t>& key);

//! Communities by weighted label propagation (Raghavan et al. 2007): each actor in turn, in an
//! order shuffled by a std::mt19937 seeded with `seed`, takes the label with the largest total
//! weight (events) among its partners, keeping its own on a tie, else the smallest; until no
//! label changes (at most 100 rounds). Deterministic for a given graph and seed.
std::vector<std::size_t> label_propagation(const Graph& graph, std::uint32_t seed = 42);

//! Components, and communities by signed_louvain() on signed_pairs(), with each one's
//! internal conflict.
BlocsAnswer blocs(const Graph& graph, std::uint32_t seed = 42);

}  // namespace diplograph
