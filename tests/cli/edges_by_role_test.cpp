// The actor view drawn from roles, end to end on the dev corpus (../shared/corpus/dev): Denmark
// opening embassies in Rwanda, Senegal and Tunisia links Denmark to each, never two of them.
#include "support/support.hpp"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>

namespace diplograph::test {
namespace {

bool require_shared() {
    const char* v = std::getenv("DIPLOGRAPH_REQUIRE_SHARED");
    return v && std::string(v) == "1";
}

TEST(EdgesByRole, DevCorpusPathFromSenegalToTunisiaHasNoDirectLink) {
    auto dev = shared("corpus/dev/articles");
    if (!std::filesystem::is_directory(dev)) {
        if (require_shared())
            FAIL() << dev << " is missing (DIPLOGRAPH_REQUIRE_SHARED=1)";
        GTEST_SKIP() << dev << " is missing: the shared folder beside the repository";
    }
    TempDir dir;
    const std::string db = (dir / "dev.db").string();
    auto imported = run_diplograph({"--db", db, "import", dev.string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto r = run_diplograph({"--db", db, "--json", "path", "SEN", "TUN"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << r.out;
    ASSERT_EQ(d["paths"].Size(), 1u);
    EXPECT_GE(d["paths"][0]["hops"].GetInt(), 2);
    // Denmark's opening: directed from Denmark towards each host.
    auto links = run_diplograph({"--db", db, "--json", "links", "SEN", "DNK"});
    ASSERT_EQ(links.exit_code, 0) << links.err;
    rapidjson::Document l;
    l.Parse(links.out.c_str());
    ASSERT_FALSE(l.HasParseError()) << links.out;
    ASSERT_GE(l["links"].Size(), 1u);
    const auto& link = l["links"][0]["link"];
    EXPECT_TRUE(link["directed"].GetBool());
    EXPECT_STREQ(link["source"].GetString(), "DNK");
    EXPECT_STREQ(link["target"].GetString(), "SEN");
    // The table says it with an arrow.
    auto table = run_diplograph({"--db", db, "links", "SEN", "DNK"});
    EXPECT_NE(table.out.find("SEN ← DNK"), std::string::npos) << table.out;
}

}  // namespace
}  // namespace diplograph::test
