// Every article of the corpora imports into one store, and a second import changes nothing.
#include <diplograph/graph/store.hpp>

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using namespace diplograph;
using namespace diplograph::test;

TEST(CorpusImport, EveryArticleOfBothCorporaIsStored) {
    auto dev = shared("corpus/dev/articles");
    SKIP_WITHOUT_SHARED(dev);
    TempDir dir;
    std::string db = (dir / "c.db").string();
    auto first = run_diplograph(
        {"--db", db, "import", dev.string(), test_data("corpus/own/articles").string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    std::size_t files = 0;
    for (const auto& d : {dev, test_data("corpus/own/articles")})
        for (const auto& f : std::filesystem::directory_iterator(d))
            files += f.path().extension() == ".txt" ? 1 : 0;
    ASSERT_GE(files, 41u);  // 25 dev articles and at least our first 16
    EXPECT_EQ(first.out.rfind(std::to_string(files) + " imported, 0 skipped", 0), 0u) << first.out;
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
