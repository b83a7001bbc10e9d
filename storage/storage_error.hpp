#pragma once
// StorageError: the one exception the storage library throws. It means the database is unusable
// or an invariant broke (cannot open, disk full, constraint violated, unknown schema version);
// the server answers such a request with InternalError and logs what() for the operator.

#include <stdexcept>
#include <string>

namespace tcaplus_mock::storage {

class StorageError : public std::runtime_error {
public:
    // `message` is complete and readable on its own; `sqlite_code` is SQLite's extended result
    // code (e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE), or 0 when the failure did not come from SQLite.
    explicit StorageError(const std::string& message, int sqlite_code = 0)
        : std::runtime_error(message), sqlite_code_(sqlite_code) {}

    int sqlite_code() const noexcept { return sqlite_code_; }

private:
    int sqlite_code_;
};

}  // namespace tcaplus_mock::storage
