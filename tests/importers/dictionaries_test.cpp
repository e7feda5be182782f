#include <diplograph/importers/dictionaries.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

using namespace diplograph;
using diplograph::test::test_data;

namespace {
const Dictionaries& data() {
    static Dictionaries d = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
    return d;
}
std::string error_of(const std::filesystem::path& file) {
    Dictionaries d = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
    try {
        d.add_file(file);
    } catch (const DictionaryError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Dictionaries, EveryIsoCountryWithFrenchAndEnglishNames) {
    const Entity* togo = data().country("TGO");
    ASSERT_NE(togo, nullptr);
    EXPECT_EQ(togo->name, "Togo");
    EXPECT_EQ(data().country("RUS")->name, "Russia");
    int countries = 0;
    for (const auto& [id, e] : data().entities())
        countries += e.kind == EntityKind::country;
    EXPECT_GE(countries, 249);
    bool moscou = false, russe = false;
    for (const auto& n : data().names()) {
        if (n.entity != "RUS")
            continue;
        moscou |= n.text == "Moscou" && n.kind == NameKind::capital;
        russe |= n.text == "russe" && n.kind == NameKind::adj && n.lang == "fr";
    }
    EXPECT_TRUE(moscou);
    EXPECT_TRUE(russe);
}

TEST(Dictionaries, OrganisationsByAnyAcronym) {
    const Entity* ecowas = data().organization("CEDEAO");
    ASSERT_NE(ecowas, nullptr);
    EXPECT_EQ(ecowas->id, "org/ECOWAS");
    EXPECT_EQ(data().organization("ECOWAS"), ecowas);
    EXPECT_EQ(data().organization("OTAN")->id, "org/NATO");
    auto aes = data().members("org/AES");
    EXPECT_EQ(aes.size(), 3u);
}

TEST(Dictionaries, SuggestsTheClosestCountryCode) {
    EXPECT_EQ(data().suggest_country("RUX"), " (did you mean RUS?)");
    EXPECT_EQ(data().suggest_country("tgo"), " (did you mean TGO?)");
    EXPECT_EQ(data().suggest_country("QQQQQ"), "");
}

TEST(Dictionaries, ErrorsNameTheFileTheLineAndTheEntry) {
    auto file = test_data("importers/data/bad_country_people.tsv");
    EXPECT_EQ(
        error_of(file),
        file.string() + ": line 1: country \"RUX\": no such country code (did you mean RUS?)");
    auto dates = test_data("importers/data/bad_date_roles.tsv");
    Dictionaries d = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
    d.add_file(test_data("importers/data/fixture_people.tsv"));
    try {
        d.add_file(dates);
        FAIL();
    } catch (const DictionaryError& e) {
        EXPECT_EQ(
            std::string(e.what()),
            dates.string() + ": line 1: date \"2025-13-40\": expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
}

TEST(Dictionaries, NameOrderIsData) {
    EXPECT_TRUE(data().family_name_first("CHN"));
    EXPECT_TRUE(data().family_name_first("KOR"));
    EXPECT_FALSE(data().family_name_first("TGO"));
    EXPECT_FALSE(data().family_name_first("VNM"));
    test::TempDir dir;
    Dictionaries d = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
    d.add_file(dir.write("extra_countries.tsv", "VNM\t*\tnaming\tfamily-first\n"));
    EXPECT_TRUE(d.family_name_first("VNM"));
    auto bad = dir.write("bad_countries.tsv", "TGO\tfr\tname\tTogo\nVNM\t*\tnaming\tlast\n");
    EXPECT_EQ(error_of(bad), bad.string() + ": line 2: naming \"last\": expected family-first");
}

TEST(Dictionaries, HolderOfATitleDependsOnTheDate) {
    // Only the fixtures' office holders, so that the real ones of data/ do not interfere.
    Dictionaries d;
    d.add_file(std::filesystem::path(DIPLOGRAPH_DATA_DIR) / "iso3166.tsv");
    d.add_file(test_data("importers/data/fixture_people.tsv"));
    d.add_file(test_data("importers/data/fixture_roles.tsv"));
    const Entity* in_2020 = d.holder("foreign minister", "GBR", {2020, 5, 1});
    ASSERT_NE(in_2020, nullptr);
    EXPECT_EQ(in_2020->id, "person/ada-lovelace");
    EXPECT_EQ(d.holder("foreign minister", "GBR", {2022, 1, 1}), nullptr);
    EXPECT_EQ(d.holder("head of state", "GBR", {2022, 1, 1})->id, "person/ada-lovelace");
    EXPECT_EQ(d.holder("foreign minister", "FRA", {2021, 7, 1})->id, "person/jean-dupont");
    EXPECT_EQ(d.holder("foreign minister", "FRA", {2021, 6, 30}), nullptr);
    EXPECT_EQ(d.person_by_name("augusta ada KING")->id, "person/ada-lovelace");
    EXPECT_EQ(d.person_by_name("Lovelace"), nullptr);  // a surname alone is not a full name
}

TEST(Dictionaries, RefusesAMissingDataDirectoryAndUnknownFiles) {
    EXPECT_THROW(Dictionaries::load("/nonexistent/diplograph-data"), DictionaryError);
    diplograph::test::TempDir dir;
    auto odd = dir.write("notes.tsv", "a\tb\n");
    EXPECT_NE(error_of(odd).find("unknown kind of dictionary"), std::string::npos);
    auto wrong = dir.write("my_countries.tsv", "TGO\tfr\tname\n");
    EXPECT_EQ(error_of(wrong), wrong.string() + ": line 1: TGO: empty text");
    auto cols = dir.write("more_countries.tsv", "TGO\tfr\tname\tTogo\textra\tcolumn\n");
    EXPECT_EQ(error_of(cols), cols.string() + ": line 1: 6 columns, expected 4 separated by tabs");
}
