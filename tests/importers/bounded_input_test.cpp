// The reproducers of issue 14: input nested or sized to exhaust the readers (stack overflows
// in RapidJSON's recursive parser and the recursive HTML walk, gumbo's memory on unclosed
// elements) is refused with one line, quickly; what is merely deep or large is still read.
#include <diplograph/importers/findings.hpp>
#include <diplograph/importers/text.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

using namespace diplograph;

namespace {

std::string repeat(std::string_view piece, std::size_t n) {
    std::string out;
    out.reserve(piece.size() * n);
    for (std::size_t i = 0; i < n; ++i)
        out += piece;
    return out;
}

ReadResult read_findings(const std::string& name, const std::string& content) {
    static const Dictionaries dictionaries = Dictionaries::load(DIPLOGRAPH_DATA_DIR);
    ImportContext ctx{dictionaries, {}};
    return FindingsImporter().read(Input{name, content}, ctx);
}

std::string html_error(const std::string& content) {
    try {
        read_html_article({"deep.html", content});
    } catch (const ArticleError& e) {
        return e.what();
    }
    return "(read)";
}

constexpr const char* kParagraph = "<p>Le ministre a rencontré son homologue.</p>";

}  // namespace

TEST(DeepJson, FindingsFileOfBracketsIsOneProblem) {
    auto r = read_findings("deep.json", std::string(110'000, '['));
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].message,
              "deep.json: byte 65: nested more than 64 levels deep (arrays and objects): not a "
              "record diplograph reads");
    EXPECT_TRUE(r.batches.empty());
}

TEST(DeepJson, DeepLineOfJsonLinesKeepsTheOthers) {
    std::string deep =
        "{\"events\": " + repeat("[{\"a\": ", 50'000) + "1" + repeat("}]", 50'000) + "}";
    auto r = read_findings("deep.jsonl", "[]\n" + deep + "\n{\"countries\": [\"FRA\"]}\n");
    ASSERT_EQ(r.problems.size(), 2u);
    EXPECT_EQ(r.problems[0].message, "deep.jsonl: line 1: expected a JSON object");
    EXPECT_EQ(r.problems[1].message.substr(0, 56),
              "deep.jsonl: line 2, byte 230: nested more than 64 levels");
    EXPECT_EQ(r.batches.size(), 1u);
}

TEST(DeepJson, BracketsInStringsAreNotNesting) {
    std::string title = repeat("[{", 5'000);
    auto r = read_findings(
        "brackets.json", "{\"source\": {\"title\": \"" + title + "\"}, \"countries\": [\"FRA\"]}");
    ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
    ASSERT_EQ(r.batches.size(), 1u);
    EXPECT_EQ(r.batches[0].source.title, title);
}

TEST(DeepJson, ArticleOfBracketsIsOneProblem) {
    for (const char* name : {"deep.json", "deep.jsonl"}) {
        std::vector<Problem> problems;
        auto articles = read_json_articles({name, std::string(110'000, '[')}, problems);
        EXPECT_TRUE(articles.empty());
        ASSERT_EQ(problems.size(), 1u) << name;
        EXPECT_NE(problems[0].message.find("byte 65: nested more than 64 levels deep"),
                  std::string::npos)
            << problems[0].message;
    }
}

TEST(DeepJson, NestingUnderTheLimitIsParsed) {
    std::vector<Problem> problems;
    std::string extra = repeat("[", 60) + repeat("]", 60);
    auto articles = read_json_articles(
        {"a.json", "{\"title\": \"T\", \"text\": \"Un texte.\", \"extra\": " + extra + "}"},
        problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(articles.size(), 1u);
}

TEST(DeepHtml, NestedClosedDivsAreRefused) {
    auto message = html_error(repeat("<div>", 100'000) + kParagraph + repeat("</div>", 100'000));
    EXPECT_EQ(message,
              "deep.html: byte 5001: HTML elements nested more than 1000 deep (<div> and "
              "the elements it is in are not closed); not an article diplograph reads");
}

TEST(DeepHtml, UnclosedDivsAreRefusedBeforeParsing) {
    // 20,000 of them took 14 s and 3.1 GB in gumbo; refused from the tags alone.
    auto start = std::chrono::steady_clock::now();
    auto message = html_error(kParagraph + repeat("<div>", 20'000));
    EXPECT_NE(message.find("nested more than 1000 deep"), std::string::npos) << message;
    message = html_error(kParagraph + repeat("<br>", 300'000));
    EXPECT_NE(message.find("more than 100000 HTML elements"), std::string::npos) << message;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(DeepHtml, DeepButBoundedPagesAreRead) {
    // 900 levels: under the limit, walked without recursion.
    auto article = read_html_article(
        {"deep.html", "<html lang=\"fr\"><body>" + repeat("<div><span>", 450) + kParagraph +
                          repeat("</span></div>", 450) + "</body></html>"});
    EXPECT_EQ(article.text, "Le ministre a rencontré son homologue.\n\n");
    EXPECT_EQ(article.lang, "fr");
}

TEST(DeepHtml, WhatDoesNotNestIsNotCounted) {
    // Unclosed paragraphs and list items, void elements, self-closed SVG shapes, tags inside
    // scripts and comments: none of them deepens the tree.
    std::string page = "<body>" + repeat("<p>Un paragraphe.", 3'000) + "<ul>" +
                       repeat("<li>point", 3'000) + "</ul>" + repeat("<br><img src=x>", 3'000) +
                       "<svg>" + repeat("<path d=\"M0 0\"/>", 3'000) + "</svg><script>" +
                       repeat("document.write('<div>');", 3'000) + "</script><!--" +
                       repeat("<div>", 3'000) + "-->" + kParagraph + "</body>";
    auto article = read_html_article({"wide.html", page});
    EXPECT_NE(article.text.find("Le ministre a rencontré son homologue."), std::string::npos);
}

TEST(DeepHtml, StrayEndTagsDoNotHideOpenElements) {
    // An end tag without its element is ignored by the parser, so it closes nothing here.
    auto message = html_error(repeat("<div></span>", 2'000) + kParagraph);
    EXPECT_NE(message.find("nested more than 1000 deep"), std::string::npos) << message;
}

TEST(EmptyRecord, IsSkippedWithItsReason) {
    auto r = read_findings("empty.json", "{}");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].message,
              "empty.json: an empty record: no source, countries, organizations, people or "
              "events to import");
    EXPECT_TRUE(r.batches.empty());
    r = read_findings("unknown.jsonl", "{\"sauce\": {\"url\": \"u\"}}\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].message,
              "unknown.jsonl: line 1: an empty record: no source, countries, organizations, people "
              "or events to import");
}
