#pragma once
// Database, Statement, CachedStatement, StatementUse, Transaction, Savepoint: a thin RAII layer over
// the SQLite C API.
//
// Ownership: a Database owns one connection and closes it when destroyed; a Statement owns one
// prepared statement and finalizes it; a CachedStatement prepares its SQL on first use and keeps
// it; a StatementUse resets a cached statement when one use of it ends; a Transaction owns one open transaction and rolls it back unless it was committed; a
// Savepoint owns one savepoint inside a transaction and rolls back to it unless it was released.
// None of them may outlive the Database it came from, and that Database must not be moved while
// they live.
//
// Thread safety: none. A Database and everything made from it belong to one thread at a time; the
// store (store.hpp) gives each of its threads a connection of its own.
//
// Failure: every error throws StorageError carrying SQLite's message and extended result code.
// Destructors never throw.

#include "storage/storage_error.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tcaplus_mock::storage {

class Database {
public:
    // Opens `path` for reading and writing, creating the file if it is missing; ":memory:" opens
    // a private in-memory database. Throws StorageError
    // "cannot open database `<path>`: <reason>" when the file cannot be opened for writing
    // (its directory is missing, it is a directory, permission is denied, it is read-only).
    explicit Database(const std::string& path);
    ~Database();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::string& path() const noexcept { return path_; }

    // Runs one or more statements, discarding any rows they return.
    void execute(std::string_view sql);

    // The schema version kept in the file header (PRAGMA user_version); 0 for a new file.
    // Setting it inside a Transaction makes it part of that transaction.
    int user_version();
    void set_user_version(int version);

    // "PRAGMA <name>" and "PRAGMA <name> = <value>". Both return the first column of the first
    // row SQLite answers with, as text, or "" when it answers with no row. `name` and `value`
    // are pasted into the SQL unquoted: pass constants, never outside input.
    std::string pragma(std::string_view name);
    std::string set_pragma(std::string_view name, std::string_view value);

    // How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    void set_busy_timeout(std::chrono::milliseconds timeout);

    // True between BEGIN and COMMIT/ROLLBACK (including a rollback SQLite did on its own).
    bool in_transaction() const noexcept;

    // Rows changed by the last INSERT, UPDATE or DELETE that ran on this connection.
    std::size_t changes() const noexcept;

private:
    friend class Statement;

    std::string first_text(const std::string& sql);

    sqlite3* handle_ = nullptr;
    std::string path_;
};

class Statement {
public:
    // Prepares the first statement in `sql`. Throws StorageError "cannot prepare `<sql>`: <reason>".
    Statement(Database& db, std::string_view sql);
    ~Statement();

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are numbered from 1 (`?1`, `?2`, ...). Text is copied, so `value` may die after
    // the call. Throws StorageError for an index the statement does not have.
    void bind_text(int index, std::string_view value);
    void bind_int64(int index, std::int64_t value);
    void bind_null(int index);
    // NULL for nullopt.
    void bind_optional_text(int index, const std::optional<std::string>& value);
    void bind_optional_int64(int index, std::optional<std::int64_t> value);

    // Runs the statement one step: true when a row is ready to read, false when it is done.
    // Throws StorageError on failure (a constraint violation carries its extended code).
    bool step();

    // Steps until done, discarding rows.
    void run();

    // Columns of the current row, numbered from 0. NULL reads as 0 or "".
    std::int64_t column_int64(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;
    std::optional<std::int64_t> column_optional_int64(int index) const;  // nullopt for NULL

    // Makes the statement ready to run again and clears its bindings. A statement left mid-way
    // keeps its read open, so cached statements are reset after every use.
    void reset() noexcept;

private:
    [[noreturn]] void throw_error(std::string_view what) const;
    void check_bind(int result, int index) const;

    sqlite3_stmt* handle_ = nullptr;
};

// Steps `statement` to its end and returns `read(statement)` of every row, in order.
template <class Read>
auto read_rows(Statement& statement, Read read) {
    std::vector<decltype(read(statement))> rows;
    while (statement.step()) rows.push_back(read(statement));
    return rows;
}

// A statement a record class keeps for its connection, prepared on its first use: each connection
// holds only the statements its thread runs (a reader never prepares an INSERT), which keeps the
// idle process small. Use it through StatementUse.
class CachedStatement {
public:
    CachedStatement(Database& db, std::string_view sql) : db_(&db), sql_(sql) {}

    // The prepared statement, prepared now if this is its first use. Throws StorageError
    // "cannot prepare `<sql>`: <reason>" (and again on the next use).
    Statement& prepared();

private:
    Database* db_;
    std::string sql_;
    std::optional<Statement> statement_;
};

// One use of a cached statement: resets it when the use ends, however it ends, so that no read stays
// open and no binding leaks into the next use.
class StatementUse {
public:
    explicit StatementUse(Statement& statement) noexcept : statement_(statement) {}
    explicit StatementUse(CachedStatement& statement) : statement_(statement.prepared()) {}
    ~StatementUse() { statement_.reset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;

    Statement& operator*() const noexcept { return statement_; }
    Statement* operator->() const noexcept { return &statement_; }

private:
    Statement& statement_;
};

class Transaction {
public:
    // BEGIN IMMEDIATE: takes the database's write lock now, waiting up to the busy timeout.
    // Throws StorageError if the lock cannot be had or a transaction is already open.
    explicit Transaction(Database& db);

    // Rolls back unless commit() succeeded. Never throws.
    ~Transaction();

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Makes the changes permanent (as durable as PRAGMA synchronous promises) when it returns.
    // Throws StorageError on failure; the transaction then stays open and the destructor rolls
    // it back. Throws if called twice.
    void commit();

    bool committed() const noexcept { return committed_; }

private:
    Database* db_;
    bool committed_ = false;
};

// The statements of one savepoint name (SAVEPOINT, RELEASE, ROLLBACK TO), prepared once and reused
// by every Savepoint of that name. The name is pasted into the SQL: pass a constant.
class SavepointStatements {
public:
    SavepointStatements(Database& db, std::string_view name);

private:
    friend class Savepoint;
    Database& db_;
    Statement open_, release_, rollback_to_;
};

// A savepoint inside the open transaction. Unless release() succeeded, the destructor rolls back to
// it and releases it: what was changed since is undone, and the enclosing transaction goes on.
class Savepoint {
public:
    // Throws StorageError when no transaction is open or SQLite refuses the savepoint.
    explicit Savepoint(SavepointStatements& statements);
    // Never throws.
    ~Savepoint();

    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    // Keeps what was changed since the savepoint. Throws StorageError on failure (the destructor
    // then rolls back), or when called twice.
    void release();

private:
    SavepointStatements& statements_;
    bool released_ = false;
};

}  // namespace tcaplus_mock::storage
