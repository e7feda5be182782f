// Parsing JSON that comes from outside (findings files, JSON and JSON Lines articles) with a
// bounded nesting depth: RapidJSON's recursive parser overflowed the stack on 110,000 '['
// (issue 14), and what reads a document afterwards (Value::Accept, the readers' walks) recurses
// too. Private to diplograph_importers.
#pragma once

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <string>
#include <string_view>

namespace diplograph::json {

//! The deepest nesting of arrays and objects accepted. A findings record nests 4 levels
//! (record, events, participants, participant), an article 2: 64 leaves room for extra fields.
inline constexpr int kMaxDepth = 64;

//! The offset of the bracket that opens level kMaxDepth + 1, or npos. Strings are skipped as
//! RapidJSON reads them (a backslash escapes the next byte), so both agree on every
//! well-formed prefix; past a malformed one the parser stops first.
inline std::size_t too_deep(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}

//! Parses `text` into `doc` iteratively (no recursion whatever the input). On failure returns
//! false and sets `error` to "byte N: what is wrong"; a document nested deeper than kMaxDepth
//! is refused before parsing. `root_not_singular` is set when the only problem is a second
//! value after the first (JSON Lines written into a .json file).
template <unsigned kFlags = rapidjson::kParseDefaultFlags>
bool parse(rapidjson::Document& doc, std::string_view text, std::string& error,
           bool* root_not_singular = nullptr) {
    if (root_not_singular)
        *root_not_singular = false;
    if (auto at = too_deep(text); at != std::string_view::npos) {
        error = fmt::format(
            "byte {}: nested more than {} levels deep (arrays and objects): "
            "not a record diplograph reads",
            at + 1, kMaxDepth);
        return false;
    }
    doc.Parse<kFlags | rapidjson::kParseIterativeFlag>(text.data(), text.size());
    if (!doc.HasParseError())
        return true;
    if (root_not_singular)
        *root_not_singular = doc.GetParseError() == rapidjson::kParseErrorDocumentRootNotSingular;
    error = fmt::format("byte {}: malformed JSON: {}", doc.GetErrorOffset() + 1,
                        rapidjson::GetParseError_En(doc.GetParseError()));
    return false;
}

}  // namespace diplograph::json
