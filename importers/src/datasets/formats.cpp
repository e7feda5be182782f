// The dataset formats: GDELT 2.0 events and mentions, GDELT 1.0, ICEWS, POLECAT and declared
// mappings (docs/datasets.md). Column layouts are the published codebooks' (facts).
#include "tables.hpp"

#include <diplograph/importers/datasets.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <stdexcept>

namespace diplograph {

namespace datasets {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<double> to_double(std::string_view s) {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::string column_error(std::size_t index, std::string_view name, std::string_view what) {
    return fmt::format("column {} ({}): {}", index + 1, name, what);
}

// "https://www.example.com/a/b" → "www.example.com"
std::string host_of(std::string_view url) {
    auto scheme = url.find("://");
    if (scheme == std::string_view::npos)
        return {};
    url.remove_prefix(scheme + 3);
    return std::string(url.substr(0, url.find_first_of("/?#:")));
}

// GDELT 2.0 (61 columns) and 1.0 (57 or 58): the same first 35 columns; 2.0 adds ADM2Code to
// each of the three geographies.
class Gdelt : public TableFormat {
  public:
    Gdelt(const ImportContext& context, bool v2) : codes_(context.dictionaries), v2_(v2) {}

    std::string parse(const std::vector<std::string_view>& f, Row& row) override {
        const std::size_t n = f.size();
        if (v2_ ? n != 61 : (n != 57 && n != 58))
            return fmt::format("{} columns, a GDELT {} export has {}", n, v2_ ? "2.0" : "1.0",
                               v2_ ? "61" : "57 or 58");
        row.dataset = v2_ ? "gdelt2" : "gdelt1";
        row.title = v2_ ? "GDELT 2.0" : "GDELT 1.0";
        if (!all_digits(f[0]))
            return column_error(0, "GLOBALEVENTID", fmt::format("\"{}\" is not a number", f[0]));
        row.id.assign(f[0]);
        auto date = parse_dataset_date(f[1]);
        if (!date || f[1].size() != 8)
            return column_error(1, "SQLDATE", fmt::format("\"{}\" is not a date YYYYMMDD", f[1]));
        row.date = *date;
        auto type = cameo_type(f[26]);
        if (!type)
            return column_error(26, "EventCode", fmt::format("\"{}\" is not a CAMEO code", f[26]));
        row.type = *type;
        row.cameo.assign(f[26]);
        if (!f[30].empty()) {
            auto g = to_double(f[30]);
            if (!g || *g < -10 || *g > 10)
                return column_error(30, "GoldsteinScale",
                                    fmt::format("\"{}\" is not a value from -10 to 10", f[30]));
            row.goldstein = *g;
        }
        row.actor1 = codes_.actor(f[5], f[7], f[8]);
        row.actor2 = codes_.actor(f[15], f[17], f[18]);
        const std::size_t geo = v2_ ? 51 : 49;  // ActionGeo_Type
        if (const Entity* c = codes_.fips(f[geo + 2]))
            row.place = c->id;
        else
            row.place.assign(f[geo + 1]);
        const std::size_t added = v2_ ? 59 : 56;
        if (auto d = parse_dataset_date(f[added]))
            row.published = d->to_string();
        if (n > added + 1) {
            row.url.assign(f[added + 1]);
            row.outlet = host_of(row.url);
        }
        // Corroboration counts sources: what GDELT counted is kept, with the actor codes (the
        // sector after the country: USAGOV).
        row.attributes.reserve(5);
        if (f[5].size() > 3)
            row.attributes.emplace_back("gdelt.Actor1Code", f[5]);
        if (f[15].size() > 3)
            row.attributes.emplace_back("gdelt.Actor2Code", f[15]);
        row.attributes.emplace_back("gdelt.NumArticles", f[33]);
        row.attributes.emplace_back("gdelt.NumMentions", f[31]);
        row.attributes.emplace_back("gdelt.NumSources", f[32]);
        return {};
    }

  private:
    ActorCodes codes_;
    bool v2_;
};

// GDELT 2.0 mentions (16 columns): each one evidence of its event, which an export imported
// before (or in the same run) brought.
class GdeltMentions : public TableFormat {
  public:
    GdeltMentions(RowSink& sink) : sink_(sink) {}

    std::string parse(const std::vector<std::string_view>& f, Row& row) override {
        if (f.size() != 16)
            return fmt::format("{} columns, a GDELT 2.0 mentions file has 16", f.size());
        if (!all_digits(f[0]))
            return column_error(0, "GLOBALEVENTID", fmt::format("\"{}\" is not a number", f[0]));
        auto date = parse_dataset_date(f[1]);
        if (!date || f[1].size() != 14)
            return column_error(1, "EventTimeDate",
                                fmt::format("\"{}\" is not a time YYYYMMDDHHMMSS", f[1]));
        auto mentioned = parse_dataset_date(f[2]);
        if (!mentioned || f[2].size() != 14)
            return column_error(2, "MentionTimeDate",
                                fmt::format("\"{}\" is not a time YYYYMMDDHHMMSS", f[2]));
        for (std::size_t i : {6u, 9u, 11u})
            if (!f[i].empty() && f[i] != "-1" && !all_digits(f[i]))
                return column_error(i,
                                    i == 6   ? "SentenceID"
                                    : i == 9 ? "ActionCharOffset"
                                             : "Confidence",
                                    fmt::format("\"{}\" is not a number", f[i]));
        row.id.assign(f[0]);
        row.date = *date;
        row.published = mentioned->to_string();
        row.outlet.assign(f[4]);
        row.url.assign(f[5]);
        sentence_ = f[6].empty() ? -1 : std::atoi(std::string(f[6]).c_str());
        offset_ = f[9].empty() ? 0 : std::atoll(std::string(f[9]).c_str());
        confidence_ = f[11].empty() ? 1.0 : std::atoi(std::string(f[11]).c_str()) / 100.0;
        return {};
    }

    void emit(Row& row, std::string_view line, RowBuilder&) override {
        Batch batch;
        Source& s = batch.source;
        s.id = "source/" + stable_hash(fmt::format("gdelt2-mention:{} {}", row.id, row.url));
        s.url = std::move(row.url);
        s.title = fmt::format("GDELT 2.0 mention of event {}", row.id);
        s.outlet = std::move(row.outlet);
        s.published = std::move(row.published);
        s.content_hash = stable_hash(line);
        Event e;
        e.of_source = "source/" + stable_hash(fmt::format("gdelt2:{}", row.id));
        e.date = row.date;
        e.date.how = "gdelt2";
        e.evidence.push_back(Evidence{s.id, sentence_, std::max<int64_t>(offset_, 0),
                                      std::max<int64_t>(offset_, 0), "", "gdelt2-mention",
                                      std::clamp(confidence_, 0.0, 1.0)});
        batch.events.push_back(std::move(e));
        sink_.batch(std::move(batch));
    }

  private:
    RowSink& sink_;
    int sentence_ = -1;
    int64_t offset_ = 0;
    double confidence_ = 1.0;
};

// A table with a header line whose columns are found by name (ICEWS, POLECAT, mappings).
class Named : public TableFormat {
  protected:
    //! The index of the first of `names` the header has; -1 when none.
    int find(std::initializer_list<std::string_view> names) const {
        for (auto name : names)
            for (std::size_t i = 0; i < header_.size(); ++i)
                if (header_[i] == name)
                    return static_cast<int>(i);
        return -1;
    }
    bool read_header(const std::vector<std::string_view>& f) {
        header_.assign(f.begin(), f.end());
        if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0)
            header_[0].erase(0, 3);
        return true;
    }
    static std::string_view at(const std::vector<std::string_view>& f, int i) {
        return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)]
                                                                : std::string_view();
    }
    std::string name(int i) const { return i >= 0 ? header_[static_cast<std::size_t>(i)] : ""; }
    //! A Goldstein-scale intensity (-10..10) into row.goldstein; the error, "" when none.
    static std::string read_intensity(const std::vector<std::string_view>& f, int column,
                                      std::string_view label, Row& row) {
        if (auto g = at(f, column); !g.empty()) {
            auto v = to_double(g);
            if (!v || *v < -10 || *v > 10)
                return column_error(static_cast<std::size_t>(column), label,
                                    fmt::format("\"{}\" is not a value from -10 to 10", g));
            row.goldstein = *v;
        }
        return {};
    }
    //! An actor is its country; one without (an organisation) by its name.
    static const Entity* actor_of(const ActorCodes& codes, const std::vector<std::string_view>& f,
                                  int country, int name) {
        if (auto c = at(f, country); !c.empty())
            return codes.country_named(c);
        return codes.country_named(at(f, name));
    }
    //! Where it happened: the country's id, else the column's text.
    static void read_place(const ActorCodes& codes, const std::vector<std::string_view>& f,
                           int column, Row& row) {
        if (auto c = at(f, column); !c.empty()) {
            const Entity* place = codes.country_named(c);
            row.place = place ? place->id : std::string(c);
        }
    }
    std::vector<std::string> header_;
};

// ICEWS coded event data (Dataverse .tab): Event ID, Event Date, Source Name, Source Sectors,
// Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target
// Country, Story ID, Sentence Number, Publisher, City, District, Province, Country, Latitude,
// Longitude.
class Icews : public Named {
  public:
    explicit Icews(const ImportContext& context) : codes_(context.dictionaries) {}
    bool header(const std::vector<std::string_view>& f, std::string& error) override {
        read_header(f);
        id_ = find({"Event ID"});
        date_ = find({"Event Date"});
        code_ = find({"CAMEO Code"});
        source_ = find({"Source Country"});
        target_ = find({"Target Country"});
        source_name_ = find({"Source Name"});
        target_name_ = find({"Target Name"});
        source_sectors_ = find({"Source Sectors"});
        target_sectors_ = find({"Target Sectors"});
        text_ = find({"Event Text"});
        intensity_ = find({"Intensity"});
        story_ = find({"Story ID"});
        sentence_ = find({"Sentence Number"});
        publisher_ = find({"Publisher"});
        country_ = find({"Country"});
        if (date_ < 0 || code_ < 0 || (source_ < 0 && source_name_ < 0))
            error = "not an ICEWS header: it needs Event Date, CAMEO Code and Source Country";
        return true;
    }
    std::string parse(const std::vector<std::string_view>& f, Row& row) override {
        if (f.size() != header_.size())
            return fmt::format("{} columns, the header has {}", f.size(), header_.size());
        row.dataset = "icews";
        row.title = "ICEWS";
        row.id.assign(at(f, id_));
        auto date = parse_dataset_date(at(f, date_));
        if (!date)
            return column_error(static_cast<std::size_t>(date_), "Event Date",
                                fmt::format("\"{}\" is not a date", at(f, date_)));
        row.date = *date;
        auto code = at(f, code_);
        auto type = cameo_type(code);
        if (!type)
            return column_error(static_cast<std::size_t>(code_), "CAMEO Code",
                                fmt::format("\"{}\" is not a CAMEO code", code));
        row.type = *type;
        row.cameo.assign(code);
        if (auto error = read_intensity(f, intensity_, "Intensity", row); !error.empty())
            return error;
        row.actor1 = actor_of(codes_, f, source_, source_name_);
        row.actor2 = actor_of(codes_, f, target_, target_name_);
        row.text.assign(at(f, text_));
        row.outlet.assign(at(f, publisher_));
        read_place(codes_, f, country_, row);
        for (auto [column, key] :
             {std::pair{source_name_, "icews.Source Name"},
              std::pair{source_sectors_, "icews.Source Sectors"},
              std::pair{target_name_, "icews.Target Name"},
              std::pair{target_sectors_, "icews.Target Sectors"},
              std::pair{story_, "icews.Story ID"}, std::pair{sentence_, "icews.Sentence Number"}})
            if (auto v = at(f, column); !v.empty())
                row.attributes.emplace_back(key, v);
        std::sort(row.attributes.begin(), row.attributes.end());
        return {};
    }

  private:
    ActorCodes codes_;
    int id_ = -1, date_ = -1, code_ = -1, source_ = -1, target_ = -1, source_name_ = -1,
        target_name_ = -1, source_sectors_ = -1, target_sectors_ = -1, text_ = -1, intensity_ = -1,
        story_ = -1, sentence_ = -1, publisher_ = -1, country_ = -1;
};

// POLECAT (PLOVER-coded, tab-separated with a header): Event ID, Event Date, Event Type (the
// PLOVER category), Event Mode, Event Intensity, Contexts, Actor Name, Actor Country, Recipient
// Name, Recipient Country, Story ID, Publication Date, Source, Country…
class Polecat : public Named {
  public:
    explicit Polecat(const ImportContext& context) : codes_(context.dictionaries) {}
    bool header(const std::vector<std::string_view>& f, std::string& error) override {
        read_header(f);
        id_ = find({"Event ID"});
        date_ = find({"Event Date", "Story Date"});
        type_ = find({"Event Type"});
        mode_ = find({"Event Mode"});
        intensity_ = find({"Event Intensity"});
        context_ = find({"Contexts", "Context"});
        actor_ = find({"Actor Country", "Source Country"});
        recipient_ = find({"Recipient Country", "Target Country"});
        actor_name_ = find({"Actor Name", "Source Name"});
        recipient_name_ = find({"Recipient Name", "Target Name"});
        story_ = find({"Story ID"});
        published_ = find({"Publication Date"});
        source_ = find({"Source", "Publisher"});
        country_ = find({"Country"});
        if (date_ < 0 || type_ < 0 || actor_ < 0)
            error = "not a POLECAT header: it needs Event Date, Event Type and Actor Country";
        return true;
    }
    std::string parse(const std::vector<std::string_view>& f, Row& row) override {
        if (f.size() != header_.size())
            return fmt::format("{} columns, the header has {}", f.size(), header_.size());
        row.dataset = "polecat";
        row.title = "POLECAT";
        row.id.assign(at(f, id_));
        auto date = parse_dataset_date(at(f, date_));
        if (!date)
            return column_error(static_cast<std::size_t>(date_), name(date_),
                                fmt::format("\"{}\" is not a date", at(f, date_)));
        row.date = *date;
        std::string category(at(f, type_));
        for (auto& c : category)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!is_plover(category))
            return column_error(static_cast<std::size_t>(type_), "Event Type",
                                fmt::format("\"{}\" is not a PLOVER category", at(f, type_)));
        row.plover = category;
        row.plover_mode.assign(at(f, mode_));
        row.type = plover_type(category, row.plover_mode);
        if (auto error = read_intensity(f, intensity_, "Event Intensity", row); !error.empty())
            return error;
        row.actor1 = actor_of(codes_, f, actor_, actor_name_);
        row.actor2 = actor_of(codes_, f, recipient_, recipient_name_);
        if (auto p = parse_dataset_date(at(f, published_)))
            row.published = p->to_string();
        row.outlet.assign(at(f, source_));
        read_place(codes_, f, country_, row);
        for (auto [column, key] :
             {std::pair{context_, "polecat.Contexts"}, std::pair{actor_name_, "polecat.Actor Name"},
              std::pair{recipient_name_, "polecat.Recipient Name"},
              std::pair{story_, "polecat.Story ID"}})
            if (auto v = at(f, column); !v.empty())
                row.attributes.emplace_back(key, v);
        std::sort(row.attributes.begin(), row.attributes.end());
        return {};
    }

  private:
    ActorCodes codes_;
    int id_ = -1, date_ = -1, type_ = -1, mode_ = -1, intensity_ = -1, context_ = -1, actor_ = -1,
        recipient_ = -1, actor_name_ = -1, recipient_name_ = -1, story_ = -1, published_ = -1,
        source_ = -1, country_ = -1;
};

// A declared mapping (--map FILE, docs/datasets.md): which column is what.
class Mapped : public Named {
  public:
    Mapped(const ImportContext& context) : codes_(context.dictionaries) {
        const std::string& file = context.options.map_file;
        std::ifstream in(file);
        if (!in)
            throw std::runtime_error(file + ": cannot read the mapping");
        std::string text;
        for (int number = 1; std::getline(in, text); ++number) {
            auto words = words_of(text);
            if (words.empty())
                continue;
            auto fail = [&](const std::string& what) {
                throw std::runtime_error(fmt::format("{}: line {}: {}", file, number, what));
            };
            const std::string& key = words[0];
            auto want = [&](std::size_t min, std::size_t max) {
                if (words.size() < min + 1 || words.size() > max + 1)
                    fail(fmt::format(
                        "\"{}\" takes {} value{}", key,
                        min == max ? fmt::format("{}", min) : fmt::format("{} to {}", min, max),
                        max > 1 ? "s" : ""));
            };
            if (key == "separator") {
                want(1, 1);
                const std::map<std::string, char> kSeps = {
                    {"comma", ','}, {"tab", '\t'}, {"semicolon", ';'}, {"pipe", '|'}};
                auto it = kSeps.find(words[1]);
                if (it == kSeps.end())
                    fail("separator: expected comma, tab, semicolon or pipe");
                separator_ = it->second;
            } else if (key == "dataset") {
                want(1, 1);
                dataset_ = words[1];
            } else if (key == "type") {
                want(2, 2);
                auto t = event_type_from_string(words[2]);
                if (!t)
                    fail(fmt::format("type \"{}\": no such event type", words[2]));
                types_[words[1]] = *t;
            } else if (key == "attribute") {
                want(1, 1);
                columns_.push_back({key, words[1], ""});
            } else if (key == "id" || key == "date" || key == "cameo" || key == "plover" ||
                       key == "plover_mode" || key == "goldstein" || key == "code" ||
                       key == "url" || key == "outlet" || key == "text") {
                want(1, 1);
                columns_.push_back({key, words[1], ""});
            } else if (key == "actor1" || key == "actor2" || key == "place") {
                want(1, 2);
                std::string how = words.size() > 2 ? words[2] : "name";
                if (how != "name" && how != "iso3" && how != "cameo" && how != "fips")
                    fail(fmt::format("{}: \"{}\": expected name, iso3, cameo or fips", key, how));
                columns_.push_back({key, words[1], how});
            } else {
                fail(fmt::format(
                    "unknown key \"{}\" (expected separator, dataset, id, date, actor1, "
                    "actor2, place, code, type, cameo, plover, plover_mode, "
                    "goldstein, url, outlet, text or attribute)",
                    key));
            }
        }
        auto has = [&](std::string_view k) {
            return std::any_of(columns_.begin(), columns_.end(),
                               [&](auto& c) { return c.key == k; });
        };
        if (!has("date") || !has("actor1"))
            throw std::runtime_error(file +
                                     ": a mapping names at least the date and actor1 columns");
    }

    char separator() const override { return separator_; }
    bool quoted() const override { return true; }

    bool header(const std::vector<std::string_view>& f, std::string& error) override {
        read_header(f);
        for (auto& c : columns_) {
            c.index = find({c.column});
            if (c.index < 0 && error.empty())
                error = fmt::format("no column \"{}\" (named by {} in {})", c.column, c.key,
                                    "the mapping");
        }
        return true;
    }

    std::string parse(const std::vector<std::string_view>& f, Row& row) override {
        if (f.size() != header_.size())
            return fmt::format("{} columns, the header has {}", f.size(), header_.size());
        row.dataset = dataset_;
        row.title = dataset_;
        std::string_view code;
        bool coded = false;
        for (const auto& c : columns_) {
            auto v = at(f, c.index);
            const auto i = static_cast<std::size_t>(c.index);
            if (c.key == "id") {
                row.id.assign(v);
            } else if (c.key == "date") {
                auto d = parse_dataset_date(v);
                if (!d)
                    return column_error(i, c.column, fmt::format("\"{}\" is not a date", v));
                row.date = *d;
            } else if (c.key == "actor1" || c.key == "actor2") {
                (c.key == "actor1" ? row.actor1 : row.actor2) = resolve(v, c.how);
            } else if (c.key == "place") {
                const Entity* p = v.empty() ? nullptr : resolve(v, c.how);
                row.place = p ? p->id : std::string(v);
            } else if (c.key == "code") {
                code = v;
                coded = true;
            } else if (c.key == "cameo" && !v.empty()) {
                auto t = cameo_type(v);
                if (!t)
                    return column_error(i, c.column, fmt::format("\"{}\" is not a CAMEO code", v));
                row.cameo.assign(v);
                if (!coded && row.plover.empty())
                    row.type = *t;
            } else if (c.key == "plover" && !v.empty()) {
                std::string category(v);
                for (auto& ch : category)
                    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                if (!is_plover(category))
                    return column_error(i, c.column,
                                        fmt::format("\"{}\" is not a PLOVER category", v));
                row.plover = category;
            } else if (c.key == "plover_mode") {
                row.plover_mode.assign(v);
            } else if (c.key == "goldstein" && !v.empty()) {
                auto g = to_double(v);
                if (!g || *g < -10 || *g > 10)
                    return column_error(i, c.column,
                                        fmt::format("\"{}\" is not a value from -10 to 10", v));
                row.goldstein = *g;
            } else if (c.key == "url") {
                row.url.assign(v);
            } else if (c.key == "outlet") {
                row.outlet.assign(v);
            } else if (c.key == "text") {
                row.text.assign(v);
            } else if (c.key == "attribute" && !v.empty()) {
                row.attributes.emplace_back(dataset_ + "." + c.column, v);
            }
        }
        if (coded) {
            auto it = types_.find(std::string(code));
            if (it != types_.end()) {
                row.type = {it->second, "", false};
            } else {
                subtype_.assign(code);
                for (auto& ch : subtype_)
                    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                row.type = {EventType::OTHER, subtype_, false};
            }
        } else if (row.cameo.empty() && !row.plover.empty()) {
            row.type = plover_type(row.plover, row.plover_mode);
        } else if (row.cameo.empty()) {
            row.type = {EventType::OTHER, "", false};
        }
        std::sort(row.attributes.begin(), row.attributes.end());
        return {};
    }

  private:
    struct Column {
        std::string key, column, how;
        int index = -1;
    };
    const Entity* resolve(std::string_view v, const std::string& how) const {
        if (v.empty())
            return nullptr;
        if (how == "iso3")
            return codes_.country(v);
        if (how == "fips")
            return codes_.fips(v);
        if (how == "cameo")
            return codes_.actor(v, "", "");
        // A name: the whole text, else what follows its last " of " without a parenthesis
        // ("Military Forces of Sudan (2019-)" → Sudan).
        if (const Entity* e = codes_.country_named(v))
            return e;
        auto cut = v.find(" (");
        auto name = v.substr(0, cut);
        auto of = name.rfind(" of ");
        if (of != std::string_view::npos)
            return codes_.country_named(name.substr(of + 4));
        return nullptr;
    }
    static std::vector<std::string> words_of(const std::string& text) {
        std::vector<std::string> out;
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
                ++i;
                continue;
            }
            if (text[i] == '#')
                break;
            std::string w;
            if (text[i] == '"') {
                auto end = text.find('"', i + 1);
                w = text.substr(i + 1, end == std::string::npos ? end : end - i - 1);
                i = end == std::string::npos ? text.size() : end + 1;
            } else {
                auto end = text.find_first_of(" \t\r", i);
                w = text.substr(i, end == std::string::npos ? end : end - i);
                i = end == std::string::npos ? text.size() : end;
            }
            out.push_back(std::move(w));
        }
        return out;
    }
    ActorCodes codes_;
    char separator_ = ',';
    std::string dataset_ = "map";
    std::string subtype_;
    std::vector<Column> columns_;
    std::map<std::string, EventType> types_;
};

// Adapts a TableFormat to the registry's Importer: a stream from a file, or bytes in memory.
template <typename Format>
class TableImporter : public Importer {
  public:
    bool streams() const override { return true; }
    void stream(const std::string& path, const ImportContext& context,
                RowSink& sink) const override {
        LineReader lines(open_source(path));
        run(lines, context, sink);
    }
    ReadResult read(const Input& input, const ImportContext& context) const override {
        struct Collect : RowSink {
            ReadResult result;
            void batch(Batch&& b) override { result.batches.push_back(std::move(b)); }
            void problem(Problem&& p) override { result.problems.push_back(std::move(p)); }
            void left_out(std::string_view) override {}
        } collect;
        try {
            LineReader lines(memory_source(input.name, input.content));
            run(lines, context, collect);
        } catch (const std::runtime_error& e) {
            collect.result.problems.push_back({e.what()});
        }
        return std::move(collect.result);
    }

  private:
    static void run(LineReader& lines, const ImportContext& context, RowSink& sink) {
        auto format = make(context, sink);
        read_rows(lines, *format, context, sink);
    }
    static std::unique_ptr<TableFormat> make(const ImportContext& context, RowSink& sink) {
        if constexpr (std::is_same_v<Format, GdeltMentions>)
            return std::make_unique<GdeltMentions>(sink);
        else if constexpr (std::is_same_v<Format, Gdelt>)
            return std::make_unique<Gdelt>(context, true);
        else
            return std::make_unique<Format>(context);
    }
};

class Gdelt1 : public Gdelt {
  public:
    explicit Gdelt1(const ImportContext& context) : Gdelt(context, false) {}
};

// Counts the fields of the first lines: "tab-separated" with n columns when each of them
// (up to five) has the same number of tabs (at least 2 columns on 2 lines or more, 4 on one
// line), or commas, or semicolons (at least 4 columns on 2 lines or more).
struct Shape {
    char separator = 0;
    std::size_t columns = 0;
    std::vector<std::vector<std::string_view>> lines;  //!< tab-separated only
};
Shape shape_of(std::string_view head) {
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (lines.size() < 5 && at < head.size()) {
        auto nl = head.find('\n', at);
        if (nl == std::string_view::npos)
            break;  // the last line may be cut in the middle
        auto line = head.substr(at, nl - at);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty())
            lines.push_back(line);
        at = nl + 1;
    }
    if (lines.empty() && !head.empty() && head.size() < 65536)
        lines.push_back(head.substr(0, head.find_last_not_of("\r\n") + 1));
    Shape shape;
    for (char sep : {'\t', ',', ';', '|'}) {
        std::vector<std::vector<std::string_view>> fields(lines.size());
        std::size_t columns = 0;
        bool same = !lines.empty();
        for (std::size_t i = 0; i < lines.size() && same; ++i) {
            // Quoted fields' views die with `quoted`: only the counts are kept of CSV lines.
            std::vector<std::string> quoted;
            if (sep == '\t')
                split(lines[i], sep, fields[i]);
            else if (!split_csv(lines[i], sep, fields[i], quoted))
                fields[i].clear();  // a record that goes on: its count is unknown here
            same = (i == 0 || fields[i].size() == columns);
            columns = fields[i].size();
        }
        // One line alone is a table only tab-separated (a sentence has commas). Tabs on every
        // line, as many on each, make a table from 2 columns on when there are 2 lines or
        // more: prose has no tabs in the middle of its lines (a small table is no article),
        // only before them (paragraphs indented by a tab: an empty first field).
        auto indented = [&] {
            return std::any_of(fields.begin(), fields.end(),
                               [](const auto& f) { return f.empty() || f.front().empty(); });
        };
        bool table = sep == '\t'
                         ? (columns >= 4 || (columns >= 2 && lines.size() >= 2 && !indented()))
                         : (columns >= 4 && lines.size() >= 2);
        if (same && table) {
            shape.separator = sep;
            shape.columns = columns;
            if (sep == '\t')
                shape.lines = std::move(fields);
            return shape;
        }
    }
    return shape;
}

bool has_column(const std::vector<std::string_view>& header, std::string_view name) {
    return std::find(header.begin(), header.end(), name) != header.end();
}

}  // namespace

}  // namespace datasets

void register_dataset_importers() {
    using namespace datasets;
    auto& r = ImporterRegistry::instance();
    r.add("gdelt2", [] { return std::make_unique<TableImporter<Gdelt>>(); });
    r.add("gdelt2-mentions", [] { return std::make_unique<TableImporter<GdeltMentions>>(); });
    r.add("gdelt1", [] { return std::make_unique<TableImporter<Gdelt1>>(); });
    r.add("icews", [] { return std::make_unique<TableImporter<Icews>>(); });
    r.add("polecat", [] { return std::make_unique<TableImporter<Polecat>>(); });
    r.add("map", [] { return std::make_unique<TableImporter<Mapped>>(); });
}

std::string detect_dataset(const std::string& name, std::string_view head) {
    using namespace datasets;
    auto shape = shape_of(head);
    if (shape.separator != '\t' || shape.lines.empty())
        return {};
    const auto& first = shape.lines.front();
    auto digits = [](std::string_view s, std::size_t n) {
        return s.size() == n &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto numeric = [](std::string_view s) {
        return !s.empty() &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    (void)name;  // the shape decides; names only confirm what it says
    if (shape.columns == 61 && numeric(first[0]) && digits(first[1], 8))
        return "gdelt2";
    if ((shape.columns == 57 || shape.columns == 58) && numeric(first[0]) && digits(first[1], 8))
        return "gdelt1";
    if (shape.columns == 16 && numeric(first[0]) && digits(first[1], 14) && digits(first[2], 14))
        return "gdelt2-mentions";
    if (has_column(first, "CAMEO Code") && has_column(first, "Event Date") &&
        (has_column(first, "Source Country") || has_column(first, "Source Name")))
        return "icews";
    if (has_column(first, "Event Type") && has_column(first, "Event Mode") &&
        (has_column(first, "Actor Country") || has_column(first, "Source Country")))
        return "polecat";
    return {};
}

Input peek_file(const std::string& path, std::size_t limit) {
    auto head = datasets::read_head(path, limit);
    return Input{std::move(head.name), std::move(head.bytes)};
}

std::string describe_table(std::string_view head) {
    using namespace datasets;
    auto shape = shape_of(head);
    if (!shape.separator)
        return {};
    const char* kind = shape.separator == '\t'  ? "tab-separated"
                       : shape.separator == ',' ? "comma-separated"
                       : shape.separator == ';' ? "semicolon-separated"
                                                : "pipe-separated";
    std::string guess;
    switch (shape.columns) {
        case 61:
            guess = ": a GDELT 2.0 export? use --format gdelt2";
            break;
        case 57:
        case 58:
            guess = ": a GDELT 1.0 export? use --format gdelt1";
            break;
        case 16:
            guess = ": a GDELT 2.0 mentions file? use --format gdelt2-mentions";
            break;
        default:
            guess = ": declare its columns with --map FILE (docs/datasets.md)";
    }
    return fmt::format("a {} table with {} columns{}", kind, shape.columns, guess);
}

}  // namespace diplograph
