// Small RAII owners of SQLite handles; private to diplograph_graph.
#pragma once

#include <diplograph/graph/store.hpp>

#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <sys/resource.h>
#include <cstring>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::sqlite {

//! Process-wide SQLite settings, made once before the first connection opens (sqlite3_config
//! refuses them later, with SQLITE_MISUSE, and SQLite keeps its defaults: nothing breaks).
//! The statement journal, to which SQLite copies every page a savepoint changes (a bulk import
//! puts each article in a savepoint of a long transaction, about 47 pages each), and the
//! rollback journal of the temp database (temp.links_new) stay in memory and never spill to a
//! temporary file. SQLite's default spilled them past 64 KiB: each page was two pwrite calls,
//! 2 GB for 10,000 articles, 0.45 s of the import's 0.7 s of system time. A threshold of 1 or
//! 4 MiB instead made SQLite 3.40 fail with SQLITE_FULL ("database or disk is full") at the
//! first spill (issue 14: 20 records of 500 events): it copies the in-memory journal (123 KB)
//! to a new temporary file, writes nothing more to it and reports the disk full, with no
//! ENOSPC from the system (strace). In memory, a journal holds only the pages that existed
//! before the savepoint and that it changes: at most the pages one article's put touches.
inline void configure_once() {
    constexpr int kStatementJournalSpill = -1;  // never
    // Without memory statistics, SQLite's allocations take no global mutex (4% of an import's
    // instructions); nothing here reads sqlite3_memory_used().
    static const int rc = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kStatementJournalSpill) |
                          sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)rc;
}

//! How long a connection waits for another one's lock before it reports "locked": a reader
//! (queries, stats) waits at most a commit's length; a writer (an import) waits for another
//! import's transaction, which on a loaded machine takes longer (tests/faults/concurrency.py).
inline constexpr int kBusyTimeoutMs = 5000;
inline constexpr int kWriterBusyTimeoutMs = 60000;

//! The wait of a connection: a writer's when it may write.
inline int busy_timeout_ms(sqlite3* db) {
    return db && sqlite3_db_readonly(db, "main") == 0 ? kWriterBusyTimeoutMs : kBusyTimeoutMs;
}

//! An error of SQLite, with its (extended) result code, so that the store can say what the
//! cause is: locked, corrupt, not a database, permission, disk full, file too large.
class Error : public StoreError {
  public:
    Error(const std::string& message, int code) : StoreError(message), code_(code) {}
    int code() const { return code_; }
    int primary() const { return code_ & 0xff; }

  private:
    int code_;
};

//! The cause of a failed call, in words a user can act on ("" when SQLite's message says it).
inline std::string cause(sqlite3* db, int rc) {
    int system = db ? sqlite3_system_errno(db) : 0;
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return fmt::format(
                "locked by another diplograph (or another program) for more than "
                "{} s; try again when it has finished",
                busy_timeout_ms(db) / 1000);
        case SQLITE_NOTADB:
            return "not an SQLite file";
        case SQLITE_CORRUPT:
            return "the file is corrupt (" + std::string(db ? sqlite3_errmsg(db) : "") +
                   "); 'diplograph check --full' reports what is damaged";
        case SQLITE_FULL:
            return "the disk is full";
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "permission denied";
        case SQLITE_READONLY:
            return "the file or its folder is read-only (a write was needed)";
        case SQLITE_CANTOPEN:
            return system == EACCES ? "permission denied" : "cannot open the file";
        case SQLITE_IOERR:
            if (system == EFBIG)
                return "file too large: the file-size limit (ulimit -f) is reached";
            if (system == ENOSPC)
                return "the disk is full";
            if (system == EACCES || system == EPERM)
                return "permission denied";
            // SQLite reads errno after its own cleanup, which often clears EFBIG: a finite
            // file-size limit is the likely cause of a failed write.
            if (struct rlimit limit{}; (rc & 0xffff) == SQLITE_IOERR_WRITE &&
                                       getrlimit(RLIMIT_FSIZE, &limit) == 0 &&
                                       limit.rlim_cur != RLIM_INFINITY)
                return fmt::format(
                    "file too large: a write failed under the file-size limit "
                    "(ulimit -f: {} bytes)",
                    static_cast<unsigned long long>(limit.rlim_cur));
            return fmt::format("I/O error ({}){}", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc),
                               system ? ": " + std::string(std::strerror(system)) : "");
        default:
            return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    }
}

[[noreturn]] inline void fail(sqlite3* db, int rc, std::string_view context = {}) {
    int code = db ? sqlite3_extended_errcode(db) : rc;
    if ((code & 0xff) != (rc & 0xff))
        code = rc;
    throw Error(fmt::format("database error: {}{}", cause(db, code), context), code);
}

class Database {
  public:
    Database() = default;
    Database(const std::string& path, int flags) {
        configure_once();
        sqlite3* db = nullptr;
        int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
        db_ = db;
        if (rc != SQLITE_OK) {
            std::string message = cause(db, sqlite3_extended_errcode(db));
            sqlite3_close(db_);
            db_ = nullptr;
            throw Error(path + ": cannot open the database: " + message, rc);
        }
        sqlite3_extended_result_codes(db_, 1);
        // Before the first read: a store another process holds briefly (an import's commit)
        // is waited for, not reported as "not an SQLite file" (issue 14).
        sqlite3_busy_timeout(
            db_, (flags & SQLITE_OPEN_READWRITE) ? kWriterBusyTimeoutMs : kBusyTimeoutMs);
    }
    ~Database() { sqlite3_close(db_); }
    Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    Database& operator=(Database&& other) noexcept {
        std::swap(db_, other.db_);
        return *this;
    }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* get() const { return db_; }
    std::string error() const { return sqlite3_errmsg(db_); }
    //! Rows changed by the last INSERT, UPDATE or DELETE (0 when INSERT OR IGNORE ignored one).
    int changes() const { return sqlite3_changes(db_); }

    void exec(const std::string& sql) const {
        char* message = nullptr;
        if (int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
            sqlite3_free(message);
            fail(db_, rc);
        }
    }

  private:
    sqlite3* db_ = nullptr;
};

class Statement {
  public:
    Statement(const Database& db, std::string_view sql) : db_(db.get()) {
        if (int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
            rc != SQLITE_OK) {
            // A syntax error is ours: name the SQL; anything else is the file's.
            if ((rc & 0xff) == SQLITE_ERROR)
                throw Error("database error: " + std::string(sqlite3_errmsg(db_)) + " in " +
                                std::string(sql),
                            rc);
            fail(db_, rc);
        }
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        next_ = 1;
        return *this;
    }
    //! As reset(), keeping the bindings: for a statement whose parameters are all bound again.
    Statement& rebind() {
        sqlite3_reset(stmt_);
        next_ = 1;
        return *this;
    }
    //! Binds text without copying it: it must outlive the steps with this binding (put() binds
    //! its batch's strings and clears all bindings before it returns).
    Statement& bind_kept(std::string_view text) {
        check(sqlite3_bind_text(stmt_, next_++, text.data(), static_cast<int>(text.size()),
                                SQLITE_STATIC));
        return *this;
    }
    Statement& bind(std::string_view text) {
        check(sqlite3_bind_text(stmt_, next_++, text.data(), static_cast<int>(text.size()),
                                SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(const std::string& text) { return bind(std::string_view(text)); }
    Statement& bind(const char* text) { return bind(std::string_view(text)); }
    Statement& bind(int64_t value) {
        check(sqlite3_bind_int64(stmt_, next_++, value));
        return *this;
    }
    Statement& bind(int value) { return bind(static_cast<int64_t>(value)); }
    Statement& bind(double value) {
        check(sqlite3_bind_double(stmt_, next_++, value));
        return *this;
    }
    Statement& bind_null() {
        check(sqlite3_bind_null(stmt_, next_++));
        return *this;
    }

    //! Steps once; true while a row is available.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        fail(db_, rc);
    }
    void run() {
        while (step()) {
        }
    }

    std::string text(int column) const {
        auto* p = sqlite3_column_text(stmt_, column);
        if (!p)
            return {};
        return {reinterpret_cast<const char*>(p),
                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
    }
    //! The text of a column without copying it; valid until the next step.
    std::string_view view(int column) const {
        auto* p = sqlite3_column_text(stmt_, column);
        if (!p)
            return {};
        return {reinterpret_cast<const char*>(p),
                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
    }
    int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    int columns() const { return sqlite3_column_count(stmt_); }
    std::string_view name(int column) const { return sqlite3_column_name(stmt_, column); }

  private:
    void check(int rc) const {
        if (rc != SQLITE_OK)
            fail(db_, rc);
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int next_ = 1;
};

//! Statements prepared once per connection and kept, by their SQL text: the import prepares
//! each of its statements once instead of once per article (preparing costs more than running
//! most of them). Declare it after its Database, so that the statements go first.
class StatementCache {
  public:
    explicit StatementCache(const Database& db) : db_(db) {}
    //! The statement for `sql`, reset and without bindings.
    Statement& use(std::string_view sql) {
        auto it = statements_.find(sql);
        if (it == statements_.end())
            it = statements_.emplace(std::string(sql), Entry{std::make_unique<Statement>(db_, sql)})
                     .first;
        if (!it->second.used) {
            it->second.used = true;
            used_.push_back(&it->second);
        }
        return it->second.statement->reset();
    }
    //! Resets every statement, so that none keeps a read open past the end of a transaction:
    //! those used since the last call (an article's put() uses a dozen of the 40 kept).
    void reset_all() {
        for (Entry* entry : used_) {
            entry->statement->reset();
            entry->used = false;
        }
        used_.clear();
    }

  private:
    struct Entry {
        std::unique_ptr<Statement> statement;
        bool used = false;
    };
    const Database& db_;
    std::map<std::string, Entry, std::less<>> statements_;
    std::vector<Entry*> used_;
};

//! Rolls back unless committed.
class Transaction {
  public:
    explicit Transaction(const Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
    //! Inside a transaction opened already: a savepoint, rolled back alone. Begun and
    //! committed by statements of `cache`, prepared once (sqlite3_exec parses its SQL at every
    //! call: 16,000 instructions an article for the savepoint and its release).
    Transaction(const Database& db, bool nested, StatementCache& cache)
        : db_(db), cache_(&cache), nested_(nested) {
        cache_->use(nested_ ? "SAVEPOINT put" : "BEGIN IMMEDIATE").run();
    }
    //! Joined to a savepoint that its opener rolls back or releases: begins nothing, and
    //! commit() and rollback() do nothing (a rollback is the opener's, after an exception).
    struct Joined {};
    Transaction(const Database& db, Joined) : db_(db), joined_(true) {}
    ~Transaction() {
        if (!done_ && !joined_)
            sqlite3_exec(db_.get(), nested_ ? "ROLLBACK TO put; RELEASE put" : "ROLLBACK", nullptr,
                         nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        if (joined_)
            ;
        else if (cache_)
            cache_->use(nested_ ? "RELEASE put" : "COMMIT").run();
        else
            db_.exec(nested_ ? "RELEASE put" : "COMMIT");
        done_ = true;
    }
    void rollback() {
        if (!joined_)
            db_.exec(nested_ ? "ROLLBACK TO put; RELEASE put" : "ROLLBACK");
        done_ = true;
    }

  private:
    const Database& db_;
    StatementCache* cache_ = nullptr;
    bool nested_ = false;
    bool joined_ = false;
    bool done_ = false;
};

}  // namespace diplograph::sqlite
