// The store under faults (issue 14), end to end through the diplograph command: large batches
// import whatever their size, a locked store waits then says so, errors name their cause,
// read commands never write (nor create), outputs never overwrite an input, `check` gives a
// verdict, and a file left by a crash is checked when it is opened again.
#include <diplograph/graph/store.hpp>

#include "support/support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace diplograph;
using namespace diplograph::test;
namespace fs = std::filesystem;

namespace {

// A findings file of `records` lines of `events` events each, among 20 countries.
std::string findings(int records, int events) {
    static const char* kCodes[] = {"FRA", "DEU", "RUS", "TGO", "MLI", "NER", "BFA",
                                   "USA", "CHN", "JPN", "PHL", "GBR", "ITA", "ESP",
                                   "BRA", "IND", "ZAF", "EGY", "TUR", "IRN"};
    static const char* kTypes[] = {"MEET", "VISIT", "AGREEMENT", "SUPPORT", "CONDEMN"};
    std::string out;
    for (int r = 0; r < records; ++r) {
        out += fmt::format(R"({{"source": {{"url": "https://example.org/gen/{}", "title": )"
                           R"("Generated {}", "published": "2025-01-01", "lang": "en"}}, )"
                           R"("events": [)",
                           r, r);
        for (int e = 0; e < events; ++e) {
            const char* a = kCodes[(r + e) % 20];
            const char* b = kCodes[(r * 7 + e * 3 + 1) % 20];
            if (a == b)
                b = kCodes[(r * 7 + e * 3 + 2) % 20];
            out += fmt::format(R"({}{{"type": "{}", "actors": ["{}", "{}"], "date": )"
                               R"("20{:02}-{:02}-{:02}", "status": "occurred", "evidence": )"
                               R"("Record {} event {}: {} and {} met."}})",
                               e ? ", " : "", kTypes[(r + e) % 5], a, b, 10 + e % 15, 1 + e % 12,
                               1 + (e / 12) % 28, r, e, a, b);
        }
        out += "]}\n";
    }
    return out;
}

std::string import_store(const TempDir& dir, const std::string& name = "a.db") {
    std::string db = (dir / name).string();
    auto file = dir.write("small.jsonl", findings(3, 4));
    auto r = run_diplograph({"--db", db, "import", file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
}

// Runs a shell command; its exit code, stdout and stderr.
RunResult shell(const std::string& command) {
    TempDir dir;
    std::string line = command + " >" + (dir / "out").string() + " 2>" + (dir / "err").string();
    int status = std::system(line.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir / "out");
    r.err = read_file(dir / "err");
    return r;
}

std::string sh_quote(const std::string& s) {
    return "'" + s + "'";
}

}  // namespace

TEST(LargeBatches, TwentyRecordsOfFiveHundredEventsImportCompletely) {
    // Failed with "database or disk is full" at the statement journal's first spill.
    TempDir dir;
    auto file = dir.write("big.jsonl", findings(20, 500));
    std::string db = (dir / "a.db").string();
    auto r = run_diplograph({"--db", db, "import", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, 24), "20 imported, 0 skipped (") << r.out;
    auto stats = Store::open_existing(db).stats();
    EXPECT_EQ(stats.sources, 20);
    EXPECT_EQ(stats.evidence, 10'000);
}

TEST(LargeBatches, TwentyThousandRecordsImportCompletely) {
    TempDir dir;
    auto file = dir.write("many.jsonl", findings(20'000, 1));
    std::string db = (dir / "a.db").string();
    auto r = run_diplograph({"--db", db, "--quiet", "import", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto stats = Store::open_existing(db).stats();
    EXPECT_EQ(stats.sources, 20'000);
    EXPECT_EQ(stats.evidence, 20'000);
}

TEST(Locks, ALockedStoreIsWaitedForThenNamed) {
    TempDir dir;
    std::string db = import_store(dir);
    sqlite3* holder = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
    // An exclusive lock on a WAL file keeps readers out too (they cannot use the -shm).
    ASSERT_EQ(sqlite3_exec(holder,
                           "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                           "UPDATE sources SET title = title; COMMIT; BEGIN EXCLUSIVE;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    auto start = std::chrono::steady_clock::now();
    auto r = run_diplograph({"--db", db, "stats"});
    auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "diplograph: " + db +
                         ": database error: locked by another diplograph (or another program) "
                         "for more than 5 s; try again when it has finished\n");
    EXPECT_GE(waited, std::chrono::seconds(4));
    // Released while a reader waits: the reader answers.
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        sqlite3_exec(holder, "COMMIT; PRAGMA locking_mode=NORMAL; SELECT 1 FROM sources;", nullptr,
                     nullptr, nullptr);
        sqlite3_close(holder);
    });
    r = run_diplograph({"--db", db, "stats"});
    release.join();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("3 sources"), std::string::npos) << r.out;
}

TEST(Errors, NameTheirCause) {
    TempDir dir;
    std::string db = import_store(dir);
    std::string store = read_file(db);
    auto garbage = dir.write("garbage.db", std::string(8192, 'x'));
    auto r = run_diplograph({"--db", garbage.string(), "stats"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "diplograph: " + garbage.string() +
                         ": not a diplograph database (not an SQLite file); left untouched. Name "
                         "another file with --db\n");
    // The first half of a store: SQLite reads its header, then finds pages missing.
    auto half = dir.write("half.db", store.substr(0, store.size() / 2));
    r = run_diplograph({"--db", half.string(), "check"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out.rfind(half.string() + ": damaged (quick_check): ", 0), 0u) << r.out << r.err;
}

TEST(ReadOnly, ReadCommandsRefuseAMissingOrEmptyFileAndCreateNothing) {
    TempDir dir;
    std::string missing = (dir / "missing.db").string();
    auto r = run_diplograph({"--db", missing, "stats"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_FALSE(fs::exists(missing));
    auto empty = dir.write("empty.db", "");
    for (const char* command : {"stats", "entities", "check"}) {
        r = run_diplograph({"--db", empty.string(), command});
        EXPECT_EQ(r.exit_code, 3) << command;
        EXPECT_EQ(fs::file_size(empty), 0u) << command;
    }
    EXPECT_EQ(r.out, empty.string() + ": damaged (quick_check): " + empty.string() +
                         ": an empty file, not a diplograph database; left untouched. Import "
                         "into it, or name another with --db\n");
    EXPECT_FALSE(fs::exists(empty.string() + "-wal"));
}

TEST(ReadOnly, ReadCommandsLeaveTheFileAsItWas) {
    TempDir dir;
    std::string db = import_store(dir);
    ASSERT_FALSE(fs::exists(db + "-wal"));  // closed cleanly
    std::string before = read_file(db);
    auto mtime = fs::last_write_time(db);
    for (std::vector<std::string> command :
         {std::vector<std::string>{"stats"}, {"entities"}, {"links", "FRA"}, {"check", "--full"}}) {
        command.insert(command.begin(), {"--db", db});
        auto r = run_diplograph(command);
        EXPECT_EQ(r.exit_code, 0) << command[2] << ": " << r.err;
    }
    EXPECT_EQ(read_file(db), before);
    EXPECT_EQ(fs::last_write_time(db), mtime);
    // A read-only connection cannot delete the -wal it opens, but writes nothing in it.
    EXPECT_TRUE(!fs::exists(db + "-wal") || fs::file_size(db + "-wal") == 0);
}

TEST(ReadOnly, AStoreTheUserCanOnlyReadIsRead) {
    // File 444 in a folder 555. Root ignores permissions, so as root the commands run as
    // "nobody" (setpriv); the import that must then fail shows the permissions bite.
    TempDir dir;
    fs::path folder = dir / "ro";
    fs::create_directory(folder);
    std::string db = import_store(dir, "ro/a.db");
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    fs::permissions(dir.path(), fs::perms::others_exec, fs::perm_options::add);
    std::string as_user =
        getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    std::string tool = as_user + sh_quote(DIPLOGRAPH_BIN) + " --db " + sh_quote(db) + " ";
    auto r = shell(tool + "stats");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("3 sources"), std::string::npos) << r.out;
    r = shell(tool + "--json check");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto file = dir.write("more.jsonl", findings(1, 1));
    fs::permissions(file, fs::perms::others_read, fs::perm_options::add);
    r = shell(tool + "import " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_EQ(r.err, "diplograph: " + db +
                         ": database error: the file or its folder is read-only (a write was "
                         "needed)\n");
    EXPECT_FALSE(fs::exists(db + "-wal"));
    fs::permissions(folder, fs::perms::owner_all);
}

TEST(Outputs, NeverDestroyAnInput) {
    TempDir dir;
    std::string db = import_store(dir);
    std::string before = read_file(db);
    auto export_to = [&](const std::string& out, const std::vector<std::string>& more = {}) {
        std::vector<std::string> args = {"--db", db, "export", "--format", "graphml", "-o", out};
        args.insert(args.end(), more.begin(), more.end());
        return run_diplograph(args);
    };
    auto r = export_to(db);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "diplograph: -o " + db + ": that is the store; name another file\n");
    r = export_to(db + "-wal");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "diplograph: -o " + db +
                         "-wal: that is the store's wal file; name another "
                         "file\n");
    EXPECT_EQ(read_file(db), before);
    r = export_to(dir.path().string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "diplograph: -o " + dir.path().string() + ": a folder; name a file to write\n");
    std::string out = (dir / "graph.graphml").string();
    r = export_to(out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = export_to(out);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "diplograph: -o " + out + ": the file exists; add --force to overwrite it\n");
    r = export_to(out, {"--force"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string deep = (dir / "no/such/folder").string();
    r = run_diplograph({"--db", db, "export", "--format", "neo4j", "-o", deep});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "diplograph: -o " + deep + ": no folder " + (dir / "no/such").string() +
                         "; create it first (only the last folder of the path is created)\n");
    EXPECT_FALSE(fs::exists(dir / "no"));
    r = run_diplograph({"--db", db, "export", "--format", "neo4j", "-o", (dir / "csv").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::is_directory(dir / "csv"));
}

TEST(Check, GivesAOneLineVerdict) {
    TempDir dir;
    std::string db = import_store(dir);
    auto r = run_diplograph({"--db", db, "check"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, db + ": ok (quick_check)\n");
    r = run_diplograph({"--db", db, "check", "--full"});
    EXPECT_EQ(r.out, db + ": ok (integrity_check)\n");
    // Garbage over every page after the first two: the schema survives, the tables do not.
    std::string bytes = read_file(db);
    for (std::size_t i = 2 * 8192; i < bytes.size(); i += 8192)
        for (std::size_t j = i + 100; j < i + 300 && j < bytes.size(); ++j)
            bytes[j] = static_cast<char>(j * 31);
    std::ofstream(db, std::ios::binary) << bytes;
    r = run_diplograph({"--db", db, "check", "--full"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out.rfind(db + ": damaged (integrity_check): ", 0), 0u) << r.out;
    EXPECT_EQ(lines(r.out).size(), 1u);
}

TEST(UncleanClose, IsCheckedWhenTheFileIsOpenedAgain) {
    TempDir dir;
    std::string db = import_store(dir);
    // Damage the tables, then leave a -wal as a process killed mid-import would.
    std::string bytes = read_file(db);
    for (std::size_t i = 2 * 8192; i < bytes.size(); i += 8192)
        for (std::size_t j = i + 100; j < i + 300 && j < bytes.size(); ++j)
            bytes[j] = static_cast<char>(j * 31);
    std::ofstream(db, std::ios::binary) << bytes;
    pid_t child = fork();
    if (child == 0) {
        sqlite3* c = nullptr;
        sqlite3_open(db.c_str(), &c);
        sqlite3_exec(c, "PRAGMA user_version = 3", nullptr, nullptr, nullptr);
        _exit(0);  // no sqlite3_close: the -wal stays
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_GT(fs::file_size(db + "-wal"), 0u);
    auto r = run_diplograph({"--db", db, "stats"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err.rfind("diplograph: " + db +
                              ": damaged (it was not closed cleanly, and PRAGMA quick_check says: ",
                          0),
              0u)
        << r.err;
}

TEST(Limits, AFileSizeLimitIsReportedAndTheImportResumes) {
    // `ulimit -f`: SIGXFSZ used to kill the import; now the write fails and says why.
    TempDir dir;
    auto file = dir.write("big.jsonl", findings(3'000, 1));
    std::string db = (dir / "a.db").string();
    auto r = shell("ulimit -f 1000; " + sh_quote(DIPLOGRAPH_BIN) + " --db " + sh_quote(db) +
                   " import " + sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_NE(r.err.find("file too large: a write failed under the file-size limit (ulimit -f: "),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(" bytes); the store keeps "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("run the same import again"), std::string::npos) << r.err;
    auto check = run_diplograph({"--db", db, "check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    auto again = run_diplograph({"--db", db, "--quiet", "import", file.string()});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(Store::open_existing(db).stats().sources, 3'000);
}
