#include <diplograph/graph/model.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace diplograph {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 6> kEntityKinds = {"country",   "person", "organization",
                                                          "agreement", "event",  "source"};
constexpr std::array<std::string_view, 4> kStatuses = {"occurred", "agreed", "planned", "reported"};
constexpr std::array<std::string_view, 6> kParticipantRoles = {"initiator", "target", "participant",
                                                               "host",      "guest",  "party"};
constexpr std::array<std::string_view, 5> kPrecisions = {"day", "month", "year", "approximate",
                                                         "unknown"};

// Each type's usual CAMEO code and PLOVER category (docs/codes.md): what `stats` shows. An
// event's own code is chosen from its wording as well (importers/src/codes.cpp): a hosted
// visit is 043, a phone call 041…
constexpr std::array<EventTypeInfo, 16> kEventTypes = {{
    {EventType::MEET, "MEET", "040", "CONSULT", "diplomatic", true},
    {EventType::VISIT, "VISIT", "042", "CONSULT", "diplomatic", false},
    {EventType::AGREEMENT, "AGREEMENT", "057", "AGREE", "cooperation", true},
    {EventType::COOPERATION, "COOPERATION", "050", "COOPERATE", "cooperation", true},
    {EventType::AID, "AID", "070", "AID", "cooperation", false},
    {EventType::SUPPORT, "SUPPORT", "051", "SUPPORT", "cooperation", false},
    {EventType::CONDEMN, "CONDEMN", "111", "ACCUSE", "conflict", false},
    {EventType::EMBASSY_OPEN, "EMBASSY_OPEN", "050", "COOPERATE", "diplomatic", false},
    {EventType::EMBASSY_REOPEN, "EMBASSY_REOPEN", "050", "COOPERATE", "diplomatic", false},
    {EventType::EMBASSY_CLOSE, "EMBASSY_CLOSE", "161", "SANCTION", "conflict", false},
    {EventType::RELATIONS_ESTABLISH, "RELATIONS_ESTABLISH", "054", "COOPERATE", "diplomatic", true},
    {EventType::RELATIONS_RESTORE, "RELATIONS_RESTORE", "054", "COOPERATE", "diplomatic", true},
    {EventType::RELATIONS_SEVER, "RELATIONS_SEVER", "161", "SANCTION", "conflict", false},
    {EventType::EXPEL_DIPLOMATS, "EXPEL_DIPLOMATS", "161", "SANCTION", "conflict", false},
    {EventType::SANCTION, "SANCTION", "163", "SANCTION", "conflict", false},
    // Coded events whose code is none of the above: directed, as datasets code them.
    {EventType::OTHER, "OTHER", "", "", "other", false},
}};

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

}  // namespace

const std::vector<Alias>& Aliases::none() {
    static const std::vector<Alias> empty;
    return empty;
}

std::vector<Alias>& Aliases::edit() {
    if (!list_)
        list_ = std::make_shared<std::vector<Alias>>();
    else if (list_.use_count() > 1)
        list_ = std::make_shared<std::vector<Alias>>(*list_);
    return *list_;
}

std::string_view to_string(EntityKind kind) {
    return kEntityKinds[static_cast<int>(kind)];
}
std::optional<EntityKind> entity_kind_from_string(std::string_view text) {
    if (text == "org" || text == "organisation")
        return EntityKind::organization;
    return lookup<EntityKind>(kEntityKinds, text);
}

std::span<const EventTypeInfo> event_types() {
    return kEventTypes;
}
const EventTypeInfo& info(EventType type) {
    return kEventTypes[static_cast<int>(type)];
}
std::string_view to_string(EventType type) {
    return info(type).name;
}
std::optional<EventType> event_type_from_string(std::string_view text) {
    for (const auto& t : kEventTypes) {
        if (t.name.size() != text.size())
            continue;
        bool same = std::equal(t.name.begin(), t.name.end(), text.begin(), [](char a, char b) {
            return a == (b >= 'a' && b <= 'z' ? static_cast<char>(b - 'a' + 'A') : b);
        });
        if (same)
            return t.type;
    }
    return std::nullopt;
}

std::string_view to_string(Status status) {
    return kStatuses[static_cast<int>(status)];
}
std::optional<Status> status_from_string(std::string_view text) {
    return lookup<Status>(kStatuses, text);
}

std::string_view to_string(ParticipantRole role) {
    return kParticipantRoles[static_cast<int>(role)];
}
std::optional<ParticipantRole> participant_role_from_string(std::string_view text) {
    return lookup<ParticipantRole>(kParticipantRoles, text);
}

std::string_view to_string(Precision precision) {
    return kPrecisions[static_cast<int>(precision)];
}
std::optional<Precision> precision_from_string(std::string_view text) {
    return lookup<Precision>(kPrecisions, text);
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year))
        return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

// Howard Hinnant's days_from_civil algorithm.
int64_t days_from_civil(const Date& date) {
    int64_t y = date.year;
    const int64_t m = date.month == 0 ? 1 : date.month;
    const int64_t d = date.day == 0 ? 1 : date.day;
    y -= m <= 2 ? 1 : 0;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string Date::to_string() const {
    if (!valid())
        return {};
    // Written by hand in the common case: through fmt::format a date cost about 1,900
    // instructions, and storing an event writes several.
    if (year >= 0 && year <= 9999 && month >= 0 && month <= 12 && day >= 0 && day <= 31) {
        char text[10];
        auto two = [&](int at, int value) {
            text[at] = static_cast<char>('0' + value / 10);
            text[at + 1] = static_cast<char>('0' + value % 10);
        };
        two(0, year / 100);
        two(2, year % 100);
        std::size_t size = 4;
        if (month != 0) {
            text[4] = '-';
            two(5, month);
            size = 7;
            if (day != 0) {
                text[7] = '-';
                two(8, day);
                size = 10;
            }
        }
        return {text, size};
    }
    if (month == 0)
        return fmt::format("{:04d}", year);
    if (day == 0)
        return fmt::format("{:04d}-{:02d}", year, month);
    return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10)
        return std::nullopt;
    Date date;
    auto year = parse_int(text.substr(0, 4));
    if (!year || *year < 1000)
        return std::nullopt;
    date.year = *year;
    if (text.size() >= 7) {
        if (text[4] != '-')
            return std::nullopt;
        auto month = parse_int(text.substr(5, 2));
        if (!month || *month < 1 || *month > 12)
            return std::nullopt;
        date.month = *month;
    }
    if (text.size() == 10) {
        if (text[7] != '-')
            return std::nullopt;
        auto day = parse_int(text.substr(8, 2));
        if (!day || *day < 1 || *day > days_in_month(date.year, date.month))
            return std::nullopt;
        date.day = *day;
    }
    return date;
}

std::string DateInterval::to_string() const {
    switch (precision) {
        case Precision::unknown:
            return {};
        case Precision::day:
            return first.to_string();
        case Precision::month:
            return Date{first.year, first.month, 0}.to_string();
        case Precision::year:
            return Date{first.year, 0, 0}.to_string();
        case Precision::approximate:
            // The longest common prefix of the two ends: 2025-01-01..2025-04-30 → "2025".
            if (first.year != last.year)
                return Date{first.year, 0, 0}.to_string();
            if (first.month != last.month)
                return Date{first.year, 0, 0}.to_string();
            return Date{first.year, first.month, 0}.to_string();
    }
    return {};
}

bool DateInterval::compatible(const DateInterval& other) const {
    if (!known() || !other.known())
        return true;
    return !(last < other.first || other.last < first);
}

DateInterval DateInterval::from_date(const Date& date) {
    DateInterval interval;
    interval.first = date;
    interval.last = date;
    if (date.month == 0) {
        interval.precision = Precision::year;
        interval.first = {date.year, 1, 1};
        interval.last = {date.year, 12, 31};
    } else if (date.day == 0) {
        interval.precision = Precision::month;
        interval.first = {date.year, date.month, 1};
        interval.last = {date.year, date.month, days_in_month(date.year, date.month)};
    } else {
        interval.precision = Precision::day;
    }
    interval.how = "explicit";
    return interval;
}

std::optional<DateInterval> DateInterval::parse(std::string_view text) {
    auto date = Date::parse(text);
    if (!date)
        return std::nullopt;
    return from_date(*date);
}

std::string stable_hash(std::string_view data) {
    uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : data) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
}

std::string make_source_id(const Source& source) {
    if (!source.url.empty())
        return "source/" + stable_hash(source.url);
    return "source/" + source.content_hash;
}

std::string slugify(std::string_view name) {
    // Latin letters with diacritics (U+00C0–U+017F) folded to ASCII; other bytes dropped.
    static constexpr std::string_view kLatin1 =
        "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    static constexpr std::string_view kExtA =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRr"
        "SsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    std::string out;
    bool dash = false;
    auto put = [&](char c) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty())
                out += '-';
            dash = false;
            out += c;
        } else {
            dash = true;
        }
    };
    for (std::size_t i = 0; i < name.size();) {
        auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            put(static_cast<char>(c));
            ++i;
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (len == 2 && i + 1 < name.size()) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x100) {
                put(kLatin1[cp - 0xC0]);
            } else if (cp >= 0x100 && cp < 0x100 + kExtA.size()) {
                put(kExtA[cp - 0x100]);
            } else {
                dash = true;
            }
        } else {
            dash = true;
        }
        i += len;
    }
    return out;
}

}  // namespace diplograph
