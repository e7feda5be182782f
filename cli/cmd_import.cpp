// diplograph import PATH… : stores findings files and articles with their sources.
#include "common.hpp"

#include <diplograph/importers/codes.hpp>
#include <diplograph/importers/datasets.hpp>
#include <diplograph/importers/importer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unordered_set>
#include <unistd.h>

namespace diplograph::cli {

namespace {

namespace fs = std::filesystem;

struct Options {
    std::vector<std::string> paths;
    std::string lang = "auto";
    std::string format;
    std::string published;
    std::vector<std::string> dicts;
    bool only_interstate = false;
    std::string types;
    std::string map;
};

// What the store did with the batches put: counted alike for articles and dataset rows.
struct Stored {
    long long kept = 0, unchanged = 0, replaced = 0, events_new = 0, events_merged = 0;
    void add(const StoreResult& r) {
        ++kept;
        if (r.outcome == StoreResult::Outcome::unchanged)
            ++unchanged;
        if (r.outcome == StoreResult::Outcome::replaced)
            ++replaced;
        events_new += r.events_new;
        events_merged += r.events_merged;
    }
    Stored& operator+=(const Stored& o) {
        kept += o.kept;
        unchanged += o.unchanged;
        replaced += o.replaced;
        events_new += o.events_new;
        events_merged += o.events_merged;
        return *this;
    }
};

// Where a dataset's rows go: the store, with counts, progress and one line per bad row.
class StoreSink : public RowSink {
  public:
    StoreSink(Store& store, Store::Bulk& bulk, bool progress, std::string file)
        : store_(store),
          bulk_(bulk),
          progress_(progress),
          file_(std::move(file)),
          start_(std::chrono::steady_clock::now()),
          shown_(start_) {}

    void batch(Batch&& batch) override {
        assign_codes(batch);
        StoreResult r = store_.put(batch);
        // Put with its entities' aliases (added or replaced): the next rows need not carry them.
        if (r.outcome != StoreResult::Outcome::unchanged && r.events_unmatched == 0)
            for (auto& e : batch.entities)
                if (!e.aliases.empty())
                    entities_.insert(std::move(e.id));
        // A row is a small batch: one commit per 50,000 rows rather than per 2,000 articles.
        if (++puts_ % 25 == 0)
            bulk_.count();
        if (r.events_unmatched > 0) {
            left_out("mention of an event not in the store");
            return;
        }
        stored.add(r);
    }
    void problem(Problem&& p) override {
        clear_line();
        fmt::print(stderr, "{}\n", p.message);
        ++bad;
    }
    void left_out(std::string_view reason) override { ++left[std::string(reason)]; }
    bool has_entity(const std::string& id) const override { return entities_.count(id) > 0; }
    void progress(int64_t rows, int64_t bytes) override {
        rows_ = rows;
        if (!progress_)
            return;
        auto now = std::chrono::steady_clock::now();
        if (now - shown_ < std::chrono::milliseconds(500))
            return;
        shown_ = now;
        double s = std::chrono::duration<double>(now - start_).count();
        fmt::print(
            stderr, "\r\033[K{}: {} rows, {} MB, {} rows/s", file_, group_digits(rows), bytes >> 20,
            group_digits(static_cast<long long>(static_cast<double>(rows) / std::max(s, 1e-9))));
        shown_line_ = true;
    }
    //! "FILE: 909 rows in 0.1 s (9,090 rows/s): 850 kept, 59 left out (…), 0 bad"
    std::string summary() {
        clear_line();
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        long long out = 0;
        std::string reasons;
        for (const auto& [reason, n] : left) {
            out += n;
            reasons +=
                fmt::format("{}{}: {}", reasons.empty() ? "" : ", ", reason, group_digits(n));
        }
        return fmt::format(
            "{}: {} rows in {:.2f} s ({} rows/s): {} kept, {} left out{}, {} bad", file_,
            group_digits(rows_), s,
            group_digits(static_cast<long long>(static_cast<double>(rows_) / std::max(s, 1e-9))),
            group_digits(stored.kept), group_digits(out),
            reasons.empty() ? "" : " (" + reasons + ")", group_digits(bad));
    }

    Stored stored;
    long long bad = 0;
    std::map<std::string, long long> left;

  private:
    void clear_line() {
        if (shown_line_)
            fmt::print(stderr, "\r\033[K");
        shown_line_ = false;
    }
    Store& store_;
    Store::Bulk& bulk_;
    bool progress_;
    std::string file_;
    std::chrono::steady_clock::time_point start_, shown_;
    bool shown_line_ = false;
    long long puts_ = 0;
    int64_t rows_ = 0;
    std::unordered_set<std::string> entities_;  // stored with their aliases (has_entity)
};

std::vector<EventType> parse_types(const std::string& list) {
    std::vector<EventType> out;
    std::size_t at = 0;
    while (at <= list.size() && !list.empty()) {
        auto comma = list.find(',', at);
        std::string name = list.substr(at, comma == std::string::npos ? comma : comma - at);
        auto t = event_type_from_string(name);
        if (!t) {
            std::string known;
            for (const auto& info : event_types())
                known += (known.empty() ? "" : ", ") + std::string(info.name);
            throw CommandError(Exit::usage, fmt::format("--types {}: no such event type \"{}\" "
                                                        "(known: {})",
                                                        list, name, known));
        }
        out.push_back(*t);
        if (comma == std::string::npos)
            break;
        at = comma + 1;
    }
    return out;
}

// The extensions a directory walk reads; a file named on the command line is always read.
bool readable_extension(const fs::path& p) {
    static const std::vector<std::string> kExt = {".json", ".jsonl", ".ndjson", ".txt",
                                                  ".html", ".htm",   ".csv",    ".tsv",
                                                  ".tab",  ".gz",    ".zip"};
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return std::find(kExt.begin(), kExt.end(), ext) != kExt.end();
}

// Expands directories (recursively, in name order) into files; problems for what cannot be
// walked.
void expand(const std::string& path, std::vector<std::string>& files,
            std::vector<std::string>& problems) {
    if (path == "-") {
        files.push_back(path);
        return;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec),
            end;
        if (ec) {
            problems.push_back(
                fmt::format("{}: cannot read the directory: {}", path, ec.message()));
            return;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                problems.push_back(
                    fmt::format("{}: cannot read: {}", it->path().string(), ec.message()));
                break;
            }
            const auto& p = it->path();
            if (p.filename().string().starts_with(".")) {
                if (it->is_directory(ec))
                    it.disable_recursion_pending();
                continue;
            }
            if (it->is_directory(ec))
                continue;
            if (readable_extension(p))
                found.push_back(p.string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
        return;
    }
    files.push_back(path);
}

std::optional<std::string> read_all(const std::string& path, std::string& error) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        error =
            fs::is_symlink(fs::symlink_status(path, ec)) ? "broken symbolic link" : "no such file";
        return std::nullopt;
    }
    if (fs::is_directory(path, ec)) {
        error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    return content;
}

int run(const Globals& g, const Options& o) {
    ImportOptions options = article_options(o.lang, o.published);
    options.only_interstate = o.only_interstate;
    options.types = parse_types(o.types);
    options.map_file = o.map;
    std::string forced = o.format;
    if (!o.map.empty()) {
        if (!forced.empty() && forced != "map")
            throw CommandError(Exit::usage,
                               "--map FILE reads the files through the mapping: "
                               "leave --format out");
        forced = "map";
    }
    auto& registry = ImporterRegistry::instance();
    if (!forced.empty() && !registry.create(forced)) {
        std::string known;
        for (const auto& f : registry.formats())
            known += (known.empty() ? "" : ", ") + f;
        throw CommandError(Exit::usage,
                           fmt::format("--format {}: unknown format (known: {})", forced, known));
    }
    Dictionaries dict = load_dictionaries(o.dicts);
    Store store = create_store(g);
    // What the import touches, so that its end rebuilds only those actor pairs' links.
    store.watch_aggregates();
    ImportContext ctx{dict, options};

    std::vector<std::string> files, walk_problems;
    for (const auto& p : o.paths)
        expand(p, files, walk_problems);
    Stored stored;
    long long skipped = 0;
    auto problem = [&](const std::string& message) {
        fmt::print(stderr, "{}\n", message);
        ++skipped;
    };
    for (const auto& m : walk_problems)
        problem(m);
    const bool progress = !g.quiet && isatty(STDERR_FILENO) && files.size() > 1;
    // The importer of a file (its head, or all of it), or null once the refusal is said: a
    // table no importer claims is named by its shape, never read as an article.
    auto importer_for = [&](const Input& input) {
        std::string format = forced.empty() ? registry.detect(input) : forced;
        auto importer = format.empty() ? nullptr : registry.create(format);
        if (!importer) {
            if (progress)
                fmt::print(stderr, "\r\033[K");
            std::string table = describe_table(input.content);
            problem(
                !table.empty()
                    ? fmt::format("{}: {}", input.name, table)
                    : fmt::format("{}: not a format diplograph reads (findings "
                                  ".json/.jsonl{}, coded datasets: see --format)",
                                  input.name,
                                  registry.create("text") ? ", articles .txt/.html/.json" : ""));
        }
        return importer;
    };
    // One transaction per 2,000 articles, each article in a savepoint: a commit per article
    // cost a tenth of the import, and one per 200 still a quarter (each commit rewrote the
    // same index pages to the WAL and checkpointed them). A crash loses at most the articles
    // of the open transaction, about a second of work, and never half of one.
    try {
        auto bulk = store.bulk(2000);
        for (std::size_t i = 0; i < files.size(); ++i) {
            const auto& file = files[i];
            if (progress)
                fmt::print(stderr, "\r\033[K[{}/{}] {}", i + 1, files.size(), file);
            std::string error;
            // A file is first looked at (its head, decompressed): a coded dataset is read as a
            // stream, in constant memory, whatever its size.
            if (file != "-" && fs::is_regular_file(file)) {
                Input head;
                try {
                    head = peek_file(file);
                } catch (const std::exception& e) {
                    if (progress)
                        fmt::print(stderr, "\r\033[K");
                    problem(e.what());
                    continue;
                }
                auto importer = importer_for(head);
                if (!importer)
                    continue;
                if (importer->streams()) {
                    if (progress)
                        fmt::print(stderr, "\r\033[K");
                    StoreSink sink(store, bulk, !g.quiet && isatty(STDERR_FILENO), file);
                    try {
                        importer->stream(file, ctx, sink);
                    } catch (const std::runtime_error& e) {
                        sink.problem({e.what()});
                    }
                    if (!g.quiet)
                        fmt::print(stderr, "{}\n", sink.summary());
                    stored += sink.stored;
                    skipped += sink.bad;
                    continue;
                }
            }
            auto content = read_all(file, error);
            if (!content) {
                if (progress)
                    fmt::print(stderr, "\r\033[K");
                problem(fmt::format("{}: cannot read: {}", file, error));
                continue;
            }
            Input input{file, std::move(*content)};
            auto importer = importer_for(input);
            if (!importer)
                continue;
            ReadResult result = importer->read(input, ctx);
            if (progress && !result.problems.empty())
                fmt::print(stderr, "\r\033[K");
            for (const auto& p : result.problems)
                problem(p.message);
            for (auto& batch : result.batches) {
                assign_codes(batch);
                stored.add(store.put(batch));
                bulk.count();
            }
        }
        bulk.commit();
    } catch (const StoreError& e) {
        // A full disk, a file-size limit, a lock held too long: what was committed stays (the
        // Bulk commits every 2,000 articles); say how much, and that importing again resumes.
        if (progress)
            fmt::print(stderr, "\r\033[K");
        std::string kept;
        try {
            kept = fmt::format("; the store keeps {} articles (those committed before the error)",
                               group_digits(store.stats().sources));
        } catch (const StoreError&) {
        }
        throw StoreError(
            fmt::format("{}{}; once the cause is fixed, run the same import again: "
                        "what is stored already is skipped",
                        e.what(), kept));
    }
    // The links of the whole store, which rank, path, ego and links read instead of the events
    // (schema v7): one pass over the store, once the rows are committed.
    store.refresh_aggregates();
    if (progress)
        fmt::print(stderr, "\r\033[K");
    if (g.json) {
        fmt::print(
            "{{\"imported\": {}, \"skipped\": {}, \"unchanged\": {}, \"replaced\": {}, "
            "\"events_new\": {}, \"events_merged\": {}}}\n",
            stored.kept, skipped, stored.unchanged, stored.replaced, stored.events_new,
            stored.events_merged);
    } else if (!g.quiet) {
        std::string detail;
        if (stored.unchanged)
            detail += fmt::format(", {} unchanged", group_digits(stored.unchanged));
        if (stored.replaced)
            detail += fmt::format(", {} replaced", group_digits(stored.replaced));
        fmt::print(
            "{} imported, {} skipped{} ({} new events, {} merged into events already stored)\n",
            group_digits(stored.kept), group_digits(skipped), detail,
            group_digits(stored.events_new), group_digits(stored.events_merged));
    }
    return skipped ? Exit::bad_input : Exit::ok;
}

RegisterCommand reg{
    {10, [](CLI::App& app, Globals& g, Action& action) {
         auto o = std::make_shared<Options>();
         auto* cmd = app.add_subcommand(
             "import", "Store findings files and articles (files, directories, - for stdin)");
         cmd->add_option("paths", o->paths, "Files or directories")->required();
         cmd->add_option("--lang", o->lang, "Language of articles: fr, en or auto")
             ->capture_default_str();
         cmd->add_option("--format", o->format,
                         "Force the input format (default: detected): findings, text, html, "
                         "json-article, gdelt2, gdelt2-mentions, gdelt1, icews, polecat");
         cmd->add_option("--map", o->map,
                         "Read tables through this declared mapping (docs/datasets.md; "
                         "examples/maps/acled.map)");
         cmd->add_flag("--only-interstate", o->only_interstate,
                       "Datasets: keep only the rows whose two actors are different states");
         cmd->add_option("--types", o->types,
                         "Datasets: keep only the rows of these types (MEET,VISIT,OTHER…)");
         cmd->add_option("--published", o->published,
                         "Publication date of articles that carry none (YYYY-MM-DD)");
         cmd->add_option("--dict", o->dicts, "Extra dictionary file (repeatable)");
         cmd->callback([&g, &action, o] { action = [&g, o] { return run(g, *o); }; });
     }}};

}  // namespace

}  // namespace diplograph::cli
