#include <diplograph/importers/datasets.hpp>
#include <diplograph/importers/findings.hpp>
#include <diplograph/importers/text.hpp>

#include <diplograph/graph/fold.hpp>

#include "json.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace diplograph {

namespace {

constexpr std::array<std::string_view, 9> kSubtypes = {
    "military",  "security",     "economic",   "trade",        "energy",
    "education", "humanitarian", "diplomatic", "institutional"};

//! A record-level problem: thrown inside one record, caught by the loop over records.
struct RecordError {
    std::string field;
    std::string message;
};

using Value = rapidjson::Value;

//! The members of a record: one at least must be there.
constexpr std::array<const char*, 5> kRecordKeys = {"source", "countries", "organizations",
                                                    "people", "events"};

std::string str(const Value& v) {
    return {v.GetString(), v.GetStringLength()};
}

const Value* member(const Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull())
        return nullptr;
    return &it->value;
}

std::string optional_string(const Value& obj, const char* key, const std::string& field) {
    const Value* v = member(obj, key);
    if (!v)
        return {};
    if (!v->IsString())
        throw RecordError{field + key, "expected a string"};
    return str(*v);
}

const Value& array_of(const Value& obj, const char* key, const std::string& field) {
    static const Value empty(rapidjson::kArrayType);
    const Value* v = member(obj, key);
    if (!v)
        return empty;
    if (!v->IsArray())
        throw RecordError{field + key, "expected an array"};
    return *v;
}

std::string event_type_list() {
    std::string out;
    for (const auto& t : event_types())
        out += (out.empty() ? "" : ", ") + std::string(t.name);
    return out;
}

class RecordReader {
  public:
    RecordReader(const ImportContext& ctx, Batch& batch) : ctx_(ctx), batch_(batch) {}

    void read(const Value& doc) {
        if (!doc.IsObject())
            throw RecordError{"", "expected a JSON object"};
        // "{}" stored an article without a source, a title or anything else (issue 14).
        if (std::none_of(kRecordKeys.begin(), kRecordKeys.end(),
                         [&](const char* key) { return member(doc, key) != nullptr; }))
            throw RecordError{"",
                              "an empty record: no source, countries, organizations, people "
                              "or events to import"};
        read_source(doc);
        for (rapidjson::SizeType i = 0; const auto& c : array_of(doc, "countries", "").GetArray()) {
            std::string field = fmt::format("countries[{}]", i++);
            if (!c.IsString())
                throw RecordError{field, "expected a country code"};
            add_country(str(c), field);
        }
        for (rapidjson::SizeType i = 0;
             const auto& o : array_of(doc, "organizations", "").GetArray()) {
            std::string field = fmt::format("organizations[{}]", i++);
            if (!o.IsString() || o.GetStringLength() == 0)
                throw RecordError{field, "expected an organisation acronym"};
            listed_orgs_.insert(fold(str(o)));
            add_org(str(o), field, true);
        }
        for (rapidjson::SizeType i = 0; const auto& p : array_of(doc, "people", "").GetArray())
            read_person(p, fmt::format("people[{}]", i++));
        for (rapidjson::SizeType i = 0; const auto& e : array_of(doc, "events", "").GetArray())
            read_event(e, fmt::format("events[{}]", i++));
        for (auto& [id, e] : entities_)
            batch_.entities.push_back(std::move(e));
    }

  private:
    void read_source(const Value& doc) {
        Source& s = batch_.source;
        if (const Value* src = member(doc, "source")) {
            if (!src->IsObject())
                throw RecordError{"source", "expected an object"};
            s.url = optional_string(*src, "url", "source.");
            s.title = optional_string(*src, "title", "source.");
            s.outlet = optional_string(*src, "outlet", "source.");
            s.lang = optional_string(*src, "lang", "source.");
            s.published = optional_string(*src, "published", "source.");
            if (!s.published.empty() && !Date::parse(s.published.substr(0, 10)))
                throw RecordError{
                    "source.published",
                    fmt::format("\"{}\" is not a date (expected YYYY-MM-DD)", s.published)};
        }
        if (!ctx_.options.published.empty())
            s.published = ctx_.options.published;
        if (s.published.size() > 10)
            s.published = s.published.substr(0, 10);
        published_ = Date::parse(s.published).value_or(Date{});
    }

    const std::string& add_country(std::string code, const std::string& field) {
        for (auto& ch : code)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        const Entity* e = ctx_.dictionaries.country(code);
        if (!e)
            throw RecordError{field, fmt::format("unknown country code \"{}\"{}", code,
                                                 ctx_.dictionaries.suggest_country(code))};
        return entities_.try_emplace(e->id, *e).first->first;
    }

    std::string add_org(const std::string& name, const std::string& field, bool listed) {
        if (const Entity* e = ctx_.dictionaries.organization(name))
            return entities_.try_emplace(e->id, *e).first->first;
        std::string acronym = name.rfind("org/", 0) == 0 ? name.substr(4) : name;
        if (!listed && !listed_orgs_.count(fold(acronym)))
            return {};
        if (acronym.empty())
            throw RecordError{field, "empty organisation"};
        std::string id = "org/" + acronym;
        entities_.try_emplace(id, Entity{id, EntityKind::organization, acronym, "", {}});
        return id;
    }

    std::string add_person(const std::string& name, const std::string& country,
                           const std::vector<std::string>& aliases) {
        if (const Entity* e = ctx_.dictionaries.person_by_name(name)) {
            if (entities_.try_emplace(e->id, *e).second) {
                for (const auto& r : ctx_.dictionaries.roles_of(e->id))
                    add_role_target(r);
            }
            people_[fold(name)] = e->id;
            for (const auto& a : aliases)
                people_[fold(a)] = e->id;
            return e->id;
        }
        std::string id = "person/" + slugify(name);
        auto [it, fresh] =
            entities_.try_emplace(id, Entity{id, EntityKind::person, name, country, {}});
        if (!country.empty() && it->second.country.empty())
            it->second.country = country;
        for (const auto& a : aliases) {
            it->second.aliases.push_back({a, "*"});
            people_[fold(a)] = id;
        }
        people_[fold(name)] = id;
        return id;
    }

    void add_role_target(const Role& r) {
        if (r.of.rfind("org/", 0) == 0) {
            if (const Entity* o = ctx_.dictionaries.entity(r.of))
                entities_.try_emplace(o->id, *o);
        } else if (const Entity* c = ctx_.dictionaries.country(r.of)) {
            entities_.try_emplace(c->id, *c);
        }
        batch_.roles.push_back(r);
    }

    void read_person(const Value& p, const std::string& field) {
        if (!p.IsObject())
            throw RecordError{field, "expected an object with a name"};
        std::string name = optional_string(p, "name", field + ".");
        if (name.empty())
            throw RecordError{field + ".name", "missing"};
        std::string country = optional_string(p, "country", field + ".");
        // An official of an organisation has its code here ("AU" for the AU Commission's
        // chairperson): the role is held in the organisation, the person has no country.
        std::string of;
        if (!country.empty()) {
            std::string upper = country;
            for (auto& ch : upper)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (!ctx_.dictionaries.country(upper))
                of = add_org(country, field + ".country", false);
            if (of.empty())
                country = add_country(country, field + ".country");
            else
                country.clear();
        }
        std::vector<std::string> aliases;
        for (const auto& a : array_of(p, "aliases", field + ".").GetArray()) {
            if (!a.IsString())
                throw RecordError{field + ".aliases", "expected strings"};
            aliases.push_back(str(a));
        }
        std::string id = add_person(name, country, aliases);
        std::string role = optional_string(p, "role", field + ".");
        if (!role.empty() && !(of.empty() && country.empty())) {
            Role r{id, role, of.empty() ? country : of, published_, published_, Evidence{}};
            r.evidence->rule = "findings";
            r.evidence->text = name + ", " + role;
            batch_.roles.push_back(std::move(r));
        }
    }

    std::string resolve_actor(const std::string& actor, const std::string& field) {
        if (actor.empty())
            throw RecordError{field, "empty actor"};
        if (actor.rfind("person/", 0) == 0) {
            for (const auto& [id, e] : entities_)
                if (id == actor)
                    return id;
            if (const Entity* e = ctx_.dictionaries.entity(actor))
                return add_person(e->name, e->country, {});
            throw RecordError{field,
                              fmt::format("unknown person \"{}\" (list them in people)", actor)};
        }
        if (actor.rfind("org/", 0) == 0)
            return add_org(actor, field, true);
        bool code = actor.size() == 3 && std::all_of(actor.begin(), actor.end(), [](char c) {
                        return std::isalpha(static_cast<unsigned char>(c));
                    });
        std::string upper = actor;
        for (auto& ch : upper)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (code && ctx_.dictionaries.country(upper))
            return add_country(upper, field);
        if (std::string id = add_org(actor, field, false); !id.empty())
            return id;
        if (code)
            return add_country(upper, field);  // throws, with a suggestion
        throw RecordError{field, fmt::format("unknown actor \"{}\": expected an ISO 3166-1 alpha-3 "
                                             "code, an organisation acronym or an entity id",
                                             actor)};
    }

    // What a coded dataset says of the event: cameo, plover, plover_mode, goldstein and
    // attributes ({"key": "value" or number}), each optional.
    static void read_codes(const Value& v, const std::string& field, Event& e) {
        e.cameo = optional_string(v, "cameo", field + ".");
        if (!e.cameo.empty() && !std::all_of(e.cameo.begin(), e.cameo.end(),
                                             [](char c) { return c >= '0' && c <= '9'; }))
            throw RecordError{field + ".cameo",
                              fmt::format("\"{}\" is not a CAMEO code (digits: \"042\")", e.cameo)};
        e.plover = optional_string(v, "plover", field + ".");
        e.plover_mode = optional_string(v, "plover_mode", field + ".");
        if (const Value* g = member(v, "goldstein")) {
            if (!g->IsNumber() || g->GetDouble() < -10 || g->GetDouble() > 10)
                throw RecordError{field + ".goldstein", "expected a number from -10 to 10"};
            e.goldstein = g->GetDouble();
        }
        if (const Value* a = member(v, "attributes")) {
            if (!a->IsObject())
                throw RecordError{field + ".attributes", "expected an object of values"};
            for (const auto& m : a->GetObject()) {
                std::string key = str(m.name);
                if (m.value.IsString())
                    e.attributes.emplace_back(key, str(m.value));
                else if (m.value.IsInt64())
                    e.attributes.emplace_back(key, std::to_string(m.value.GetInt64()));
                else if (m.value.IsNumber())
                    e.attributes.emplace_back(key, fmt::format("{}", m.value.GetDouble()));
                else
                    throw RecordError{field + ".attributes." + key,
                                      "expected a string or a number"};
            }
            std::sort(e.attributes.begin(), e.attributes.end());
        }
    }

    void read_event(const Value& v, const std::string& field) {
        if (!v.IsObject())
            throw RecordError{field, "expected an object"};
        Event e;
        std::string type = optional_string(v, "type", field + ".");
        if (type.empty())
            throw RecordError{field + ".type", "missing"};
        auto t = event_type_from_string(type);
        if (!t)
            throw RecordError{field + ".type",
                              fmt::format("unknown event type \"{}\" (expected one of {})", type,
                                          event_type_list())};
        e.type = *t;
        e.subtype = optional_string(v, "subtype", field + ".");
        // OTHER's subtype is the name of its CAMEO root ("make public statement"): any text.
        if (!e.subtype.empty() && e.type != EventType::OTHER &&
            std::find(kSubtypes.begin(), kSubtypes.end(), e.subtype) == kSubtypes.end())
            throw RecordError{field + ".subtype",
                              fmt::format("unknown subtype \"{}\" (expected military, security, "
                                          "economic, trade, energy, education, humanitarian, "
                                          "diplomatic or institutional)",
                                          e.subtype)};
        std::string status = optional_string(v, "status", field + ".");
        if (!status.empty()) {
            auto s = status_from_string(status);
            if (!s)
                throw RecordError{field + ".status",
                                  fmt::format("unknown status \"{}\" (expected occurred, agreed, "
                                              "planned or reported)",
                                              status)};
            e.status = *s;
        }
        std::string date = optional_string(v, "date", field + ".");
        if (!date.empty()) {
            auto d = DateInterval::parse(date);
            if (!d)
                throw RecordError{field + ".date",
                                  fmt::format("\"{}\" is not a date (expected YYYY, YYYY-MM or "
                                              "YYYY-MM-DD)",
                                              date)};
            e.date = *d;
            std::string how = optional_string(v, "date_how", field + ".");
            if (!how.empty())
                e.date.how = how;
        }
        e.place = optional_string(v, "place", field + ".");
        read_codes(v, field, e);

        const bool symmetric = info(e.type).symmetric;
        if (const Value* parts = member(v, "participants")) {
            if (!parts->IsArray())
                throw RecordError{field + ".participants", "expected an array"};
            for (rapidjson::SizeType i = 0; const auto& p : parts->GetArray()) {
                std::string pf = fmt::format("{}.participants[{}]", field, i++);
                if (!p.IsObject())
                    throw RecordError{pf, "expected {\"id\", \"role\"}"};
                std::string id = resolve_actor(optional_string(p, "id", pf + "."), pf + ".id");
                std::string role = optional_string(p, "role", pf + ".");
                auto r = participant_role_from_string(role.empty() ? "participant" : role);
                if (!r)
                    throw RecordError{pf + ".role", fmt::format("unknown role \"{}\"", role)};
                e.participants.push_back({id, *r});
            }
        } else {
            for (rapidjson::SizeType i = 0;
                 const auto& a : array_of(v, "actors", field + ".").GetArray()) {
                std::string af = fmt::format("{}.actors[{}]", field, i);
                if (!a.IsString())
                    throw RecordError{af, "expected a string"};
                std::string id = resolve_actor(str(a), af);
                ParticipantRole role =
                    symmetric ? (e.type == EventType::AGREEMENT ? ParticipantRole::party
                                                                : ParticipantRole::participant)
                    : i == 0  ? ParticipantRole::initiator
                              : ParticipantRole::target;
                e.participants.push_back({id, role});
                ++i;
            }
            for (rapidjson::SizeType i = 0;
                 const auto& p : array_of(v, "people", field + ".").GetArray()) {
                std::string pf = fmt::format("{}.people[{}]", field, i++);
                if (!p.IsString())
                    throw RecordError{pf, "expected a name"};
                auto it = people_.find(fold(str(p)));
                std::string id = it != people_.end() ? it->second : add_person(str(p), "", {});
                e.participants.push_back({id, ParticipantRole::participant});
            }
        }
        if (e.participants.empty())
            throw RecordError{field + ".actors", "an event needs at least one actor"};
        std::string evidence = optional_string(v, "evidence", field + ".");
        double confidence = 1.0;
        if (const Value* c = member(v, "confidence")) {
            if (!c->IsNumber() || c->GetDouble() < 0 || c->GetDouble() > 1)
                throw RecordError{field + ".confidence", "expected a number from 0 to 1"};
            confidence = c->GetDouble();
        }
        std::string rule = optional_string(v, "rule", field + ".");
        e.evidence.push_back(
            Evidence{"", -1, 0, 0, evidence, rule.empty() ? "findings" : rule, confidence});
        if (const Value* s = member(v, "sentence"); s && s->IsInt())
            e.evidence.back().sentence = s->GetInt();
        if (const Value* s = member(v, "span");
            s && s->IsArray() && s->Size() == 2 && (*s)[0].IsInt64() && (*s)[1].IsInt64()) {
            e.evidence.back().begin = (*s)[0].GetInt64();
            e.evidence.back().end = (*s)[1].GetInt64();
        }
        batch_.events.push_back(std::move(e));
    }

    const ImportContext& ctx_;
    Batch& batch_;
    Date published_;
    std::map<std::string, Entity> entities_;
    std::map<std::string, std::string> people_;  // folded name → id
    std::set<std::string> listed_orgs_;
};

// Reads one record; on success appends a batch, otherwise a problem at `where`.
void read_record(std::string_view text, const std::string& where, const ImportContext& ctx,
                 ReadResult& out) {
    rapidjson::Document doc;
    std::string error;
    if (!json::parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseStopWhenDoneFlag>(
            doc, text, error)) {
        out.problems.push_back({fmt::format("{}, {}", where, error)});
        return;
    }
    Batch batch;
    try {
        RecordReader(ctx, batch).read(doc);
    } catch (const RecordError& e) {
        out.problems.push_back(
            {fmt::format("{}: {}{}{}", where, e.field, e.field.empty() ? "" : ": ", e.message)});
        return;
    }
    batch.source.content_hash = stable_hash(text);
    batch.source.id = make_source_id(batch.source);
    for (auto& ev : batch.events)
        for (auto& evidence : ev.evidence)
            evidence.source = batch.source.id;
    for (auto& r : batch.roles)
        if (r.evidence)
            r.evidence->source = batch.source.id;
    out.batches.push_back(std::move(batch));
}

}  // namespace

ReadResult FindingsImporter::read(const Input& input, const ImportContext& ctx) const {
    ReadResult out;
    std::string_view text = input.content;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.problems.push_back({input.name + ": empty file: no findings to import"});
        return out;
    }
    bool lines = input.name.ends_with(".jsonl") || input.name.ends_with(".ndjson");
    if (!lines) {
        // A .json file holds one object or an array of them; several objects one per line
        // make it JSON Lines after all.
        rapidjson::Document doc;
        std::string error;
        bool several = false;
        bool parsed =
            json::parse<rapidjson::kParseValidateEncodingFlag>(doc, text, error, &several);
        if (several) {
            lines = true;
        } else if (!parsed) {
            out.problems.push_back({fmt::format("{}: {}", input.name, error)});
            return out;
        } else if (doc.IsArray()) {
            for (rapidjson::SizeType i = 0; i < doc.Size(); ++i) {
                rapidjson::StringBuffer buffer;
                rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
                doc[i].Accept(writer);
                read_record({buffer.GetString(), buffer.GetSize()},
                            fmt::format("{}: record {}", input.name, i + 1), ctx, out);
            }
            return out;
        } else {
            read_record(text, input.name, ctx, out);
            if (!out.problems.empty()) {
                // "file, byte N" reads oddly for a whole-file record; keep the message.
            }
            return out;
        }
    }
    std::size_t start = 0;
    int number = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        ++number;
        auto line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos)
            read_record(line, fmt::format("{}: line {}", input.name, number), ctx, out);
        start = end + 1;
    }
    return out;
}

namespace {

template <typename Writer>
void write_string(Writer& w, const std::string& s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename Writer>
void write_batch(Writer& w, const Batch& batch, const FindingsWriteOptions& options) {
    std::map<std::string, const Entity*> by_id;
    for (const auto& e : batch.entities)
        by_id[e.id] = &e;
    w.StartObject();
    if (options.with_source) {
        const Source& s = batch.source;
        w.Key("source");
        w.StartObject();
        for (auto [key, value] : {std::pair{"url", &s.url},
                                  {"title", &s.title},
                                  {"published", &s.published},
                                  {"lang", &s.lang},
                                  {"outlet", &s.outlet}}) {
            w.Key(key);
            if (value->empty()) {
                w.Null();
            } else {
                write_string(w, *value);
            }
        }
        w.EndObject();
    }
    w.Key("countries");
    w.StartArray();
    for (const auto& e : batch.entities)
        if (e.kind == EntityKind::country)
            write_string(w, e.id);
    w.EndArray();
    w.Key("people");
    w.StartArray();
    for (const auto& e : batch.entities) {
        if (e.kind != EntityKind::person)
            continue;
        w.StartObject();
        w.Key("name");
        write_string(w, e.name);
        // The role the source gives, else a dictionary role in force on the source's date.
        const Role* best = nullptr;
        for (const auto& r : batch.roles) {
            if (r.person != e.id)
                continue;
            if (!best || (r.evidence && !best->evidence))
                best = &r;
        }
        // Whom the person acts for: an organisation when that is the office held (Guterres
        // for the UN), else the country.
        w.Key("country");
        if (best && best->of.starts_with("org/")) {
            write_string(w, best->of.substr(4));
        } else if (e.country.empty()) {
            w.Null();
        } else {
            write_string(w, e.country);
        }
        w.Key("role");
        if (best) {
            write_string(w, best->title);
        } else {
            w.Null();
        }
        std::vector<std::string> aliases;
        for (const auto& a : e.aliases)
            aliases.push_back(a.text);
        if (!aliases.empty()) {
            w.Key("aliases");
            w.StartArray();
            for (const auto& a : aliases)
                write_string(w, a);
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("organizations");
    w.StartArray();
    for (const auto& e : batch.entities)
        if (e.kind == EntityKind::organization)
            write_string(w, e.id.substr(4));
    w.EndArray();
    w.Key("events");
    w.StartArray();
    for (const auto& ev : batch.events) {
        w.StartObject();
        w.Key("type");
        w.String(to_string(ev.type).data(),
                 static_cast<rapidjson::SizeType>(to_string(ev.type).size()));
        w.Key("subtype");
        if (ev.subtype.empty()) {
            w.Null();
        } else {
            write_string(w, ev.subtype);
        }
        // Actors in initiator, participant/party/host/guest, target order; people by name.
        std::vector<Participant> parts = ev.participants;
        auto rank = [](ParticipantRole r) {
            return r == ParticipantRole::initiator || r == ParticipantRole::guest ? 0
                   : r == ParticipantRole::target || r == ParticipantRole::host   ? 2
                                                                                  : 1;
        };
        std::stable_sort(parts.begin(), parts.end(),
                         [&](const auto& a, const auto& b) { return rank(a.role) < rank(b.role); });
        w.Key("actors");
        w.StartArray();
        for (const auto& p : parts) {
            if (p.actor.rfind("person/", 0) == 0)
                continue;
            write_string(w, p.actor.rfind("org/", 0) == 0 ? p.actor.substr(4) : p.actor);
        }
        w.EndArray();
        w.Key("people");
        w.StartArray();
        for (const auto& p : parts) {
            if (p.actor.rfind("person/", 0) != 0)
                continue;
            auto it = by_id.find(p.actor);
            write_string(w, it != by_id.end() ? it->second->name : p.actor);
        }
        w.EndArray();
        w.Key("date");
        if (ev.date.known()) {
            write_string(w, ev.date.to_string());
        } else {
            w.Null();
        }
        w.Key("status");
        w.String(to_string(ev.status).data(),
                 static_cast<rapidjson::SizeType>(to_string(ev.status).size()));
        w.Key("evidence");
        if (ev.evidence.empty()) {
            w.Null();
        } else {
            write_string(w, ev.evidence.front().text);
        }
        w.Key("participants");
        w.StartArray();
        for (const auto& p : parts) {
            w.StartObject();
            w.Key("id");
            write_string(w, p.actor);
            w.Key("role");
            w.String(to_string(p.role).data(),
                     static_cast<rapidjson::SizeType>(to_string(p.role).size()));
            w.EndObject();
        }
        w.EndArray();
        if (!ev.place.empty()) {
            w.Key("place");
            write_string(w, ev.place);
        }
        if (ev.date.known() && !ev.date.how.empty()) {
            w.Key("date_how");
            write_string(w, ev.date.how);
        }
        for (auto [key, value] : {std::pair{"cameo", &ev.cameo}, std::pair{"plover", &ev.plover},
                                  std::pair{"plover_mode", &ev.plover_mode}})
            if (!value->empty()) {
                w.Key(key);
                write_string(w, *value);
            }
        if (ev.goldstein) {
            w.Key("goldstein");
            w.Double(*ev.goldstein);
        }
        if (!ev.attributes.empty()) {
            w.Key("attributes");
            w.StartObject();
            for (const auto& [key, value] : ev.attributes) {
                write_string(w, key);
                write_string(w, value);
            }
            w.EndObject();
        }
        if (!ev.evidence.empty()) {
            const Evidence& first = ev.evidence.front();
            w.Key("rule");
            write_string(w, first.rule);
            w.Key("confidence");
            w.Double(first.confidence);
            if (first.sentence >= 0) {
                w.Key("sentence");
                w.Int(first.sentence);
                w.Key("span");
                w.StartArray();
                w.Int64(first.begin);
                w.Int64(first.end);
                w.EndArray();
            }
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

}  // namespace

std::string to_findings_json(const Batch& batch, const FindingsWriteOptions& options) {
    rapidjson::StringBuffer buffer;
    if (options.pretty) {
        rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
        writer.SetIndent(' ', 2);
        write_batch(writer, batch, options);
    } else {
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        write_batch(writer, batch, options);
    }
    return {buffer.GetString(), buffer.GetSize()};
}

void register_builtin_importers() {
    static bool done = false;
    if (done)
        return;
    done = true;
    ImporterRegistry::instance().add("findings",
                                     [] { return std::make_unique<FindingsImporter>(); });
    register_text_importers();
    register_dataset_importers();
}

}  // namespace diplograph
