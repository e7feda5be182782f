// Graph::restrict (the server's filtered graphs) against from_events on the kept events: the same
// actors in the same order, the same events, links, incidences and gatherings.
#include <diplograph/graph/graph.hpp>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace diplograph;

namespace {

//! Random events among `listed` actors and a few the entity list lacks ("person/…", "org/…"),
//! with directed roles, gatherings, unknown dates, several statuses and shared sources.
std::vector<StoredEvent> random_events(std::mt19937& rng, std::size_t count) {
    const std::vector<EventType> types{EventType::MEET, EventType::VISIT, EventType::AGREEMENT,
                                       EventType::AID, EventType::CONDEMN};
    const std::vector<ParticipantRole> roles{ParticipantRole::initiator,   ParticipantRole::target,
                                             ParticipantRole::participant, ParticipantRole::host,
                                             ParticipantRole::guest,       ParticipantRole::party};
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    std::vector<StoredEvent> events;
    for (std::size_t i = 0; i < count; ++i) {
        StoredEvent s;
        s.event.id = "event/" + std::to_string(i);
        s.event.type = types[pick(types.size())];
        s.event.status = static_cast<Status>(pick(4));
        if (pick(5) != 0) {
            int year = 2000 + static_cast<int>(pick(20));
            s.event.date = *DateInterval::parse(
                std::to_string(year) + (pick(2) ? "-0" + std::to_string(1 + pick(9)) : ""));
        }
        // Mostly pairs, sometimes a gathering of many.
        std::size_t people = pick(8) == 0 ? 4 + pick(6) : 2 + pick(2);
        for (std::size_t p = 0; p < people; ++p) {
            std::size_t a = pick(40);
            std::string id = a < 30   ? "C" + std::to_string(a)
                             : a < 35 ? "person/p" + std::to_string(a)
                                      : "org/o" + std::to_string(a);
            s.event.participants.push_back({id, roles[pick(roles.size())]});
        }
        for (std::size_t k = 0, n = 1 + pick(3); k < n; ++k)
            s.sources.push_back(
                Source{"source/" + std::to_string(pick(25)), "", "", "", "", "", ""});
        std::sort(s.sources.begin(), s.sources.end(),
                  [](const Source& x, const Source& y) { return x.id < y.id; });
        s.sources.erase(std::unique(s.sources.begin(), s.sources.end(),
                                    [](const Source& x, const Source& y) { return x.id == y.id; }),
                        s.sources.end());
        events.push_back(std::move(s));
    }
    return events;
}

void expect_same(const Graph& got, const Graph& want) {
    ASSERT_EQ(got.node_count(), want.node_count());
    for (NodeIndex n = 0; n < want.node_count(); ++n) {
        EXPECT_EQ(got.node(n).id, want.node(n).id) << n;
        EXPECT_EQ(got.node(n).name, want.node(n).name) << n;
        EXPECT_EQ(got.node(n).kind, want.node(n).kind) << n;
        EXPECT_EQ(got.find(want.node(n).id), std::optional<NodeIndex>(n));
        EXPECT_EQ(got.actor_events(n), want.actor_events(n)) << n;
        EXPECT_EQ(got.incident(n), want.incident(n)) << n;
    }
    ASSERT_EQ(got.events().size(), want.events().size());
    for (std::size_t e = 0; e < want.events().size(); ++e) {
        EXPECT_EQ(got.events()[e].event.id, want.events()[e].event.id);
        EXPECT_EQ(got.event_actors(e), want.event_actors(e)) << e;
    }
    EXPECT_EQ(got.gatherings(), want.gatherings());
    ASSERT_EQ(got.edges().size(), want.edges().size());
    for (std::size_t i = 0; i < want.edges().size(); ++i) {
        const ActorEdge& g = got.edges()[i];
        const ActorEdge& w = want.edges()[i];
        EXPECT_EQ(g.a, w.a) << i;
        EXPECT_EQ(g.b, w.b) << i;
        EXPECT_EQ(g.type, w.type) << i;
        EXPECT_EQ(g.directed, w.directed) << i;
        EXPECT_EQ(g.count, w.count) << i;
        EXPECT_EQ(g.first, w.first) << i;
        EXPECT_EQ(g.last, w.last) << i;
        EXPECT_EQ(g.events, w.events) << i;
        EXPECT_EQ(g.sources, w.sources) << i;
        EXPECT_EQ(g.statuses, w.statuses) << i;
    }
}

}  // namespace

TEST(GraphRestrict, EqualsTheGraphOfTheKeptEvents) {
    std::mt19937 rng(7);
    for (int round = 0; round < 12; ++round) {
        auto events = random_events(rng, 150);
        // The entity list: 30 countries, in an order that is not the ids' order.
        std::vector<Entity> listed;
        for (int i = 29; i >= 0; --i)
            listed.push_back(Entity{"C" + std::to_string(i),
                                    EntityKind::country,
                                    "Country " + std::to_string(i),
                                    "",
                                    {}});
        Graph whole = Graph::from_events(listed, events);
        std::vector<bool> is_listed(whole.node_count(), false);
        for (NodeIndex n = 0; n < whole.node_count(); ++n)
            is_listed[n] = whole.node(n).id[0] == 'C';
        // Keep nothing, everything, and random shares of the events.
        for (int share : {0, 100, 10, 50, 90}) {
            std::vector<bool> keep(events.size());
            std::vector<StoredEvent> kept;
            for (std::size_t e = 0; e < events.size(); ++e) {
                keep[e] = std::uniform_int_distribution<int>(0, 99)(rng) < share;
                if (keep[e])
                    kept.push_back(events[e]);
            }
            // What the server did before: the listed actors a kept event involves, in the
            // whole graph's order, and the kept events, built again.
            std::vector<bool> involved(whole.node_count(), false);
            for (std::size_t e = 0; e < events.size(); ++e)
                if (keep[e])
                    for (auto n : whole.event_actors(e))
                        involved[n] = true;
            std::vector<Entity> actors;
            for (NodeIndex n = 0; n < whole.node_count(); ++n)
                if (involved[n] && is_listed[n])
                    actors.push_back(
                        Entity{whole.node(n).id, whole.node(n).kind, whole.node(n).name, "", {}});
            Graph want = Graph::from_events(actors, kept);
            SCOPED_TRACE("round " + std::to_string(round) + ", share " + std::to_string(share));
            expect_same(Graph::restrict(whole, keep, is_listed), want);
        }
    }
}
