#include <diplograph/viz/escape.hpp>

#include <fmt/format.h>

#include <cctype>
#include <cstdint>

namespace diplograph::viz {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

//! Length of the valid UTF-8 sequence at text[i] and its code point; 0 when invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > text.size())
        return 0;
    cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
    static constexpr char32_t min_of[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_of[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return n;
}

}  // namespace

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        std::size_t n = utf8_sequence(text, i, cp);
        if (n == 0) {
            out += replacement;
            ++i;
            continue;
        }
        if (cp == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n')
                out += '\n';
        } else if (cp == '\n' || cp == '\t') {
            out += static_cast<char>(cp);
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            // Control characters: not allowed in XML 1.0, meaningless in a label.
        } else if (cp == 0xFFFE || cp == 0xFFFF) {
            out += replacement;
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    for (char c : clean_text(text)) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\t':
                out += "&#9;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string html_label_escape(std::string_view text) {
    std::string out;
    for (char c : clean_text(text)) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "<BR/>";
                break;
            case '\t':
                out += ' ';
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string dot_quoted(std::string_view text) {
    // Inside a DOT quoted string only \" and \<newline> are escapes and \\ stays two
    // characters, so a backslash is written as is, except before a quote, a newline or the end,
    // where it is doubled (no DOT string can hold a lone backslash there).
    std::string clean = clean_text(text);
    std::string out = "\"";
    for (std::size_t i = 0; i < clean.size(); ++i) {
        char c = clean[i];
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            char next = i + 1 < clean.size() ? clean[i + 1] : '"';
            out += next == '"' || next == '\n' ? "\\\\" : "\\";
            if (next == '\\') {
                out += '\\';  // the pair reads back as the same two backslashes
                ++i;
            }
        } else if (c == '\t') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string dot_tooltip(std::string_view text) {
    std::string out = "\"";
    for (char c : clean_text(text)) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            // Graphviz 2.43 unescapes tooltips twice (escString, then the renderer): four
            // backslashes in the file give one in the SVG, and \N, \G stay literal.
            case '\\':
                out += "\\\\\\\\";
                break;
            case '&':
                out += "&#38;";
                break;
            case '<':
                out += "&#60;";
                break;
            case '>':
                out += "&#62;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\t':
                out += ' ';
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

std::string json_quoted(std::string_view text) {
    std::string out = "\"";
    std::string clean = clean_text(text);
    for (std::size_t i = 0; i < clean.size(); ++i) {
        char c = clean[i];
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
            case '\t':
                out += "\\t";
                break;
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                // U+2028 and U+2029 end a line in JavaScript.
                if (c == '\xE2' && i + 2 < clean.size() && clean[i + 1] == '\x80' &&
                    (clean[i + 2] == '\xA8' || clean[i + 2] == '\xA9')) {
                    out += clean[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
                    i += 2;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string csv_field(std::string_view text) {
    std::string out = "\"";
    for (char c : clean_text(text)) {
        if (c == '"')
            out += "\"\"";
        else if (c == '\n' || c == '\t')
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

std::string delimited_row(const std::vector<std::string>& cells, char separator) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += separator;
        const std::string& text = cells[i];
        if (separator != ',') {
            for (char c : text)
                out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
        } else if (text.find_first_of(",\"\r\n") == std::string::npos) {
            out += text;
        } else {
            out += '"';
            for (char c : text) {
                if (c == '"')
                    out += '"';
                out += c;
            }
            out += '"';
        }
    }
    out += separator == ',' ? "\r\n" : "\n";
    return out;
}

std::string safe_url(std::string_view url) {
    std::string clean = clean_text(url);
    auto starts = [&](std::string_view prefix) {
        if (clean.size() < prefix.size())
            return false;
        for (std::size_t i = 0; i < prefix.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(clean[i])) != prefix[i])
                return false;
        return true;
    };
    if (!starts("http://") && !starts("https://"))
        return {};
    std::string out;
    for (char c : clean) {
        auto u = static_cast<unsigned char>(c);
        bool plain = u > 0x20 && u < 0x7F && c != '"' && c != '\'' && c != '\\' && c != '<' &&
                     c != '>' && c != '`' && c != '{' && c != '}' && c != '|' && c != '^';
        out += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
    }
    return out;
}

}  // namespace diplograph::viz
