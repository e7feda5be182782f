// read_cameo_actors: TABARI/PETRARCH/Phoenix actor dictionaries, on a small file written for
// the tests and on the real Phoenix files of ../shared/dictionaries.
#include <diplograph/importers/dictionaries.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

namespace diplograph {
namespace {

using test::shared;
using test::test_data;

Dictionaries base() {
    return Dictionaries::load(DIPLOGRAPH_DATA_DIR);
}

const Role* find_role(const Dictionaries& d, const std::string& person, const std::string& of,
                      const std::string& title, const std::string& from) {
    for (const auto& r : d.roles())
        if (r.person == person && r.of == of && r.title == title && r.from.to_string() == from)
            return &r;
    return nullptr;
}

bool has_alias(const Entity& e, const std::string& text) {
    return std::any_of(e.aliases.begin(), e.aliases.end(),
                       [&](const Alias& a) { return a.text == text; });
}

class SmallFile : public ::testing::Test {
  protected:
    void SetUp() override {
        file_ = test_data("importers/data/cameo/small.actors.txt").string();
        problems_ = read_cameo_actors(file_, dict_);
    }
    std::string file_;
    Dictionaries dict_ = base();
    std::vector<std::string> problems_;
};

TEST_F(SmallFile, PersonWithAliasesAndDatedRoles) {
    const Entity* jane = dict_.entity("person/jane-quillfeather");
    ASSERT_NE(jane, nullptr);
    EXPECT_EQ(jane->kind, EntityKind::person);
    EXPECT_EQ(jane->name, "Jane Quillfeather");
    EXPECT_EQ(jane->country, "TGO");
    EXPECT_TRUE(has_alias(*jane, "President Quillfeather"));
    EXPECT_EQ(dict_.person_by_name("president quillfeather"), jane);

    // [TGOGOV >050504]: from 2005-05-04, still in office
    const Role* gov = find_role(dict_, jane->id, "TGO", "government", "2005-05-04");
    ASSERT_NE(gov, nullptr);
    EXPECT_FALSE(gov->to.valid());
    // [TGOELI 990101-050503]: a range, two-digit years 99 → 1999 and 05 → 2005
    const Role* eli = find_role(dict_, jane->id, "TGO", "elite", "1999-01-01");
    ASSERT_NE(eli, nullptr);
    EXPECT_EQ(eli->to.to_string(), "2005-05-03");
    // [TGOMIL <19981231]: until an eight-digit date
    const Role* mil = find_role(dict_, jane->id, "TGO", "military", "");
    ASSERT_NE(mil, nullptr);
    EXPECT_EQ(mil->to.to_string(), "1998-12-31");
    // GOVBUS: a government ministry, still "government"
    const Role* bus = find_role(dict_, jane->id, "TGO", "government", "2001-01-01");
    ASSERT_NE(bus, nullptr);
    EXPECT_EQ(bus->to.to_string(), "2003-06-15");
    EXPECT_EQ(dict_.roles_of(jane->id).size(), 4u);
}

TEST_F(SmallFile, CodesOnTheNameLine) {
    const Entity* otto = dict_.entity("person/otto-bramblewick");
    ASSERT_NE(otto, nullptr);
    EXPECT_NE(find_role(dict_, otto->id, "RUS", "government", "2012-05-07"), nullptr);
    EXPECT_NE(find_role(dict_, otto->id, "RUS", "elite", "2018-05-08"), nullptr);
    EXPECT_EQ(otto->country, "RUS");
}

TEST_F(SmallFile, BareCountryCodeNamesTheCountry) {
    const Entity* tgo = dict_.country("TGO");
    ASSERT_NE(tgo, nullptr);
    EXPECT_TRUE(has_alias(*tgo, "Republic Of Zembla"));
    EXPECT_TRUE(has_alias(*tgo, "Zembla"));
    EXPECT_EQ(dict_.entity("person/republic-of-zembla"), nullptr);
}

TEST_F(SmallFile, IgoCodesMakeOrganisationsAndRoles) {
    const Entity* order = dict_.entity("org/the-order-of-common-lanterns");
    ASSERT_NE(order, nullptr);
    EXPECT_EQ(order->kind, EntityKind::organization);
    EXPECT_TRUE(has_alias(*order, "Ocl"));
    const Entity* pim = dict_.entity("person/counsellor-pim-orway");
    ASSERT_NE(pim, nullptr);
    const Role* un = find_role(dict_, pim->id, "org/UN", "official", "2007-01-01");
    ASSERT_NE(un, nullptr);
    EXPECT_EQ(un->to.to_string(), "2016-12-31");
    EXPECT_EQ(pim->country, "NLD");
}

TEST_F(SmallFile, AgentsAndInstitutionsAreLeftOut) {
    EXPECT_EQ(dict_.entity("person/farmhand"), nullptr);
    EXPECT_EQ(dict_.entity("person/harbour-guard-of-zembla"), nullptr);
}

TEST_F(SmallFile, MalformedLinesAreReportedAndSkipped) {
    std::vector<std::string> expected = {
        file_ +
            ": line 17: date \"9008223\" in [FRAGOV 9008223-911221]: expected YYMMDD or "
            "YYYYMMDD",
        file_ +
            ": line 18: [FRAGOV 930101]: a date needs '>' (from), '<' (until) or '-' (a "
            "range): [FRAGOV >930101]",
        file_ + ": line 19: [FRAOPP 930101-920101]: the range ends before it starts",
        file_ +
            ": line 20: date \"931301\" in [FRALEG 931301-940101]: expected YYMMDD or "
            "YYYYMMDD",
        file_ + ": line 22: \"[FRAMED\": '[' without ']'",
        file_ + ": line 23: not valid UTF-8; the line is skipped (save the file as UTF-8)",
        file_ + ": line 25: not valid UTF-8; the line is skipped (save the file as UTF-8)",
    };
    EXPECT_EQ(problems_, expected);

    // The good line of the block with bad lines is kept, with its accented name.
    const Entity* mara = dict_.entity("person/mara-elodie-vantroux");
    ASSERT_NE(mara, nullptr);
    EXPECT_EQ(mara->name, "Mara Élodie Vantroux");
    auto roles = dict_.roles_of(mara->id);
    ASSERT_EQ(roles.size(), 1u);
    EXPECT_EQ(roles[0].from.to_string(), "1994-01-01");
    // The actor whose name line is not UTF-8 is dropped with its codes, not given to Mara.
    auto deu_roles = [](const Dictionaries& d) {
        return std::count_if(d.roles().begin(), d.roles().end(),
                             [](const Role& r) { return r.of == "DEU"; });
    };
    EXPECT_EQ(deu_roles(dict_), deu_roles(base()));  // data/'s German office holders only
}

TEST(CameoActors, AddFileRoutesTxtAndKeepsWarnings) {
    Dictionaries d = base();
    auto file = test_data("importers/data/cameo/small.actors.txt");
    auto warnings = d.add_file(file);
    EXPECT_EQ(warnings.size(), 7u);
    EXPECT_EQ(d.warnings(), warnings);
    EXPECT_NE(d.entity("person/jane-quillfeather"), nullptr);

    Dictionaries loaded = Dictionaries::load(DIPLOGRAPH_DATA_DIR, {file});
    EXPECT_EQ(loaded.warnings().size(), 7u);
    EXPECT_NE(loaded.entity("person/otto-bramblewick"), nullptr);
}

TEST(CameoActors, MissingFileIsAnError) {
    Dictionaries d = base();
    EXPECT_THROW(read_cameo_actors("/nonexistent/none.actors.txt", d), DictionaryError);
}

// The real Phoenix dictionaries of ../shared: skipped when it is absent, failed under
// DIPLOGRAPH_REQUIRE_SHARED=1.
TEST(CameoActorsPhoenix, CountriesFile) {
    auto file = shared("dictionaries/phoenix/Phoenix.Countries.actors.txt");
    SKIP_WITHOUT_SHARED(file);
    Dictionaries d = base();
    auto start = std::chrono::steady_clock::now();
    auto problems = read_cameo_actors(file, d);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::cout << file.filename().string() << ": " << d.roles().size() << " roles, "
              << problems.size() << " problems, " << ms << " ms\n";
    for (const auto& p : problems)
        std::cout << "  " << p << "\n";

    const Entity* putin = d.entity("person/vladimir-putin");
    ASSERT_NE(putin, nullptr);
    EXPECT_EQ(putin->name, "Vladimir Putin");
    EXPECT_EQ(putin->country, "RUS");
    EXPECT_EQ(d.person_by_name("Putin"), nullptr);  // a surname alone is not a full name
    EXPECT_EQ(d.person_by_name("vladimir vladimirovich putin"), putin);
    // [RUSGOV 991231-080507]: the government role he held from 2000 on
    const Role* gov = find_role(d, putin->id, "RUS", "government", "1999-12-31");
    ASSERT_NE(gov, nullptr);
    EXPECT_EQ(gov->to.to_string(), "2008-05-07");
    EXPECT_NE(find_role(d, putin->id, "RUS", "government", "2008-05-08"), nullptr);

    const Entity* faure = d.entity("person/faure-gnassingbe");
    ASSERT_NE(faure, nullptr);
    EXPECT_EQ(faure->country, "TGO");
    // RUSSIAN_FEDERATION_ [RUS] and its aliases name the country
    EXPECT_TRUE(has_alias(*d.country("RUS"), "Rossija"));

    EXPECT_GT(problems.size(), 0u);
    EXPECT_LT(problems.size(), 50u);
    EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const std::string& p) {
        return p.find("\"9008223\"") != std::string::npos;
    }));
    EXPECT_GT(d.roles().size(), 20000u);
}

TEST(CameoActorsPhoenix, InternationalAndAgentsFiles) {
    auto intl = shared("dictionaries/phoenix/Phoenix.International.actors.txt");
    auto agents = shared("dictionaries/phoenix/Phoenix.agents.txt");
    SKIP_WITHOUT_SHARED(intl);
    SKIP_WITHOUT_SHARED(agents);
    Dictionaries d = base();
    auto problems = read_cameo_actors(intl, d);
    EXPECT_LT(problems.size(), 50u);
    const Entity* ban = d.entity("person/secretary-general-ban-ki-moon");
    ASSERT_NE(ban, nullptr);
    bool un = false;
    for (const auto& r : d.roles_of(ban->id))
        un = un || (r.of == "org/UN" && r.from.to_string() == "2007-01-01");
    EXPECT_TRUE(un);

    std::size_t people = 0;
    for (const auto& [id, e] : d.entities())
        people += e.kind == EntityKind::person;
    auto agent_problems = read_cameo_actors(agents, d);
    std::size_t people_after = 0;
    for (const auto& [id, e] : d.entities())
        people_after += e.kind == EntityKind::person;
    EXPECT_EQ(people_after, people);  // agents ([~GOV]) are not people
    EXPECT_LT(agent_problems.size(), 10u);
}

}  // namespace
}  // namespace diplograph
