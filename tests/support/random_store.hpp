// A random store for the tests that compare a lean loading path with the full one.
#pragma once

#include <diplograph/graph/store.hpp>

#include <fmt/format.h>

#include <random>
#include <set>
#include <vector>

namespace diplograph::test {

//! A store of a few sources, each reporting random events among up to `max_actors` actors;
//! the same event reported twice merges into one with two sources.
inline void fill(Store& store, std::mt19937& rng, int max_actors = 12) {
    std::uniform_int_distribution<int> actors_n(2, max_actors);
    const int n = actors_n(rng);
    std::vector<Entity> entities;
    for (int i = 0; i < n; ++i) {
        const bool org = i % 4 == 1;
        entities.push_back(
            Entity{org ? fmt::format("org/Q{:02}", n - i) : fmt::format("Q{:02}", n - i),
                   org ? EntityKind::organization : EntityKind::country,
                   fmt::format("Made-up actor {}", i),
                   "",
                   {}});
    }
    std::uniform_int_distribution<int> pick(0, n - 1);
    std::uniform_int_distribution<int> type(0, 4);
    std::uniform_int_distribution<int> status(0, 2);
    std::uniform_int_distribution<int> year(2018, 2025);
    std::uniform_int_distribution<int> events_n(0, 3 * n);
    const Status statuses[] = {Status::occurred, Status::planned, Status::reported};
    for (int s = 0; s < 4; ++s) {
        Batch b;
        b.source.url = fmt::format("https://example.invalid/report-{}", s);
        b.source.content_hash = stable_hash(b.source.url);
        b.entities = entities;
        const int m = events_n(rng);
        for (int i = 0; i < m; ++i) {
            Event e;
            e.type = static_cast<EventType>(type(rng));
            e.status = statuses[status(rng)];
            if (type(rng) != 0)
                e.date = *DateInterval::parse(fmt::format("{}", year(rng)));
            std::set<int> who{pick(rng), pick(rng)};
            if (type(rng) == 0)
                who.insert(pick(rng));
            for (int w : who)
                e.participants.push_back(
                    {entities[static_cast<std::size_t>(w)].id,
                     type(rng) == 0 ? ParticipantRole::initiator : ParticipantRole::participant});
            const std::string sentence = fmt::format("Invented sentence number {}.", i);
            e.evidence.push_back(
                Evidence{"", i, 0, static_cast<int64_t>(sentence.size()), sentence, "test", 0.9});
            b.events.push_back(std::move(e));
        }
        store.put(b);
    }
}

}  // namespace diplograph::test
