// The command registry of the `diplograph` tool: each command lives in its own cmd_*.cpp and
// registers itself, so adding a command touches no other file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace diplograph::cli {

//! Exit codes (documented in --help).
enum Exit : int { ok = 0, usage = 1, bad_input = 2, store_error = 3 };

//! Options every command sees.
struct Globals {
    std::string db = "diplograph.db";
    bool json = false;
    bool quiet = false;
};

//! A user error found by a command: printed as one line, exit code `code`.
class CommandError : public std::runtime_error {
  public:
    CommandError(int exit_code, const std::string& message)
        : std::runtime_error(message), code(exit_code) {}
    int code;
};

using Action = std::function<int()>;

struct CommandDef {
    int order;  //!< position in --help
    //! Adds the subcommand to `app`; sets `action` to what runs when it is chosen.
    std::function<void(CLI::App& app, Globals& globals, Action& action)> setup;
};

std::vector<CommandDef>& registry();

struct RegisterCommand {
    explicit RegisterCommand(CommandDef def) { registry().push_back(std::move(def)); }
};

}  // namespace diplograph::cli
