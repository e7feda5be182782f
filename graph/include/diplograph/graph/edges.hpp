// How one event links its actors in the actor view (DESIGN.md §2 "Participation"): the one place
// that turns participants with roles into edges, for Graph, Topology and every query and export
// built on them.
#pragma once

#include <diplograph/graph/model.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace diplograph {

//! The most sides a symmetric event links pairwise. A side is a country with its people (or any
//! other actor on its own). Talks of two, three or four parties (a trilateral meeting, the
//! Normandy format) are relations between each pair; beyond that a summit or conference is a
//! gathering: its parties met in one room, not each with each, and a clique would give one
//! summit of 30 members 435 pairwise "links" that swamp degrees, paths and blocs. A gathering
//! stays an event node (a hyperedge in exports) linked to its participants.
constexpr std::size_t kMaxPairwiseSides = 4;

//! One actor of one event, as the caller numbers them.
struct EventMember {
    uint32_t actor = 0;  //!< the caller's actor index
    uint32_t side = 0;   //!< same value for a person and their country: the country's index
    uint8_t roles = 0;   //!< bit (1 << ParticipantRole) for each role it plays in the event
};

//! A link one event draws between two of its actors.
struct EventPair {
    uint32_t from = 0;  //!< the source of a directed pair; the smaller index otherwise
    uint32_t to = 0;
    bool directed = false;
    auto operator<=>(const EventPair&) const = default;
};

//! The role bit of a participant role, for EventMember::roles.
constexpr uint8_t role_bit(ParticipantRole role) {
    return static_cast<uint8_t>(1u << static_cast<unsigned>(role));
}

//! Appends the pairs an event of `type` draws among `members` (each actor once) to `out`:
//! - a directed type (info(type).symmetric false): initiator (or guest) → each target (or
//!   host), never between two targets nor between two initiators; a pair told both ways is one
//!   undirected pair. Two initiators and no target is a mutual act (“Moscow and Lomé agreed to
//!   reopen their embassies”): one undirected pair. Targets without an initiator link nothing.
//!   When no member has a directed role (a findings file without roles), the event is read as
//!   a symmetric one without direction;
//! - a symmetric type: each pair of sides, both ways as one undirected pair, unless the event
//!   has more than kMaxPairwiseSides sides (a gathering: nothing).
//! Never two members of one side (a person and their own country, two ministers of one state).
void event_pairs(EventType type, std::span<const EventMember> members, std::vector<EventPair>& out);

//! True when `members` make a gathering: more than kMaxPairwiseSides sides, read as symmetric
//! (drawn as an event node, not as pairs).
bool is_gathering(EventType type, std::span<const EventMember> members);

}  // namespace diplograph
