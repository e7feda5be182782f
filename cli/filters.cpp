#include "filters.hpp"
#include "common.hpp"

#include <diplograph/queries/entities.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace diplograph::cli {

CLI::Validator at_least(long long minimum) {
    return CLI::Validator(
        [minimum](std::string& text) -> std::string {
            long long value = 0;
            std::size_t used = 0;
            try {
                value = std::stoll(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != text.size() || text.empty() || value < minimum)
                return fmt::format("expected a whole number of at least {}, not {}", minimum, text);
            return {};
        },
        fmt::format("INT>={}", minimum));
}

void add_filter_options(CLI::App* command, FilterOptions& o) {
    command->add_option("--since", o.since,
                        "Only events whose dates overlap D or later (YYYY, YYYY-MM, YYYY-MM-DD)");
    command->add_option("--until", o.until, "Only events whose dates overlap D or earlier");
    command
        ->add_option("--type", o.types,
                     "Only events of this type (MEET, SANCTION…) or of this family, in lower "
                     "case (cooperation, conflict, diplomatic); repeatable or comma-separated")
        ->delimiter(',');
    command
        ->add_option("--status", o.statuses,
                     "Only events of this status (occurred, agreed, planned, reported); "
                     "repeatable or comma-separated")
        ->delimiter(',');
    command
        ->add_option("--cameo", o.cameo,
                     "Only events whose CAMEO code starts with this (16: reduce relations, 042: "
                     "a visit); repeatable or comma-separated")
        ->delimiter(',');
    command
        ->add_option("--plover", o.plover,
                     "Only events of this PLOVER category (CONSULT, AGREE, SANCTION…); "
                     "repeatable or comma-separated")
        ->delimiter(',');
    command
        ->add_option("--min-sources", o.min_sources, "Only events reported by at least N sources")
        ->check(at_least(1));
    command->add_option("--kind", o.kind,
                        "Only actors of this kind (country, person, org) besides those named");
}

namespace {

// PLOVER's 16 categories (the 2021 codebook, as POLECAT uses them).
constexpr std::array<std::string_view, 16> kPloverCategories = {
    "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

DateInterval parse_date(const std::string& option, const std::string& text) {
    auto d = DateInterval::parse(text);
    if (!d)
        throw CommandError(Exit::usage,
                           fmt::format("{} {}: not a date; expected YYYY, YYYY-MM or YYYY-MM-DD "
                                       "(a real day of the calendar)",
                                       option, text));
    return *d;
}

}  // namespace

Scope make_scope(const FilterOptions& o) {
    Scope scope;
    Filter& f = scope.filter;
    if (!o.since.empty())
        f.since = parse_date("--since", o.since).first;
    if (!o.until.empty())
        f.until = parse_date("--until", o.until).last;
    if (f.since && f.until && *f.until < *f.since)
        throw CommandError(Exit::usage, fmt::format("--since {} is after --until {}: nothing "
                                                    "can match; swap them",
                                                    o.since, o.until));
    for (const auto& t : o.types) {
        // A family is written in lower case ("cooperation"), a type in upper case
        // ("COOPERATION"); other spellings of a type are accepted too ("visit").
        bool family = false;
        for (const auto& info : event_types()) {
            if (info.family == t) {
                f.types.push_back(info.type);
                family = true;
            }
        }
        if (family)
            continue;
        std::string upper = t;
        for (auto& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (auto type = event_type_from_string(upper)) {
            f.types.push_back(*type);
            continue;
        }
        std::string names;
        for (const auto& info : event_types())
            names += std::string(names.empty() ? "" : ", ") + std::string(info.name);
        throw CommandError(Exit::usage,
                           fmt::format("--type {}: no such event type or family; expected "
                                       "cooperation, conflict, diplomatic or one of {}",
                                       t, names));
    }
    std::sort(f.types.begin(), f.types.end());
    f.types.erase(std::unique(f.types.begin(), f.types.end()), f.types.end());
    for (const auto& s : o.statuses) {
        auto status = status_from_string(s);
        if (!status)
            throw CommandError(Exit::usage,
                               fmt::format("--status {}: expected occurred, agreed, planned or "
                                           "reported",
                                           s));
        f.statuses.push_back(*status);
    }
    for (const auto& c : o.cameo) {
        if (c.empty() || c.size() > 4 ||
            !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            throw CommandError(Exit::usage,
                               fmt::format("--cameo {}: not a CAMEO code; expected 1 to 4 digits "
                                           "(16, 042, 1663)",
                                           c));
        f.cameo.push_back(c);
    }
    for (const auto& p : o.plover) {
        std::string upper = p;
        for (auto& ch : upper)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (std::find(kPloverCategories.begin(), kPloverCategories.end(), upper) ==
            kPloverCategories.end()) {
            std::string names;
            for (auto n : kPloverCategories)
                names += std::string(names.empty() ? "" : ", ") + std::string(n);
            throw CommandError(Exit::usage,
                               fmt::format("--plover {}: no such PLOVER category; expected one "
                                           "of {}",
                                           p, names));
        }
        f.plover.push_back(upper);
    }
    f.min_sources = o.min_sources;
    if (!o.kind.empty()) {
        std::string k = o.kind == "org" ? "organization" : o.kind;
        auto kind = entity_kind_from_string(k);
        if (!kind || (*kind != EntityKind::country && *kind != EntityKind::person &&
                      *kind != EntityKind::organization))
            throw CommandError(Exit::usage,
                               fmt::format("--kind {}: expected country, person or org", o.kind));
        scope.kind = kind;
    }
    return scope;
}

Entity resolve(const Store& store, const std::string& name) {
    try {
        return resolve_actor(store, name);
    } catch (const UnknownActor& e) {
        throw UnknownActorError(e.what());
    }
}

void require_events(const Store& store) {
    for (const auto& [type, n] : store.stats().events)
        if (n)
            return;
    throw CommandError(Exit::bad_input,
                       fmt::format("{}: the store holds no events; import articles or findings "
                                   "first ('diplograph import FILE')",
                                   store.path().string()));
}

ActorPair load_actor_pair(const Store& store, Scope scope, const std::string& actor,
                          const std::string& other) {
    ActorPair pair{resolve(store, actor), std::nullopt, Graph(), std::nullopt, std::nullopt};
    if (!other.empty())
        pair.other = resolve(store, other);
    scope.filter.actors = {pair.actor.id};
    std::vector<std::string> keep{pair.actor.id};
    if (pair.other)
        keep.push_back(pair.other->id);
    pair.graph = load_for_query(store, scope, keep);
    pair.a = pair.graph.find(pair.actor.id);
    if (pair.other)
        pair.b = pair.graph.find(pair.other->id);
    return pair;
}

Graph load_for_query(const Store& store, const Scope& scope, const std::vector<std::string>& keep) {
    Graph g = load_graph(store, scope, keep);
    if (g.events().empty())
        require_events(store);
    return g;
}

std::string date_text(const Date& date) {
    return date.valid() ? date.to_string() : std::string();
}

std::string statuses_text(const std::vector<Status>& statuses) {
    std::string out;
    for (auto s : statuses)
        out += (out.empty() ? "" : ", ") + std::string(to_string(s));
    return out;
}

namespace {
std::string json_date_or_null(const Date& d) {
    return d.valid() ? json_string(d.to_string()) : "null";
}
}  // namespace

std::string json_node(const Graph& graph, NodeIndex n) {
    const Node& node = graph.node(n);
    return fmt::format("{{\"id\": {}, \"name\": {}, \"kind\": {}}}", json_string(node.id),
                       json_string(node.name), json_string(to_string(node.kind)));
}

std::string json_entity(const Entity& e) {
    return fmt::format("{{\"id\": {}, \"name\": {}, \"kind\": {}}}", json_string(e.id),
                       json_string(e.name), json_string(to_string(e.kind)));
}

std::string label(const Entity& e) {
    return e.name.empty() || e.name == e.id ? e.id : fmt::format("{} ({})", e.name, e.id);
}

std::string json_link(const Graph& graph, EdgeIndex e) {
    const ActorEdge& edge = graph.edges()[e];
    std::string statuses, events;
    for (auto s : edge.statuses)
        statuses += (statuses.empty() ? "" : ", ") + json_string(to_string(s));
    for (auto ev : edge.events)
        events += (events.empty() ? "" : ", ") + json_string(graph.events()[ev].event.id);
    return fmt::format(
        "{{\"a\": {0}, \"b\": {1}, \"source\": {0}, \"target\": {1}, \"directed\": {2}, "
        "\"type\": {3}, \"family\": {4}, \"count\": {5}, \"first\": {6}, \"last\": {7}, "
        "\"statuses\": [{8}], \"sources\": {9}, \"events\": [{10}]}}",
        json_string(graph.node(edge.a).id), json_string(graph.node(edge.b).id),
        edge.directed ? "true" : "false", json_string(to_string(edge.type)),
        json_string(info(edge.type).family), edge.count, json_date_or_null(edge.first),
        json_date_or_null(edge.last), statuses, edge.sources, events);
}

std::string json_date(const DateInterval& date) {
    return fmt::format("{{\"text\": {}, \"from\": {}, \"to\": {}, \"precision\": {}, \"how\": {}}}",
                       json_string(date.to_string()), json_date_or_null(date.first),
                       json_date_or_null(date.last), json_string(to_string(date.precision)),
                       json_string(date.how));
}

std::string json_event(const Graph& graph, std::size_t e, bool with_evidence) {
    const StoredEvent& se = graph.events()[e];
    const Event& ev = se.event;
    std::string actors;
    for (const auto& p : ev.participants)
        actors += fmt::format("{}{{\"id\": {}, \"role\": {}}}", actors.empty() ? "" : ", ",
                              json_string(p.actor), json_string(to_string(p.role)));
    std::string out = fmt::format(
        "{{\"id\": {}, \"type\": {}, \"subtype\": {}, \"status\": {}, \"date\": {}, \"place\": "
        "{}, \"actors\": [{}], \"sources\": {}, \"cameo\": {}, \"plover\": {}, "
        "\"plover_mode\": {}, \"goldstein\": {}",
        json_string(ev.id), json_string(to_string(ev.type)),
        ev.subtype.empty() ? "null" : json_string(ev.subtype), json_string(to_string(ev.status)),
        json_date(ev.date), ev.place.empty() ? "null" : json_string(ev.place), actors,
        se.corroboration(), json_string(ev.cameo), json_string(ev.plover),
        json_string(ev.plover_mode), ev.goldstein ? fmt::format("{}", *ev.goldstein) : "null");
    std::string duplicates;
    for (const auto& d : se.possible_duplicates)
        duplicates += (duplicates.empty() ? "" : ", ") + json_string(d);
    out += fmt::format(", \"possible_duplicate_of\": [{}]", duplicates);
    if (with_evidence) {
        std::string evidence;
        for (const auto& x : ev.evidence) {
            const Source* src = nullptr;
            for (const auto& s : se.sources)
                if (s.id == x.source)
                    src = &s;
            evidence += fmt::format(
                "{}{{\"text\": {}, \"source\": {}, \"title\": {}, \"url\": {}, \"outlet\": {}, "
                "\"published\": {}, \"rule\": {}, \"confidence\": {}}}",
                evidence.empty() ? "" : ", ", json_string(x.text), json_string(x.source),
                json_string(src ? src->title : ""), json_string(src ? src->url : ""),
                json_string(src ? src->outlet : ""),
                src && !src->published.empty() ? json_string(src->published) : "null",
                json_string(x.rule), x.confidence);
        }
        out += fmt::format(", \"evidence\": [{}]", evidence);
    }
    return out + "}";
}

}  // namespace diplograph::cli
