// Filter::among_actors: the events in which two of the actors named take part, read through
// event_pairs, against the same events picked from a full read.
#include "support/random_store.hpp"
#include "support/support.hpp"

#include <diplograph/graph/store.hpp>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace diplograph {
namespace {

std::string ids_of(const std::vector<StoredEvent>& events) {
    std::string out;
    for (const auto& e : events) {
        out += e.event.id + ":";
        for (const auto& p : e.event.participants)
            out += " " + p.actor;
        out +=
            fmt::format(" ({} sources, {} evidence)\n", e.sources.size(), e.event.evidence.size());
    }
    return out;
}

TEST(Among, ReadsTheEventsOfTwoOfTheActorsAsAFullReadFindsThem) {
    std::mt19937 rng(77);
    int compared = 0, found = 0;
    for (int s = 0; s < 8; ++s) {
        test::TempDir dir;
        Store store(dir / "t.db");
        test::fill(store, rng, 14);
        const auto all = store.events();
        std::vector<std::string> actors;
        for (const auto& e : store.entities())
            actors.push_back(e.id);
        for (std::size_t take = 1; take <= actors.size(); take += 2) {
            std::vector<std::string> some = actors;
            std::shuffle(some.begin(), some.end(), rng);
            some.resize(take);
            for (bool occurred : {false, true}) {
                Filter f;
                f.actors = some;
                f.among_actors = true;
                if (occurred)
                    f.statuses = {Status::occurred};
                std::vector<StoredEvent> expected;
                for (const auto& e : all) {
                    std::set<std::string> in;
                    for (const auto& p : e.event.participants)
                        if (std::find(some.begin(), some.end(), p.actor) != some.end())
                            in.insert(p.actor);
                    if (in.size() >= 2 && (!occurred || e.event.status == Status::occurred))
                        expected.push_back(e);
                }
                const auto got = store.events(f);
                EXPECT_EQ(ids_of(got), ids_of(expected)) << fmt::format("store {}", s);
                // Filter::accepts agrees with the read.
                for (const auto& e : all)
                    EXPECT_EQ(f.accepts(e),
                              std::any_of(expected.begin(), expected.end(),
                                          [&](const auto& x) { return x.event.id == e.event.id; }));
                found += static_cast<int>(got.size());
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 40);
    EXPECT_GT(found, 100);
}

TEST(Among, TheLeanReadsRefuseIt) {
    test::TempDir dir;
    Store store(dir / "t.db");
    Filter f;
    f.actors = {"A", "B"};
    f.among_actors = true;
    EXPECT_FALSE(store.event_links(f));
    EXPECT_FALSE(store.partners(f));
}

}  // namespace
}  // namespace diplograph
