// Whom an official acts for: the country while holding a country office, else the organisation.
#include "support/support.hpp"

#include <gtest/gtest.h>

using namespace diplograph::test;

TEST(ActingFor, AHeadOfStateWhoChairsABlocActsForTheCountry) {
    TempDir dir;
    // data/roles.tsv gives Assimi Goïta a Malian and an AES office at once.
    auto a = dir.write(
        "a.txt", "Headline\nPresident Assimi Goita met Vladimir Putin in Moscow on Monday.\n");
    auto r = run_diplograph({"extract", a.string(), "--json", "--published", "2025-06-24"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"actors\":[\"MLI\",\"RUS\"]"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("AES"), std::string::npos) << r.out;
}
