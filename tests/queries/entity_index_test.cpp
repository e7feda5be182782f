// The folded name index behind `entities` and the server's search box (queries/entities.hpp):
// the order of the matches (exact, whole word, start of a word, near spellings), the name or
// alias that matched, the kind, and a limit that keeps the first matches of the whole list.
#include <diplograph/queries/entities.hpp>

#include <gtest/gtest.h>

namespace diplograph {
namespace {

Entity entity(std::string id, EntityKind kind, std::string name,
              std::vector<std::pair<std::string, std::string>> aliases = {}) {
    Entity e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = std::move(name);
    for (auto& [text, lang] : aliases)
        e.aliases.push_back(Alias{text, lang});
    return e;
}

EntityIndex index() {
    return EntityIndex({
        entity("TGO", EntityKind::country, "Togo"),
        entity("RUS", EntityKind::country, "Russia", {{"Russie", "fr"}, {"Россия", "ru"}}),
        entity("CIV", EntityKind::country, "Côte d’Ivoire"),
        entity("person/vladimir-putin", EntityKind::person, "Vladimir Putin", {{"Poutine", "fr"}}),
        entity("person/vladimir-p", EntityKind::person, "Vladislav Petrov"),
        entity("org/ECOWAS", EntityKind::organization, "Economic Community of West African States",
               {{"CEDEAO", "fr"}}),
    });
}

std::vector<std::pair<std::string, std::size_t>> ids(const std::vector<EntityMatch>& matches) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto& m : matches)
        out.emplace_back(m.entity.id, m.distance);
    return out;
}

TEST(EntityIndex, OrdersExactWholeWordStartAndNearSpellings) {
    const EntityIndex names = index();
    using List = std::vector<std::pair<std::string, std::size_t>>;
    EXPECT_EQ(ids(names.find("Togo")), (List{{"TGO", 0}}));
    EXPECT_EQ(ids(names.find("Tgoo")), (List{{"TGO", 3}}));  // one swap of neighbours
    EXPECT_EQ(ids(names.find("putin")), (List{{"person/vladimir-putin", 1}}));
    EXPECT_EQ(ids(names.find("Vlad")),
              (List{{"person/vladimir-p", 2}, {"person/vladimir-putin", 2}}));
    auto poutine = names.find("Poutine");
    ASSERT_EQ(ids(poutine), (List{{"person/vladimir-putin", 0}}));
    EXPECT_EQ(poutine[0].matched, "Poutine");
    auto russie = names.find("RUSSIE");
    ASSERT_EQ(russie.size(), 1u);
    EXPECT_EQ(russie[0].matched, "Russie");
    EXPECT_EQ(names.find("россия").at(0).entity.id, "RUS");
    EXPECT_EQ(ids(names.find("cote d'ivoire")), (List{{"CIV", 0}}));
    EXPECT_EQ(ids(names.find("cedeao")), (List{{"org/ECOWAS", 0}}));
    EXPECT_EQ(ids(names.find("west african")), (List{{"org/ECOWAS", 1}}));
    EXPECT_TRUE(names.find("zzzz").empty());
}

TEST(EntityIndex, KindAndLimit) {
    const EntityIndex names = index();
    EXPECT_EQ(names.find("").size(), 6u);
    EXPECT_EQ(names.find("", EntityKind::country).size(), 3u);
    EXPECT_TRUE(names.find("Putin", EntityKind::country).empty());
    for (const std::string q : {"", "vlad", "a", "Russia", "Tgoo"}) {
        auto all = names.find(q);
        for (std::size_t limit = 1; limit <= all.size() + 1; ++limit) {
            auto first = names.find(q, std::nullopt, limit);
            ASSERT_EQ(first.size(), std::min(limit, all.size())) << q;
            for (std::size_t i = 0; i < first.size(); ++i) {
                EXPECT_EQ(first[i].entity.id, all[i].entity.id) << q;
                EXPECT_EQ(first[i].matched, all[i].matched) << q;
                EXPECT_EQ(first[i].distance, all[i].distance) << q;
            }
        }
    }
}

}  // namespace
}  // namespace diplograph
