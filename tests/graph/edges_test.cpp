// The actor view drawn from roles (edges.hpp): who is linked to whom by one event.
#include <diplograph/graph/algorithms.hpp>
#include <diplograph/graph/edges.hpp>
#include <diplograph/graph/graph.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace diplograph {
namespace {

constexpr uint8_t kInitiator = role_bit(ParticipantRole::initiator);
constexpr uint8_t kTarget = role_bit(ParticipantRole::target);
constexpr uint8_t kPlain = role_bit(ParticipantRole::participant);

std::vector<EventPair> pairs_of(EventType type, std::vector<EventMember> members) {
    std::vector<EventPair> out;
    event_pairs(type, members, out);
    std::sort(out.begin(), out.end());
    return out;
}

TEST(EventPairs, ThreeEmbassiesLinkTheOpenerToEachHostAndNeverTheHostsTogether) {
    // Denmark (0) opens embassies in Rwanda (1), Senegal (2) and Tunisia (3).
    auto got = pairs_of(EventType::EMBASSY_OPEN,
                        {{0, 0, kInitiator}, {1, 1, kTarget}, {2, 2, kTarget}, {3, 3, kTarget}});
    std::vector<EventPair> expected{{0, 1, true}, {0, 2, true}, {0, 3, true}};
    EXPECT_EQ(got, expected);
    EXPECT_FALSE(is_gathering(EventType::EMBASSY_OPEN, std::vector<EventMember>{{0, 0, kInitiator},
                                                                                {1, 1, kTarget},
                                                                                {2, 2, kTarget},
                                                                                {3, 3, kTarget},
                                                                                {4, 4, kTarget},
                                                                                {5, 5, kTarget}}));
}

TEST(EventPairs, AJointActLinksEachInitiatorToTheTargetNotTheInitiatorsTogether) {
    // Mali (0) and Niger (1), allies, sever relations with Ukraine (2).
    auto got = pairs_of(EventType::RELATIONS_SEVER,
                        {{0, 0, kInitiator}, {1, 1, kInitiator}, {2, 2, kTarget}});
    std::vector<EventPair> expected{{0, 2, true}, {1, 2, true}};
    EXPECT_EQ(got, expected);
}

TEST(EventPairs, TheDirectionGoesFromInitiatorToTargetWhateverTheNumbering) {
    auto got = pairs_of(EventType::SANCTION, {{0, 0, kTarget}, {1, 1, kInitiator}});
    std::vector<EventPair> expected{{1, 0, true}};
    EXPECT_EQ(got, expected);
    // A visit: the guest goes to the host.
    got = pairs_of(EventType::VISIT, {{0, 0, role_bit(ParticipantRole::host)},
                                      {1, 1, role_bit(ParticipantRole::guest)}});
    EXPECT_EQ(got, expected);
}

TEST(EventPairs, AMutualActIsOneUndirectedPair) {
    // Moscow (0) and Lomé (1) agree to reopen their embassies: two initiators, no target.
    std::vector<EventPair> expected{{0, 1, false}};
    EXPECT_EQ(pairs_of(EventType::EMBASSY_REOPEN, {{0, 0, kInitiator}, {1, 1, kInitiator}}),
              expected);
    // Each both initiator and target: told both ways.
    EXPECT_EQ(pairs_of(EventType::EXPEL_DIPLOMATS,
                       {{1, 1, kInitiator | kTarget}, {0, 0, kInitiator | kTarget}}),
              expected);
    // Three initiators and no target: nobody acted upon, nothing linked.
    EXPECT_TRUE(
        pairs_of(EventType::CONDEMN, {{0, 0, kInitiator}, {1, 1, kInitiator}, {2, 2, kInitiator}})
            .empty());
}

TEST(EventPairs, TargetsWithoutInitiatorLinkNothing) {
    EXPECT_TRUE(pairs_of(EventType::EMBASSY_OPEN, {{1, 1, kTarget}, {2, 2, kTarget}}).empty());
}

TEST(EventPairs, ADirectedTypeWithoutRolesIsReadWithoutDirection) {
    std::vector<EventPair> expected{{0, 1, false}};
    EXPECT_EQ(pairs_of(EventType::SANCTION, {{0, 0, kPlain}, {1, 1, kPlain}}), expected);
}

TEST(EventPairs, ASymmetricEventLinksEachPairOfSidesButNotAPersonToHerCountry) {
    // Togo (0) with Faure Gnassingbé (2) meets Russia (1) with Vladimir Putin (3).
    auto got =
        pairs_of(EventType::MEET, {{0, 0, kPlain}, {1, 1, kPlain}, {2, 0, kPlain}, {3, 1, kPlain}});
    std::vector<EventPair> expected{{0, 1, false}, {0, 3, false}, {1, 2, false}, {2, 3, false}};
    EXPECT_EQ(got, expected);
}

TEST(EventPairs, PeopleTakeTheSideOfTheirCountryInADirectedEvent) {
    // Togo (0) and its president (2) thank Russia (1).
    auto got = pairs_of(EventType::SUPPORT, {{0, 0, kInitiator}, {1, 1, kTarget}, {2, 0, kPlain}});
    std::vector<EventPair> expected{{0, 1, true}, {2, 1, true}};
    EXPECT_EQ(got, expected);
}

TEST(EventPairs, AGatheringOfMoreThanFourSidesIsNoClique) {
    std::vector<EventMember> four, five;
    for (uint32_t i = 0; i < 5; ++i) {
        if (i < 4)
            four.push_back({i, i, kPlain});
        five.push_back({i, i, kPlain});
    }
    EXPECT_EQ(pairs_of(EventType::MEET, four).size(), 6u);
    EXPECT_FALSE(is_gathering(EventType::MEET, four));
    EXPECT_TRUE(pairs_of(EventType::MEET, five).empty());
    EXPECT_TRUE(is_gathering(EventType::MEET, five));
    // A leader with her country is one side: four countries and a leader still link.
    four.push_back({9, 0, kPlain});
    EXPECT_FALSE(is_gathering(EventType::MEET, four));
    EXPECT_EQ(pairs_of(EventType::MEET, four).size(), 9u);
}

StoredEvent event(std::string id, EventType type, std::vector<Participant> parts) {
    StoredEvent e;
    e.event.id = std::move(id);
    e.event.type = type;
    e.event.participants = std::move(parts);
    return e;
}

TEST(ActorView, ThreeEmbassiesDrawNoDirectLinkBetweenTheHosts) {
    std::vector<Entity> actors{{"DNK", EntityKind::country, "Denmark", "", {}},
                               {"RWA", EntityKind::country, "Rwanda", "", {}},
                               {"SEN", EntityKind::country, "Senegal", "", {}},
                               {"TUN", EntityKind::country, "Tunisia", "", {}}};
    using R = ParticipantRole;
    Graph g = Graph::from_events(
        actors,
        {event(
            "event/1", EventType::EMBASSY_OPEN,
            {{"DNK", R::initiator}, {"RWA", R::target}, {"SEN", R::target}, {"TUN", R::target}})});
    ASSERT_EQ(g.edges().size(), 3u);
    for (const auto& e : g.edges()) {
        EXPECT_TRUE(e.directed);
        EXPECT_EQ(g.node(e.a).id, "DNK");
    }
    auto path = algo::shortest_path(g, *g.find("SEN"), *g.find("TUN"));
    ASSERT_EQ(path.size(), 3u);
    EXPECT_EQ(g.node(path[1]).id, "DNK");
    EXPECT_TRUE(g.gatherings().empty());
}

TEST(ActorView, ASummitIsAGatheringAndItsMembersAreNotNeighbours) {
    std::vector<Entity> actors;
    std::vector<Participant> parts;
    for (std::string id : {"AAA", "BBB", "CCC", "DDD", "EEE", "FFF"}) {
        actors.push_back({id, EntityKind::country, id, "", {}});
        parts.push_back({id, ParticipantRole::participant});
    }
    Graph g = Graph::from_events(actors, {event("event/s", EventType::MEET, parts)});
    EXPECT_TRUE(g.edges().empty());
    ASSERT_EQ(g.gatherings().size(), 1u);
    EXPECT_EQ(g.event_actors(g.gatherings()[0]).size(), 6u);
}

TEST(ActorView, OneEdgePerPairDirectionAndType) {
    std::vector<Entity> actors{{"NIC", EntityKind::country, "Nicaragua", "", {}},
                               {"USA", EntityKind::country, "United States", "", {}}};
    using R = ParticipantRole;
    Graph g = Graph::from_events(
        actors,
        {event("event/1", EventType::SANCTION, {{"USA", R::initiator}, {"NIC", R::target}}),
         event("event/2", EventType::SANCTION, {{"USA", R::initiator}, {"NIC", R::target}}),
         event("event/3", EventType::CONDEMN, {{"NIC", R::initiator}, {"USA", R::target}}),
         event("event/4", EventType::MEET, {{"NIC", R::participant}, {"USA", R::participant}})});
    ASSERT_EQ(g.edges().size(), 3u);
    int checked = 0;
    for (const auto& e : g.edges()) {
        if (e.type == EventType::SANCTION) {
            EXPECT_EQ(g.node(e.a).id, "USA");
            EXPECT_TRUE(e.directed);
            EXPECT_EQ(e.count, 2);
            ++checked;
        } else if (e.type == EventType::CONDEMN) {
            EXPECT_EQ(g.node(e.a).id, "NIC");
            EXPECT_TRUE(e.directed);
            ++checked;
        } else {
            EXPECT_FALSE(e.directed);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace diplograph
