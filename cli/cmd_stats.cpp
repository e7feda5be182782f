// diplograph stats : what the store holds.
#include "answers.hpp"
#include "common.hpp"

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

int run(const Globals& g) {
    Store store = open_store(g);
    StoreStats s = store.stats();
    if (g.json) {
        fmt::print("{}\n", stats_json(s));
        return Exit::ok;
    }
    fmt::print("{}: {} sources, {} evidence records, {} roles\n\n", store.path().string(),
               group_digits(s.sources), group_digits(s.evidence), group_digits(s.roles));
    Table kinds({"entity kind", "count"});
    for (const char* k : {"country", "person", "organization", "agreement", "event"})
        kinds.add({k, group_digits(s.entities[k])});
    fmt::print("{}\n", kinds.render());
    Table types({"event type", "count", "CAMEO", "PLOVER"});
    for (const auto& t : event_types()) {
        auto n = s.events[std::string(t.name)];
        if (n)
            types.add({std::string(t.name), group_digits(n), std::string(t.cameo),
                       std::string(t.plover)});
    }
    if (types.size())
        fmt::print("{}", types.render());
    return Exit::ok;
}

RegisterCommand reg{{90, [](CLI::App& app, Globals& g, Action& action) {
                         auto* cmd = app.add_subcommand(
                             "stats", "Count sources, entities, events and evidence in the store");
                         cmd->callback([&g, &action] { action = [&g] { return run(g); }; });
                     }}};

}  // namespace

}  // namespace diplograph::cli
