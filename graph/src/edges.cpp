#include <diplograph/graph/edges.hpp>

#include <algorithm>

namespace diplograph {

namespace {

constexpr uint8_t kSource = role_bit(ParticipantRole::initiator) | role_bit(ParticipantRole::guest);
constexpr uint8_t kTarget = role_bit(ParticipantRole::target) | role_bit(ParticipantRole::host);

struct Side {
    uint32_t key = 0;
    uint8_t roles = 0;
    std::vector<uint32_t> actors;
};

std::vector<Side> sides_of(std::span<const EventMember> members) {
    std::vector<Side> sides;
    for (const auto& m : members) {
        auto it = std::find_if(sides.begin(), sides.end(),
                               [&](const Side& s) { return s.key == m.side; });
        if (it == sides.end()) {
            sides.push_back(Side{m.side, 0, {}});
            it = sides.end() - 1;
        }
        it->roles |= m.roles;
        it->actors.push_back(m.actor);
    }
    return sides;
}

bool directed_roles(EventType type, const std::vector<Side>& sides) {
    if (info(type).symmetric)
        return false;
    return std::any_of(sides.begin(), sides.end(),
                       [](const Side& s) { return (s.roles & (kSource | kTarget)) != 0; });
}

void link_sides(const Side& x, const Side& y, bool directed, std::vector<EventPair>& out) {
    for (auto a : x.actors)
        for (auto b : y.actors) {
            if (a == b)
                continue;
            if (directed)
                out.push_back(EventPair{a, b, true});
            else
                out.push_back(EventPair{std::min(a, b), std::max(a, b), false});
        }
}

}  // namespace

bool is_gathering(EventType type, std::span<const EventMember> members) {
    const auto sides = sides_of(members);
    return !directed_roles(type, sides) && sides.size() > kMaxPairwiseSides;
}

void event_pairs(EventType type, std::span<const EventMember> members,
                 std::vector<EventPair>& out) {
    const auto sides = sides_of(members);
    if (sides.size() < 2)
        return;
    if (!directed_roles(type, sides)) {
        if (sides.size() > kMaxPairwiseSides)
            return;
        for (std::size_t i = 0; i < sides.size(); ++i)
            for (std::size_t j = i + 1; j < sides.size(); ++j)
                link_sides(sides[i], sides[j], false, out);
        return;
    }
    std::vector<std::size_t> sources, targets;
    for (std::size_t i = 0; i < sides.size(); ++i) {
        if (sides[i].roles & kSource)
            sources.push_back(i);
        if (sides[i].roles & kTarget)
            targets.push_back(i);
    }
    if (targets.empty()) {
        // Two initiators and nobody else acted upon: a mutual act between them.
        if (sources.size() == 2)
            link_sides(sides[sources[0]], sides[sources[1]], false, out);
        return;
    }
    // Each source towards each target; a pair of sides told both ways is one undirected pair.
    for (auto s : sources)
        for (auto t : targets) {
            if (s == t)
                continue;
            const bool back = (sides[t].roles & kSource) && (sides[s].roles & kTarget);
            if (back && t < s)
                continue;  // drawn once, from the other end
            link_sides(sides[s], sides[t], !back, out);
        }
}

}  // namespace diplograph
