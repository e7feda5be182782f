// Escaping text for each output of viz/ (DESIGN.md §6: "all text that reaches DOT, XML or HTML
// is escaped"). Every function first cleans the text: invalid UTF-8 becomes U+FFFD, control
// characters other than newline and tab are dropped, CR LF becomes LF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace diplograph::viz {

//! Valid UTF-8 without control characters (newline and tab kept); safe for XML 1.0.
std::string clean_text(std::string_view text);

//! Text for XML element content or a double-quoted attribute: & < > " ' and newlines encoded.
std::string xml_escape(std::string_view text);

//! Text inside a Graphviz HTML-like label: XML escapes, newlines as <BR/>, and backslashes
//! doubled so that Graphviz does not read \N, \G… as its own escapes.
std::string html_label_escape(std::string_view text);

//! A double-quoted DOT string for an id or a plain attribute (quotes included).
std::string dot_quoted(std::string_view text);

//! A double-quoted DOT string for a tooltip (quotes included). Graphviz expands \N, \G… and
//! entities in tooltips, so & < > and newlines become numeric entities and each backslash is
//! written so that one survives (checked by the SVG round-trip tests).
std::string dot_tooltip(std::string_view text);

//! A JSON string (quotes included); < > & U+2028 U+2029 as \u escapes so it may sit in HTML.
std::string json_quoted(std::string_view text);

//! One CSV field, always quoted, quotes doubled; newlines and tabs become spaces (Neo4j's
//! importer rejects multi-line fields unless told otherwise).
std::string csv_field(std::string_view text);

//! One row of a delimited table, line end included. separator ',': RFC 4180 (a field with a
//! comma, quote or line break quoted, quotes doubled; CRLF); '\t': TSV (tabs and line breaks in
//! a field become spaces; LF). The tables of `--format csv|tsv` and of the csv export.
std::string delimited_row(const std::vector<std::string>& cells, char separator);

//! An http(s) URL made safe for href attributes: other schemes (javascript:, data:…) give "";
//! spaces, quotes, backslashes, < > and non-ASCII bytes are percent-encoded.
std::string safe_url(std::string_view url);

}  // namespace diplograph::viz
