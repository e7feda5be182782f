// Every article of the corpora imports into one store, and a second import changes nothing.
#include <diplograph/graph/store.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

using namespace diplograph;
using namespace diplograph::test;

TEST(CorpusImport, EveryArticleOfBothCorporaIsStored) {
    auto dev = shared("corpus/dev/articles");
    ASSERT_TRUE(std::filesystem::is_directory(dev)) << dev << " is missing";
    TempDir dir;
    std::string db = (dir / "c.db").string();
    auto first = run_diplograph(
        {"--db", db, "import", dev.string(), test_data("corpus/own/articles").string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.out.rfind("41 imported, 0 skipped", 0), 0u) << first.out;
    std::string before = Store::open_existing(db).dump();
    auto second = run_diplograph({"--db", db, "import", dev.string()});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(Store::open_existing(db).dump(), before);
}

TEST(CorpusImport, RolesMayNameCountriesThatAreNoFindings) {
    TempDir dir;
    Store store(dir / "r.db");
    Batch b;
    b.source.url = "https://x.example/1";
    b.source.content_hash = "1";
    b.entities = {Entity{"person/someone", EntityKind::person, "Someone", "SYR", {}}};
    b.context = {Entity{"SYR", EntityKind::country, "Syria", "", {}}};
    b.roles = {
        Role{"person/someone", "head of state", "SYR", {2000, 7, 17}, {2024, 12, 8}, std::nullopt}};
    store.put(b);
    EXPECT_EQ(store.roles_of("person/someone").size(), 1u);
    EXPECT_EQ(store.entity("SYR")->name, "Syria");
}
