// `blocs`: the connected components of the actor view and the communities inside them.
#pragma once

#include <diplograph/queries/selection.hpp>

#include <cstdint>
#include <vector>

namespace diplograph {

struct Bloc {
    std::vector<NodeIndex> members;  //!< sorted by index
    std::size_t component = 0;       //!< the component it lies in
};

struct BlocsAnswer {
    std::vector<std::vector<NodeIndex>> components;  //!< largest first, then first member
    std::vector<Bloc> communities;                   //!< largest first, then first member
    double modularity = 0;                           //!< of the communities, weighted
    Selection selection;                             //!< every actor and link
};

//! Communities by weighted label propagation (Raghavan et al. 2007): each actor in turn, in an
//! order shuffled by a std::mt19937 seeded with `seed`, takes the label with the largest total
//! weight (events) among its partners, keeping its own on a tie, else the smallest; until no
//! label changes (at most 100 rounds). Deterministic for a given graph and seed.
std::vector<std::size_t> label_propagation(const Graph& graph, std::uint32_t seed = 42);

BlocsAnswer blocs(const Graph& graph, std::uint32_t seed = 42);

}  // namespace diplograph
