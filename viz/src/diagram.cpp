#include <diplograph/queries/blocs.hpp>
#include <diplograph/viz/diagram.hpp>
#include <diplograph/viz/escape.hpp>

#include "selection_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace diplograph::viz {

using detail::interval_text;
using detail::View;

namespace {

constexpr std::array<std::pair<Format, std::string_view>, 8> format_names{{
    {Format::dot, "dot"},
    {Format::svg, "svg"},
    {Format::png, "png"},
    {Format::pdf, "pdf"},
    {Format::graphml, "graphml"},
    {Format::gexf, "gexf"},
    {Format::json, "json"},
    {Format::neo4j, "neo4j"},
}};

struct FamilyStyle {
    std::string_view family;
    std::string_view colour;
    std::string_view light;  //!< fill of event nodes
};

constexpr std::array<FamilyStyle, 3> families{{
    {"cooperation", "#2E7D32", "#E3F1E4"},
    {"conflict", "#C62828", "#FBE4E4"},
    {"diplomatic", "#1565C0", "#E1ECF8"},
}};

const FamilyStyle& family_style(EventType type) {
    for (const auto& f : families)
        if (f.family == info(type).family)
            return f;
    return families[2];
}

struct KindStyle {
    EntityKind kind;
    std::string_view shape;
    std::string_view style;
    std::string_view fill;
};

constexpr std::array<KindStyle, 5> kinds{{
    {EntityKind::country, "box", "rounded,filled", "#DCEBFA"},
    {EntityKind::person, "ellipse", "filled", "#FFF4C2"},
    {EntityKind::organization, "hexagon", "filled", "#DFF2E1"},
    {EntityKind::agreement, "note", "filled", "#EEEEEE"},
    {EntityKind::event, "box", "filled,diagonals", "#EEEEEE"},
}};

const KindStyle& kind_style(EntityKind kind) {
    for (const auto& k : kinds)
        if (k.kind == kind)
            return k;
    return kinds[0];
}

//! Solid for what occurred, dashed for what is agreed or planned, dotted for what is reported.
std::string_view line_style(const std::vector<Status>& statuses) {
    auto has = [&](Status s) {
        return std::find(statuses.begin(), statuses.end(), s) != statuses.end();
    };
    if (has(Status::occurred))
        return "solid";
    if (has(Status::agreed) || has(Status::planned))
        return "dashed";
    return "dotted";
}

//! "1 source", "3 sources".
std::string count(std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string pen_width(int sources) {
    double w = 1.0 + 0.75 * std::max(0, sources - 1);
    return fmt::format("{:.2f}", std::min(w, 5.0));
}

std::string node_label(const Node& node, bool focus) {
    std::string name = node.name.empty() ? node.id : node.name;
    // "Economic Community of West African States" draws as ECOWAS; the tooltip has the name.
    if (node.kind == EntityKind::organization && node.id.rfind("org/", 0) == 0 && name.size() > 24)
        name = node.id.substr(4);
    name = html_label_escape(name);
    return focus ? "<<B>" + name + "</B>>" : "<" + name + ">";
}

std::string node_tooltip(const Graph& graph, const Selection& selection, NodeIndex n) {
    const Node& node = graph.node(n);
    std::string text = fmt::format("{} ({}), {}", node.name, node.id, to_string(node.kind));
    if (!node.country.empty())
        text += " of " + node.country;
    int links = 0;
    int events = 0;
    for (auto e : graph.incident(n))
        if (std::binary_search(selection.edges.begin(), selection.edges.end(), e)) {
            ++links;
            events += graph.edges()[e].count;
        }
    return text + fmt::format("\n{} link{}, {} event{} in this diagram", links,
                              links == 1 ? "" : "s", events, events == 1 ? "" : "s");
}

std::string event_line(const StoredEvent& ev) {
    std::string line = fmt::format("{} {}", interval_text(ev.event.date.first, ev.event.date.last),
                                   to_string(ev.event.status));
    if (!ev.event.cameo.empty())
        line += " (CAMEO " + ev.event.cameo + ")";
    if (auto sentence = detail::first_evidence(ev); !sentence.empty())
        line += ": “" + sentence + "”";
    if (!ev.sources.empty()) {
        const Source& s = ev.sources.front();
        std::string where = s.outlet.empty() ? s.title : s.outlet + ", " + s.title;
        if (!where.empty())
            line += " — " + where;
    }
    return line;
}

//! The blocs of the drawn actors, by the method of the `blocs` command (signed modularity,
//! signed_louvain()) on the drawn links only: cooperation pulls two actors together, conflict
//! pushes them apart, so two camps that condemn each other are two clusters, not one.
std::vector<std::size_t> blocs(const Graph& graph, const View& view) {
    std::size_t n = view.nodes.size();
    std::map<NodeIndex, std::size_t> pos;
    for (std::size_t i = 0; i < n; ++i)
        pos[view.nodes[i]] = i;
    std::map<std::pair<std::size_t, std::size_t>, double> net;
    for (auto e : view.edges) {
        const auto& edge = graph.edges()[e];
        std::size_t a = pos[edge.a], b = pos[edge.b];
        if (a != b)
            net[{std::min(a, b), std::max(a, b)}] += sign(edge.type) * edge.count;
    }
    std::vector<SignedPair> pairs;
    for (auto& [ab, w] : net)
        if (w != 0)
            pairs.push_back({ab.first, ab.second, std::max(0.0, w), std::max(0.0, -w)});
    return signed_louvain(n, pairs);
}

constexpr std::size_t max_edge_labels = 500;

//! Prism removes node overlaps in rounds, each a Delaunay triangulation of the nodes; on 2,000
//! actors it ran 80 rounds, the last 60 moving nodes by less than a percent of their size, and
//! took 60% of the rendering time. Twenty rounds leave no overlap there. sfdp's fast quadtree
//! halves the force computation of large layouts.
std::string_view overlap(bool large) {
    return large ? "overlap=\"prism20\", quadtree=\"fast\"" : "overlap=\"prism\"";
}

//! Spline routing is what makes large layouts slow (2,000 actors: minutes); neato and fdp
//! route even small graphs slowly (79 actors: 3.9 s) where curves take 0.1 s.
std::string_view splines(std::string_view engine, bool large) {
    if (large)
        return "false";
    return engine == "dot" ? "true" : "curved";
}

//! Connected components of the selection (union-find over its links).
std::size_t components(const Graph& graph, const View& view) {
    std::map<NodeIndex, NodeIndex> parent;
    for (auto n : view.nodes)
        parent[n] = n;
    std::function<NodeIndex(NodeIndex)> root = [&](NodeIndex n) {
        return parent[n] == n ? n : parent[n] = root(parent[n]);
    };
    std::size_t count = view.nodes.size();
    for (auto e : view.edges) {
        NodeIndex a = root(graph.edges()[e].a), b = root(graph.edges()[e].b);
        if (a != b) {
            parent[std::max(a, b)] = std::min(a, b);
            --count;
        }
    }
    return count;
}

//! What a diagram draws between two actors: one link per pair and direction (or per pair,
//! direction and type with `--edges each`), the actor view's edges behind it.
struct Link {
    NodeIndex a = 0;  //!< the source of a directed link, else the first in id order
    NodeIndex b = 0;
    bool directed = false;
    std::vector<EdgeIndex> edges;  //!< in the view's order
};

struct Writer {
    const Graph& graph;
    const Selection& selection;
    const DiagramOptions& options;
    View view;
    std::size_t weaker_links;  //!< links among the actors drawn, left out by the link limit
    std::string out;
    std::string engine;
    std::vector<NodeIndex> drawn;  //!< the actors drawn, sorted by id (people folded or not)
    std::vector<NodeIndex> rep;    //!< by NodeIndex: the actor it is drawn as
    std::size_t folded = 0;        //!< people folded into their country
    std::vector<Link> links;

    //! Folds people (`--people off`) and groups the view's edges into links.
    void prepare() {
        rep.resize(graph.node_count());
        for (NodeIndex n = 0; n < rep.size(); ++n)
            rep[n] = n;
        std::set<NodeIndex> seen;
        for (auto n : view.nodes) {
            const Node& nd = graph.node(n);
            if (!options.people && nd.kind == EntityKind::person && !nd.country.empty())
                if (auto c = graph.find(nd.country)) {
                    rep[n] = *c;
                    ++folded;
                }
            seen.insert(rep[n]);
        }
        drawn.assign(seen.begin(), seen.end());
        auto by_id = [&](NodeIndex x, NodeIndex y) { return graph.node(x).id < graph.node(y).id; };
        std::sort(drawn.begin(), drawn.end(), by_id);
        std::map<std::tuple<NodeIndex, NodeIndex, bool, int>, std::size_t> index;
        for (auto e : view.edges) {
            const ActorEdge& edge = graph.edges()[e];
            NodeIndex a = rep[edge.a], b = rep[edge.b];
            if (a == b)
                continue;  // a person and their own country, folded
            if (!edge.directed && by_id(b, a))
                std::swap(a, b);
            int type = options.pairs ? -1 : static_cast<int>(edge.type);
            auto [it, fresh] = index.try_emplace({a, b, edge.directed, type}, links.size());
            if (fresh)
                links.push_back({a, b, edge.directed, {}});
            links[it->second].edges.push_back(e);
        }
        std::stable_sort(links.begin(), links.end(), [&](const Link& x, const Link& y) {
            const auto& ax = graph.node(x.a).id;
            const auto& ay = graph.node(y.a).id;
            if (ax != ay)
                return ax < ay;
            const auto& bx = graph.node(x.b).id;
            const auto& by = graph.node(y.b).id;
            if (bx != by)
                return bx < by;
            return x.directed < y.directed;
        });
    }

    void node(NodeIndex n, std::string_view indent) {
        const Node& nd = graph.node(n);
        const KindStyle& k = kind_style(nd.kind);
        bool focus = view.focus[n];
        out += fmt::format(
            "{}{} [label={}, shape={}, style=\"{}\", fillcolor=\"{}\"{}, tooltip={}];\n", indent,
            dot_quoted(nd.id), node_label(nd, focus), k.shape, k.style, k.fill,
            focus ? ", penwidth=2.5" : "", dot_tooltip(node_tooltip(graph, selection, n)));
    }

    void actor_nodes() {
        std::vector<std::vector<NodeIndex>> groups;
        std::vector<std::string> names;
        std::set<NodeIndex> grouped;
        std::set<NodeIndex> in(drawn.begin(), drawn.end());
        if (options.cluster == Clustering::country) {
            std::map<std::string, std::vector<NodeIndex>> by_country;
            for (auto n : drawn) {
                const Node& nd = graph.node(n);
                if (nd.kind == EntityKind::country)
                    by_country[nd.id].push_back(n);
                else if (nd.kind == EntityKind::person && !nd.country.empty())
                    by_country[nd.country].push_back(n);
            }
            for (auto& [country, members] : by_country) {
                bool has_people = std::any_of(members.begin(), members.end(), [&](NodeIndex n) {
                    return graph.node(n).kind == EntityKind::person;
                });
                if (!has_people)
                    continue;
                auto c = graph.find(country);
                names.push_back(c ? graph.node(*c).name : country);
                groups.push_back(members);
            }
        } else if (options.cluster == Clustering::bloc) {
            auto labels = blocs(graph, view);
            std::map<std::size_t, std::vector<NodeIndex>> by_label;
            for (std::size_t i = 0; i < view.nodes.size(); ++i)
                if (in.count(view.nodes[i]))
                    by_label[labels[i]].push_back(view.nodes[i]);
            std::vector<std::vector<NodeIndex>> found;
            for (auto& [l, members] : by_label)
                if (members.size() >= 2)
                    found.push_back(members);
            std::stable_sort(found.begin(), found.end(),
                             [](auto& x, auto& y) { return x.size() > y.size(); });
            for (std::size_t i = 0; i < found.size(); ++i) {
                names.push_back(fmt::format("bloc {}", i + 1));
                groups.push_back(found[i]);
            }
        }
        if (options.cluster == Clustering::country && engine == "dot") {
            // dot lays out clusters of people badly (with newrank they overlap, labels with
            // them; without, the drawing is one long row): each person goes on the row of
            // their country, held beside it by an invisible link.
            for (auto n : drawn)
                node(n, "  ");
            for (std::size_t i = 0; i < groups.size(); ++i) {
                std::string members;
                for (auto n : groups[i])
                    members += " " + dot_quoted(graph.node(n).id) + ";";
                out += fmt::format("  subgraph \"country_{}\" {{ rank=same;{} }}\n", i, members);
                auto country = std::find_if(groups[i].begin(), groups[i].end(), [&](NodeIndex n) {
                    return graph.node(n).kind == EntityKind::country;
                });
                if (country != groups[i].end())
                    for (auto n : groups[i])
                        if (n != *country)
                            out += fmt::format("  {} -> {} [style=invis, dir=none, weight=10];\n",
                                               dot_quoted(graph.node(*country).id),
                                               dot_quoted(graph.node(n).id));
            }
            return;
        }
        for (std::size_t i = 0; i < groups.size(); ++i) {
            out += fmt::format(
                "  subgraph \"cluster_{}\" {{\n    label=<{}>; style=\"rounded,dashed\"; "
                "color=\"#9E9E9E\"; fontcolor=\"#616161\";\n",
                i, html_label_escape(names[i]));
            for (auto n : groups[i]) {
                node(n, "    ");
                grouped.insert(n);
            }
            out += "  }\n";
        }
        for (auto n : drawn)
            if (!grouped.count(n))
                node(n, "  ");
    }

    //! "MEET ×3 2024..2025 · AGREEMENT 2025" (two types a line); with `--edges each`,
    //! "MEET ×3<BR/>2024-03-01..2025-06".
    std::string link_label(const Link& link) const {
        // Distinct events: with people folded, one meeting links several pairs that become one.
        std::map<EventType, std::tuple<std::set<std::size_t>, Date, Date>> by_type;
        for (auto e : link.edges) {
            const ActorEdge& edge = graph.edges()[e];
            auto [it, fresh] = by_type.try_emplace(edge.type);
            auto& [events, first, last] = it->second;
            events.insert(edge.events.begin(), edge.events.end());
            if (edge.first.valid() && (!first.valid() || edge.first < first))
                first = edge.first;
            if (edge.last.valid() && (!last.valid() || last < edge.last))
                last = edge.last;
        }
        std::string label;
        std::size_t i = 0;
        for (auto& [type, t] : by_type) {
            auto& [events, first, last] = t;
            std::size_t n = events.size();
            std::string part =
                fmt::format("{}{}", to_string(type), n > 1 ? fmt::format(" ×{}", n) : "");
            if (!options.pairs) {
                if (auto when = interval_text(first, last); !when.empty())
                    part += "<BR/>" + when;
            } else if (first.valid()) {
                int y1 = last.valid() ? last.year : first.year;
                part += y1 == first.year ? fmt::format(" {}", first.year)
                                         : fmt::format(" {}..{}", first.year, y1);
            }
            label += (i == 0 ? "" : i % 2 == 0 ? "<BR/>" : " · ") + part;
            ++i;
        }
        return label;
    }

    void actor_edges() {
        const auto& all = graph.events();
        for (const auto& link : links) {
            const Node& a = graph.node(link.a);
            const Node& b = graph.node(link.b);
            std::set<std::string_view> present;
            std::vector<Status> statuses;
            int sources = 0;
            std::string tooltip;
            std::vector<std::size_t> events;
            for (auto e : link.edges) {
                const ActorEdge& edge = graph.edges()[e];
                present.insert(info(edge.type).family);
                statuses.insert(statuses.end(), edge.statuses.begin(), edge.statuses.end());
                sources = std::max(sources, edge.sources);
                std::string when = interval_text(edge.first, edge.last);
                tooltip += fmt::format(
                    "{}{} {} {}: {}, {} event{}, {} source{}{}", tooltip.empty() ? "" : "\n",
                    graph.node(edge.a).name, edge.directed ? "→" : "–", graph.node(edge.b).name,
                    to_string(edge.type), edge.count, edge.count == 1 ? "" : "s", edge.sources,
                    edge.sources == 1 ? "" : "s", when.empty() ? "" : ", " + when);
                events.insert(events.end(), edge.events.begin(), edge.events.end());
            }
            std::sort(events.begin(), events.end(),
                      [&](auto x, auto y) { return all[x].event.id < all[y].event.id; });
            events.erase(std::unique(events.begin(), events.end()), events.end());
            std::string url;
            for (std::size_t i = 0; i < events.size() && i < 3; ++i)
                tooltip += "\n• " + event_line(all[events[i]]);
            if (events.size() > 3)
                tooltip += fmt::format("\n… and {} more", events.size() - 3);
            for (auto ev : events)
                if (url = detail::first_url(all[ev]); !url.empty())
                    break;
            // Several families: parallel lines, one colour each; the label in dark grey.
            std::string colour;
            for (const auto& f : families)
                if (present.count(f.family))
                    colour += (colour.empty() ? "" : ":") + std::string(f.colour);
            std::string font = present.size() == 1 ? colour : "#424242";
            std::string label;
            if (edge_labels())
                label = fmt::format(", {}=<{}>", xlabels() ? "xlabel" : "label", link_label(link));
            out += fmt::format(
                "  {} -> {} [{}color=\"{}\", fontcolor=\"{}\", style={}, penwidth={}{}, "
                "tooltip={}{}];\n",
                dot_quoted(a.id), dot_quoted(b.id), link.directed ? "" : "dir=none, ", colour, font,
                line_style(statuses), pen_width(sources), label, dot_tooltip(tooltip),
                url.empty() ? "" : ", URL=" + dot_tooltip(url) + ", target=\"_blank\"");
        }
    }

    //! dot lays edge labels out as nodes, so they never overlap; the other engines put them
    //! at the middle of the edge, where they do: there they are xlabels, placed after the
    //! layout, and those that would overlap are left out (forcelabels=false).
    bool xlabels() const { return engine != "dot"; }
    //! Whether the diagram has Graphviz clusters (not the rows of people beside their country).
    bool clusters() const {
        return options.cluster == Clustering::bloc ||
               (options.cluster == Clustering::country && engine != "dot");
    }

    //! Labels on a few hundred links are read; on thousands they hide the drawing and cost
    //! most of the layout time, so they stay in the tooltips only.
    bool edge_labels() const { return links.size() <= max_edge_labels; }
    bool large() const { return view.nodes.size() >= 300 || view.edges.size() > 1000; }

    void event_view() {
        const auto& all = graph.events();
        std::set<NodeIndex> in(drawn.begin(), drawn.end());
        for (auto e : view.events) {
            const StoredEvent& ev = all[e];
            const FamilyStyle& f = family_style(ev.event.type);
            EntityKind kind =
                ev.event.type == EventType::AGREEMENT ? EntityKind::agreement : EntityKind::event;
            std::string label = std::string(to_string(ev.event.type));
            if (!ev.event.subtype.empty())
                label += " (" + ev.event.subtype + ")";
            label = html_label_escape(label);
            if (auto when = interval_text(ev.event.date.first, ev.event.date.last); !when.empty())
                label += "<BR/>" + when;
            label += fmt::format("<BR/>{} · {} source{}", to_string(ev.event.status),
                                 ev.corroboration(), ev.corroboration() == 1 ? "" : "s");
            std::string tooltip = event_line(ev);
            std::string url = detail::first_url(ev);
            out += fmt::format(
                "  {} [label=<<FONT POINT-SIZE=\"9\">{}</FONT>>, shape={}, style=\"{}\", "
                "color=\"{}\", fillcolor=\"{}\", tooltip={}{}];\n",
                dot_quoted(ev.event.id), label, kind_style(kind).shape, kind_style(kind).style,
                f.colour, f.light, dot_tooltip(tooltip),
                url.empty() ? "" : ", URL=" + dot_tooltip(url) + ", target=\"_blank\"");
        }
        for (auto e : view.events) {
            const StoredEvent& ev = all[e];
            const FamilyStyle& f = family_style(ev.event.type);
            std::vector<std::pair<std::string, ParticipantRole>> ends;
            for (const auto& p : ev.event.participants) {
                auto n = graph.find(p.actor);
                if (n && in.count(rep[*n]))
                    ends.push_back({graph.node(rep[*n]).id, p.role});
            }
            std::sort(ends.begin(), ends.end());
            ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
            for (auto& [actor, role] : ends) {
                bool plain = role == ParticipantRole::participant || role == ParticipantRole::party;
                out += fmt::format("  {} -> {} [dir=none, color=\"{}\", style={}{}];\n",
                                   dot_quoted(actor), dot_quoted(ev.event.id), f.colour,
                                   line_style({ev.event.status}),
                                   plain ? ""
                                         : fmt::format(", {}=<{}>", xlabels() ? "xlabel" : "label",
                                                       to_string(role)));
            }
        }
    }

    void legend() {
        std::string rows;
        for (const auto& f : families)
            rows += fmt::format(
                "<TR><TD><FONT COLOR=\"{}\">━━━</FONT></TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
                f.colour, f.family);
        rows +=
            "<TR><TD>━━━</TD><TD ALIGN=\"LEFT\">occurred</TD></TR>"
            "<TR><TD>╺ ╺ ╺</TD><TD ALIGN=\"LEFT\">agreed, planned</TD></TR>"
            "<TR><TD>┈┈┈</TD><TD ALIGN=\"LEFT\">reported</TD></TR>"
            "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">width: number of sources</TD></TR>";
        std::set<EntityKind> present;
        for (auto n : drawn)
            present.insert(graph.node(n).kind);
        if (options.events) {
            present.insert(EntityKind::event);
            present.insert(EntityKind::agreement);
        }
        for (const auto& k : kinds)
            if (present.count(k.kind))
                rows +=
                    fmt::format("<TR><TD BGCOLOR=\"{}\"> </TD><TD ALIGN=\"LEFT\">{} ({})</TD></TR>",
                                k.fill, to_string(k.kind), k.shape);
        out += fmt::format(
            "  \"legend\" [shape=plaintext, style=\"\", fontsize=9, tooltip=\"legend\", "
            "label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
            "<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>{}</TABLE>>];\n",
            rows);
    }

    std::string caption() const {
        std::string title = selection.title.empty() ? "diplograph" : selection.title;
        std::string text = "<B>" + html_label_escape(title) + "</B>";
        if (!selection.filters.empty())
            text += "<BR ALIGN=\"LEFT\"/>filters: " + html_label_escape(selection.filters);
        std::string window = interval_text(view.first, view.last);
        text += "<BR ALIGN=\"LEFT\"/>time window: " + (window.empty() ? "undated" : window);
        text += "<BR ALIGN=\"LEFT\"/>" + count(drawn.size(), "actor") + ", " +
                count(options.events ? view.edges.size() : links.size(), "link") +
                (!options.events && links.size() != view.edges.size()
                     ? fmt::format(" ({} by type)", view.edges.size())
                     : std::string()) +
                ", " + count(view.events.size(), "event") + ", " +
                count(view.sources.size(), "source");
        if (folded)
            text += fmt::format("<BR ALIGN=\"LEFT\"/>{} {} folded into their country", folded,
                                folded == 1 ? "person" : "people");
        if (selection.left_out_nodes || selection.left_out_edges)
            text += fmt::format(
                "<BR ALIGN=\"LEFT\"/>left out: {} actors and {} links (the least connected)",
                selection.left_out_nodes, selection.left_out_edges);
        if (weaker_links)
            text += fmt::format(
                "<BR ALIGN=\"LEFT\"/>left out: {} weaker links among these actors (each keeps its "
                "strongest, none is cut off)",
                weaker_links);
        if (!options.events && edge_labels() && xlabels())
            text +=
                "<BR ALIGN=\"LEFT\"/>link labels that would overlap are left out (see the "
                "tooltips)";
        if (!options.events && !edge_labels())
            text += fmt::format(
                "<BR ALIGN=\"LEFT\"/>link labels left out above {} links (see the tooltips)",
                max_edge_labels);
        return text + "<BR ALIGN=\"LEFT\"/>";
    }
};

}  // namespace

std::optional<Format> format_from_string(std::string_view text) {
    for (auto& [f, name] : format_names)
        if (name == text)
            return f;
    return std::nullopt;
}

std::string_view to_string(Format format) {
    for (auto& [f, name] : format_names)
        if (f == format)
            return name;
    return "dot";
}

bool is_diagram(Format format) {
    return format == Format::dot || format == Format::svg || format == Format::png ||
           format == Format::pdf;
}

std::string choose_engine(std::size_t nodes, std::size_t components, bool clusters) {
    if (nodes >= 300)
        return "sfdp";
    if (components > 8)
        return clusters ? "fdp" : "neato";  // fdp draws clusters, neato does not
    return "dot";
}

Selection summarise(const Graph& graph, Selection selection, std::size_t budget) {
    if (budget == 0 || selection.nodes.size() <= budget)
        return selection;
    // Indexed by node, not maps: on a store of 100k actors this ran 1.3 s.
    std::vector<long> weight(graph.node_count(), 0);
    for (auto e : selection.edges) {
        const auto& edge = graph.edges()[e];
        weight[edge.a] += edge.count;
        weight[edge.b] += edge.count;
    }
    std::vector<bool> focus(graph.node_count(), false);
    for (auto n : selection.focus)
        focus[n] = true;
    std::vector<NodeIndex> order = selection.nodes;
    auto first = [&](NodeIndex x, NodeIndex y) {
        if (focus[x] != focus[y])
            return static_cast<bool>(focus[x]);
        if (weight[x] != weight[y])
            return weight[x] > weight[y];
        return graph.node(x).id < graph.node(y).id;
    };
    std::size_t keep = std::min(order.size(), std::max(budget, selection.focus.size()));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      first);
    order.resize(keep);
    std::sort(order.begin(), order.end());
    std::vector<bool> kept(graph.node_count(), false);
    for (auto n : order)
        kept[n] = true;
    std::vector<EdgeIndex> edges;
    for (auto e : selection.edges)
        if (kept[graph.edges()[e].a] && kept[graph.edges()[e].b])
            edges.push_back(e);
    selection.left_out_nodes += selection.nodes.size() - order.size();
    selection.left_out_edges += selection.edges.size() - edges.size();
    selection.nodes = std::move(order);
    selection.edges = std::move(edges);
    return selection;
}

std::size_t link_cap(std::size_t actors) {
    // Up to max_edge_labels links a diagram is read link by link, labels included: all drawn.
    return std::max(3 * actors, max_edge_labels);
}

std::vector<EdgeIndex> drawn_links(const Graph& graph, const Selection& selection,
                                   std::size_t cap) {
    std::vector<EdgeIndex> edges = selection.edges;
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    if (cap == 0 || edges.size() <= cap)
        return edges;
    const auto& all = graph.edges();
    std::vector<bool> focus(graph.node_count(), false);
    for (auto n : selection.focus)
        focus[n] = true;
    auto key = [&](EdgeIndex e) {
        const ActorEdge& edge = all[e];
        return std::make_tuple(!(focus[edge.a] || focus[edge.b]), -edge.sources, -edge.count, e);
    };
    std::sort(edges.begin(), edges.end(),
              [&](EdgeIndex x, EdgeIndex y) { return key(x) < key(y); });
    // Kruskal's algorithm over the strongest links first: a maximum spanning forest.
    std::vector<NodeIndex> parent(graph.node_count());
    for (NodeIndex n = 0; n < parent.size(); ++n)
        parent[n] = n;
    auto root = [&](NodeIndex n) {
        while (parent[n] != n)
            n = parent[n] = parent[parent[n]];
        return n;
    };
    std::vector<bool> keep(edges.size(), false);
    std::size_t kept = 0;
    // An edge's turn: its rank among the links of the end whose list it is higher in.
    std::vector<std::size_t> seen(graph.node_count(), 0);
    std::vector<std::size_t> turn(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const ActorEdge& edge = all[edges[i]];
        turn[i] = std::min(seen[edge.a]++, seen[edge.b]++);
        NodeIndex a = root(edge.a), b = root(edge.b);
        if (a != b) {
            parent[a] = b;
            keep[i] = true;
            ++kept;
        }
    }
    std::vector<std::size_t> rest;
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (!keep[i])
            rest.push_back(i);
    std::stable_sort(rest.begin(), rest.end(),
                     [&](std::size_t x, std::size_t y) { return turn[x] < turn[y]; });
    for (std::size_t i = 0; i < rest.size() && kept < cap; ++i, ++kept)
        keep[rest[i]] = true;
    std::vector<EdgeIndex> out;
    out.reserve(kept);
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (keep[i])
            out.push_back(edges[i]);
    std::sort(out.begin(), out.end());
    return out;
}

std::string to_dot(const Graph& graph, const Selection& full, const DiagramOptions& options) {
    Selection selection = full;
    selection.edges =
        drawn_links(graph, full, options.max_links.value_or(link_cap(full.nodes.size())));
    Writer w{graph,
             selection,
             options,
             detail::make_view(graph, selection),
             full.edges.size() - selection.edges.size(),
             {},
             {},
             {},
             {},
             0,
             {}};
    w.prepare();
    w.engine = options.engine.empty()
                   ? choose_engine(w.drawn.size() + (options.events ? w.view.events.size() : 0),
                                   components(graph, w.view), options.cluster != Clustering::none)
                   : options.engine;
    // A digraph: directed links (initiator → target) get an arrowhead, the others dir=none.
    w.out += "digraph \"diplograph\" {\n";
    w.out += fmt::format(
        "  graph [charset=\"UTF-8\", layout={}, fontname=\"Helvetica\", fontsize=10, "
        "labelloc=\"b\", labeljust=\"l\", outputorder=\"edgesfirst\", {}, "
        "splines=\"{}\"{}{}, tooltip={}, label=<{}>];\n",
        dot_quoted(w.engine), overlap(w.large()), splines(w.engine, w.large()),
        w.clusters() ? ", newrank=\"true\"" : "", w.xlabels() ? ", forcelabels=\"false\"" : "",
        dot_tooltip(selection.title.empty() ? "diplograph" : selection.title), w.caption());
    w.out +=
        "  node [fontname=\"Helvetica\", fontsize=11, penwidth=1];\n"
        "  edge [fontname=\"Helvetica\", fontsize=8];\n";
    w.actor_nodes();
    if (options.events)
        w.event_view();
    else
        w.actor_edges();
    if (options.legend)
        w.legend();
    w.out += "}\n";
    return w.out;
}

}  // namespace diplograph::viz
