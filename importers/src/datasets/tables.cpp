#include "tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace diplograph::datasets {

void split(std::string_view line, char sep, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t start = 0;
    for (;;) {
        const void* at = std::memchr(line.data() + start, sep, line.size() - start);
        if (!at) {
            out.push_back(line.substr(start));
            return;
        }
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(at) - line.data());
        out.push_back(line.substr(start, end - start));
        start = end + 1;
    }
}

bool split_csv(std::string_view line, char sep, std::vector<std::string_view>& out,
               std::vector<std::string>& owned) {
    out.clear();
    owned.clear();
    owned.reserve(line.size() / 2 + 1);  // views into it must stay put
    std::size_t i = 0;
    for (;;) {
        if (i < line.size() && line[i] == '"') {
            std::string field;
            ++i;
            for (;;) {
                if (i >= line.size())
                    return false;
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            owned.push_back(std::move(field));
            out.push_back(owned.back());
            // Anything after the closing quote up to the separator is kept as written.
            auto end = line.find(sep, i);
            if (end == std::string_view::npos)
                return true;
            i = end + 1;
            continue;
        }
        auto end = line.find(sep, i);
        if (end == std::string_view::npos) {
            out.push_back(line.substr(i));
            return true;
        }
        out.push_back(line.substr(i, end - i));
        i = end + 1;
    }
}

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::optional<DateInterval> day(int y, int m, int d) {
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return std::nullopt;
    return DateInterval::from_date(Date{y, m, d});
}

}  // namespace

std::optional<DateInterval> parse_dataset_date(std::string_view t) {
    while (!t.empty() && t.back() == ' ')
        t.remove_suffix(1);
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    if (t.size() >= 8 && all_digits(t.substr(0, 8)) && (t.size() == 8 || all_digits(t)))
        return day(number(t.substr(0, 4)), number(t.substr(4, 2)), number(t.substr(6, 2)));
    if (t.size() >= 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) &&
        all_digits(t.substr(5, 2)) && all_digits(t.substr(8, 2)) &&
        (t.size() == 10 || t[10] == 'T' || t[10] == ' '))
        return day(number(t.substr(0, 4)), number(t.substr(5, 2)), number(t.substr(8, 2)));
    if (t.size() == 7 || t.size() == 4)
        return DateInterval::parse(t);
    // "07 August 2025", "7 Aug 2025"
    auto sp1 = t.find(' ');
    auto sp2 = sp1 == std::string_view::npos ? sp1 : t.find(' ', sp1 + 1);
    if (sp2 != std::string_view::npos && all_digits(t.substr(0, sp1)) &&
        all_digits(t.substr(sp2 + 1))) {
        std::string month(t.substr(sp1 + 1, sp2 - sp1 - 1));
        for (auto& c : month)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::size_t m = 0; m < kMonths.size(); ++m)
            if (month.size() >= 3 && kMonths[m].substr(0, month.size()) == month)
                return day(number(t.substr(sp2 + 1)), static_cast<int>(m) + 1,
                           number(t.substr(0, sp1)));
    }
    return std::nullopt;
}

void RowBuilder::emit(Row& row, std::string_view line) {
    const auto& options = context_.options;
    if (!row.actor1 && !row.actor2)
        return sink_.left_out("no actor diplograph knows");
    if (row.actor1 && row.actor2 && row.actor1->id == row.actor2->id)
        row.actor2 = nullptr;  // an actor acting on itself: one participant
    if (options.only_interstate &&
        !(row.actor1 && row.actor2 && row.actor1->kind == EntityKind::country &&
          row.actor2->kind == EntityKind::country))
        return sink_.left_out("not interstate");
    if (!options.types.empty() &&
        std::find(options.types.begin(), options.types.end(), row.type.type) == options.types.end())
        return sink_.left_out("type not asked for");

    Batch batch;
    Source& s = batch.source;
    s.id = "source/" + stable_hash(fmt::format("{}:{}", row.dataset, row.id));
    s.url = std::move(row.url);
    s.title = fmt::format("{} event {}", row.title, row.id);
    s.outlet = row.outlet.empty() ? std::string(row.title) : std::move(row.outlet);
    s.published = row.published.empty() ? row.date.to_string() : std::move(row.published);
    s.content_hash = stable_hash(line);

    Event e;
    e.type = row.type.type;
    e.subtype = std::string(row.type.subtype);
    e.status = Status::occurred;
    e.date = row.date;
    e.date.how = row.dataset;
    e.place = std::move(row.place);
    const Entity* first = row.type.swap ? row.actor2 : row.actor1;
    const Entity* second = row.type.swap ? row.actor1 : row.actor2;
    const bool symmetric = info(e.type).symmetric;
    for (auto [actor, role] : {std::pair{first, ParticipantRole::initiator},
                               std::pair{second, ParticipantRole::target}}) {
        if (!actor)
            continue;
        e.participants.push_back(
            {actor->id, symmetric ? (e.type == EventType::AGREEMENT ? ParticipantRole::party
                                                                    : ParticipantRole::participant)
                                  : role});
        if (batch.entities.empty() || batch.entities.front().id != actor->id) {
            if (sink_.has_entity(actor->id))
                batch.entities.push_back({actor->id, actor->kind, actor->name, actor->country, {}});
            else
                batch.entities.push_back(*actor);
        }
    }
    e.cameo = std::move(row.cameo);
    e.plover = std::move(row.plover);
    e.plover_mode = std::move(row.plover_mode);
    e.goldstein = row.goldstein;
    e.attributes = std::move(row.attributes);
    e.evidence.push_back(
        Evidence{s.id, -1, 0, 0, std::move(row.text), std::string(row.dataset), 1.0});
    batch.events.push_back(std::move(e));
    sink_.batch(std::move(batch));
}

void read_rows(LineReader& lines, TableFormat& format, const ImportContext& context,
               RowSink& sink) {
    RowBuilder builder(context, sink);
    std::vector<std::string_view> fields;
    std::vector<std::string> owned;
    std::string record;  // a CSV record spread over several lines
    std::string_view line;
    bool first = true;
    int64_t rows = 0;
    Row row;
    while (lines.next(line)) {
        const int64_t at = lines.number();
        if (line.empty())
            continue;
        if (format.quoted()) {
            if (!split_csv(line, format.separator(), fields, owned)) {
                record.assign(line);
                bool closed = false;
                while (!closed && lines.next(line)) {
                    record.append(1, '\n').append(line);
                    closed = split_csv(record, format.separator(), fields, owned);
                }
                if (!closed) {
                    sink.problem({fmt::format("{}:line {}: a quoted field is never closed",
                                              lines.name(), at)});
                    break;
                }
                line = record;
            }
        } else {
            split(line, format.separator(), fields);
        }
        if (first) {
            first = false;
            std::string error;
            if (format.header(fields, error)) {
                if (!error.empty())
                    throw std::runtime_error(
                        fmt::format("{}:line {}: {}", lines.name(), at, error));
                continue;
            }
        }
        ++rows;
        if (rows % 16384 == 0)
            sink.progress(rows, lines.bytes());
        row = Row{};
        std::string error = format.parse(fields, row);
        if (!error.empty()) {
            sink.problem({fmt::format("{}:line {}: {}", lines.name(), at, error)});
            continue;
        }
        if (row.id.empty())
            row.id = fmt::format("{}:{}", lines.name(), at);
        format.emit(row, line, builder);
    }
    sink.progress(rows, lines.bytes());
}

}  // namespace diplograph::datasets
