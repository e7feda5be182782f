// diplograph serve [--port N] [--host H] [--open] : the store in a browser (docs/api.md). The
// JSON API answers with the query commands' --json (answers.cpp) under the same filters; the
// page (web/) is compiled into the binary. The store is opened read-only for each request.
#include "answers.hpp"
#include "common.hpp"
#include "filters.hpp"

#include <diplograph/graph/algorithms.hpp>
#include <diplograph/server/http.hpp>

#include <fmt/format.h>

#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <numeric>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_set>

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
    int status = 200;  //!< 202: an answer still being computed (the notice says so)
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

//! What the cache keys on: a scope's filters, each written out (describe() is for people).
std::string scope_key(const Scope& scope) {
    const Filter& f = scope.filter;
    std::string key = fmt::format("{}|{}|{}|", f.since ? f.since->to_string() : "",
                                  f.until ? f.until->to_string() : "", f.min_sources);
    for (auto t : f.types)
        key += fmt::format("t{},", static_cast<int>(t));
    for (auto st : f.statuses)
        key += fmt::format("s{},", static_cast<int>(st));
    if (scope.kind)
        key += fmt::format("k{}", static_cast<int>(*scope.kind));
    return key;
}

//! The file and its write-ahead log as the file system sees them: an import by another process
//! changes one of them, and the cache is dropped.
struct Stamp {
    std::filesystem::file_time_type db_time{}, wal_time{};
    std::uintmax_t db_size = 0, wal_size = 0;
    bool operator==(const Stamp&) const = default;
};

Stamp stamp_of(const std::filesystem::path& db) {
    Stamp s;
    std::error_code ec;
    s.db_time = std::filesystem::last_write_time(db, ec);
    s.db_size = std::filesystem::file_size(db, ec);
    std::filesystem::path wal = db.string() + "-wal";
    s.wal_time = std::filesystem::last_write_time(wal, ec);
    s.wal_size = std::filesystem::file_size(wal, ec);
    return s;
}

//! Values computed once per key, shared by the requests (and the threads) that ask for them;
//! a request asking for a value being computed waits for it instead of computing it again.
template <class T>
class Memo {
  public:
    using Value = std::shared_ptr<const T>;

    Value get(const std::string& key, const std::function<T()>& make) {
        std::promise<Value> promise;
        std::shared_future<Value> future;
        bool mine = false;
        {
            std::lock_guard lock(mutex_);
            auto it = values_.find(key);
            if (it == values_.end()) {
                if (values_.size() >= max_entries_)
                    values_.clear();
                future = promise.get_future().share();
                values_.emplace(key, future);
                mine = true;
            } else {
                future = it->second;
            }
        }
        if (mine) {
            try {
                promise.set_value(std::make_shared<const T>(make()));
            } catch (...) {
                promise.set_exception(std::current_exception());
                std::lock_guard lock(mutex_);
                values_.erase(key);  // an error is not kept: the next request tries again
            }
        }
        return future.get();
    }

    //! The value when it is computed already, else nullptr (without waiting).
    Value peek(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto it = values_.find(key);
        if (it == values_.end() ||
            it->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return nullptr;
        try {
            return it->second.get();
        } catch (...) {
            return nullptr;
        }
    }

    //! The value of `key`, computed by `make` on a thread of its own when nobody asked for it
    //! yet: a request waits for it at most as long as it chooses (wait_for on the future).
    std::shared_future<Value> start(const std::string& key, std::function<T()> make) {
        auto promise = std::make_shared<std::promise<Value>>();
        {
            std::lock_guard lock(mutex_);
            auto it = values_.find(key);
            if (it != values_.end())
                return it->second;
            if (values_.size() >= max_entries_)
                values_.clear();
            it = values_.emplace(key, promise->get_future().share()).first;
            std::thread([promise, make = std::move(make)] {
                try {
                    promise->set_value(std::make_shared<const T>(make()));
                } catch (...) {
                    promise->set_exception(std::current_exception());
                }
            }).detach();
            return it->second;
        }
    }

    //! Forgets a value (an error, so that the next request tries again).
    void forget(const std::string& key) {
        std::lock_guard lock(mutex_);
        values_.erase(key);
    }

    explicit Memo(std::size_t max_entries = 64) : max_entries_(max_entries) {}

    void clear() {
        std::lock_guard lock(mutex_);
        values_.clear();
    }

  private:
    std::size_t max_entries_;
    std::mutex mutex_;
    std::map<std::string, std::shared_future<Value>> values_;
};

// Betweenness: exact (Brandes) up to this many actors, else estimated from this many sources
// drawn at random (queries/rank.hpp; its error is measured in tests/queries/betweenness_test).
constexpr std::size_t kExactBetweennessUpTo = 2500;
constexpr std::size_t kBetweennessPivots = 256;

//! The notice of a betweenness estimated from sampled sources, on `actors` actors.
std::string estimated_betweenness(std::size_t actors) {
    return fmt::format(
        "betweenness estimated from {} of the {} actors taken as sources at random "
        "(Brandes and Pich 2007; exact up to {} actors)",
        kBetweennessPivots, group_digits(static_cast<long long>(actors)),
        group_digits(static_cast<long long>(kExactBetweennessUpTo)));
}
// How long a request for betweenness or blocs waits for them before answering that they are
// being computed, on stores of at least kBackgroundFrom events (smaller ones answer when ready).
constexpr std::chrono::milliseconds kBetweennessWait{150};
constexpr std::size_t kBackgroundFrom = 50000;
// A betweenness computed in the background (source after source) shows its estimate so far at
// most this often: a request gets the latest at once.
constexpr std::chrono::milliseconds kEstimateEvery{40};
constexpr std::chrono::milliseconds kFirstEstimate{15};

//! A betweenness so far: exact when every actor was taken as a source.
struct Betweenness {
    std::vector<double> scores;
    std::size_t sources = 0;
    std::size_t actors = 0;
    bool exact() const { return sources >= actors; }
};

//! A value computed on a thread of its own, with what it has so far meanwhile (an estimate):
//! a request takes the latest at once (betweenness: source after source; blocs: Louvain run
//! after run).
template <class T>
class Latest {
  public:
    void publish(std::shared_ptr<const T> value) {
        {
            std::lock_guard lock(mutex_);
            latest_ = std::move(value);
        }
        changed_.notify_all();
    }
    //! The latest value, waiting for a first one until `deadline` (nullptr if none by then).
    std::shared_ptr<const T> latest(std::chrono::steady_clock::time_point deadline) {
        std::unique_lock lock(mutex_);
        changed_.wait_until(lock, deadline, [&] { return latest_ != nullptr || error_; });
        if (!latest_ && error_)
            std::rethrow_exception(error_);
        return latest_;
    }
    void fail(std::exception_ptr error) {
        {
            std::lock_guard lock(mutex_);
            error_ = std::move(error);
        }
        changed_.notify_all();
    }
    bool failed() {
        std::lock_guard lock(mutex_);
        return error_ != nullptr;
    }
    std::atomic<bool> stop{false};  //!< the store changed: the thread gives up

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::shared_ptr<const T> latest_;
    std::exception_ptr error_;
};
using Progress = Latest<Betweenness>;

//! The notice of a betweenness estimated so far from `sources` of `actors` sources.
std::string estimated_so_far(std::size_t sources, std::size_t actors) {
    return fmt::format(
        "betweenness estimated from {} of the {} actors taken as sources at random so far "
        "(Brandes and Pich 2007); the exact values are being computed: ask again later",
        group_digits(static_cast<long long>(sources)),
        group_digits(static_cast<long long>(actors)));
}

//! DIPLOGRAPH_SERVE_STEP_MS=N: each step of a background computation (a source of betweenness,
//! a Louvain run of blocs) takes N ms more, so that a test sees the estimates on a small store.
void test_delay() {
    static const long ms = [] {
        const char* v = std::getenv("DIPLOGRAPH_SERVE_STEP_MS");
        return v ? std::atol(v) : 0L;
    }();
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

//! Lowers the priority of the calling thread: the background computations run only when a
//! processor has nothing else to do (Linux's SCHED_IDLE; nice 19 where it is refused), so that
//! requests are not slowed by minutes of exact betweenness.
void background_priority() {
    sched_param none{};
    if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &none) != 0)
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
}

//! With DIPLOGRAPH_SERVE_TIMING set, prints how long a step took to stderr (profiling the
//! first call of a new set of filters); else nothing.
class Timing {
  public:
    explicit Timing(std::string what)
        : what_(std::move(what)), start_(std::chrono::steady_clock::now()) {}
    ~Timing() {
        static const bool on = std::getenv("DIPLOGRAPH_SERVE_TIMING") != nullptr;
        if (on)
            fmt::print(
                stderr, "timing: {} {:.1f} ms\n", what_,
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
                    .count());
    }

  private:
    std::string what_;
    std::chrono::steady_clock::time_point start_;
};

//! What a set of filters keeps of the whole graph, without copying it: its events, its links (those
//! with at least one of its events), and its actors (those taking part in one of its events).
struct Slice {
    std::vector<bool> events;  //!< by event of the whole graph
    std::vector<bool> edges;   //!< by edge of the whole graph
    std::vector<bool> actors;  //!< by node of the whole graph
    std::size_t kept = 0;      //!< events kept
};

//! The whole graph and a scope's slice of it, with the actors the entity table lists (the others,
//! named only by events, are numbered in another order by Graph::load: answers about them are
//! computed on the scope's own graph).
struct Sliced {
    std::shared_ptr<const Graph> whole;
    std::shared_ptr<const Slice> slice;
    std::shared_ptr<const std::vector<bool>> listed;

    //! The graph Graph::load would read for the scope, restricted to `events` (a subset of the
    //! slice's): its links between two actors are those of the scope's graph, event for event,
    //! and its listed actors are numbered in the same order.
    Graph sub(const std::vector<bool>& events) const {
        Timing t("restrict");
        return Graph::restrict(*whole, events, *listed);
    }

    //! Marks the scope's events of edge e in `events`.
    void mark(EdgeIndex e, std::vector<bool>& events) const {
        for (auto ev : whole->edges()[e].events)
            if (slice->events[ev])
                events[ev] = true;
    }
    //! Marks one of actor n's events in the scope, so that n is a node of sub().
    void mark_actor(NodeIndex n, std::vector<bool>& events) const {
        for (auto ev : whole->actor_events(n))
            if (slice->events[ev]) {
                events[ev] = true;
                return;
            }
    }
};

//! A scope's actors numbered as its own graph numbers them (those it involves, in the whole
//! graph's order, when all are listed) and its simple adjacency in that numbering: what rank
//! needs, as algo::simple_adjacency gives it on the scope's graph.
struct Compact {
    bool usable = false;           //!< false: an actor the entity table lacks is in the scope
    std::vector<NodeIndex> nodes;  //!< node of the whole graph, by actor of the scope
    std::vector<NodeIndex> index;  //!< actor of the scope, by node of the whole graph
    std::vector<std::vector<NodeIndex>> adjacency;
};

//! Blocs so far: the best communities of the Louvain runs done (final after all of them).
struct BlocsSoFar {
    Reply reply;
    int runs = 0;
    bool final = false;
    //! The best communities so far, by actor of the scope (its graph's numbering).
    std::shared_ptr<const std::vector<std::size_t>> labels;
};

class Api;

//! An open read-only store lent to one request, given back to the pool afterwards.
class Lease {
  public:
    Lease(const Api* api, std::unique_ptr<Store> store, unsigned generation)
        : api_(api), store_(std::move(store)), generation_(generation) {}
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    ~Lease();
    const Store& operator*() const { return *store_; }
    const Store* operator->() const { return store_.get(); }
    operator const Store&() const { return *store_; }

  private:
    const Api* api_;
    std::unique_ptr<Store> store_;
    unsigned generation_;
};

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

    //! The store, read-only, for one request (a Store serves one thread at a time): one of
    //! the connections kept open, or a new one.
    Lease store() const {
        if (!std::filesystem::exists(db_))
            throw StoreError(db_.string() +
                             ": no such database (deleted since the server started)");
        {
            std::lock_guard lock(pool_mutex_);
            if (!pool_.empty()) {
                auto store = std::move(pool_.back());
                pool_.pop_back();
                return Lease(this, std::move(store), generation_);
            }
        }
        unsigned generation = 0;
        {
            std::lock_guard lock(pool_mutex_);
            generation = generation_;
        }
        return Lease(this, std::make_unique<Store>(uri_), generation);
    }

    void give_back(std::unique_ptr<Store> store, unsigned generation) const {
        std::lock_guard lock(pool_mutex_);
        if (generation == generation_ && pool_.size() < 8)
            pool_.push_back(std::move(store));
    }

    //! Drops what was computed and the open connections when the file changed since (another
    //! process imported into it): called before each request.
    void check_fresh() const {
        Stamp now = stamp_of(db_);
        std::lock_guard lock(pool_mutex_);
        if (now == stamp_)
            return;
        stamp_ = now;
        ++generation_;
        pool_.clear();
        replies_.clear();
        topologies_.clear();
        graphs_.clear();
        views_.clear();
        slices_.clear();
        adjacencies_.clear();
        compacts_.clear();
        whole_compact_.clear();
        {
            std::lock_guard progress_lock(progress_mutex_);
            for (auto& [k, p] : progress_)
                p->stop = true;
            progress_.clear();
            for (auto& [k, p] : blocs_progress_)
                p->stop = true;
            blocs_progress_.clear();
        }
        listed_.clear();
        names_.clear();
        ranks_.clear();
        betweenness_.clear();
        blocs_.clear();
        stats_.clear();
    }

    //! The scope's topology (load_topology without types), kept between requests; nullptr
    //! when the scope needs the events (--kind).
    std::shared_ptr<const Topology> topology(const Store& store, const Scope& scope) const {
        if (scope.kind)
            return nullptr;
        return topologies_.get(scope_key(scope), [&] {
            auto t = load_topology(store, scope, /*with_types=*/false);
            if (!t)
                throw StoreError("the topology of these filters cannot be loaded");
            return std::move(*t);
        });
    }

    //! The scope's whole graph without evidence (blocs; the big ego networks once it is read).
    std::shared_ptr<const Graph> graph(const Store& store, const Scope& scope) const {
        return graphs_.get(scope_key(scope), [&] {
            Scope lean = scope;
            lean.filter.with_evidence = false;
            return load_for_query(store, lean);
        });
    }

    //! The names of every entity, folded once (the search box asks at each key stroke).
    std::shared_ptr<const EntityIndex> names(const Store& store) const {
        return names_.get("", [&] { return EntityIndex(store.entities()); });
    }

    //! The scope's graph (without evidence) when it can be had without reading the store: the
    //! whole graph once read (in the background at start), or one derived from it in memory
    //! for other filters (kept for the next requests); nullptr before that, or with --kind.
    //! The scope's slice of the whole graph once the whole graph is read (nullptr before, or with
    //! --kind): ego, path and links answer from it and a graph of the few events they show,
    //! instead of a copy of the scope's graph.
    std::optional<Sliced> sliced(const Store& store, const Scope& scope) const {
        if (scope.kind || scope_key(scope) == scope_key(Scope{}))
            return std::nullopt;  // the whole graph is the view of no filter
        auto whole = graphs_.peek(scope_key(Scope{}));
        if (!whole)
            return std::nullopt;
        auto listed = listed_.get("", [&] {
            Timing t("listed");
            auto known = names(store);
            std::unordered_set<std::string_view> ids;
            for (const auto& e : known->entities())
                ids.insert(e.id);
            std::vector<bool> out(whole->node_count(), false);
            for (NodeIndex n = 0; n < whole->node_count(); ++n)
                out[n] = ids.count(whole->node(n).id) > 0;
            return out;
        });
        auto slice = slices_.get(scope_key(scope), [&] {
            Timing t("slice");
            Slice out;
            const auto& events = whole->events();
            out.events.assign(events.size(), false);
            out.actors.assign(whole->node_count(), false);
            for (std::size_t e = 0; e < events.size(); ++e)
                if (scope.filter.accepts(events[e])) {
                    out.events[e] = true;
                    ++out.kept;
                    for (auto n : whole->event_actors(e))
                        out.actors[n] = true;
                }
            out.edges.assign(whole->edges().size(), false);
            for (EdgeIndex i = 0; i < whole->edges().size(); ++i)
                for (auto e : whole->edges()[i].events)
                    if (out.events[e]) {
                        out.edges[i] = true;
                        break;
                    }
            return out;
        });
        return Sliced{whole, slice, listed};
    }

    //! The scope's actors and adjacency numbered as its graph numbers them (rank).
    std::shared_ptr<const Compact> compact(const Sliced& sliced, const Scope& scope) const {
        return compacts_.get(scope_key(scope), [&] {
            Timing t("compact");
            Compact out;
            const Graph& whole = *sliced.whole;
            out.index.assign(whole.node_count(), whole.node_count());
            for (NodeIndex n = 0; n < whole.node_count(); ++n)
                if (sliced.slice->actors[n]) {
                    if (!(*sliced.listed)[n])
                        return Compact{};
                    out.index[n] = out.nodes.size();
                    out.nodes.push_back(n);
                }
            // The kept links' ends counted, placed, then each actor's partners sorted and made
            // distinct (algo::simple_adjacency's lists, renumbered: the order is the same).
            const std::size_t m = out.nodes.size();
            const auto& keep = sliced.slice->edges;
            std::vector<std::size_t> start(m + 1, 0);
            for (EdgeIndex i = 0; i < whole.edges().size(); ++i) {
                const ActorEdge& e = whole.edges()[i];
                if (keep[i] && e.a != e.b) {
                    ++start[out.index[e.a] + 1];
                    ++start[out.index[e.b] + 1];
                }
            }
            for (std::size_t v = 0; v < m; ++v)
                start[v + 1] += start[v];
            std::vector<NodeIndex> flat(start[m]);
            std::vector<std::size_t> next(start.begin(), start.end() - 1);
            for (EdgeIndex i = 0; i < whole.edges().size(); ++i) {
                const ActorEdge& e = whole.edges()[i];
                if (keep[i] && e.a != e.b) {
                    NodeIndex a = out.index[e.a], b = out.index[e.b];
                    flat[next[a]++] = b;
                    flat[next[b]++] = a;
                }
            }
            out.adjacency.resize(m);
            for (std::size_t v = 0; v < m; ++v) {
                auto first = flat.begin() + static_cast<long>(start[v]);
                auto last = flat.begin() + static_cast<long>(start[v + 1]);
                std::sort(first, last);
                out.adjacency[v].assign(first, std::unique(first, last));
            }
            out.usable = true;
            return out;
        });
    }

    //! The simple adjacency of the slice's links (sorted distinct partners, as
    //! algo::simple_adjacency), in the whole graph's numbering.
    std::shared_ptr<const std::vector<std::vector<NodeIndex>>> adjacency(const Sliced& sliced,
                                                                         const Scope& scope) const {
        return adjacencies_.get(scope_key(scope), [&] {
            Timing t("adjacency");
            const Graph& whole = *sliced.whole;
            return algo::simple_adjacency(whole, sliced.slice->edges);
        });
    }

    std::shared_ptr<const Graph> view(const Store& store, const Scope& scope) const {
        if (scope.kind)
            return nullptr;
        auto whole = graphs_.peek(scope_key(Scope{}));
        if (!whole)
            return nullptr;
        std::string key = scope_key(scope);
        if (key == scope_key(Scope{}))
            return whole;
        auto known = names(store);
        return views_.get(key, [&] { return derive(*whole, scope.filter, *known); });
    }

    //! The graph Graph::load(store, filter) reads, from the whole graph: the events passing the
    //! filter, in their order, and the actors they involve numbered as Graph::load numbers them
    //! (the entities in the whole graph's order, then the participants the entity table lacks
    //! in the order the events name them, as Graph::build adds them).
    static Graph derive(const Graph& whole, const Filter& filter, const EntityIndex& known) {
        std::vector<bool> keep(whole.events().size(), false);
        for (std::size_t e = 0; e < whole.events().size(); ++e)
            keep[e] = filter.accepts(whole.events()[e]);
        std::unordered_set<std::string_view> entity_ids;
        for (const auto& e : known.entities())
            entity_ids.insert(e.id);
        std::vector<bool> listed(whole.node_count(), false);
        for (NodeIndex n = 0; n < whole.node_count(); ++n)
            listed[n] = entity_ids.count(whole.node(n).id) > 0;
        return Graph::restrict(whole, keep, listed);
    }

    //! The betweenness of each actor of `graph` (the scope's view): exact up to
    //! kExactBetweennessUpTo actors, else estimated from kBetweennessPivots sources. Computed on
    //! a thread of its own when first asked; nullptr when it is not ready within `wait`.
    std::shared_ptr<const std::vector<double>> betweenness_of(
        std::shared_ptr<const Graph> graph, const Scope& scope,
        std::chrono::milliseconds wait) const {
        return betweenness_of(scope, wait, [graph] {
            if (graph->node_count() > kExactBetweennessUpTo)
                return diplograph::betweenness(algo::simple_adjacency(*graph), kBetweennessPivots);
            return algo::betweenness(*graph);
        });
    }
    //! The same from a scope's simple adjacency, above kExactBetweennessUpTo actors.
    std::shared_ptr<const std::vector<double>> betweenness_of(
        std::shared_ptr<const Compact> compact, const Scope& scope,
        std::chrono::milliseconds wait) const {
        return betweenness_of(scope, wait, [compact] {
            return diplograph::betweenness(compact->adjacency, kBetweennessPivots);
        });
    }
    std::shared_ptr<const std::vector<double>> betweenness_of(
        const Scope& scope, std::chrono::milliseconds wait,
        std::function<std::vector<double>()> make) const {
        std::string key = scope_key(scope);
        auto future = betweenness_.start(key, std::move(make));
        if (future.wait_for(wait) != std::future_status::ready)
            return nullptr;
        try {
            return future.get();
        } catch (...) {
            betweenness_.forget(key);
            throw;
        }
    }

    //! Whether betweenness is computed source by source in the background, its estimates so
    //! far answered meanwhile: on stores of kBackgroundFrom events or more (or with
    //! DIPLOGRAPH_SERVE_WAIT_MS set, for the tests).
    bool progressive() const { return compute_wait() < std::chrono::hours(1); }

    //! The whole graph's actors in its own numbering and its simple adjacency, as compact()
    //! gives a scope's (nullptr before the whole graph is read).
    std::shared_ptr<const Compact> whole_compact() const {
        auto whole = graphs_.peek(scope_key(Scope{}));
        if (!whole)
            return nullptr;
        return whole_compact_.get("", [&] {
            Compact out;
            out.nodes.resize(whole->node_count());
            std::iota(out.nodes.begin(), out.nodes.end(), NodeIndex{0});
            out.index = out.nodes;
            out.adjacency = algo::simple_adjacency(*whole);
            out.usable = true;
            return out;
        });
    }

    //! The betweenness of a scope's adjacency as computed so far: started on a thread of its own
    //! when first asked (exact in the end), the latest estimate meanwhile; waits until
    //! `deadline` for a first estimate (nullptr when there is none by then).
    std::shared_ptr<const Betweenness> betweenness_so_far(
        const std::string& key, std::shared_ptr<const Compact> compact,
        std::chrono::steady_clock::time_point deadline) const {
        std::shared_ptr<Progress> progress;
        {
            std::lock_guard lock(progress_mutex_);
            auto it = progress_.find(key);
            if (it != progress_.end() && it->second->failed())
                progress_.erase(it), it = progress_.end();
            if (it == progress_.end()) {
                if (progress_.size() >= kProgressKept) {
                    for (auto it2 = progress_.begin(); it2 != progress_.end();) {
                        if (it2->first != scope_key(Scope{})) {
                            it2->second->stop = true;
                            it2 = progress_.erase(it2);
                        } else {
                            ++it2;
                        }
                    }
                }
                progress = std::make_shared<Progress>();
                progress_.emplace(key, progress);
                std::thread([progress, compact] {
                    try {
                        const std::size_t n = compact->adjacency.size();
                        auto last = std::chrono::steady_clock::now();
                        // The first estimate soon (a request waits for it), at full priority.
                        auto every = kFirstEstimate;
                        auto exact = betweenness_progressive(
                            compact->adjacency, 42, [&](std::size_t done, const auto& estimate) {
                                if (progress->stop)
                                    return false;
                                auto now = std::chrono::steady_clock::now();
                                if (now - last >= every) {
                                    if (every == kFirstEstimate)
                                        background_priority();
                                    last = now;
                                    every = kEstimateEvery;
                                    progress->publish(std::make_shared<const Betweenness>(
                                        Betweenness{estimate(), done, n}));
                                }
                                test_delay();
                                return true;
                            });
                        if (!progress->stop)
                            progress->publish(
                                std::make_shared<const Betweenness>(Betweenness{exact, n, n}));
                    } catch (...) {
                        progress->fail(std::current_exception());
                    }
                }).detach();
            } else {
                progress = it->second;
            }
        }
        return progress->latest(deadline);
    }

    mutable Memo<Topology> topologies_;
    mutable Memo<Graph> graphs_{2};   // a few hundred MB each on the bench store
    mutable Memo<Graph> views_{2};    // graphs derived from the whole one for other filters
    mutable Memo<Slice> slices_{32};  // a few bits per event and link each
    mutable Memo<std::vector<std::vector<NodeIndex>>> adjacencies_{8};
    mutable Memo<Compact> compacts_{8};
    mutable Memo<Compact> whole_compact_{1};
    // The betweenness computations, by scope: at most kProgressKept (the older ones are
    // stopped when more are asked for).
    static constexpr std::size_t kProgressKept = 6;
    mutable std::mutex progress_mutex_;
    mutable std::map<std::string, std::shared_ptr<Progress>> progress_;
    mutable std::map<std::string, std::shared_ptr<Latest<BlocsSoFar>>> blocs_progress_;
    mutable Memo<std::vector<bool>> listed_{1};
    mutable Memo<EntityIndex> names_{1};
    mutable Memo<Reply> ranks_;
    //! The betweenness of each actor of a scope's graph, computed in the background (about a
    //! second of CPU on the bench store): the whole graph's at start-up, the others when asked.
    mutable Memo<std::vector<double>> betweenness_{8};
    mutable Memo<Reply> blocs_;
    mutable Memo<std::string> stats_;

    //! Runs an endpoint, turning the command line's errors into JSON answers with their codes.
    //! The notice goes in the X-Diplograph-Notice header too (an array has no room for it).
    Response answer(const std::function<Reply()>& endpoint) const {
        Timing t("request");
        Response res;
        try {
            check_fresh();
            Reply reply = endpoint();
            res.status = reply.status;
            if (reply.status == 202)
                res.headers.emplace_back("Retry-After", "1");
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

    //! How long a request for betweenness or blocs waits for them before answering that they
    //! are being computed (202): on a store of fewer than kBackgroundFrom events, until they are
    //! ready; DIPLOGRAPH_SERVE_WAIT_MS sets it for every store (tests).
    std::chrono::milliseconds compute_wait() const {
        if (const char* ms = std::getenv("DIPLOGRAPH_SERVE_WAIT_MS"))
            return std::chrono::milliseconds(std::atol(ms));
        auto whole = graphs_.peek(scope_key(Scope{}));
        if (whole && whole->events().size() >= kBackgroundFrom)
            return kBetweennessWait;
        return std::chrono::hours(1);
    }

    //! The endpoint's reply to this request, kept when it is small: the page asks for the ego
    //! networks of every expanded actor again at each change of the view.
    Reply remembered(const Request& req, Reply (*endpoint)(const Api&, const Request&)) const {
        std::string key = req.path;
        for (const auto& [name, value] : req.params)
            key += "\x01" + name + "=" + value;
        {
            std::lock_guard lock(pool_mutex_);
            auto it = replies_.find(key);
            if (it != replies_.end())
                return *it->second;
        }
        Reply reply = endpoint(*this, req);
        if (reply.status == 200 && reply.json.size() <= kRememberedSize) {
            std::lock_guard lock(pool_mutex_);
            if (replies_.size() >= kRemembered)
                replies_.clear();
            replies_.emplace(key, std::make_shared<const Reply>(reply));
        }
        return reply;
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
    mutable std::mutex pool_mutex_;
    mutable std::vector<std::unique_ptr<Store>> pool_;
    // Replies to ego, path and links requests, at most kRemembered of kRememberedSize bytes.
    static constexpr std::size_t kRemembered = 64;
    static constexpr std::size_t kRememberedSize = 256 * 1024;
    mutable std::map<std::string, std::shared_ptr<const Reply>> replies_;
    mutable unsigned generation_ = 0;
    mutable Stamp stamp_;
};

Lease::~Lease() {
    if (store_)
        api_->give_back(std::move(store_), generation_);
}

//! Cuts an ego network to its `budget` nearest actors (rows are by depth, then id) and the
//! links among them; the notice, or "" when nothing was cut.
std::string cut_ego(const Graph& graph, EgoAnswer& answer, std::size_t budget) {
    if (answer.rows.size() <= budget)
        return "";
    std::string notice = cut_notice(budget, answer.rows.size(), "actors", budget);
    answer.rows.resize(budget);
    std::vector<bool> kept(graph.node_count(), false);
    for (const auto& row : answer.rows)
        kept[row.node] = true;
    auto& edges = answer.selection.edges;
    edges.erase(std::remove_if(edges.begin(), edges.end(),
                               [&](EdgeIndex e) {
                                   const ActorEdge& edge = graph.edges()[e];
                                   return !kept[edge.a] || !kept[edge.b];
                               }),
                edges.end());
    return notice;
}

Reply ego_endpoint(const Api& api, const Request& req) {
    check_params(req, {"depth"});
    int depth = static_cast<int>(number(req, "depth", 1, 1));
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Lease store = api.store();
    if (auto sliced = api.sliced(store, scope)) {
        // Who is in the ego network on the whole graph's links that the filters keep, cut to the
        // budget; then a graph of the links among the actors kept only (all their events).
        Entity centre = resolve(store, req.captures.at(0));
        const Graph& whole = *sliced->whole;
        const Slice& slice = *sliced->slice;
        if (slice.kept == 0)
            require_events(store);
        auto c = whole.find(centre.id);
        EgoAnswer answer;
        Graph sub;
        std::string notice;
        bool listed = true;
        if (c && slice.actors[*c]) {
            // algo::within's breadth-first order, on the kept links.
            std::vector<std::pair<NodeIndex, int>> reached{{*c, 0}};
            std::vector<bool> in(whole.node_count(), false);
            in[*c] = true;
            for (std::size_t head = 0; head < reached.size(); ++head) {
                auto [u, d] = reached[head];
                if (d == depth)
                    continue;
                for (auto e : whole.incident(u))
                    if (slice.edges[e]) {
                        NodeIndex v = whole.other(e, u);
                        if (!in[v]) {
                            in[v] = true;
                            reached.emplace_back(v, d + 1);
                        }
                    }
            }
            // ego()'s rows: the distinct partners inside the ego network, by depth then id.
            std::vector<EgoRow> rows;
            std::vector<NodeIndex> partners;
            for (auto [n, d] : reached) {
                partners.clear();
                for (auto e : whole.incident(n))
                    if (slice.edges[e]) {
                        NodeIndex o = whole.other(e, n);
                        if (in[o] && o != n)
                            partners.push_back(o);
                    }
                std::sort(partners.begin(), partners.end());
                partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
                rows.push_back({n, d, partners.size()});
                listed = listed && (*sliced->listed)[n];
            }
            std::sort(rows.begin(), rows.end(), [&](const EgoRow& a, const EgoRow& b) {
                if (a.depth != b.depth)
                    return a.depth < b.depth;
                return whole.node(a.node).id < whole.node(b.node).id;
            });
            if (rows.size() > budget) {
                notice = cut_notice(budget, rows.size(), "actors", budget);
                rows.resize(budget);
            }
            if (listed) {
                std::vector<bool> kept(whole.node_count(), false);
                for (const auto& row : rows)
                    kept[row.node] = true;
                std::vector<bool> events(whole.events().size(), false);
                for (const auto& row : rows) {
                    sliced->mark_actor(row.node, events);
                    for (auto e : whole.incident(row.node))
                        if (slice.edges[e] && kept[whole.other(e, row.node)])
                            sliced->mark(e, events);
                }
                sub = sliced->sub(events);
                std::vector<NodeIndex> nodes;
                for (auto& row : rows) {
                    row.node = *sub.find(whole.node(row.node).id);
                    nodes.push_back(row.node);
                }
                NodeIndex centre_node = rows.front().node;
                answer.rows = std::move(rows);
                answer.selection = induced(sub, std::move(nodes));
                answer.selection.focus = {centre_node};
            }
        }
        if (listed) {
            answer.selection.filters = describe(scope);
            return {ego_json(centre, depth, sub, answer), notice};
        }
        // An actor the entity table lacks in the network: on the scope's own graph below.
    }
    if (auto graph = api.view(store, scope)) {
        // The graph is in memory already: no reading at all.
        Entity centre = resolve(store, req.captures.at(0));
        EgoAnswer answer;
        if (auto n = graph->find(centre.id))
            answer = ego(*graph, *n, depth);
        else if (graph->events().empty())
            require_events(store);
        answer.selection.filters = describe(scope);
        std::string notice = cut_ego(*graph, answer, budget);
        return {ego_json(centre, depth, *graph, answer), notice};
    }
    if (auto topology = api.topology(store, scope)) {
        // Who is in it on the kept topology, cut to the budget before any event is read.
        std::size_t total = 0;
        EgoResult r = query_ego(store, scope, *topology, req.captures.at(0), depth, budget, total);
        std::string notice;
        if (total > budget)
            notice = cut_notice(budget, total, "actors", budget);
        return {ego_json(r), notice};
    }
    EgoResult r = query_ego(store, scope, req.captures.at(0), depth);
    std::string notice = cut_ego(r.graph, r.answer, budget);
    return {ego_json(r), notice};
}

Reply path_endpoint(const Api& api, const Request& req) {
    check_params(req, {"k", "max-hops"});
    auto k = static_cast<std::size_t>(number(req, "k", 1, 1));
    auto max_hops = static_cast<std::size_t>(number(req, "max-hops", 0, 0));
    Scope scope = scope_of(req);
    Lease store = api.store();
    if (auto sliced = api.sliced(store, scope)) {
        // The paths on the kept links of the whole graph (numbered as the scope's graph numbers
        // its listed actors: the same paths), then a graph of their hops' events only.
        Entity from = resolve(store, req.captures.at(0));
        Entity to = resolve(store, req.captures.at(1));
        if (from.id == to.id)
            throw CommandError(Exit::usage,
                               fmt::format("path: {} is both ends; name two actors", label(from)));
        const Graph& whole = *sliced->whole;
        const Slice& slice = *sliced->slice;
        if (slice.kept == 0)
            require_events(store);
        auto a = whole.find(from.id);
        auto b = whole.find(to.id);
        PathsAnswer answer;
        Graph sub;
        bool listed = true;
        if (a && b && slice.actors[*a] && slice.actors[*b]) {
            auto found = k_shortest_paths(*api.adjacency(*sliced, scope), *a, *b, k, max_hops);
            std::vector<bool> events(whole.events().size(), false);
            std::vector<std::vector<std::string>> ids;
            for (const auto& p : found) {
                ids.emplace_back();
                for (std::size_t i = 0; i < p.size(); ++i) {
                    listed = listed && (*sliced->listed)[p[i]];
                    ids.back().push_back(whole.node(p[i]).id);
                    sliced->mark_actor(p[i], events);
                    if (i + 1 < p.size())
                        for (auto e : whole.incident(p[i]))
                            if (slice.edges[e] && whole.other(e, p[i]) == p[i + 1])
                                sliced->mark(e, events);
                }
            }
            if (listed && !found.empty()) {
                sub = sliced->sub(events);
                answer = paths_along(sub, *sub.find(from.id), *sub.find(to.id), ids);
            }
        }
        if (listed) {
            answer.selection.filters = describe(scope);
            return {path_json(from, to, sub, answer), ""};
        }
    }
    if (auto graph = api.view(store, scope)) {
        PathResult r{
            resolve(store, req.captures.at(0)), resolve(store, req.captures.at(1)), Graph(), {}};
        if (r.from.id == r.to.id)
            throw CommandError(
                Exit::usage, fmt::format("path: {} is both ends; name two actors", label(r.from)));
        if (graph->events().empty())
            require_events(store);
        auto a = graph->find(r.from.id);
        auto b = graph->find(r.to.id);
        if (a && b)
            r.answer = paths(*graph, *a, *b, k, max_hops);
        r.answer.selection.filters = describe(scope);
        return {path_json(r.from, r.to, *graph, r.answer), ""};
    }
    auto topology = api.topology(store, scope);
    return {path_json(query_path(store, scope, req.captures.at(0), req.captures.at(1), k, max_hops,
                                 topology.get())),
            ""};
}

Reply links_endpoint(const Api& api, const Request& req) {
    check_params(req, {"limit", "offset"});
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    // An actor's links with every partner can be thousands (the hub of the bench store has
    // 1,792, one per partner, type and direction): a page of them, and the total in the notice.
    auto limit = static_cast<std::size_t>(number(req, "limit", 200, 1));
    auto offset = static_cast<std::size_t>(number(req, "offset", 0, 0));
    limit = std::min(limit, budget);
    Lease store = api.store();
    auto page = [&](LinksAnswer& answer) {
        std::string notice;
        std::size_t total = answer.rows.size();
        if (offset == 0 && total <= limit)
            return notice;
        auto& rows = answer.rows;
        rows.erase(rows.begin(), rows.begin() + static_cast<long>(std::min(offset, total)));
        if (rows.size() > limit)
            rows.resize(limit);
        notice = fmt::format(
            "showing links {} to {} of {} (ask with offset=N and limit=N, at most the budget "
            "of {})",
            group_digits(static_cast<long long>(std::min(offset, total) + (rows.empty() ? 0 : 1))),
            group_digits(static_cast<long long>(std::min(offset, total) + rows.size())),
            group_digits(static_cast<long long>(total)), budget);
        return notice;
    };
    if (auto sliced = api.sliced(store, scope)) {
        // The actor's kept links on the whole graph, then a graph of their events only.
        Entity actor = resolve(store, req.captures.at(0));
        std::optional<Entity> other;
        if (!req.captures.at(1).empty())
            other = resolve(store, req.captures.at(1));
        const Graph& whole = *sliced->whole;
        const Slice& slice = *sliced->slice;
        auto a = whole.find(actor.id);
        const NodeIndex none = whole.node_count();
        const NodeIndex partner = other ? whole.find(other->id).value_or(none) : none;
        bool in_a = a && slice.actors[*a];
        bool in_b = !other || (partner != none && slice.actors[partner]);
        if (slice.kept == 0 && !(in_a && in_b))
            require_events(store);
        LinksAnswer answer;
        Graph sub;
        bool listed = true;
        if (in_a && in_b) {
            std::vector<bool> events(whole.events().size(), false);
            sliced->mark_actor(*a, events);
            if (other)
                sliced->mark_actor(partner, events);
            for (auto e : whole.incident(*a)) {
                NodeIndex o = whole.other(e, *a);
                if (!slice.edges[e] || (other && o != partner))
                    continue;
                listed = listed && (*sliced->listed)[o];
                sliced->mark(e, events);
            }
            listed = listed && (*sliced->listed)[*a];
            if (listed) {
                sub = sliced->sub(events);
                auto sa = sub.find(actor.id);
                auto sb = other ? sub.find(other->id) : std::nullopt;
                answer = links(sub, *sa, sb);
            }
        }
        if (listed) {
            answer.selection.filters = describe(scope);
            std::string notice = page(answer);
            return {links_json(actor, other, sub, answer), notice};
        }
    }
    if (auto graph = api.view(store, scope)) {
        Entity actor = resolve(store, req.captures.at(0));
        std::optional<Entity> other;
        if (!req.captures.at(1).empty())
            other = resolve(store, req.captures.at(1));
        LinksAnswer answer;
        auto a = graph->find(actor.id);
        auto b = other ? graph->find(other->id) : std::nullopt;
        if (graph->events().empty())
            require_events(store);
        if (a && (!other || b))
            answer = links(*graph, *a, b);
        answer.selection.filters = describe(scope);
        std::string notice = page(answer);
        return {links_json(actor, other, *graph, answer), notice};
    }
    // Before the whole graph is in memory, or with --kind: the actor's events only.
    LinksResult r = query_links(store, scope, req.captures.at(0), req.captures.at(1));
    std::string notice = page(r.answer);
    return {links_json(r), notice};
}

Reply timeline_endpoint(const Api& api, const Request& req) {
    check_params(req, {});
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Lease store = api.store();
    TimelineResult r = query_timeline(store, scope, req.captures.at(0), req.captures.at(1));
    std::string notice;
    if (r.answer.events.size() > budget) {
        notice = cut_notice(budget, r.answer.events.size(), "events", budget);
        r.answer.events.resize(budget);
    }
    return {timeline_json(r), notice};
}

//! rank()'s rows from the scores of a scope's actors (`score[v]` for compact.nodes[v]): the
//! highest score first, then id, the first `asked`, cut to the budget (with a notice).
Reply scored_reply(RankBy by, const Graph& whole, const Compact& compact,
                   const std::vector<double>& score, std::size_t asked, std::size_t budget,
                   const Scope& scope) {
    RankAnswer answer;
    answer.rows.reserve(score.size());
    for (std::size_t v = 0; v < score.size(); ++v)
        answer.rows.push_back({compact.nodes[v], score[v], compact.adjacency[v].size()});
    auto better = [&](const RankRow& a, const RankRow& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return whole.node(a.node).id < whole.node(b.node).id;
    };
    if (asked < answer.rows.size()) {
        std::partial_sort(answer.rows.begin(), answer.rows.begin() + static_cast<long>(asked),
                          answer.rows.end(), better);
        answer.rows.resize(asked);
    } else {
        std::sort(answer.rows.begin(), answer.rows.end(), better);
    }
    std::string notice;
    if (answer.rows.size() > budget) {
        notice = fmt::format("showing the first {} actors (the budget; ask with budget=N)", budget);
        answer.rows.resize(budget);
    }
    answer.selection.filters = describe(scope);
    return Reply{rank_json(by, whole, answer), notice};
}

Reply rank_endpoint(const Api& api, const Request& req) {
    auto deadline = std::chrono::steady_clock::now() + api.compute_wait();
    check_params(req, {"by", "top"});
    RankBy by = rank_by(req.param("by").value_or("degree"));
    auto top = static_cast<std::size_t>(number(req, "top", 20, 0));
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Lease store = api.store();
    // One more than the budget tells whether there were more.
    std::size_t asked = top == 0 || top > budget ? budget + 1 : top;
    // The answers are kept until the store changes: betweenness takes long, and the page asks
    // for the same ranks again and again (node sizes).
    std::string key = fmt::format("{}|{}|{}|{}", scope_key(scope), to_string(by), asked, budget);
    // Betweenness takes seconds on large graphs: computed in the background, a request that
    // comes before it is ready is answered at once, without actors (202, with a notice).
    auto computing = [&](const Graph& graph, std::size_t actors) {
        RankAnswer answer;
        answer.selection.filters = describe(scope);
        return Reply{rank_json(by, graph, answer),
                     fmt::format("betweenness is being computed for these filters ({} actors); "
                                 "ask again in a second",
                                 group_digits(static_cast<long long>(actors))),
                     202};
    };
    if (by == RankBy::betweenness && !scope.kind)
        api.graph(store, Scope{});  // read at start-up: waits for that reading to end
    if (by == RankBy::betweenness && api.progressive()) {
        // Computed source by source in the background, exact in the end: the estimate so far
        // meanwhile, labelled with its number of sources (in the notice and in "estimate").
        std::shared_ptr<const Graph> whole;
        std::shared_ptr<const Compact> compact;
        std::size_t kept = 0;
        if (scope_key(scope) == scope_key(Scope{})) {
            whole = api.graphs_.peek(scope_key(Scope{}));
            compact = api.whole_compact();
            kept = whole ? whole->events().size() : 0;
        } else if (auto sliced = api.sliced(store, scope)) {
            whole = sliced->whole;
            compact = api.compact(*sliced, scope);
            kept = sliced->slice->kept;
        }
        if (whole && compact && compact->usable) {
            if (kept == 0)
                require_events(store);
            auto so_far = api.betweenness_so_far(scope_key(scope), compact, deadline);
            if (!so_far)
                return computing(*whole, compact->nodes.size());
            if (so_far->exact())
                return *api.ranks_.get(key + "|exact", [&] {
                    return scored_reply(by, *whole, *compact, so_far->scores, asked, budget, scope);
                });
            Reply reply = scored_reply(by, *whole, *compact, so_far->scores, asked, budget, scope);
            std::string approximate = estimated_so_far(so_far->sources, so_far->actors);
            reply.notice = reply.notice.empty() ? approximate : reply.notice + "; " + approximate;
            reply.json.pop_back();
            reply.json += fmt::format(", \"estimate\": {{\"sources\": {}, \"actors\": {}}}}}",
                                      so_far->sources, so_far->actors);
            return reply;
        }
    }
    if (auto sliced = api.sliced(store, scope)) {
        // On the scope's adjacency drawn from the whole graph (the same numbers as rank() on the
        // scope's graph: the same scores); small graphs' exact betweenness on their graph below.
        auto compact = api.compact(*sliced, scope);
        const std::size_t actors = compact->nodes.size();
        if (compact->usable && (by != RankBy::betweenness || actors > kExactBetweennessUpTo)) {
            if (sliced->slice->kept == 0)
                require_events(store);
            const Graph& whole = *sliced->whole;
            std::shared_ptr<const std::vector<double>> scores;
            if (by == RankBy::betweenness) {
                scores = api.betweenness_of(compact, scope, api.compute_wait());
                if (!scores)
                    return computing(whole, actors);
            }
            return *api.ranks_.get(key, [&] {
                const auto& adj = compact->adjacency;
                std::vector<double> score(actors, 0.0);
                switch (by) {
                    case RankBy::degree:
                        for (std::size_t v = 0; v < actors; ++v)
                            score[v] = static_cast<double>(adj[v].size());
                        break;
                    case RankBy::weighted:
                        for (EdgeIndex i = 0; i < whole.edges().size(); ++i) {
                            const ActorEdge& e = whole.edges()[i];
                            if (!sliced->slice->edges[i] || e.a == e.b)
                                continue;
                            int count = 0;
                            for (auto ev : e.events)
                                count += sliced->slice->events[ev];
                            score[compact->index[e.a]] += count;
                            score[compact->index[e.b]] += count;
                        }
                        break;
                    case RankBy::betweenness:
                        score = *scores;
                        break;
                    case RankBy::pagerank:
                        score = pagerank(adj);
                        break;
                }
                Reply reply = scored_reply(by, whole, *compact, score, asked, budget, scope);
                if (by == RankBy::betweenness) {
                    std::string approximate = estimated_betweenness(actors);
                    reply.notice =
                        reply.notice.empty() ? approximate : reply.notice + "; " + approximate;
                }
                return reply;
            });
        }
    }
    auto view = api.view(store, scope);
    std::shared_ptr<const std::vector<double>> scores;
    if (view && by == RankBy::betweenness) {
        if (view->events().empty())
            require_events(store);
        scores = api.betweenness_of(view, scope, api.compute_wait());
        if (!scores)
            return computing(*view, view->node_count());
    }
    return *api.ranks_.get(key, [&] {
        std::string notice;
        std::string json;
        auto cut = [&](RankAnswer& answer) {
            if (answer.rows.size() > budget) {
                notice = fmt::format("showing the first {} actors (the budget; ask with budget=N)",
                                     budget);
                answer.rows.resize(budget);
            }
        };
        bool estimated = false;
        std::size_t actors = 0;
        if (auto graph = view) {
            // In memory: betweenness estimated from sampled sources on large graphs.
            if (graph->events().empty())
                require_events(store);
            actors = graph->node_count();
            estimated = by == RankBy::betweenness && actors > kExactBetweennessUpTo;
            RankAnswer answer =
                scores ? rank_scored(*graph, by, *scores, asked) : rank(*graph, by, asked);
            answer.selection.filters = describe(scope);
            cut(answer);
            json = rank_json(by, *graph, answer);
        } else if (auto topology =
                       by == RankBy::betweenness ? api.topology(store, scope) : nullptr) {
            if (topology->event_count() == 0)
                require_events(store);
            actors = topology->node_count();
            RankResult r{by, Graph(),
                         rank_betweenness(*topology, asked, kExactBetweennessUpTo,
                                          kBetweennessPivots, estimated)};
            std::vector<NodeIndex> nodes;
            for (std::size_t i = 0; i < r.answer.rows.size(); ++i) {
                nodes.push_back(r.answer.rows[i].node);
                r.answer.rows[i].node = i;
            }
            r.graph = graph_of_nodes(*topology, nodes);
            r.answer.selection.filters = describe(scope);
            cut(r.answer);
            json = rank_json(r);
        } else {
            auto lean = api.topology(store, scope);
            RankResult r = query_rank(store, scope, by, asked, false, lean.get());
            cut(r.answer);
            json = rank_json(r);
        }
        if (estimated) {
            std::string approximate = estimated_betweenness(actors);
            notice = notice.empty() ? approximate : notice + "; " + approximate;
        }
        return Reply{json, notice};
    });
}

//! Cuts blocs to the budget: the groups in their order while their actors fit, the last one
//! cut; the notice, or "" when nothing was cut.
std::string cut_blocs(BlocsAnswer& answer, std::size_t budget) {
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
    cut(answer.components, [](std::vector<NodeIndex>& c) -> std::vector<NodeIndex>& { return c; });
    cut(answer.communities, [](Bloc& b) -> std::vector<NodeIndex>& { return b.members; });
    return notice;
}

//! The blocs of a scope as blocs() finds them on the scope's graph, from the whole graph, the
//! scope's slice (nullptr: the whole graph) and its actors numbered as its graph numbers them:
//! the same signed pairs, in the same order, so the same communities. Publishes the best
//! communities after each Louvain run, then the final ones.
void blocs_progressive(const Graph& whole, const Slice* slice, const Compact& compact,
                       const std::string& filters, unsigned seed, std::size_t budget,
                       std::shared_ptr<const BlocsSoFar> provisional, Latest<BlocsSoFar>& out) {
    const std::size_t n = compact.nodes.size();
    struct Kept {
        std::size_t a, b;
        int count, sign;
    };
    std::vector<Kept> kept;
    // (lower end, higher end, signed events): sorted and summed, as signed_pairs() sums them in
    // a map (whole numbers: the same sums in any order).
    std::vector<std::tuple<std::size_t, std::size_t, int>> net;
    for (EdgeIndex i = 0; i < whole.edges().size(); ++i) {
        const ActorEdge& e = whole.edges()[i];
        if ((slice && !slice->edges[i]) || e.a == e.b)
            continue;
        int count = e.count;
        if (slice) {
            count = 0;
            for (auto ev : e.events)
                count += slice->events[ev];
        }
        std::size_t a = compact.index[e.a], b = compact.index[e.b];
        int sg = sign(e.type);
        net.emplace_back(std::min(a, b), std::max(a, b), sg * count);
        kept.push_back({a, b, count, sg});
    }
    std::sort(net.begin(), net.end());
    std::vector<SignedPair> pairs;
    for (std::size_t i = 0; i < net.size();) {
        auto [lo, hi, w] = net[i];
        double sum = 0;
        for (; i < net.size() && std::get<0>(net[i]) == lo && std::get<1>(net[i]) == hi; ++i)
            sum += std::get<2>(net[i]);
        if (sum != 0)
            pairs.push_back({lo, hi, std::max(0.0, sum), std::max(0.0, -sum)});
    }
    // Connected components on the simple adjacency (the same as on the scope's graph).
    std::vector<std::size_t> component(n, n);
    std::size_t count = 0;
    std::vector<NodeIndex> queue;
    for (NodeIndex v = 0; v < n; ++v) {
        if (component[v] != n)
            continue;
        component[v] = count;
        queue.assign(1, v);
        for (std::size_t head = 0; head < queue.size(); ++head)
            for (auto w : compact.adjacency[queue[head]])
                if (component[w] == n) {
                    component[w] = count;
                    queue.push_back(w);
                }
        ++count;
    }
    const auto components = groups_by_key(component);
    std::vector<std::size_t> rank_of(count);
    for (std::size_t i = 0; i < components.size(); ++i)
        rank_of[component[components[i].front()]] = i;
    auto reply = [&](const std::vector<std::size_t>& labels) {
        BlocsAnswer answer;
        answer.components = components;
        for (auto& members : groups_by_key(labels))
            answer.communities.push_back({std::move(members), 0, 0, 0});
        std::vector<std::size_t> community(n);
        for (std::size_t c = 0; c < answer.communities.size(); ++c) {
            Bloc& b = answer.communities[c];
            b.component = rank_of[component[b.members.front()]];
            for (auto v : b.members)
                community[v] = c;
        }
        for (const auto& e : kept) {
            if (community[e.a] != community[e.b])
                continue;
            Bloc& b = answer.communities[community[e.a]];
            b.events_inside += e.count;
            if (e.sign < 0)
                b.conflict_inside += e.count;
        }
        answer.modularity = signed_modularity(n, pairs, community);
        answer.selection.filters = filters;
        // In the whole graph's numbering (blocs_json names the members by id).
        for (auto& c : answer.components)
            for (auto& v : c)
                v = compact.nodes[v];
        for (auto& b : answer.communities)
            for (auto& v : b.members)
                v = compact.nodes[v];
        std::string notice = cut_blocs(answer, budget);
        return Reply{blocs_json(seed, whole, answer), notice};
    };
    if (provisional && provisional->labels) {
        // At once: the whole graph's communities (so far) among the scope's actors.
        std::vector<std::size_t> labels(n);
        for (std::size_t v = 0; v < n; ++v)
            labels[v] = (*provisional->labels)[compact.nodes[v]];
        Reply r = reply(labels);
        std::string so_far = fmt::format(
            "communities: those of the whole graph ({}) among these actors, for now; the "
            "communities of these filters are being computed: ask again later",
            provisional->final ? fmt::format("all {} Louvain runs", kLouvainRuns)
                               : fmt::format("the best of {} of the {} Louvain runs so far",
                                             provisional->runs, kLouvainRuns));
        r.notice = r.notice.empty() ? so_far : r.notice + "; " + so_far;
        r.json.pop_back();
        r.json +=
            fmt::format(", \"estimate\": {{\"runs\": 0, \"of\": {}, \"whole_graph_runs\": {}}}}}",
                        kLouvainRuns, provisional->runs);
        out.publish(
            std::make_shared<const BlocsSoFar>(BlocsSoFar{std::move(r), 0, false, nullptr}));
    }
    background_priority();
    auto labels =
        signed_louvain(n, pairs, seed, [&](int runs, const std::vector<std::size_t>& best) {
            if (out.stop)
                return false;
            test_delay();
            Reply r = reply(best);
            std::string so_far = fmt::format(
                "communities: the best of {} of the {} Louvain runs so far; the final ones are "
                "being "
                "computed: ask again later",
                runs, kLouvainRuns);
            r.notice = r.notice.empty() ? so_far : r.notice + "; " + so_far;
            r.json.pop_back();
            r.json +=
                fmt::format(", \"estimate\": {{\"runs\": {}, \"of\": {}}}}}", runs, kLouvainRuns);
            out.publish(std::make_shared<const BlocsSoFar>(
                BlocsSoFar{std::move(r), runs, false,
                           std::make_shared<const std::vector<std::size_t>>(best)}));
            return true;
        });
    if (!out.stop)
        out.publish(std::make_shared<const BlocsSoFar>(
            BlocsSoFar{reply(labels), kLouvainRuns, true,
                       std::make_shared<const std::vector<std::size_t>>(labels)}));
}

Reply blocs_reply(const Api& api, const Store& store, const Scope& scope, unsigned seed,
                  std::size_t budget);

//! The blocs of a scope so far (blocs_progressive, started on a thread of its own when first
//! asked), waiting until `deadline` for the first Louvain run; nullopt when they are not
//! computed that way (before the whole graph is read, with --kind, or with actors the entity
//! table lacks).
std::optional<std::shared_ptr<const BlocsSoFar>> blocs_so_far(
    const Api& api, const Store& store, const Scope& scope, unsigned seed, std::size_t budget,
    std::chrono::steady_clock::time_point deadline) {
    if (scope.kind)
        return std::nullopt;
    std::shared_ptr<const Graph> whole;
    std::shared_ptr<const Compact> compact;
    std::shared_ptr<const Slice> slice;
    if (scope_key(scope) == scope_key(Scope{})) {
        whole = api.graphs_.peek(scope_key(Scope{}));
        compact = api.whole_compact();
    } else if (auto sliced = api.sliced(store, scope)) {
        whole = sliced->whole;
        slice = sliced->slice;
        compact = api.compact(*sliced, scope);
    }
    if (!whole || !compact || !compact->usable)
        return std::nullopt;
    if (slice && slice->kept == 0)
        require_events(store);
    std::string key = fmt::format("{}|{}|{}", scope_key(scope), seed, budget);
    std::shared_ptr<Latest<BlocsSoFar>> progress;
    {
        std::lock_guard lock(api.progress_mutex_);
        auto it = api.blocs_progress_.find(key);
        if (it != api.blocs_progress_.end() && it->second->failed())
            it = api.blocs_progress_.erase(it), it = api.blocs_progress_.end();
        if (it == api.blocs_progress_.end()) {
            if (api.blocs_progress_.size() >= Api::kProgressKept) {
                std::string whole_prefix = scope_key(Scope{}) + "|";
                for (auto it2 = api.blocs_progress_.begin(); it2 != api.blocs_progress_.end();) {
                    if (it2->first.rfind(whole_prefix, 0) != 0) {
                        it2->second->stop = true;
                        it2 = api.blocs_progress_.erase(it2);
                    } else {
                        ++it2;
                    }
                }
            }
            // The whole graph's communities so far (the same seed), shown among the scope's
            // actors until the scope's own are computed.
            std::shared_ptr<const BlocsSoFar> provisional;
            if (slice) {
                std::string prefix = fmt::format("{}|{}|", scope_key(Scope{}), seed);
                for (auto& [k, p] : api.blocs_progress_) {
                    if (k.rfind(prefix, 0) != 0)
                        continue;
                    try {
                        auto b = p->latest(std::chrono::steady_clock::now());
                        if (b && b->labels && (!provisional || b->runs > provisional->runs))
                            provisional = b;
                    } catch (...) {
                        // another request's error: no provisional communities from it
                    }
                }
            }
            progress = std::make_shared<Latest<BlocsSoFar>>();
            api.blocs_progress_.emplace(key, progress);
            std::thread([progress, whole, slice, compact, filters = describe(scope), seed, budget,
                         provisional] {
                try {
                    blocs_progressive(*whole, slice.get(), *compact, filters, seed, budget,
                                      provisional, *progress);
                } catch (...) {
                    progress->fail(std::current_exception());
                }
            }).detach();
        } else {
            progress = it->second;
        }
    }
    return progress->latest(deadline);
}

Reply blocs_endpoint(const Api& api, const Request& req) {
    auto deadline = std::chrono::steady_clock::now() + api.compute_wait();
    check_params(req, {"seed"});
    auto seed = static_cast<unsigned>(number(req, "seed", 42, 0));
    Scope scope = scope_of(req);
    std::size_t budget = api.budget(req);
    Lease store = api.store();
    // Kept until the store changes: blocs take seconds on large stores (Louvain), computed in the
    // background; a request that comes before they are ready is answered at once without them
    // (202, with a notice).
    std::string key = fmt::format("{}|{}|{}", scope_key(scope), seed, budget);
    if (auto done = api.blocs_.peek(key))
        return *done;
    if (!scope.kind)
        api.graph(store, Scope{});  // read at start-up: waits for that reading to end
    if (api.progressive()) {
        // From the whole graph, Louvain run after run in the background: the best communities
        // so far meanwhile (with a notice and "estimate"), the final ones once all runs are done.
        if (auto so_far = blocs_so_far(api, store, scope, seed, budget, deadline)) {
            if (*so_far)
                return (*so_far)->reply;
            BlocsAnswer answer;
            answer.selection.filters = describe(scope);
            return Reply{blocs_json(seed, Graph(), answer),
                         "blocs are being computed for these filters; ask again in a second", 202};
        }
    }
    auto future = api.blocs_.start(key, [&api, scope, seed, budget] {
        Lease own = api.store();  // the request's goes back when it is answered
        return blocs_reply(api, own, scope, seed, budget);
    });
    if (future.wait_for(api.compute_wait()) != std::future_status::ready) {
        BlocsAnswer answer;
        answer.selection.filters = describe(scope);
        return Reply{blocs_json(seed, Graph(), answer),
                     "blocs are being computed for these filters; ask again in a second", 202};
    }
    try {
        return *future.get();
    } catch (...) {
        api.blocs_.forget(key);
        throw;
    }
}

Reply blocs_reply(const Api& api, const Store& store, const Scope& scope, unsigned seed,
                  std::size_t budget) {
    {
        auto graph = api.view(store, scope);
        if (!graph)
            graph = api.graph(store, scope);
        {
            // The graph's Boost form (connected components) is built on first use, which is
            // not thread-safe, and the graph is shared: built under a lock (blocs is its only
            // user in the server).
            static std::mutex boost_mutex;
            std::lock_guard lock(boost_mutex);
            (void)graph->boost();
        }
        BlocsAnswer answer = blocs(*graph, seed);
        answer.selection.filters = describe(scope);
        std::string notice = cut_blocs(answer, budget);
        return Reply{blocs_json(seed, *graph, answer), notice};
    }
}

Reply entities_endpoint(const Api& api, const Request& req) {
    check_params(req, {"match", "kind", "limit", "budget"}, false);
    auto kind = entity_kind(req.param("kind").value_or(""));
    auto limit = static_cast<std::size_t>(number(req, "limit", 20, 0));
    std::size_t budget = api.budget(req);
    Lease store = api.store();
    std::size_t asked = limit == 0 || limit > budget ? budget + 1 : limit;
    auto matches = api.names(store)->find(req.param("match").value_or(""), kind, asked);
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
        return Reply{*a.stats_.get("", [&] { return stats_json(a.store()->stats()); }), ""};
    });
    route("/api/entities", entities_endpoint);
    route(fmt::format("/api/ego/{}", kActor),
          [](const Api& a, const Request& req) { return a.remembered(req, ego_endpoint); });
    route(fmt::format("/api/path/{}/{}", kActor, kActor),
          [](const Api& a, const Request& req) { return a.remembered(req, path_endpoint); });
    route(fmt::format("/api/links/{}(?:/{})?", kActor, kActor),
          [](const Api& a, const Request& req) { return a.remembered(req, links_endpoint); });
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
    // The topology of the whole store, read while the first page loads; the first request
    // that needs it waits for this reading instead of starting another.
    std::thread([api, budget = static_cast<std::size_t>(o.budget)] {
        try {
            api->check_fresh();
            Lease store = api->store();
            api->topology(store, Scope{});
            auto whole = api->graph(store, Scope{});
            // Every filter set is answered from the whole graph now: the topologies read
            // meanwhile are no longer asked for, and the memory of the reading goes back to
            // the system (glibc keeps freed memory in its heaps otherwise).
            api->topologies_.clear();
            malloc_trim(0);
            // What the first call of each new set of filters would compute first: which actors
            // the entity table lists (one filter's slice asks for it).
            Scope one;
            one.filter.min_sources = 2;
            api->sliced(store, one);
            // The betweenness of the whole graph too (seconds of CPU on large stores).
            if (api->progressive())
                api->betweenness_so_far(scope_key(Scope{}), api->whole_compact(),
                                        std::chrono::steady_clock::now());
            else
                api->betweenness_of(whole, Scope{}, std::chrono::milliseconds(0));
            // And its blocs as the page asks for them (Louvain: seconds on large stores).
            if (api->progressive()) {
                blocs_so_far(*api, store, Scope{}, 42, budget, std::chrono::steady_clock::now());
                return;
            }
            api->blocs_.start(fmt::format("{}|{}|{}", scope_key(Scope{}), 42u, budget),
                              [api, budget] {
                                  Lease own = api->store();
                                  return blocs_reply(*api, own, Scope{}, 42, budget);
                              });
        } catch (const std::exception&) {
            // the request that needs it will report the error
        }
    }).detach();
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
