// `import --dict FILE.txt`: an actor dictionary's skipped lines are printed as warnings.
#include "support/support.hpp"

#include <gtest/gtest.h>

namespace diplograph::test {
namespace {

TEST(DictWarnings, ImportPrintsTheLinesSkippedInAnActorDictionary) {
    TempDir dir;
    auto findings = dir.write("one.json",
                              R"({"source": {"url": "https://example.org/one", "title": "One",
                                  "published": "2025-11-20", "lang": "en"},
                                  "countries": ["TGO"], "events": []})");
    auto dict = test_data("importers/data/cameo/small.actors.txt").string();
    auto r = run_diplograph(
        {"--db", (dir / "x.db").string(), "import", "--dict", dict, findings.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("warning: " + dict + ": line 17: date \"9008223\""), std::string::npos)
        << r.err;
    std::size_t warnings = 0;
    for (const auto& line : lines(r.err))
        warnings += line.rfind("warning: " + dict + ": line ", 0) == 0;
    EXPECT_EQ(warnings, 7u) << r.err;
}

}  // namespace
}  // namespace diplograph::test
