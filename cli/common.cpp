#include "common.hpp"

#include <diplograph/viz/escape.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace diplograph::cli {

Store open_store(const Globals& globals) {
    if (!std::filesystem::exists(globals.db))
        throw CommandError(Exit::store_error,
                           fmt::format("{}: no such database; import articles or findings first "
                                       "('diplograph import FILE') or name one with --db",
                                       globals.db));
    return Store::open_read_only(globals.db);
}

Store create_store(const Globals& globals) {
    return Store(globals.db);
}

Dictionaries load_dictionaries(const std::vector<std::string>& extra) {
    std::vector<std::filesystem::path> files(extra.begin(), extra.end());
    Dictionaries dict = Dictionaries::load(Dictionaries::default_data_dir(), files);
    // Lines skipped in actor dictionaries (*.txt): each names its file and line.
    for (const auto& warning : dict.warnings())
        fmt::print(stderr, "warning: {}\n", warning);
    return dict;
}

ImportOptions article_options(const std::string& lang, const std::string& published) {
    if (lang != "auto" && lang != "fr" && lang != "en")
        throw CommandError(Exit::usage,
                           fmt::format("--lang {}: unknown language; use fr, en or auto", lang));
    if (!published.empty() && (published.size() != 10 || !Date::parse(published)))
        throw CommandError(Exit::usage,
                           fmt::format("--published {}: expected a date YYYY-MM-DD", published));
    ImportOptions options;
    options.lang = lang;
    options.published = published;
    return options;
}

std::string group_digits(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

namespace {
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}
}  // namespace

std::string Table::render() const {
    std::vector<std::size_t> widths(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], width(row[i]));
    };
    measure(header_);
    for (const auto& r : rows_)
        measure(r);
    std::string out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            std::string cell = i < row.size() ? row[i] : "";
            text += cell;
            if (i + 1 < widths.size())
                text += std::string(widths[i] - width(cell) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out += text + "\n";
    };
    line(header_);
    std::vector<std::string> rule;
    for (auto w : widths)
        rule.push_back(std::string(w, '-'));
    line(rule);
    for (const auto& r : rows_)
        line(r);
    return out;
}

std::string Table::render_delimited(char separator) const {
    std::string out = viz::delimited_row(header_, separator);
    for (const auto& r : rows_) {
        std::vector<std::string> row = r;
        row.resize(header_.size());
        out += viz::delimited_row(row, separator);
    }
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        // DEL and the C1 controls (U+0080-U+009F, C2 80-9F in UTF-8) are valid JSON as they
        // are, but a terminal acts on them: escaped, the output stays inert on a terminal (where
        // the escaping of terminal.cpp would otherwise make them invalid JSON) and equal.
        if (c == 0xC2 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                out += fmt::format("\\u{:04x}", next);
                ++i;
                continue;
            }
        }
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += fmt::format("\\u{:04x}", c);
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

}  // namespace diplograph::cli
