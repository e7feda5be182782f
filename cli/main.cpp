#include "command.hpp"
#include "terminal.hpp"

#include <diplograph/graph/store.hpp>
#include <diplograph/importers/dictionaries.hpp>
#include <diplograph/importers/importer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace diplograph::cli {

std::vector<CommandDef>& registry() {
    static std::vector<CommandDef> commands;
    return commands;
}

}  // namespace diplograph::cli

int main(int argc, char** argv) {
    using namespace diplograph;
    using namespace diplograph::cli;
    register_builtin_importers();
    // Past the file-size limit (ulimit -f) a write fails with EFBIG, which the store reports
    // ("file too large"), instead of the signal killing the process mid-import.
    std::signal(SIGXFSZ, SIG_IGN);
    escape_controls_on_terminal();

    CLI::App app{
        "diplograph: diplomatic news to a knowledge graph of countries, leaders, "
        "organisations and events"};
    app.name("diplograph");
    app.set_version_flag("--version", "diplograph 0.1.0");
    Globals globals;
    if (const char* env = std::getenv("DIPLOGRAPH_DB"); env && *env)
        globals.db = env;
    app.add_option("--db", globals.db,
                   "The database file (default ./diplograph.db, or $DIPLOGRAPH_DB)")
        ->capture_default_str();
    app.add_flag("--json", globals.json, "Answer in JSON for programs");
    app.add_flag("-q,--quiet", globals.quiet, "Print only errors");
    app.require_subcommand(1);
    app.fallthrough();
    app.footer(
        "Exit codes: 0 ok, 1 usage error, 2 bad input (something was skipped), 3 store error.\n"
        "Run 'diplograph COMMAND --help' for a command's options.");

    auto& commands = registry();
    std::sort(commands.begin(), commands.end(),
              [](const CommandDef& a, const CommandDef& b) { return a.order < b.order; });
    Action action;
    for (auto& c : commands)
        c.setup(app, globals, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "diplograph: {}\n", e.what());
        fmt::print(stderr, "Run 'diplograph --help' for usage.\n");
        return Exit::usage;
    }
    try {
        return action ? action() : Exit::usage;
    } catch (const CommandError& e) {
        fmt::print(stderr, "diplograph: {}\n", e.what());
        return e.code;
    } catch (const StoreError& e) {
        fmt::print(stderr, "diplograph: {}\n", e.what());
        return Exit::store_error;
    } catch (const DictionaryError& e) {
        fmt::print(stderr, "diplograph: {}\n", e.what());
        return Exit::bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "diplograph: {}\n", e.what());
        return Exit::store_error;
    }
}
