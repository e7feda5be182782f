#include <diplograph/importers/datasets.hpp>
#include <diplograph/importers/importer.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace diplograph {

void Importer::stream(const std::string& path, const ImportContext&, RowSink&) const {
    throw std::runtime_error(path + ": this format is not read as a stream");
}

ImporterRegistry& ImporterRegistry::instance() {
    static ImporterRegistry registry;
    return registry;
}

void ImporterRegistry::add(const std::string& format, Factory factory) {
    auto it = std::find_if(factories_.begin(), factories_.end(),
                           [&](const auto& f) { return f.first == format; });
    if (it != factories_.end()) {
        it->second = std::move(factory);
    } else {
        factories_.emplace_back(format, std::move(factory));
    }
}

std::unique_ptr<Importer> ImporterRegistry::create(const std::string& format) const {
    for (const auto& [name, factory] : factories_)
        if (name == format)
            return factory();
    return nullptr;
}

std::vector<std::string> ImporterRegistry::formats() const {
    std::vector<std::string> out;
    for (const auto& f : factories_)
        out.push_back(f.first);
    return out;
}

namespace {

bool has_suffix(const std::string& name, std::string_view suffix) {
    if (name.size() < suffix.size())
        return false;
    return std::equal(suffix.rbegin(), suffix.rend(), name.rbegin(), [](char a, char b) {
        return a == std::tolower(static_cast<unsigned char>(b));
    });
}

// Does the first JSON object of the text have this key at its top level? A cheap look at the
// first 64 KiB; the importer itself parses properly.
bool has_key(std::string_view text, std::string_view key) {
    // Built by appends: operator+ on a temporary trips GCC 12's -Wrestrict false positive.
    std::string quoted;
    quoted.reserve(key.size() + 2);
    quoted.append(1, '"').append(key).append(1, '"');
    auto head = text.substr(0, 65536);
    auto end = head.find('\n');
    if (end != std::string_view::npos && head.find_first_not_of(" \t\r") != end)
        head = head.substr(0, end);
    return head.find(quoted) != std::string_view::npos;
}

}  // namespace

std::string ImporterRegistry::detect(const Input& input) const {
    const auto& name = input.name;
    auto registered = [&](const std::string& f) { return create(f) ? f : std::string(); };
    std::string_view text = input.content;
    auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    bool json = has_suffix(name, ".json") || has_suffix(name, ".jsonl") ||
                has_suffix(name, ".ndjson") ||
                (first != std::string_view::npos && (text[first] == '{' || text[first] == '['));
    if (json) {
        if (has_key(text, "events"))
            return registered("findings");
        if (has_key(text, "text") || has_key(text, "body"))
            return registered("json-article");
        return registered("findings");
    }
    if (has_suffix(name, ".html") || has_suffix(name, ".htm"))
        return registered("html");
    if (first != std::string_view::npos && text[first] == '<')
        return registered("html");
    // Coded datasets by their shape; a table nobody claims is no article (describe_table).
    if (auto dataset = detect_dataset(name, text); !dataset.empty())
        return registered(dataset);
    if (!describe_table(text).empty())
        return {};
    return registered("text");
}

std::size_t find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Runs of ASCII, most of any text, eight bytes at a time.
        while (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i == s.size())
            break;
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
        if (len == 0 || i + len > s.size())
            return i;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return i;
        // Overlong forms and surrogates.
        if (len == 2 && c < 0xC2)
            return i;
        if (len == 3) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))
                return i;
        }
        if (len == 4) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90))
                return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace diplograph
