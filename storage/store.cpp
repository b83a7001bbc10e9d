#include "storage/store.hpp"

#include "storage/database_checks.hpp"
#include "storage/schema_migrations.hpp"

#include <array>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tcaplus_mock::storage {

namespace {

constexpr std::string_view memory_path = ":memory:";
constexpr std::size_t max_batch_jobs = 1024;
// SQLite copies the write-ahead log into the database file inside the commit that takes the log
// past this many pages, and every request of that group commit waits for the copy and its fsyncs.
// Measured with bench (a) (1 round of 5 s, same run): 1000 pages (SQLite's default) 14.6k req/s,
// p99 24-27 ms; 500: 15.2k, 16 ms; 250: 14.3k, 11-13 ms; 100: 11.5k, 10.5 ms.
constexpr std::string_view checkpoint_pages = "250";

struct Job {
    StoreJob work;
    JobDone done;
    bool is_read = false;  // a read sent to the writer (`:memory:`), run outside any transaction
};

void configure_writer(Database& db, const StoreOptions& options) {
    db.set_busy_timeout(options.busy_timeout);
    if (options.path != memory_path) {
        const std::string mode = db.set_pragma("journal_mode", "WAL");
        if (mode != "wal") throw StorageError("cannot switch to WAL journaling (SQLite kept `" + mode + "`)");
    }
    db.set_pragma("synchronous", options.synchronous_full ? "FULL" : "NORMAL");
    db.set_pragma("foreign_keys", "ON");
    if (options.path != memory_path) db.set_pragma("wal_autocheckpoint", checkpoint_pages);
}

Database open_writer(const StoreOptions& options) {
    if (options.path.empty()) throw StorageError("cannot open database ``: the storage path is empty");
    if (options.path != memory_path) check_database_location(options.path);
    Database db(options.path);
    try {
        if (options.path != memory_path) check_database_file(db);
        configure_writer(db, options);
        migrate(db);
    } catch (const StorageError& error) {
        throw StorageError("cannot open database `" + options.path + "`: " + error.what(), error.sqlite_code());
    }
    return db;
}

Database open_reader(const StoreOptions& options) {
    Database db(options.path);
    db.set_busy_timeout(options.busy_timeout);
    db.set_pragma("query_only", "ON");
    return db;
}

std::string synchronous_name(std::string_view level) {
    constexpr std::array names{"off", "normal", "full", "extra"};
    const int index = level.empty() ? -1 : level.front() - '0';
    return level.size() == 1 && index >= 0 && index < 4 ? names[static_cast<std::size_t>(index)]
                                                        : std::string(level);
}

// A queue of jobs with the threads that wait on it.
class JobQueue {
public:
    // Waits for work; moves up to `limit` jobs into `batch`. False once the queue is closed and empty.
    bool take(std::vector<Job>& batch, std::size_t limit) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
        if (jobs_.empty()) return false;
        while (!jobs_.empty() && batch.size() < limit) {
            batch.push_back(std::move(jobs_.front()));
            jobs_.pop_front();
        }
        return true;
    }

    // True when the job was queued; false once the queue is closed.
    bool try_push(Job& job) {
        {
            std::lock_guard lock(mutex_);
            if (closed_) return false;
            jobs_.push_back(std::move(job));
        }
        ready_.notify_one();
        return true;
    }

    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Job> jobs_;
    bool closed_ = false;
};

// Calls the job's `done` and destroys it, with whatever it holds.
void call_done(Job& job, std::exception_ptr failure) {
    JobDone done = std::move(job.done);
    job.done = nullptr;
    if (!done) return;
    try {
        done(std::move(failure));
    } catch (...) {
        // A completion must not take the store thread down; it has nothing left to tell.
    }
}

// Runs `job` and returns its failure, if any.
std::exception_ptr run_job(Job& job, Repository& repository) {
    try {
        job.work(repository);
        return nullptr;
    } catch (...) {
        return std::current_exception();
    }
}

// A read job's statements see one state of the database: they run in one read transaction, which
// also takes the connection's shared locks once per job instead of once per statement.
class ReadTransactions {
public:
    explicit ReadTransactions(Database& db) : db_(db), begin_(db, "BEGIN"), end_(db, "COMMIT") {}

    std::exception_ptr run(Job& job, Repository& repository) {
        try {
            StatementUse(begin_)->run();
        } catch (...) {
            return std::current_exception();
        }
        auto failure = run_job(job, repository);
        try {
            if (db_.in_transaction()) StatementUse(end_)->run();
        } catch (...) {
            if (!failure) failure = std::current_exception();
            try {
                db_.execute("ROLLBACK");  // never leave the next job inside this one's transaction
            } catch (...) {
            }
        }
        return failure;
    }

private:
    Database& db_;
    Statement begin_, end_;
};

}  // namespace

// ---- State ----

struct Store::State {
    explicit State(const StoreOptions& options_in)
        : options(options_in),
          writer_db(open_writer(options)),
          writer_repository(writer_db),
          job_savepoint(writer_db, "job") {
        const bool in_memory = options.path == memory_path;
        const std::size_t reader_count = in_memory ? 0 : std::max<std::size_t>(1, options.readers);
        writer = std::thread([this] { run_writer(); });
        for (std::size_t i = 0; i < reader_count; ++i) {
            auto db = std::make_shared<Database>(open_reader(options));
            readers.emplace_back([this, db] { run_reader(*db); });
        }
    }

    ~State() {
        write_queue.close();
        read_queue.close();
        writer.join();
        for (auto& reader : readers) reader.join();
    }

    void run_writer() {
        std::vector<Job> batch;
        while (write_queue.take(batch, max_batch_jobs)) {
            run_batch(batch);
            batch.clear();
        }
    }

    void run_reader(Database& db) {
        Repository repository(db);
        ReadTransactions transactions(db);
        std::vector<Job> batch;
        while (read_queue.take(batch, 1)) {
            for (auto& job : batch) finish(job, transactions.run(job, repository));
            batch.clear();
        }
    }

    // One transaction for every write of the batch; reads (`:memory:` only) run before it.
    void run_batch(std::vector<Job>& batch) {
        std::vector<std::exception_ptr> failures(batch.size());
        bool any_write = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (batch[i].is_read) {
                finish(batch[i], run_job(batch[i], writer_repository));
            } else {
                any_write = true;
            }
        }
        if (!any_write) return;
        const auto batch_failure = run_writes(batch, failures);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (batch[i].is_read) continue;
            auto failure = batch_failure ? batch_failure : failures[i];
            note_outcome(failure);
            finish(batch[i], std::move(failure));
        }
    }

    // Returns the failure of the transaction itself (BEGIN or COMMIT), which all its jobs share.
    std::exception_ptr run_writes(std::vector<Job>& batch, std::vector<std::exception_ptr>& failures) {
        try {
            Transaction transaction(writer_db);
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (!batch[i].is_read) failures[i] = run_in_savepoint(batch[i]);
            }
            transaction.commit();
            return nullptr;
        } catch (...) {
            return std::current_exception();
        }
    }

    // A job that throws is rolled back alone: its savepoint undoes what it wrote.
    std::exception_ptr run_in_savepoint(Job& job) {
        Savepoint savepoint(job_savepoint);
        auto failure = run_job(job, writer_repository);
        if (!failure) savepoint.release();
        return failure;
    }

    void note_outcome(const std::exception_ptr& failure) {
        std::lock_guard lock(health_mutex);
        health.last_write_failed = failure != nullptr;
        if (!failure) return;
        try {
            std::rethrow_exception(failure);
        } catch (const JobRefused&) {
            health.last_write_failed = false;  // the job's own decision: the store is fine
            return;
        } catch (const std::exception& error) {
            ++health.failed_writes;
            health.last_failure = error.what();
        } catch (...) {
            ++health.failed_writes;
            health.last_failure = "a non-standard exception";
        }
    }

    void submit(JobQueue& queue, StoreJob work, JobDone done, bool is_read) {
        Job job{std::move(work), std::move(done), is_read};
        {
            std::lock_guard lock(idle_mutex);
            ++in_flight;
        }
        if (!queue.try_push(job)) finish(job, std::make_exception_ptr(StorageError("the store is closed")));
    }

    // The job is over: its `done` called and gone.
    void finish(Job& job, std::exception_ptr failure) {
        call_done(job, std::move(failure));
        {
            std::lock_guard lock(idle_mutex);
            --in_flight;
        }
        idle.notify_all();
    }

    void drain() {
        std::unique_lock lock(idle_mutex);
        idle.wait(lock, [this] { return in_flight == 0; });
    }

    const StoreOptions options;
    Database writer_db;  // declared before the statements made from it: they are finalized first
    Repository writer_repository;
    SavepointStatements job_savepoint;
    JobQueue write_queue;
    JobQueue read_queue;
    std::thread writer;
    std::vector<std::thread> readers;

    mutable std::mutex health_mutex;
    StoreHealth health;

    std::mutex idle_mutex;
    std::condition_variable idle;
    std::size_t in_flight = 0;  // jobs queued or running, their `done` not yet over
};

// ---- Store ----

Store::Store(const StoreOptions& options) : state_(std::make_unique<State>(options)) {}

Store::~Store() = default;

void Store::write(StoreJob job, JobDone done) {
    state_->submit(state_->write_queue, std::move(job), std::move(done), false);
}

void Store::read(StoreJob job, JobDone done) {
    const bool on_writer = state_->readers.empty();
    state_->submit(on_writer ? state_->write_queue : state_->read_queue, std::move(job), std::move(done), on_writer);
}

namespace {

void wait_for(const std::function<void(StoreJob, JobDone)>& submit, const StoreJob& job) {
    std::promise<void> finished;
    auto outcome = finished.get_future();
    submit([&job](Repository& repository) { job(repository); },
           [&finished](std::exception_ptr failure) {
               if (failure) {
                   finished.set_exception(std::move(failure));
               } else {
                   finished.set_value();
               }
           });
    outcome.get();
}

}  // namespace

void Store::write_now(const StoreJob& job) {
    wait_for([this](StoreJob work, JobDone done) { write(std::move(work), std::move(done)); }, job);
}

void Store::read_now(const StoreJob& job) {
    wait_for([this](StoreJob work, JobDone done) { read(std::move(work), std::move(done)); }, job);
}

void Store::drain() { state_->drain(); }

StoreSettings Store::settings() {
    StoreSettings settings;
    // Read on the writing connection, whose settings these are; a read job would use another one.
    write_now([&settings](Repository& repository) {
        Database& db = repository.database();
        settings.journal_mode = db.pragma("journal_mode");
        settings.synchronous = synchronous_name(db.pragma("synchronous"));
        settings.foreign_keys = db.pragma("foreign_keys") == "1";
        settings.busy_timeout = std::chrono::milliseconds(std::stoll(db.pragma("busy_timeout")));
        settings.checkpoint_pages = std::stoi(db.pragma("wal_autocheckpoint"));
        settings.schema_version = db.user_version();
    });
    return settings;
}

StoreHealth Store::health() const {
    std::lock_guard lock(state_->health_mutex);
    return state_->health;
}

const std::string& Store::path() const noexcept { return state_->options.path; }

}  // namespace tcaplus_mock::storage
