// diplograph entities [--kind K] [--match NAME] : lookup by id or any name, in any language.
#include "answers.hpp"
#include "common.hpp"

#include <diplograph/queries/entities.hpp>
#include <diplograph/queries/roles.hpp>

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

struct Options {
    std::string kind;
    std::string match;
    std::size_t limit = 0;
    std::string format;  //!< "" (a table), csv or tsv
};

int run(const Globals& g, const Options& o) {
    auto kind = entity_kind(o.kind);
    Store store = open_store(g);
    auto matches = query_entities(store, o.match, kind, o.limit);
    if (g.json) {
        fmt::print("{}\n", entities_json(store, matches));
        return Exit::ok;
    }
    if (matches.empty()) {
        if (!o.match.empty())
            throw CommandError(Exit::bad_input, fmt::format("no entity matches '{}'", o.match));
        fmt::print("no entities\n");
        return Exit::ok;
    }
    Table t({"id", "kind", "name", "country", "matched", "roles"});
    for (const auto& m : matches) {
        std::string matched =
            m.matched == m.entity.name || m.matched == m.entity.id ? "" : m.matched;
        t.add({m.entity.id, std::string(to_string(m.entity.kind)), m.entity.name, m.entity.country,
               matched,
               m.entity.kind == EntityKind::person
                   ? roles_text(display_roles(m.entity.country, store.roles_of(m.entity.id)))
                   : ""});
    }
    if (o.format.empty())
        fmt::print("{}", t.render());
    else
        fmt::print("{}", t.render_delimited(o.format == "csv" ? ',' : '\t'));
    return Exit::ok;
}

RegisterCommand reg{
    {80, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "entities", "List entities, or find them by id or by any name in any language");
         cmd->add_option("--kind", o->kind, "country, person or organization");
         cmd->add_option("--match", o->match,
                         "A name, alias or id; accents and case are ignored, near spellings found");
         cmd->add_option("--limit", o->limit, "Show at most N entities");
         cmd->add_option("--format,-f", o->format,
                         "csv (RFC 4180) or tsv: the table for spreadsheets")
             ->check(CLI::IsMember({"csv", "tsv"}));
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
