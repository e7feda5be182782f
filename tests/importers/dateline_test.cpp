// A wire dateline dates an article that carries no other date.
#include "support/support.hpp"

#include <gtest/gtest.h>

using namespace diplograph::test;

namespace {
std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}
}  // namespace

TEST(Dateline, DatesAnArticleWithoutPublicationDate) {
    TempDir dir;
    auto fr = dir.write("fr.txt",
                        "Un titre assez long pour que la date ne soit pas au début du texte\n"
                        "Dakar, le 3 mars 2024 – Le Sénégal a rompu mardi ses relations avec "
                        "la Gambie.\n");
    auto r = run_diplograph({"extract", fr.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(first_line(r.out).find("published 2024-03-03"), std::string::npos) << r.out;
    auto en = dir.write("en.txt",
                        "Headline\nACCRA, May 5, 2023 (Wire) - Ghana said on Tuesday it had "
                        "expelled two envoys.\n");
    EXPECT_NE(first_line(run_diplograph({"extract", en.string()}).out).find("published 2023-05-05"),
              std::string::npos);
}

TEST(Dateline, AnEventDateInTheTextIsNoDateline) {
    TempDir dir;
    auto a = dir.write("a.txt",
                       "Headline\nThe two ministers met in Paris on 3 March 2024 to discuss trade, "
                       "officials said.\n");
    EXPECT_NE(first_line(run_diplograph({"extract", a.string()}).out).find("published unknown"),
              std::string::npos);
    // --published wins over the dateline.
    auto b = dir.write("b.txt", "Headline\nACCRA, May 5, 2023 - Ghana expelled two envoys.\n");
    EXPECT_NE(first_line(run_diplograph({"extract", b.string(), "--published", "2023-05-06"}).out)
                  .find("published 2023-05-06"),
              std::string::npos);
}
