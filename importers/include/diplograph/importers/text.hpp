// Articles (plain text, HTML, JSON/JSONL) and the text pipeline that turns one into a Batch:
// UTF-8 check → folding with offsets → sentences → dictionary matching → people from titles
// → event patterns of data/lang/<xx>/ → dates → Batch with evidence (DESIGN.md §3).
#pragma once

#include <diplograph/importers/importer.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

//! An article that cannot be read: one line naming the file and what is wrong.
class ArticleError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! One article: its text (UTF-8; the headline is its first line) and what is known of it.
struct Article {
    std::string name;  //!< the file it came from, for messages
    std::string title;
    std::string text;
    std::string url;
    std::string published;  //!< YYYY-MM-DD or empty
    std::string lang;       //!< "fr", "en" or empty
    std::string outlet;
};

//! Largest article accepted, in bytes.
inline constexpr std::size_t kMaxArticleBytes = 8u << 20;

//! Plain text, first line the headline. Throws ArticleError.
Article read_text_article(const Input& input);
//! HTML: title, published date from meta tags, body paragraphs. Throws ArticleError.
Article read_html_article(const Input& input);
//! JSON or JSON Lines articles; records without text become problems.
std::vector<Article> read_json_articles(const Input& input, std::vector<Problem>& problems);

//! A byte span [begin, end) of a text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

//! A text folded for matching (case and accents removed, apostrophes and dashes made ASCII,
//! dashes and white space made spaces) with, for each folded byte, the offset of the
//! original code point it comes from; offsets has one more entry: the original's size.
struct FoldedText {
    std::string text;
    std::vector<std::size_t> offsets;
};
FoldedText fold_with_offsets(std::string_view text);

//! Sentences of a text (ICU's rules for the language, plus its abbreviations), trimmed.
std::vector<Span> split_sentences(std::string_view text, std::string_view lang);

//! "fr" or "en" (the languages of data/lang/) by counting their frequent words.
std::string detect_language(std::string_view text);

//! The findings of one article. Throws ArticleError (no text) and DictionaryError (bad rules).
Batch extract_article(const Article& article, const Dictionaries& dictionaries,
                      const ImportOptions& options);

class TextImporter : public Importer {
  public:
    ReadResult read(const Input& input, const ImportContext& context) const override;
};
class HtmlImporter : public Importer {
  public:
    ReadResult read(const Input& input, const ImportContext& context) const override;
};
class JsonArticleImporter : public Importer {
  public:
    ReadResult read(const Input& input, const ImportContext& context) const override;
};

//! Registers "text", "html" and "json-article" (called by register_builtin_importers()).
void register_text_importers();

}  // namespace diplograph
