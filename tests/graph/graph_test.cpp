#include <diplograph/graph/graph.hpp>
#include <diplograph/graph/fold.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace diplograph;

namespace {

StoredEvent stored(EventType type, std::vector<std::string> actors, const std::string& date,
                   std::vector<std::string> sources, Status status = Status::occurred) {
    StoredEvent s;
    s.event.type = type;
    s.event.status = status;
    if (!date.empty())
        s.event.date = *DateInterval::parse(date);
    for (auto& a : actors)
        s.event.participants.push_back({a, ParticipantRole::participant});
    for (auto& src : sources)
        s.sources.push_back(Source{src, "", "", "", "", "", ""});
    return s;
}

std::vector<Entity> actors(std::vector<std::string> ids) {
    std::vector<Entity> out;
    for (auto& id : ids)
        out.push_back(Entity{id, EntityKind::country, id, "", {}});
    return out;
}

}  // namespace

TEST(Graph, ActorViewHasOneEdgePerPairAndType) {
    auto g = Graph::from_events(
        actors({"TGO", "RUS", "MLI"}),
        {stored(EventType::MEET, {"TGO", "RUS"}, "2025-11-19", {"s1"}),
         stored(EventType::MEET, {"RUS", "TGO"}, "2024-02", {"s2", "s3"}),
         stored(EventType::AGREEMENT, {"TGO", "RUS"}, "", {"s1"}, Status::agreed),
         stored(EventType::VISIT, {"MLI", "RUS"}, "2025-06-23", {"s4"})});
    ASSERT_EQ(g.edges().size(), 3u);
    auto tgo = *g.find("TGO");
    auto rus = *g.find("RUS");
    const ActorEdge* meet = nullptr;
    for (auto e : g.incident(tgo))
        if (g.edges()[e].type == EventType::MEET)
            meet = &g.edges()[e];
    ASSERT_NE(meet, nullptr);
    EXPECT_EQ(meet->count, 2);
    EXPECT_EQ(meet->first, (Date{2024, 2, 1}));
    EXPECT_EQ(meet->last, (Date{2025, 11, 19}));
    EXPECT_EQ(meet->sources, 3);
    EXPECT_EQ(meet->events.size(), 2u);
    EXPECT_EQ(g.neighbours(rus).size(), 2u);
    EXPECT_EQ(g.neighbours(tgo), std::vector<NodeIndex>{rus});
    EXPECT_EQ(g.actor_events(rus).size(), 4u);
}

TEST(Graph, EdgeRecordsEveryStatus) {
    auto g = Graph::from_events(
        actors({"A", "B"}), {stored(EventType::MEET, {"A", "B"}, "2025", {"s"}, Status::planned),
                             stored(EventType::MEET, {"A", "B"}, "2025", {"s"}, Status::occurred)});
    ASSERT_EQ(g.edges().size(), 1u);
    EXPECT_EQ(g.edges()[0].statuses, (std::vector<Status>{Status::occurred, Status::planned}));
    EXPECT_EQ(g.edges()[0].sources, 1);
}

TEST(Graph, UnknownActorStillGetsANode) {
    auto g = Graph::from_events({}, {stored(EventType::MEET, {"org/AU", "person/x"}, "", {"s"})});
    ASSERT_EQ(g.node_count(), 2u);
    EXPECT_EQ(g.node(*g.find("org/AU")).kind, EntityKind::organization);
    EXPECT_EQ(g.node(*g.find("person/x")).kind, EntityKind::person);
}

TEST(Graph, LoadsAFilteredStore) {
    diplograph::test::TempDir dir;
    Store store(dir / "g.db");
    Batch b;
    b.source.url = "https://a";
    b.source.content_hash = "1";
    b.entities = actors({"TGO", "RUS", "MLI"});
    Event meet;
    meet.type = EventType::MEET;
    meet.date = *DateInterval::parse("2025-11-19");
    meet.participants = {{"TGO", ParticipantRole::participant},
                         {"RUS", ParticipantRole::participant}};
    Event visit = meet;
    visit.type = EventType::VISIT;
    visit.date = *DateInterval::parse("2023");
    visit.participants = {{"MLI", ParticipantRole::initiator}, {"RUS", ParticipantRole::target}};
    b.events = {meet, visit};
    store.put(b);
    auto all = Graph::load(store);
    EXPECT_EQ(all.node_count(), 3u);
    EXPECT_EQ(all.edges().size(), 2u);
    Filter f;
    f.since = Date{2025, 1, 1};
    auto recent = Graph::load(store, f);
    EXPECT_EQ(recent.node_count(), 2u);
    EXPECT_FALSE(recent.find("MLI"));
    EXPECT_EQ(recent.node(*recent.find("TGO")).name, "TGO");
}

TEST(Fold, IgnoresCaseAccentsAndTypography) {
    EXPECT_EQ(fold("Côte-d’Ivoire"), "cote d'ivoire");
    EXPECT_EQ(fold("  ÉTATS-UNIS "), "etats unis");
    EXPECT_EQ(fold("Erdoğan"), "erdogan");
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("İstanbul"), "istanbul");
    EXPECT_EQ(fold("ﬁnance"), "finance");
    EXPECT_EQ(fold("Œuvre"), "œuvre");
}

// fold() works one code point at a time with what it folded before; it must give what ICU
// gives folding the whole text.
TEST(Fold, CodePointByCodePointEqualsIcuOnTheWholeText) {
    const std::vector<std::string> texts = {"",
                                            " ",
                                            "  -  ",
                                            "Togo",
                                            "  ÉTATS-UNIS ",
                                            "Côte-d’Ivoire",
                                            "d`Ivoire",
                                            "l´Élysée",
                                            "ﬁnance Œuvre æther Æsir",
                                            "İstanbul ıspanak DİYARBAKIR",
                                            "Straße STRASSE ẞ",
                                            "ΟΔΥΣΣΕΥΣ σοφός",
                                            "Москва Ёлка",
                                            "北京 東京",
                                            "Ａｂｃ １２３ ㎏ ½",
                                            "e\xCC\x81te\xCC\x81",
                                            "\xCC\x81 alone",
                                            "a\xC2\xA0"
                                            "b\xE2\x80\x83"
                                            "c\xE3\x80\x80"
                                            "d",
                                            "x\xE2\x80\x93y\xE2\x80\x94z",
                                            "non\xE2\x80\x91"
                                            "breaking",
                                            "\xC2\xA8 diaeresis",
                                            "\xEF\xB7\xBA",
                                            "tab\tnew\nline\r\v\f",
                                            "\x1C\x1D\x1E\x1F",
                                            "emoji \xF0\x9F\x98\x80 !",
                                            "ŉ ǅ ǲ ﬀ",
                                            "a\x80"
                                            "b",
                                            "\xC3(",
                                            "x\xED\xA0\x80y",
                                            std::string("nul\0byte", 8),
                                            "---Togo---",
                                            "Guinée-Bissau",
                                            "Sao Tomé-et-Príncipe"};
    for (const auto& t : texts)
        EXPECT_EQ(fold(t), detail::fold_whole(t)) << t;
    // Random mixtures of those texts' code points and bytes, cut anywhere.
    std::string pool;
    for (const auto& t : texts)
        pool += t;
    std::mt19937 rng(7);
    for (int n = 0; n < 2000; ++n) {
        std::string t;
        std::size_t len = rng() % 24;
        for (std::size_t k = 0; k < len; ++k) {
            std::size_t at = rng() % pool.size();
            t += pool.substr(at, 1 + rng() % 4);
        }
        ASSERT_EQ(fold(t), detail::fold_whole(t)) << t;
    }
}

TEST(Fold, EditDistanceCountsCodePoints) {
    EXPECT_EQ(edit_distance("Tgoo", "Togo"), 2u);
    EXPECT_EQ(edit_distance("é", "e"), 1u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
}
