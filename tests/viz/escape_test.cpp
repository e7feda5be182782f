// The escaping functions of viz/escape.hpp, one output language at a time.
#include <diplograph/viz/escape.hpp>

#include <gtest/gtest.h>

namespace diplograph::viz {
namespace {

TEST(CleanText, KeepsUtf8AndNewlinesDropsControls) {
    EXPECT_EQ(clean_text("Lomé 习近平 محمد"), "Lomé 习近平 محمد");
    EXPECT_EQ(clean_text("a\r\nb\rc\td"), "a\nb\nc\td");
    EXPECT_EQ(clean_text("x\x01\x1b[31my\x7f"), "x[31my");
    EXPECT_EQ(clean_text("bad \xff\xfe!"), "bad \xEF\xBF\xBD\xEF\xBF\xBD!");
    EXPECT_EQ(clean_text("overlong \xC0\xAF"), "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(clean_text("surrogate \xED\xA0\x80"),
              "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(clean_text("cut \xE4\xB9"), "cut \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(XmlEscape, EncodesMarkupAndNewlines) {
    EXPECT_EQ(xml_escape("<script>&amp;\"'</script>]]>"),
              "&lt;script&gt;&amp;amp;&quot;&apos;&lt;/script&gt;]]&gt;");
    EXPECT_EQ(xml_escape("a\nb"), "a&#10;b");
}

TEST(HtmlLabelEscape, DoublesBackslashesAndBreaksLines) {
    EXPECT_EQ(html_label_escape("\\N <b>&{|}"), "\\\\N &lt;b&gt;&amp;{|}");
    EXPECT_EQ(html_label_escape("one\ntwo"), "one<BR/>two");
}

TEST(DotQuoted, OnlyQuotesAndFinalBackslashesAreEscaped) {
    EXPECT_EQ(dot_quoted("plain"), "\"plain\"");
    EXPECT_EQ(dot_quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
    EXPECT_EQ(dot_quoted("a\\Nb"), "\"a\\Nb\"");
    EXPECT_EQ(dot_quoted("a\\\\b"), "\"a\\\\b\"");
    EXPECT_EQ(dot_quoted("end\\"), "\"end\\\\\"");
}

TEST(DotTooltip, UsesEntitiesAndFourfoldBackslashes) {
    EXPECT_EQ(dot_tooltip("a\\N & <i>\n\"q\""), "\"a\\\\\\\\N &#38; &#60;i&#62;&#10;\\\"q\\\"\"");
}

TEST(JsonQuoted, EscapesForJsonAndHtml) {
    EXPECT_EQ(json_quoted("\"\\\n</script>&"), "\"\\\"\\\\\\n\\u003c/script\\u003e\\u0026\"");
    EXPECT_EQ(json_quoted("a\xE2\x80\xA8"
                          "b"),
              "\"a\\u2028b\"");
    EXPECT_EQ(json_quoted("Ça 习"), "\"Ça 习\"");
}

TEST(CsvField, QuotesAlwaysAndFlattensLines) {
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"x\"\nnext"), "\"say \"\"x\"\" next\"");
    EXPECT_EQ(csv_field(""), "\"\"");
}

TEST(SafeUrl, OnlyHttpAndPercentEncoded) {
    EXPECT_EQ(safe_url("javascript:alert(1)"), "");
    EXPECT_EQ(safe_url("data:text/html,<script>"), "");
    EXPECT_EQ(safe_url(" https://x"), "");
    EXPECT_EQ(safe_url("HTTPS://example.org/a?b=1&c=2"), "HTTPS://example.org/a?b=1&c=2");
    EXPECT_EQ(safe_url("https://example.org/a b\"<c>\\N/é"),
              "https://example.org/a%20b%22%3Cc%3E%5CN/%C3%A9");
}

TEST(DelimitedRow, Rfc4180QuotesOnlyWhatNeedsItAndTsvNeverQuotes) {
    EXPECT_EQ(delimited_row({"plain", "a,b", "say \"x\"", "two\nlines", ""}, ','),
              "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\r\n");
    EXPECT_EQ(delimited_row({"a\tb", "say \"x\"", "two\r\nlines"}, '\t'),
              "a b\tsay \"x\"\ttwo  lines\n");
}

}  // namespace
}  // namespace diplograph::viz
