#include <diplograph/viz/escape.hpp>
#include <diplograph/viz/exports.hpp>

#include "selection_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <tuple>
#include <set>
#include <stdexcept>

namespace diplograph::viz {

using detail::View;

namespace {

//! "2025-11-19" for GEXF's date time format (a month or year alone counts from its first day).
std::string full_date(const Date& d) {
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

std::string date_or_empty(const Date& d) {
    return d.valid() ? full_date(d) : std::string();
}

//! The evidence sentence and URL of an edge: from its first event (in id order) that has one.
struct EdgeText {
    std::vector<std::string> event_ids;
    std::string evidence;
    std::string url;
};

EdgeText edge_text(const Graph& graph, const ActorEdge& edge) {
    EdgeText t;
    std::vector<std::size_t> events = edge.events;
    const auto& all = graph.events();
    std::sort(events.begin(), events.end(),
              [&](auto x, auto y) { return all[x].event.id < all[y].event.id; });
    for (auto e : events) {
        t.event_ids.push_back(all[e].event.id);
        if (t.evidence.empty())
            t.evidence = detail::first_evidence(all[e]);
        if (t.url.empty())
            t.url = detail::first_url(all[e]);
    }
    return t;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty())
            out += sep;
        out += p;
    }
    return out;
}

//! Role dates as ISO text, "" when unknown.
std::string role_date(const Date& d) {
    return d.valid() ? d.to_string() : std::string();
}

std::string status_list(const std::vector<Status>& statuses) {
    std::vector<std::string> parts;
    for (auto s : statuses)
        parts.emplace_back(to_string(s));
    return join(parts, " ");
}

// The codes of an edge's events: their distinct CAMEO codes and PLOVER categories (sorted,
// space-separated: "042 043") and the mean Goldstein value of those that have one.
struct EdgeCodes {
    std::string cameo;
    std::string plover;
    std::optional<double> goldstein;
    std::vector<std::string> cameo_list, plover_list;
};

EdgeCodes edge_codes(const Graph& graph, const ActorEdge& edge) {
    EdgeCodes c;
    std::set<std::string> cameo, plover;
    double sum = 0;
    int n = 0;
    for (auto e : edge.events) {
        const Event& ev = graph.events()[e].event;
        if (!ev.cameo.empty())
            cameo.insert(ev.cameo);
        if (!ev.plover.empty())
            plover.insert(ev.plover);
        if (ev.goldstein) {
            sum += *ev.goldstein;
            ++n;
        }
    }
    c.cameo_list.assign(cameo.begin(), cameo.end());
    c.plover_list.assign(plover.begin(), plover.end());
    c.cameo = join(c.cameo_list, " ");
    c.plover = join(c.plover_list, " ");
    if (n)
        c.goldstein = sum / n;
    return c;
}

std::string number_or_empty(const std::optional<double>& value) {
    return value ? fmt::format("{}", *value) : std::string();
}

}  // namespace

std::string to_graphml(const Graph& graph, const Selection& selection, const PeopleRoles& roles) {
    View v = detail::make_view(graph, selection);
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    struct Key {
        std::string_view id, for_, type;
    };
    static constexpr Key keys[] = {
        {"title", "graph", "string"},       {"filters", "graph", "string"},
        {"left_out_nodes", "graph", "int"}, {"left_out_edges", "graph", "int"},
        {"label", "node", "string"},        {"kind", "node", "string"},
        {"country", "node", "string"},      {"focus", "node", "boolean"},
        {"roles", "node", "string"},        {"role", "node", "string"},
        {"role_of", "node", "string"},      {"type", "edge", "string"},
        {"directed", "edge", "boolean"},    {"family", "edge", "string"},
        {"cameo", "edge", "string"},        {"plover", "edge", "string"},
        {"goldstein", "edge", "double"},    {"count", "edge", "int"},
        {"sources", "edge", "int"},         {"first", "edge", "string"},
        {"last", "edge", "string"},         {"statuses", "edge", "string"},
        {"events", "edge", "string"},       {"evidence", "edge", "string"},
        {"url", "edge", "string"},
    };
    for (const auto& k : keys)
        out += fmt::format("  <key id=\"{0}\" for=\"{1}\" attr.name=\"{0}\" attr.type=\"{2}\"/>\n",
                           k.id, k.for_, k.type);
    // An empty value is left out: GraphML readers then see the attribute as absent.
    auto data = [](std::string_view key, std::string_view value, std::string_view indent) {
        if (value.empty())
            return std::string();
        return fmt::format("{}<data key=\"{}\">{}</data>\n", indent, key, xml_escape(value));
    };
    // Directed as soon as one link is (initiator → target); a symmetric link then keeps its ends
    // in id order with directed=false: GraphML allows mixed graphs per edge, but NetworkX,
    // among others, refuses them.
    const bool directed = detail::any_directed(graph, v);
    out += fmt::format("  <graph id=\"diplograph\" edgedefault=\"{}\">\n",
                       directed ? "directed" : "undirected");
    out += data("title", selection.title, "    ");
    out += data("filters", selection.filters, "    ");
    out += data("left_out_nodes", std::to_string(selection.left_out_nodes), "    ");
    out += data("left_out_edges", std::to_string(selection.left_out_edges), "    ");
    for (auto n : v.nodes) {
        const Node& node = graph.node(n);
        out += fmt::format("    <node id=\"{}\">\n", xml_escape(node.id));
        out += data("label", node.name, "      ");
        out += data("kind", to_string(node.kind), "      ");
        if (!node.country.empty())
            out += data("country", node.country, "      ");
        out += data("focus", v.focus[n] ? "true" : "false", "      ");
        if (const auto& rs = roles.of(node.id); !rs.empty()) {
            out += data("roles", roles_text(rs), "      ");
            out += data("role", rs.front().title, "      ");
            out += data("role_of", rs.front().of, "      ");
        }
        out += "    </node>\n";
    }
    for (std::size_t i = 0; i < v.edges.size(); ++i) {
        const ActorEdge& edge = graph.edges()[v.edges[i]];
        const EventTypeInfo& ti = info(edge.type);
        EdgeText t = edge_text(graph, edge);
        out += fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n", i,
                           xml_escape(detail::end_a(graph, edge).id),
                           xml_escape(detail::end_b(graph, edge).id));
        out += data("type", ti.name, "      ");
        out += data("directed", edge.directed ? "true" : "false", "      ");
        out += data("family", ti.family, "      ");
        // The codes of its events (an edge of one type may carry 042 and 043).
        EdgeCodes codes = edge_codes(graph, edge);
        out += data("cameo", codes.cameo, "      ");
        out += data("plover", codes.plover, "      ");
        out += data("goldstein", number_or_empty(codes.goldstein), "      ");
        out += data("count", std::to_string(edge.count), "      ");
        out += data("sources", std::to_string(edge.sources), "      ");
        out += data("first", date_or_empty(edge.first), "      ");
        out += data("last", date_or_empty(edge.last), "      ");
        out += data("statuses", status_list(edge.statuses), "      ");
        out += data("events", join(t.event_ids, " "), "      ");
        out += data("evidence", t.evidence, "      ");
        out += data("url", t.url, "      ");
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

std::string to_gexf(const Graph& graph, const Selection& selection, std::string_view version,
                    const PeopleRoles& roles) {
    View v = detail::make_view(graph, selection);
    const bool v12 = version == "1.2";
    std::string out =
        v12 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
              "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
              "http://www.gexf.net/1.2draft/gexf.xsd\" "
              "version=\"1.2\">\n"
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<gexf xmlns=\"http://gexf.net/1.3\" "
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
              "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
              "version=\"1.3\">\n";
    std::string description = selection.title;
    if (!selection.filters.empty())
        description += (description.empty() ? "" : "; ") + selection.filters;
    out += fmt::format(
        "  <meta>\n    <creator>diplograph</creator>\n    <description>{}</description>\n"
        "  </meta>\n",
        xml_escape(description));
    // Directed as soon as one link is; a symmetric link is then "mutual" (GEXF's own word for
    // it, which Gephi and NetworkX read as both ways).
    const bool directed = detail::any_directed(graph, v);
    out += fmt::format(
        "  <graph defaultedgetype=\"{}\" mode=\"dynamic\" timeformat=\"date\"{}>\n",
        directed ? "directed" : "undirected",
        v12 ? "" : " timerepresentation=\"interval\"");  // 1.3's; 1.2 has intervals only
    out +=
        "    <attributes class=\"node\" mode=\"static\">\n"
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
        "      <attribute id=\"focus\" title=\"focus\" type=\"boolean\"/>\n"
        "      <attribute id=\"roles\" title=\"roles\" type=\"string\"/>\n"
        "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
        "      <attribute id=\"role_of\" title=\"role_of\" type=\"string\"/>\n"
        "    </attributes>\n"
        "    <attributes class=\"edge\" mode=\"static\">\n"
        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
        "      <attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>\n"
        "      <attribute id=\"family\" title=\"family\" type=\"string\"/>\n"
        "      <attribute id=\"cameo\" title=\"cameo\" type=\"string\"/>\n"
        "      <attribute id=\"plover\" title=\"plover\" type=\"string\"/>\n"
        "      <attribute id=\"goldstein\" title=\"goldstein\" type=\"double\"/>\n"
        "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
        "      <attribute id=\"sources\" title=\"sources\" type=\"integer\"/>\n"
        "      <attribute id=\"statuses\" title=\"statuses\" type=\"string\"/>\n"
        "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
        "      <attribute id=\"url\" title=\"url\" type=\"string\"/>\n"
        "    </attributes>\n";
    auto att = [](std::string_view key, std::string_view value) {
        return fmt::format("          <attvalue for=\"{}\" value=\"{}\"/>\n", key,
                           xml_escape(value));
    };
    // A node enters the timeline with its first dated link.
    std::vector<Date> node_first(graph.node_count());
    for (auto e : v.edges) {
        const ActorEdge& edge = graph.edges()[e];
        for (auto n : {edge.a, edge.b})
            if (edge.first.valid() && (!node_first[n].valid() || edge.first < node_first[n]))
                node_first[n] = edge.first;
    }
    out += "    <nodes>\n";
    for (auto n : v.nodes) {
        const Node& node = graph.node(n);
        out += fmt::format(
            "      <node id=\"{}\" label=\"{}\"{}>\n", xml_escape(node.id), xml_escape(node.name),
            node_first[n].valid() ? fmt::format(" start=\"{}\"", full_date(node_first[n])) : "");
        out += "        <attvalues>\n";
        out += att("kind", to_string(node.kind));
        if (!node.country.empty())
            out += att("country", node.country);
        out += att("focus", v.focus[n] ? "true" : "false");
        if (const auto& rs = roles.of(node.id); !rs.empty()) {
            out += att("roles", roles_text(rs));
            out += att("role", rs.front().title);
            out += att("role_of", rs.front().of);
        }
        out += "        </attvalues>\n      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    const auto& all = graph.events();
    for (std::size_t i = 0; i < v.edges.size(); ++i) {
        const ActorEdge& edge = graph.edges()[v.edges[i]];
        EdgeText t = edge_text(graph, edge);
        out += fmt::format(
            "      <edge id=\"e{}\" source=\"{}\" target=\"{}\"{} kind=\"{}\" label=\"{}\" "
            "weight=\"{}\">\n",
            i, xml_escape(detail::end_a(graph, edge).id), xml_escape(detail::end_b(graph, edge).id),
            directed && !edge.directed ? " type=\"mutual\"" : "", to_string(edge.type),
            to_string(edge.type), edge.count);
        out += "        <attvalues>\n";
        out += att("type", to_string(edge.type));
        out += att("directed", edge.directed ? "true" : "false");
        out += att("family", info(edge.type).family);
        EdgeCodes codes = edge_codes(graph, edge);
        if (!codes.cameo.empty())
            out += att("cameo", codes.cameo);
        if (!codes.plover.empty())
            out += att("plover", codes.plover);
        if (codes.goldstein)
            out += att("goldstein", number_or_empty(codes.goldstein));
        out += att("count", std::to_string(edge.count));
        out += att("sources", std::to_string(edge.sources));
        out += att("statuses", status_list(edge.statuses));
        out += att("evidence", t.evidence);
        out += att("url", t.url);
        out += "        </attvalues>\n";
        // One spell per distinct event interval: Gephi's timeline shows the link then.
        std::set<std::pair<std::string, std::string>> spells;
        for (auto e : edge.events) {
            const DateInterval& d = all[e].event.date;
            if (d.known() && d.first.valid())
                spells.insert({full_date(d.first), full_date(d.last.valid() ? d.last : d.first)});
        }
        if (!spells.empty()) {
            out += "        <spells>\n";
            for (const auto& [start, end] : spells)
                out += fmt::format("          <spell start=\"{}\" end=\"{}\"/>\n", start, end);
            out += "        </spells>\n";
        }
        out += "      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

std::string to_cytoscape_json(const Graph& graph, const Selection& selection,
                              const PeopleRoles& roles) {
    View v = detail::make_view(graph, selection);
    std::string out = fmt::format(
        "{{\"data\": {{\"title\": {}, \"filters\": {}, \"left_out_nodes\": {}, "
        "\"left_out_edges\": {}}},\n \"elements\": {{\n  \"nodes\": [",
        json_quoted(selection.title), json_quoted(selection.filters), selection.left_out_nodes,
        selection.left_out_edges);
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        const Node& node = graph.node(v.nodes[i]);
        std::string held;
        for (const auto& r : roles.of(node.id))
            held += fmt::format(
                "{}{{\"title\": {}, \"of\": {}, \"since\": {}, \"until\": {}, \"text\": {}}}",
                held.empty() ? "" : ", ", json_quoted(r.title), json_quoted(r.of),
                r.from.valid() ? json_quoted(r.from.to_string()) : "null",
                r.to.valid() ? json_quoted(r.to.to_string()) : "null", json_quoted(role_text(r)));
        out += fmt::format(
            "{}\n   {{\"data\": {{\"id\": {}, \"label\": {}, \"kind\": {}, \"country\": {}, "
            "\"focus\": {}, \"roles\": [{}]}}}}",
            i ? "," : "", json_quoted(node.id), json_quoted(node.name),
            json_quoted(to_string(node.kind)),
            node.country.empty() ? "null" : json_quoted(node.country),
            v.focus[v.nodes[i]] ? "true" : "false", held);
    }
    out += "\n  ],\n  \"edges\": [";
    for (std::size_t i = 0; i < v.edges.size(); ++i) {
        const ActorEdge& edge = graph.edges()[v.edges[i]];
        EdgeText t = edge_text(graph, edge);
        std::string statuses, events;
        for (auto s : edge.statuses)
            statuses += (statuses.empty() ? "" : ", ") + json_quoted(to_string(s));
        for (const auto& id : t.event_ids)
            events += (events.empty() ? "" : ", ") + json_quoted(id);
        EdgeCodes codes = edge_codes(graph, edge);
        auto quoted_list = [](const std::vector<std::string>& items) {
            std::string list;
            for (const auto& x : items)
                list += (list.empty() ? "" : ", ") + json_quoted(x);
            return list;
        };
        auto date = [](const Date& d) { return d.valid() ? json_quoted(full_date(d)) : "null"; };
        out += fmt::format(
            "{}\n   {{\"data\": {{\"id\": \"e{}\", \"source\": {}, \"target\": {}, \"directed\": "
            "{}, "
            "\"type\": {}, \"family\": {}, \"count\": {}, \"sources\": {}, \"first\": {}, "
            "\"last\": {}, "
            "\"statuses\": [{}], \"events\": [{}], \"cameo\": [{}], \"plover\": [{}], "
            "\"goldstein\": {}, \"evidence\": {}, \"url\": {}}}}}",
            i ? "," : "", i, json_quoted(detail::end_a(graph, edge).id),
            json_quoted(detail::end_b(graph, edge).id), edge.directed ? "true" : "false",
            json_quoted(to_string(edge.type)), json_quoted(info(edge.type).family), edge.count,
            edge.sources, date(edge.first), date(edge.last), statuses, events,
            quoted_list(codes.cameo_list), quoted_list(codes.plover_list),
            codes.goldstein ? number_or_empty(codes.goldstein) : "null", json_quoted(t.evidence),
            t.url.empty() ? "null" : json_quoted(t.url));
    }
    out += "\n  ]\n }\n}\n";
    return out;
}

std::vector<NamedFile> to_neo4j_csv(const Graph& graph, const Selection& selection,
                                    const PeopleRoles& roles) {
    View v = detail::make_view(graph, selection);
    auto row = [](std::initializer_list<std::string> fields) {
        std::string line;
        for (const auto& f : fields) {
            if (!line.empty())
                line += ',';
            line += f;
        }
        return line + "\n";
    };
    auto q = [](std::string_view text) { return csv_field(text); };
    auto label_of = [](EntityKind kind) {
        switch (kind) {
            case EntityKind::country:
                return "Actor;Country";
            case EntityKind::person:
                return "Actor;Person";
            case EntityKind::organization:
                return "Actor;Organization";
            default:
                return "Actor";
        }
    };
    std::string actors = "id:ID,name,kind,country,:LABEL\n";
    std::set<NodeIndex> in(v.nodes.begin(), v.nodes.end());
    for (auto n : v.nodes) {
        const Node& node = graph.node(n);
        actors += row({q(node.id), q(node.name), q(to_string(node.kind)), q(node.country),
                       label_of(node.kind)});
    }
    // HOLDS_ROLE: each selected person's dated roles, towards the country or organisation,
    // which becomes an actor node when the selection lacks it.
    std::string holds = ":START_ID,:END_ID,role,since,until,:TYPE\n";
    std::set<std::string> offices;
    for (auto n : v.nodes)
        for (const auto& r : roles.of(graph.node(n).id)) {
            holds += row({q(r.person), q(r.of), q(r.title), q(role_date(r.from)),
                          q(role_date(r.to)), "HOLDS_ROLE"});
            auto o = graph.find(r.of);
            if (!(o && in.count(*o)))
                offices.insert(r.of);
        }
    for (const auto& id : offices) {
        auto it = roles.offices.find(id);
        const Entity office = it != roles.offices.end()
                                  ? it->second
                                  : Entity{id, EntityKind::organization, id, "", {}};
        actors += row({q(office.id), q(office.name), q(to_string(office.kind)), q(office.country),
                       label_of(office.kind)});
    }
    std::string events =
        "id:ID,type,subtype,family,status,first,last,place,cameo,plover,plover_mode,"
        "goldstein:float,sources:int,evidence,url,:LABEL\n";
    std::string participates = ":START_ID,:END_ID,role,:TYPE\n";
    std::string reported = ":START_ID,:END_ID,:TYPE\n";
    const auto& all = graph.events();
    for (auto e : v.events) {
        const StoredEvent& ev = all[e];
        events +=
            row({q(ev.event.id), q(to_string(ev.event.type)), q(ev.event.subtype),
                 q(info(ev.event.type).family), q(to_string(ev.event.status)),
                 q(date_or_empty(ev.event.date.first)), q(date_or_empty(ev.event.date.last)),
                 q(ev.event.place), q(ev.event.cameo), q(ev.event.plover), q(ev.event.plover_mode),
                 number_or_empty(ev.event.goldstein), std::to_string(ev.corroboration()),
                 q(detail::first_evidence(ev)), q(detail::first_url(ev)),
                 ev.event.type == EventType::AGREEMENT ? "Agreement" : "Event"});
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& p : ev.event.participants) {
            auto n = graph.find(p.actor);
            if (!n || !in.count(*n) ||
                !seen.insert({p.actor, std::string(to_string(p.role))}).second)
                continue;
            participates +=
                row({q(p.actor), q(ev.event.id), q(to_string(p.role)), "PARTICIPATES_IN"});
        }
        for (const auto& s : ev.sources)
            reported += row({q(ev.event.id), q(s.id), "REPORTED_BY"});
    }
    std::string sources = "id:ID,url,title,outlet,published,lang,:LABEL\n";
    for (const auto& [id, s] : v.sources)
        sources += row({q(id), q(safe_url(s.url)), q(s.title), q(s.outlet), q(s.published),
                        q(s.lang), "Source"});
    std::string links =
        ":START_ID,:END_ID,:TYPE,directed:boolean,family,cameo:string[],plover:string[],"
        "goldstein:float,count:int,sources:int,first,last,statuses:string[]\n";
    for (auto e : v.edges) {
        const ActorEdge& edge = graph.edges()[e];
        std::vector<std::string> st;
        for (auto s : edge.statuses)
            st.emplace_back(to_string(s));
        EdgeCodes codes = edge_codes(graph, edge);
        links += row({q(detail::end_a(graph, edge).id), q(detail::end_b(graph, edge).id),
                      std::string(to_string(edge.type)), edge.directed ? "true" : "false",
                      q(info(edge.type).family), q(join(codes.cameo_list, ";")),
                      q(join(codes.plover_list, ";")), number_or_empty(codes.goldstein),
                      std::to_string(edge.count), std::to_string(edge.sources),
                      q(date_or_empty(edge.first)), q(date_or_empty(edge.last)), q(join(st, ";"))});
    }
    return {{"actors.csv", actors},
            {"events.csv", events},
            {"sources.csv", sources},
            {"links.csv", links},
            {"participates.csv", participates},
            {"reported_by.csv", reported},
            {"holds_role.csv", holds}};
}

std::vector<NamedFile> to_tables(const Graph& graph, const Selection& selection,
                                 const PeopleRoles& roles, char separator) {
    View v = detail::make_view(graph, selection);
    auto table = [&](const std::vector<std::string>& header) {
        return delimited_row(header, separator);
    };
    std::set<NodeIndex> selected(v.nodes.begin(), v.nodes.end());
    // The events behind the links, and the gatherings (summits, which link no pair) of at least
    // two selected actors: the events the selection is about.
    std::vector<std::size_t> events = v.events;
    const auto& all = graph.events();
    for (auto e : graph.gatherings()) {
        const auto& actors = graph.event_actors(e);
        if (std::count_if(actors.begin(), actors.end(),
                          [&](NodeIndex n) { return selected.count(n) > 0; }) >= 2)
            events.push_back(e);
    }
    std::sort(events.begin(), events.end(), [&](std::size_t x, std::size_t y) {
        return std::tie(all[x].event.id, x) < std::tie(all[y].event.id, y);
    });
    events.erase(std::unique(events.begin(), events.end()), events.end());

    std::string events_out =
        table({"event", "date", "first", "last", "precision", "type", "subtype", "family", "status",
               "place", "cameo", "plover", "plover_mode", "goldstein", "initiators", "targets",
               "others", "sources"});
    std::string participants_out = table({"event", "actor", "role"});
    std::string evidence_out = table({"event", "sentence", "url", "title", "outlet", "published",
                                      "source", "rule", "confidence"});
    std::set<std::string> others;  // participants the selection does not hold
    std::map<std::string, Source> sources;
    for (auto e : events) {
        const StoredEvent& se = all[e];
        const Event& ev = se.event;
        std::string from, to, rest;
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& p : ev.participants) {
            const std::string role(to_string(p.role));
            if (!seen.insert({p.actor, role}).second)
                continue;
            std::string& list = p.role == ParticipantRole::initiator ? from
                                : p.role == ParticipantRole::target  ? to
                                                                     : rest;
            list += (list.empty() ? "" : " ") + p.actor;
            participants_out += table({ev.id, p.actor, role});
            auto n = graph.find(p.actor);
            if (!(n && selected.count(*n)))
                others.insert(p.actor);
        }
        events_out +=
            table({ev.id, ev.date.to_string(), date_or_empty(ev.date.first),
                   date_or_empty(ev.date.last), std::string(to_string(ev.date.precision)),
                   std::string(to_string(ev.type)), ev.subtype, std::string(info(ev.type).family),
                   std::string(to_string(ev.status)), ev.place, ev.cameo, ev.plover, ev.plover_mode,
                   ev.goldstein ? fmt::format("{}", *ev.goldstein) : std::string(), from, to, rest,
                   std::to_string(se.corroboration())});
        for (const auto& s : se.sources)
            sources.emplace(s.id, s);
        for (const auto& x : ev.evidence) {
            auto it = sources.find(x.source);
            const Source none;
            const Source& s = it != sources.end() ? it->second : none;
            evidence_out += table({ev.id, x.text, safe_url(s.url), s.title, s.outlet, s.published,
                                   x.source, x.rule, fmt::format("{}", x.confidence)});
        }
    }

    std::string actors_out =
        table({"actor", "name", "kind", "country", "selected", "focus", "roles"});
    auto actor_row = [&](const std::string& id, const std::string& name, EntityKind kind,
                         const std::string& country, bool in, bool focus) {
        actors_out += table({id, name, std::string(to_string(kind)), country, in ? "true" : "false",
                             focus ? "true" : "false", roles_text(roles.of(id))});
    };
    for (auto n : v.nodes) {
        const Node& node = graph.node(n);
        actor_row(node.id, node.name, node.kind, node.country, true, v.focus[n]);
    }
    std::string roles_out =
        table({"person", "name", "role", "of", "of_name", "of_kind", "since", "until"});
    for (auto n : v.nodes)
        for (const auto& r : roles.of(graph.node(n).id)) {
            auto office = roles.offices.find(r.of);
            std::string of_name = office != roles.offices.end() ? office->second.name : r.of;
            std::string of_kind(office != roles.offices.end() ? to_string(office->second.kind)
                                                              : "");
            roles_out += table({r.person, graph.node(n).name, r.title, r.of, of_name, of_kind,
                                role_date(r.from), role_date(r.to)});
            auto o = graph.find(r.of);
            if (!(o && selected.count(*o)))
                others.insert(r.of);
        }
    // The other participants and the roles' countries and organisations, so that every actor
    // id of the other tables is a row of actors.csv.
    for (const auto& id : others) {
        if (auto n = graph.find(id)) {
            const Node& node = graph.node(*n);
            actor_row(node.id, node.name, node.kind, node.country, false, false);
        } else if (auto it = roles.offices.find(id); it != roles.offices.end()) {
            actor_row(id, it->second.name, it->second.kind, it->second.country, false, false);
        } else {
            actor_row(id, id,
                      id.rfind("person/", 0) == 0 ? EntityKind::person
                      : id.rfind("org/", 0) == 0  ? EntityKind::organization
                                                  : EntityKind::country,
                      "", false, false);
        }
    }
    const std::string ext = separator == ',' ? ".csv" : ".tsv";
    return {{"events" + ext, events_out},
            {"participants" + ext, participants_out},
            {"evidence" + ext, evidence_out},
            {"actors" + ext, actors_out},
            {"roles" + ext, roles_out}};
}

void write_files(const std::filesystem::path& dir, const std::vector<NamedFile>& files) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw std::runtime_error(
            fmt::format("{}: cannot create the directory: {}", dir.string(), ec.message()));
    for (const auto& f : files) {
        auto path = dir / f.name;
        std::ofstream out(path, std::ios::binary);
        out << f.content;
        if (!out.flush())
            throw std::runtime_error(fmt::format("{}: cannot write the file", path.string()));
    }
}

}  // namespace diplograph::viz
