#include "storage/sqlite_database.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <utility>

namespace tcaplus_mock::storage {

namespace {

std::string open_failure(const std::string& path, std::string_view reason) {
    return "cannot open database `" + path + "`: " + std::string(reason);
}

// "`<sql>`" on one line, shortened so a migration script does not flood the log line.
std::string quoted_sql(std::string_view sql) {
    constexpr std::size_t shown = 100;
    std::string quoted = "`";
    bool blank = false;
    for (char c : sql.substr(0, shown)) {
        const bool is_blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!is_blank || !blank) quoted += is_blank ? ' ' : c;
        blank = is_blank;
    }
    quoted += sql.size() > shown ? "...`" : "`";
    return quoted;
}

[[noreturn]] void throw_connection_error(sqlite3* db, std::string_view what) {
    std::string message(what);
    message += sqlite3_errmsg(db);
    throw StorageError(message, sqlite3_extended_errcode(db));
}

}  // namespace

// ---- Database ----

Database::Database(const std::string& path) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int result = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
    if (result != SQLITE_OK) {
        const std::string reason = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(result);
        const int code = handle_ ? sqlite3_extended_errcode(handle_) : result;
        sqlite3_close_v2(handle_);
        throw StorageError(open_failure(path, reason), code);
    }
    // SQLite quietly falls back to read-only when it may not write the file; we need to write.
    if (sqlite3_db_readonly(handle_, "main") == 1) {
        sqlite3_close_v2(handle_);
        throw StorageError(open_failure(path, "the file is read-only"), SQLITE_READONLY);
    }
    sqlite3_extended_result_codes(handle_, 1);
}

Database::~Database() {
    sqlite3_close_v2(handle_);
}

Database::Database(Database&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(handle_);
        handle_ = std::exchange(other.handle_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

void Database::execute(std::string_view sql) {
    const std::string text(sql);
    if (sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        throw_connection_error(handle_, "cannot run " + quoted_sql(sql) + ": ");
    }
}

int Database::user_version() {
    Statement statement(*this, "PRAGMA user_version");
    statement.step();
    return static_cast<int>(statement.column_int64(0));
}

void Database::set_user_version(int version) {
    execute("PRAGMA user_version = " + std::to_string(version));
}

std::string Database::pragma(std::string_view name) {
    return first_text("PRAGMA " + std::string(name));
}

std::string Database::set_pragma(std::string_view name, std::string_view value) {
    return first_text("PRAGMA " + std::string(name) + " = " + std::string(value));
}

void Database::set_busy_timeout(std::chrono::milliseconds timeout) {
    const auto clamped = std::clamp<std::chrono::milliseconds::rep>(timeout.count(), 0, INT_MAX);
    sqlite3_busy_timeout(handle_, static_cast<int>(clamped));
}

bool Database::in_transaction() const noexcept {
    return handle_ != nullptr && sqlite3_get_autocommit(handle_) == 0;
}

std::size_t Database::changes() const noexcept {
    return static_cast<std::size_t>(sqlite3_changes64(handle_));
}

std::string Database::first_text(const std::string& sql) {
    Statement statement(*this, sql);
    return statement.step() ? statement.column_text(0) : std::string();
}

// ---- Statement ----

Statement::Statement(Database& db, std::string_view sql) {
    const int result = sqlite3_prepare_v2(db.handle_, sql.data(), static_cast<int>(sql.size()),
                                          &handle_, nullptr);
    if (result != SQLITE_OK) {
        throw_connection_error(db.handle_, "cannot prepare " + quoted_sql(sql) + ": ");
    }
    if (handle_ == nullptr) {
        throw StorageError("cannot prepare " + quoted_sql(sql) + ": it holds no statement");
    }
}

Statement::~Statement() {
    sqlite3_finalize(handle_);
}

Statement::Statement(Statement&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(handle_);
        handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
}

void Statement::bind_text(int index, std::string_view value) {
    check_bind(sqlite3_bind_text64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8),
               index);
}

void Statement::bind_int64(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(handle_, index, value), index);
}

void Statement::bind_null(int index) {
    check_bind(sqlite3_bind_null(handle_, index), index);
}

void Statement::bind_optional_text(int index, const std::optional<std::string>& value) {
    if (value) {
        bind_text(index, *value);
    } else {
        bind_null(index);
    }
}

void Statement::bind_optional_int64(int index, std::optional<std::int64_t> value) {
    if (value) {
        bind_int64(index, *value);
    } else {
        bind_null(index);
    }
}

bool Statement::step() {
    const int result = sqlite3_step(handle_);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    throw_error("cannot run");
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int64(int index) const {
    return sqlite3_column_int64(handle_, index);
}

std::string Statement::column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(handle_, index));
    const int size = sqlite3_column_bytes(handle_, index);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(handle_, index) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::column_optional_int64(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int64(index);
}

void Statement::reset() noexcept {
    // sqlite3_reset repeats the last step's error; step() has already reported it.
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
}

Statement& CachedStatement::prepared() {
    if (!statement_) statement_.emplace(*db_, sql_);
    return *statement_;
}

void Statement::throw_error(std::string_view what) const {
    const std::string message = std::string(what) + " " + quoted_sql(sqlite3_sql(handle_)) + ": ";
    throw_connection_error(sqlite3_db_handle(handle_), message);
}

void Statement::check_bind(int result, int index) const {
    if (result != SQLITE_OK) {
        throw_error("cannot bind parameter " + std::to_string(index) + " of");
    }
}

// ---- Transaction ----

Transaction::Transaction(Database& db) : db_(&db) {
    db.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (db_ == nullptr || committed_ || !db_->in_transaction()) {
        return;
    }
    try {
        db_->execute("ROLLBACK");
    } catch (const StorageError&) {
        // Nothing better to do: SQLite rolls back by itself once the connection closes.
    }
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), committed_(other.committed_) {}

void Transaction::commit() {
    if (db_ == nullptr || committed_) {
        throw StorageError("commit of a transaction that is already committed or moved from");
    }
    db_->execute("COMMIT");
    committed_ = true;
}

// ---- Savepoint ----

namespace {

void run_once(Statement& statement) {
    StatementUse use(statement);
    use->run();
}

}  // namespace

SavepointStatements::SavepointStatements(Database& db, std::string_view name)
    : db_(db),
      open_(db, "SAVEPOINT " + std::string(name)),
      release_(db, "RELEASE " + std::string(name)),
      rollback_to_(db, "ROLLBACK TO " + std::string(name)) {}

Savepoint::Savepoint(SavepointStatements& statements) : statements_(statements) {
    if (!statements_.db_.in_transaction()) throw StorageError("a savepoint needs an open transaction");
    run_once(statements_.open_);
}

Savepoint::~Savepoint() {
    if (released_ || !statements_.db_.in_transaction()) return;
    try {
        run_once(statements_.rollback_to_);
        run_once(statements_.release_);
    } catch (const StorageError&) {
        // The enclosing transaction then fails at its commit, or rolls back when it is destroyed.
    }
}

void Savepoint::release() {
    if (released_) throw StorageError("a savepoint released twice");
    run_once(statements_.release_);
    released_ = true;
}

}  // namespace tcaplus_mock::storage
