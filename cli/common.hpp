// Helpers shared by the commands: opening the store, loading dictionaries, printing tables.
#pragma once

#include "command.hpp"

#include <diplograph/graph/store.hpp>
#include <diplograph/importers/dictionaries.hpp>
#include <diplograph/importers/importer.hpp>

#include <string>
#include <vector>

namespace diplograph::cli {

//! The store named by --db, which must exist, opened read-only (query commands).
Store open_store(const Globals& globals);
//! The store named by --db, created when missing (import).
Store create_store(const Globals& globals);
//! data/ plus the user's --dict files.
Dictionaries load_dictionaries(const std::vector<std::string>& extra);

//! The article options of --lang and --published, checked: throws CommandError (usage) for a
//! language other than fr, en or auto, or a date that is not YYYY-MM-DD.
ImportOptions article_options(const std::string& lang, const std::string& published);

//! 1204 → "1,204".
std::string group_digits(long long n);

//! A plain-text table: columns left-aligned, padded to the widest cell (in code points).
class Table {
  public:
    explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::size_t size() const { return rows_.size(); }
    std::string render() const;
    //! The same cells for spreadsheets: a header line, then one line per row. ',': CSV of
    //! RFC 4180 (CRLF line ends, a field with a comma, quote or line break quoted, quotes
    //! doubled); '\t': TSV (tabs and line breaks in a cell become spaces).
    std::string render_delimited(char separator) const;

  private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

//! Escapes a string for a JSON document (quotes included).
std::string json_string(std::string_view text);

}  // namespace diplograph::cli
