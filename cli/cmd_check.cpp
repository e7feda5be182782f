// diplograph check [--full] : whether the store file is sound, in one line.
#include "common.hpp"

#include <fmt/format.h>

namespace diplograph::cli {

namespace {

int run(const Globals& g, bool full) {
    const char* how = full ? "integrity_check" : "quick_check";
    std::vector<std::string> problems;
    try {
        problems = open_store(g).check(full);
    } catch (const StoreError& e) {
        // A file too damaged to open (or not a store) is a verdict too.
        problems = {e.what()};
    }
    if (g.json) {
        std::string list;
        for (const auto& p : problems)
            list += (list.empty() ? "" : ", ") + json_string(p);
        fmt::print("{{\"ok\": {}, \"check\": \"{}\", \"problems\": [{}]}}\n",
                   problems.empty() ? "true" : "false", how, list);
    } else if (problems.empty()) {
        if (!g.quiet)
            fmt::print("{}: ok ({})\n", g.db, how);
    } else {
        fmt::print(
            "{}: damaged ({}): {}{}\n", g.db, how, problems[0],
            problems.size() > 1 ? fmt::format(" (and {} more problems)", problems.size() - 1) : "");
    }
    return problems.empty() ? Exit::ok : Exit::store_error;
}

RegisterCommand reg{
    {95, [](CLI::App& app, Globals& g, Action& action) {
         auto full = std::make_shared<bool>(false);
         auto* cmd =
             app.add_subcommand("check", "Check that the store file is sound (exit 3 if damaged)");
         cmd->add_flag("--full", *full, "Check every index against its table (slower)");
         cmd->callback([&g, &action, full] { action = [&g, full] { return run(g, *full); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
