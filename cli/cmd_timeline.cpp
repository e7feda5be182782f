// diplograph timeline ACTOR [OTHER] : events in date order, with their evidence.
#include "answers.hpp"
#include "common.hpp"
#include "filters.hpp"
#include "output.hpp"

#include <diplograph/queries/timeline.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace diplograph::cli {

namespace {

// " [043 CONSULT/host +2.8]": the event's codes after its type, what it lacks left out.
std::string codes_text(const Event& ev) {
    std::string out = ev.cameo;
    if (!ev.plover.empty())
        out += (out.empty() ? "" : " ") + ev.plover +
               (ev.plover_mode.empty() ? "" : "/" + ev.plover_mode);
    if (ev.goldstein)
        out += fmt::format("{}{:+.1f}", out.empty() ? "" : " ", *ev.goldstein);
    return out.empty() ? out : " [" + out + "]";
}

struct Options {
    std::string actor;
    std::string other;
    FilterOptions filters;
    OutputOptions output;
};

int run(const Globals& g, const Options& o) {
    if (o.output.wanted())
        check_output(o.output);
    Scope scope = make_scope(o.filters);
    Store store = open_store(g);
    // Only this actor's events are read, through the participants index.
    TimelineResult result = query_timeline(store, scope, o.actor, o.other);
    const Entity& actor = result.pair.actor;
    const std::optional<Entity>& other = result.pair.other;
    Graph& graph = result.pair.graph;
    TimelineAnswer& answer = result.answer;
    if (o.output.wanted())
        return write_selection(g, o.output, graph, std::move(answer.selection));

    if (g.json) {
        fmt::print("{}\n", timeline_json(result));
        return Exit::ok;
    }
    if (o.output.tabular()) {
        // One row per event, for spreadsheets: the evidence sentences joined by " | ".
        Table t({"event", "date", "first", "last", "precision", "type", "subtype", "status",
                 "cameo", "plover", "plover_mode", "goldstein", "initiators", "targets", "others",
                 "sources", "possible_duplicate_of", "evidence"});
        for (auto e : answer.events) {
            const StoredEvent& se = graph.events()[e];
            const Event& ev = se.event;
            std::string from, to, others, evidence;
            for (const auto& p : ev.participants) {
                std::string& list = p.role == ParticipantRole::initiator ? from
                                    : p.role == ParticipantRole::target  ? to
                                                                         : others;
                list += (list.empty() ? "" : " ") + p.actor;
            }
            for (const auto& x : ev.evidence)
                evidence += (evidence.empty() ? "" : " | ") + x.text;
            t.add({ev.id, ev.date.to_string(), date_text(ev.date.first), date_text(ev.date.last),
                   std::string(to_string(ev.date.precision)), std::string(to_string(ev.type)),
                   ev.subtype, std::string(to_string(ev.status)), ev.cameo, ev.plover,
                   ev.plover_mode, ev.goldstein ? fmt::format("{}", *ev.goldstein) : "", from, to,
                   others, std::to_string(se.corroboration()),
                   fmt::format("{}", fmt::join(se.possible_duplicates, " ")), evidence});
        }
        print_table(o.output, t);
        return Exit::ok;
    }
    if (answer.events.empty()) {
        fmt::print("no events of {}{}{}\n", label(actor),
                   other ? " with " + label(*other) : std::string(),
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
        return Exit::ok;
    }
    if (!g.quiet)
        fmt::print("{}: {} event{}{}\n", answer.selection.title, answer.events.size(),
                   answer.events.size() == 1 ? "" : "s",
                   answer.selection.filters.empty() ? "" : " (" + answer.selection.filters + ")");
    for (auto e : answer.events) {
        const StoredEvent& se = graph.events()[e];
        const Event& ev = se.event;
        // "UKR → RUS" when the event has a direction, "RUS, TGO" otherwise.
        std::string from, to, others;
        for (const auto& p : ev.participants) {
            std::string& list = p.role == ParticipantRole::initiator ? from
                                : p.role == ParticipantRole::target  ? to
                                                                     : others;
            list += (list.empty() ? "" : ", ") + p.actor;
        }
        std::string actors = from.empty() && to.empty() ? others : from + " → " + to;
        if (!actors.empty() && !others.empty() && (!from.empty() || !to.empty()))
            actors += ", " + others;
        std::string date = ev.date.known() ? ev.date.to_string() : "undated";
        fmt::print("\n{} ({})  {}{}{}  {}  {}  {} source{}\n", date, to_string(ev.date.precision),
                   to_string(ev.type), ev.subtype.empty() ? "" : "/" + ev.subtype, codes_text(ev),
                   to_string(ev.status), actors, se.corroboration(),
                   se.corroboration() == 1 ? "" : "s");
        // Not merged for want of evidence (an undated report of the same kind elsewhere).
        if (!se.possible_duplicates.empty())
            fmt::print("    possible duplicate of {}\n", fmt::join(se.possible_duplicates, ", "));
        for (const auto& x : ev.evidence) {
            const Source* src = nullptr;
            for (const auto& s : se.sources)
                if (s.id == x.source)
                    src = &s;
            std::string where = src ? src->title : x.source;
            if (src && !src->url.empty())
                where += " <" + src->url + ">";
            fmt::print("    \"{}\" — {}\n", x.text, where);
        }
    }
    return Exit::ok;
}

RegisterCommand reg{
    {33, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "timeline", "The events of ACTOR (or of two actors) in date order, with evidence");
         cmd->add_option("ACTOR", o->actor, "An id or any name")->required();
         cmd->add_option("OTHER", o->other, "Only the events shared with this actor");
         add_filter_options(cmd, o->filters);
         add_output_options(cmd, o->output);
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
