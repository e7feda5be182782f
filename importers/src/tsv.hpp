// Reading the project's tab-separated data files (data/*.tsv, data/lang/<xx>/*.tsv): one
// internal helper for the dictionaries and the language data, so both skip comments and blank
// lines, check UTF-8 and report errors the same way.
#pragma once

#include <diplograph/importers/dictionaries.hpp>
#include <diplograph/importers/importer.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::tsv {

//! The fields of one line, split at tabs ("a\t\tb" → a, "", b), into `out`: the strings
//! already there are reused, so that reading a file line by line allocates little.
inline void split_tabs(std::string_view line, std::vector<std::string>& out) {
    std::size_t n = 0;
    std::size_t start = 0;
    for (;;) {
        auto tab = line.find('\t', start);
        auto field = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
        if (n < out.size())
            out[n].assign(field);
        else
            out.emplace_back(field);
        ++n;
        if (tab == std::string_view::npos)
            break;
        start = tab + 1;
    }
    out.resize(n);
}

struct Layout {
    std::size_t columns = 1;
    std::size_t may_omit = 0;  //!< trailing columns a line may leave out (read as empty)
    bool optional = false;     //!< a missing file reads as empty instead of an error
};

//! Calls row(fields, line number) for each record line of `file` (blank lines and `#` comments
//! skipped; fields always `layout.columns` long). Throws DictionaryError "file: line N: what is
//! wrong", also for a std::invalid_argument thrown by `row`.
template <typename Row>
void read(const std::filesystem::path& file, Layout layout, Row&& row) {
    std::ifstream in(file);
    if (!in) {
        if (layout.optional && !std::filesystem::exists(file))
            return;
        throw DictionaryError(file.string() + ": cannot read the dictionary");
    }
    std::string line;
    std::vector<std::string> fields;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        if (find_invalid_utf8(line) != std::string_view::npos)
            throw DictionaryError(fmt::format(
                "{}: line {}: not valid UTF-8; save the file as UTF-8", file.string(), number));
        split_tabs(line, fields);
        if (fields.size() > layout.columns || fields.size() + layout.may_omit < layout.columns)
            throw DictionaryError(
                fmt::format("{}: line {}: {} columns, expected {} separated by tabs", file.string(),
                            number, fields.size(), layout.columns));
        fields.resize(layout.columns);
        try {
            row(fields, number);
        } catch (const std::invalid_argument& e) {
            throw DictionaryError(fmt::format("{}: line {}: {}", file.string(), number, e.what()));
        }
    }
}

}  // namespace diplograph::tsv
