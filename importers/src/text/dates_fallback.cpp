// A stand-in for importers/src/dates.cpp (written in parallel): explicit dates only, ISO
// "2025-11-19", "19 novembre 2025", "November 19, 2025", "novembre 2025" and bare years.
// CMake builds this file only while src/dates.cpp does not exist.
#include <diplograph/importers/dates.hpp>

#include <diplograph/graph/fold.hpp>

#include <regex>
#include <string>

namespace diplograph {

namespace {

int month_number(const std::string& word) {
    static const char* kMonths[][2] = {
        {"janvier", "january"}, {"fevrier", "february"},  {"mars", "march"},
        {"avril", "april"},     {"mai", "may"},           {"juin", "june"},
        {"juillet", "july"},    {"aout", "august"},       {"septembre", "september"},
        {"octobre", "october"}, {"novembre", "november"}, {"decembre", "december"}};
    std::string w = fold(word);
    for (int i = 0; i < 12; ++i)
        if (w == kMonths[i][0] || w == kMonths[i][1])
            return i + 1;
    return 0;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text, std::string_view, const Date&) {
    std::vector<DateMention> out;
    std::string s(text);
    static const std::regex kDate(
        R"((\b(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)\b)|(\b(\d{1,2})(?:er)?\s+([A-Za-z\xC3\xA9\xC3\xBB]+)\s+((?:19|20)\d\d)\b)|(\b([A-Z][a-z]+)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b)|(\b([A-Za-z\xC3\xA9\xC3\xBB]+)\s+((?:19|20)\d\d)\b)|(\b((?:19|20)\d\d)\b))");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), kDate); it != std::sregex_iterator();
         ++it) {
        const auto& m = *it;
        Date d;
        if (m[1].matched) {
            d = {std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])};
        } else if (m[5].matched && month_number(m[7])) {
            d = {std::stoi(m[8]), month_number(m[7]), std::stoi(m[6])};
        } else if (m[9].matched && month_number(m[10])) {
            d = {std::stoi(m[12]), month_number(m[10]), std::stoi(m[11])};
        } else if (m[13].matched && month_number(m[14])) {
            d = {std::stoi(m[15]), month_number(m[14]), 0};
        } else if (m[16].matched || m[5].matched || m[9].matched || m[13].matched) {
            std::string year = m[16].matched  ? m[17].str()
                               : m[5].matched ? m[8].str()
                               : m[9].matched ? m[12].str()
                                              : m[15].str();
            d = {std::stoi(year), 0, 0};
        }
        std::string iso = d.to_string();
        auto interval = DateInterval::parse(iso);
        if (!d.valid() || !interval)
            continue;
        interval->how = "explicit";
        out.push_back({static_cast<std::size_t>(m.position(0)),
                       static_cast<std::size_t>(m.position(0) + m.length(0)), *interval});
    }
    return out;
}

}  // namespace diplograph
