// diplograph serve [--port N] [--host H] [--open] : the store in a browser (docs/api.md). The
// JSON API answers with the query commands' --json (answers.cpp) under the same filters; the
// page (web/) is compiled into the binary. The store is opened read-only for each request.
#include "answers.hpp"
#include "common.hpp"
#include "filters.hpp"

#include <diplograph/server/http.hpp>

#include <fmt/format.h>

#include <spawn.h>

#include <algorithm>
#include <csignal>
#include <filesystem>

extern char** environ;

namespace diplograph::cli {

namespace {

using server::Request;
using server::Response;

struct Options {
    int port = 8080;
    std::string host = "127.0.0.1";
    bool open = false;
    int budget = 2000;
};

//! A request the API refuses: the status and the message of the answer.
struct ApiError {
    int status;
    std::string message;
};

const std::vector<std::string> kFilterParams{"since",  "until",       "type", "status", "cameo",
                                             "plover", "min-sources", "kind", "budget"};

//! Refuses parameters the endpoint does not know, so that a misspelt filter is no silent no-op.
void check_params(const Request& req, std::vector<std::string> known, bool filters = true) {
    if (filters)
        known.insert(known.end(), kFilterParams.begin(), kFilterParams.end());
    for (const auto& [name, value] : req.params)
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string expected;
            for (const auto& k : known)
                expected += (expected.empty() ? "" : ", ") + k;
            throw ApiError{400, fmt::format("{}: unknown parameter '{}'; expected {}", req.path,
                                            name, expected.empty() ? "none" : expected)};
        }
}

//! A whole-number parameter, checked as the command line checks its option.
long long number(const Request& req, const std::string& name, long long fallback,
                 long long minimum) {
    auto value = req.param(name);
    if (!value)
        return fallback;
    std::string text = *value;
    std::string problem = at_least(minimum)(text);
    if (!problem.empty())
        throw ApiError{400, fmt::format("--{}: {}", name, problem)};
    return std::stoll(text);
}

Scope scope_of(const Request& req) {
    FilterOptions f;
    f.since = req.param("since").value_or("");
    f.until = req.param("until").value_or("");
    f.types = req.list("type");
    f.statuses = req.list("status");
    f.cameo = req.list("cameo");
    f.plover = req.list("plover");
    f.min_sources = static_cast<int>(number(req, "min-sources", 1, 1));
    f.kind = req.param("kind").value_or("");
    return make_scope(f);
}

//! An endpoint's JSON and, when the budget cut it, what was left out.
struct Reply {
    std::string json;
    std::string notice;
};

//! `json` (an object) with a "notice" member when something was cut.
std::string with_notice(std::string json, const std::string& notice) {
    if (notice.empty() || json.empty() || json.back() != '}')
        return json;
    json.pop_back();
    return json + ", \"notice\": " + json_string(notice) + "}";
}

std::string cut_notice(std::size_t shown, std::size_t total, std::string_view what,
                       std::size_t budget) {
    return fmt::format(
        "showing {} of {} {} (the budget of {}; narrow the filters or ask with "
        "budget=N)",
        group_digits(static_cast<long long>(shown)), group_digits(static_cast<long long>(total)),
        what, budget);
}

class Api {
  public:
    Api(std::filesystem::path db, std::size_t budget) : db_(std::move(db)), budget_(budget) {
        // file: URIs name the file read-only (Debian's SQLite understands them everywhere):
        // no write, no migration, no journal can come from the server.
        std::string path = std::filesystem::absolute(db_).lexically_normal().string();
        uri_ = "file:";
        for (unsigned char c : path) {
            if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
                uri_ += static_cast<char>(c);
            else
                uri_ += fmt::format("%{:02X}", c);
        }
        uri_ += "?mode=ro";
    }

    //! The store, read-only, for one request (a Store serves one thread at a time).
    Store store() const {
        if (!std::filesystem::exists(db_))
            throw StoreError(db_.string() +
                             ": no such database (deleted since the server started)");
        return Store(uri_);
    }

    //! Runs an endpoint, turning the command line's errors into JSON answers with their codes.
    //! The notice goes in the X-Diplograph-Notice header too (an array has no room for it).
    Response answer(const std::function<Reply()>& endpoint) const {
        Response res;
        try {
            Reply reply = endpoint();
            res.body = with_notice(std::move(reply.json), reply.notice);
            if (!reply.notice.empty())
                res.headers.emplace_back("X-Diplograph-Notice", reply.notice);
            return res;
        } catch (const ApiError& e) {
            res.status = e.status;
            res.body = error_json(e.message);
        } catch (const UnknownActorError& e) {
            res.status = 404;
            res.body = error_json(e.what());
        } catch (const CommandError& e) {
            res.status = e.code == Exit::usage ? 400 : 422;
            res.body = error_json(e.what());
        } catch (const StoreError& e) {
            res.status = 503;
            res.body = error_json(e.what());
        }
        return res;
    }

    std::size_t budget(const Request& req) const {
        return static_cast<std::size_t>(number(req, "budget", static_cast<long long>(budget_), 1));
    }

    //! A message with the store's read-only name replaced by the file the user gave.
    std::string plain(std::string message) const {
        for (std::size_t at; (at = message.find(uri_)) != std::string::npos;)
            message.replace(at, uri_.size(), db_.string());
        return message;
    }

    std::string error_json(const std::string& message) const {
        return fmt::format("{{\"error\": {}}}", json_string(plain(message)));
    }

    const std::filesystem::path& db() const { return db_; }

  private:
    std::filesystem::path db_;
    std::string uri_;
    std::size_t budget_;
};

Reply ego_endpoint(const Api& api, const Request& req) {
    check_params(req, {"depth"});
    int depth = static_cast<int>(number(req, "depth", 1, 1));
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Store store = api.store();
    EgoResult r = query_ego(store, scope, req.captures.at(0), depth);
    std::string notice;
    if (r.answer.rows.size() > budget) {
        // The nearest actors first (rows are by depth), and the links among them.
        notice = cut_notice(budget, r.answer.rows.size(), "actors", budget);
        r.answer.rows.resize(budget);
        std::vector<bool> kept(r.graph.node_count(), false);
        for (const auto& row : r.answer.rows)
            kept[row.node] = true;
        auto& edges = r.answer.selection.edges;
        edges.erase(std::remove_if(edges.begin(), edges.end(),
                                   [&](EdgeIndex e) {
                                       const ActorEdge& edge = r.graph.edges()[e];
                                       return !kept[edge.a] || !kept[edge.b];
                                   }),
                    edges.end());
    }
    return {ego_json(r), notice};
}

Reply path_endpoint(const Api& api, const Request& req) {
    check_params(req, {"k", "max-hops"});
    auto k = static_cast<std::size_t>(number(req, "k", 1, 1));
    auto max_hops = static_cast<std::size_t>(number(req, "max-hops", 0, 0));
    Scope scope = scope_of(req);
    Store store = api.store();
    return {
        path_json(query_path(store, scope, req.captures.at(0), req.captures.at(1), k, max_hops)),
        ""};
}

Reply links_endpoint(const Api& api, const Request& req) {
    check_params(req, {});
    Scope scope = scope_of(req);
    Store store = api.store();
    return {links_json(query_links(store, scope, req.captures.at(0), req.captures.at(1))), ""};
}

Reply timeline_endpoint(const Api& api, const Request& req) {
    check_params(req, {});
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Store store = api.store();
    TimelineResult r = query_timeline(store, scope, req.captures.at(0), req.captures.at(1));
    std::string notice;
    if (r.answer.events.size() > budget) {
        notice = cut_notice(budget, r.answer.events.size(), "events", budget);
        r.answer.events.resize(budget);
    }
    return {timeline_json(r), notice};
}

Reply rank_endpoint(const Api& api, const Request& req) {
    check_params(req, {"by", "top"});
    RankBy by = rank_by(req.param("by").value_or("degree"));
    auto top = static_cast<std::size_t>(number(req, "top", 20, 0));
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Store store = api.store();
    // One more than the budget tells whether there were more.
    std::size_t asked = top == 0 || top > budget ? budget + 1 : top;
    RankResult r = query_rank(store, scope, by, asked);
    std::string notice;
    if (r.answer.rows.size() > budget) {
        notice = fmt::format("showing the first {} actors (the budget; ask with budget=N)", budget);
        r.answer.rows.resize(budget);
    }
    return {rank_json(r), notice};
}

Reply blocs_endpoint(const Api& api, const Request& req) {
    check_params(req, {"seed"});
    auto seed = static_cast<unsigned>(number(req, "seed", 42, 0));
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Store store = api.store();
    BlocsResult r = query_blocs(store, scope, seed);
    // The groups in their order while their actors fit in the budget, the last one cut.
    std::string notice;
    auto cut = [&](auto& groups, auto members_of) {
        std::size_t listed = 0, total = 0, kept = 0;
        for (auto& g : groups)
            total += members_of(g).size();
        for (; kept < groups.size() && listed < budget; ++kept) {
            auto& members = members_of(groups[kept]);
            if (listed + members.size() > budget)
                members.resize(budget - listed);
            listed += members.size();
        }
        if (listed < total) {
            notice = fmt::format("listing {} of {} actors (the budget; ask with budget=N)",
                                 group_digits(static_cast<long long>(listed)),
                                 group_digits(static_cast<long long>(total)));
            groups.resize(kept);
        }
    };
    cut(r.answer.components,
        [](std::vector<NodeIndex>& c) -> std::vector<NodeIndex>& { return c; });
    cut(r.answer.communities, [](Bloc& b) -> std::vector<NodeIndex>& { return b.members; });
    return {blocs_json(r), notice};
}

Reply entities_endpoint(const Api& api, const Request& req) {
    check_params(req, {"match", "kind", "limit", "budget"}, false);
    auto kind = entity_kind(req.param("kind").value_or(""));
    auto limit = static_cast<std::size_t>(number(req, "limit", 20, 0));
    std::size_t budget = api.budget(req);
    Store store = api.store();
    std::size_t asked = limit == 0 || limit > budget ? budget + 1 : limit;
    auto matches = query_entities(store, req.param("match").value_or(""), kind, asked);
    std::string notice;
    if (matches.size() > budget) {
        notice =
            fmt::format("showing the first {} entities (the budget; ask with budget=N)", budget);
        matches.resize(budget);
    }
    return {entities_json(store, matches), notice};
}

void open_browser(const std::string& url) {
    // xdg-open returns at once; its output would mix with the request log.
    std::signal(SIGCHLD, SIG_IGN);  // no zombie left behind
    pid_t pid = 0;
    std::string program = "xdg-open";
    char* argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
    if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0)
        fmt::print(stderr, "diplograph serve: --open: cannot run xdg-open; open {} yourself\n",
                   url);
}

// An actor in a path: an id with its prefix ("person/vladimir-putin") or any name.
constexpr const char* kActor = "((?:person|org|agreement|event)/[^/]+|[^/]+)";

int run(const Globals& g, const Options& o) {
    if (!std::filesystem::exists(g.db))
        throw CommandError(Exit::store_error,
                           fmt::format("{}: no such database; import articles or findings first "
                                       "('diplograph import FILE') or name one with --db",
                                       g.db));
    if (o.port < 0 || o.port > 65535)
        throw CommandError(Exit::usage,
                           fmt::format("--port {}: expected 0 (any free port) to 65535", o.port));
    auto api = std::make_shared<Api>(g.db, static_cast<std::size_t>(o.budget));
    try {
        api->store();  // a file that is no store, or too old to read without migrating, fails now
    } catch (const StoreError& e) {
        throw StoreError(fmt::format(
            "{}: cannot be read read-only ({}); a store written by an older diplograph is "
            "migrated by any other command first ('diplograph --db {} stats')",
            g.db, api->plain(e.what()), g.db));
    }

    server::HttpServer http;
    auto route = [&](const std::string& pattern, auto endpoint) {
        http.get(pattern, [api, endpoint](const Request& req) {
            return api->answer([&] { return endpoint(*api, req); });
        });
    };
    route("/api/stats", [](const Api& a, const Request& req) {
        check_params(req, {}, false);
        return Reply{stats_json(a.store().stats()), ""};
    });
    route("/api/entities", entities_endpoint);
    route(fmt::format("/api/ego/{}", kActor), ego_endpoint);
    route(fmt::format("/api/path/{}/{}", kActor, kActor), path_endpoint);
    route(fmt::format("/api/links/{}(?:/{})?", kActor, kActor), links_endpoint);
    route(fmt::format("/api/timeline/{}(?:/{})?", kActor, kActor), timeline_endpoint);
    route("/api/rank", rank_endpoint);
    route("/api/blocs", blocs_endpoint);
    http.get("/api/.*", [api](const Request& req) {
        Response res;
        res.status = 404;
        res.body = api->error_json(
            req.path +
            ": no such endpoint; expected /api/entities, /api/ego/A, /api/path/A/B, "
            "/api/links/A[/B], /api/timeline/A[/B], /api/rank, /api/blocs or /api/stats");
        return res;
    });

    bool loopback = server::is_loopback(o.host);
    if (!loopback)
        fmt::print(stderr,
                   "warning: --host {}: the view and the whole store are open to every machine "
                   "that can reach this address, without a password; use it on a trusted "
                   "network only\n",
                   o.host);
    int port = 0;
    try {
        port = http.bind(o.host, o.port);
    } catch (const std::runtime_error& e) {
        throw CommandError(Exit::usage, e.what());
    }
    std::string shown_host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
    std::string url = fmt::format("http://{}:{}/", shown_host, port);
    if (!g.quiet) {
        http.on_log([](const std::string& line) { fmt::print(stderr, "{}\n", line); });
    }
    // The first line is for people and for programs that start the server on port 0.
    fmt::print("diplograph serve: {} (store {}, read-only; Ctrl-C to stop)\n", url, g.db);
    std::fflush(stdout);
    if (o.open)
        open_browser(url);
    http.listen();
    return Exit::ok;
}

RegisterCommand reg{
    {95, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "serve", "Explore the store in a browser: a local page and a JSON API (docs/api.md)");
         cmd->add_option("--port", o->port, "The port (0: any free port)")->capture_default_str();
         cmd->add_option("--host", o->host,
                         "The address to listen on; another than the loopback opens the store "
                         "to the network (with a warning)")
             ->capture_default_str();
         cmd->add_flag("--open", o->open, "Open the page in the default browser (xdg-open)");
         cmd->add_option("--budget", o->budget,
                         "The most actors (or events) an answer lists; more are cut, with a "
                         "notice")
             ->check(at_least(1))
             ->capture_default_str();
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
