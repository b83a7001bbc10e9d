#pragma once
// Store: the emulator's SQLite database and the threads that use it. Knows nothing of HTTP or JSON.
//
// Work reaches the database as jobs, so a caller never waits on a disk or a lock:
//   - write jobs run one after another on the writer thread, which owns the one writing
//     connection. Jobs that arrive while a commit is under way are run together in the next
//     transaction (group commit), each inside its own savepoint: a job that throws is rolled
//     back alone (the ids it counted included), the others still commit. A job's `done` is called only after its transaction
//     committed (durable as StoreOptions::synchronous_full says) or failed.
//   - read jobs run on reader threads, each with its own connection (WAL lets them read while the
//     writer writes, and while another process holds the write lock). A `:memory:` database has
//     one connection, so its reads run on the writer thread, between transactions.
//
// Thread safety: every public method may be called from any thread. A job runs on a store thread
// and must not call the store itself (a blocking call from a job would wait for itself).
// Failure: opening throws StorageError naming the file and the reason. A job's failure (its own
// exception, or a failed BEGIN or COMMIT, e.g. the busy timeout passed while another process held
// the lock) reaches its `done` as an exception_ptr; nothing of that job is stored.

#include "storage/repository.hpp"
#include "storage/storage_error.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace tcaplus_mock::storage {

struct StoreOptions {
    std::string path;  // a file path, or ":memory:" for a database that dies with the store
    bool synchronous_full = false;  // PRAGMA synchronous FULL: a commit survives power loss too
    std::chrono::milliseconds busy_timeout{5000};  // how long a write waits for another process's lock
    std::size_t readers = 2;  // reader threads of a file database (at least 1)
};

// What the writing connection runs with, read back from SQLite: for the start-up log and tests.
struct StoreSettings {
    std::string journal_mode;  // "wal" for a file, "memory" for ":memory:"
    std::string synchronous;   // "normal" or "full"
    bool foreign_keys = false;
    std::chrono::milliseconds busy_timeout{0};
    int checkpoint_pages = 0;  // PRAGMA wal_autocheckpoint: the log's size that starts a checkpoint
    int schema_version = 0;
};

// How the last writes went, for the health endpoints.
struct StoreHealth {
    bool last_write_failed = false;
    std::uint64_t failed_writes = 0;  // jobs that failed since start-up, for any reason
    std::string last_failure;         // what() of the last failure, "" when none
};

// Thrown by a write job that decides, part way, that nothing it wrote should stay (a request refused
// for a reason only the stored rows tell): its savepoint is rolled back and `done` gets it as the job's
// exception, but it is not a failure of the store (health() does not count it).
class JobRefused : public std::runtime_error {
public:
    JobRefused() : std::runtime_error("the job refused to go on") {}
};

using StoreJob = std::function<void(Repository& repository)>;
using JobDone = std::function<void(std::exception_ptr failure)>;  // nullptr on success

class Store {
public:
    // Opens (creating if missing) the database at options.path, checks that it is a database of
    // this program and intact (PRAGMA quick_check), switches a file to WAL journaling, applies the
    // busy timeout and synchronous mode, migrates the schema, and starts the store's threads.
    // Throws StorageError whose what() is one line naming the file and the problem, e.g.
    // "cannot open database `/nope/x.db`: the folder `/nope` does not exist".
    explicit Store(const StoreOptions& options);
    // Runs every job already queued, then stops the threads.
    ~Store();

    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Queue a job; `done` runs on a store thread when it is over. Never blocks.
    void write(StoreJob job, JobDone done);
    void read(StoreJob job, JobDone done);

    // Run a job and wait for it; rethrows its failure. For start-up, the control plane and tests.
    void write_now(const StoreJob& job);
    void read_now(const StoreJob& job);

    // Waits until every job queued so far has run and its `done` has returned and been destroyed.
    // For shutdown, once nothing queues jobs any more (the HTTP server stopped): after it, what the
    // callbacks reached (an io_context they post to) may be destroyed.
    void drain();

    StoreSettings settings();
    StoreHealth health() const;
    const std::string& path() const noexcept;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace tcaplus_mock::storage
