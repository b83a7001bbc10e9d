#include "server/core/line_writer.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tcaplus_mock {
namespace {

constexpr int poll_interval_ms = 200;
constexpr std::size_t chunk_bytes = PIPE_BUF;  // a writable pipe takes this much without blocking
// Lines are written in batches: when this much is queued, or this long after the last batch. A
// request then never pays for waking the writer thread, and a line is out within the interval.
constexpr std::size_t batch_bytes = 64 * 1024;
constexpr std::chrono::milliseconds batch_interval{50};

std::uint64_t count_lines(std::string_view text) {
    return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

struct LineWriter::State {
    explicit State(int fd_in, std::size_t capacity_in) : fd(fd_in), capacity(capacity_in) {}

    enum class Outcome { written, reader_gone, given_up };

    void run() {
        std::string batch;
        for (;;) {
            {
                std::unique_lock lock(mutex);
                has_work.wait_for(lock, batch_interval,
                                  [this] { return stopping || flush_requested || queue.size() >= batch_bytes; });
                if (queue.empty()) {
                    flush_requested = false;
                    drained.notify_all();
                    if (stopping) break;
                    continue;
                }
                batch.swap(queue);
                in_flight = true;
                flush_requested = false;
            }
            write_batch(batch);
            batch.clear();
            {
                std::lock_guard lock(mutex);
                in_flight = false;
            }
            drained.notify_all();
        }
        std::lock_guard lock(mutex);
        exited = true;
        drained.notify_all();
    }

    void write_batch(const std::string& batch) {
        if (reader_gone.load()) {
            dropped += count_lines(batch);
            return;
        }
        std::size_t written = 0;
        const Outcome outcome = write_all(batch, written);
        if (outcome == Outcome::reader_gone) reader_gone = true;
        if (outcome != Outcome::written) {
            dropped += count_lines(std::string_view(batch).substr(written));
            return;
        }
        report_drops();
    }

    // Once lines flow again, one line tells how many were lost meanwhile.
    void report_drops() {
        const std::uint64_t total = dropped.load();
        if (total == reported) return;
        const std::string line = "tcaplus-mock: " + std::to_string(total - reported) +
                                 " log lines were dropped because the output was not being read\n";
        reported = total;
        std::size_t written = 0;
        if (write_all(line, written) == Outcome::reader_gone) reader_gone = true;
    }

    Outcome write_all(std::string_view text, std::size_t& written) {
        while (written < text.size()) {
            pollfd target{fd, POLLOUT, 0};
            const int ready = ::poll(&target, 1, poll_interval_ms);
            if (ready < 0 && errno != EINTR) return Outcome::reader_gone;
            if (ready <= 0) {
                if (is_stopping()) return Outcome::given_up;
                continue;
            }
            const std::size_t size = std::min(chunk_bytes, text.size() - written);
            const ssize_t result = ::write(fd, text.data() + written, size);
            if (result > 0) {
                written += static_cast<std::size_t>(result);
            } else if (result < 0 && errno != EINTR && errno != EAGAIN) {
                return Outcome::reader_gone;  // EPIPE, or a descriptor that cannot be written at all
            }
        }
        return Outcome::written;
    }

    bool is_stopping() {
        std::lock_guard lock(mutex);
        return stopping;
    }

    const int fd;
    const std::size_t capacity;
    std::mutex mutex;
    std::condition_variable has_work, drained;
    std::string queue;       // guarded by mutex
    bool in_flight = false;  // guarded by mutex
    bool stopping = false;   // guarded by mutex
    bool flush_requested = false;  // guarded by mutex
    bool exited = false;     // guarded by mutex
    std::atomic<bool> reader_gone{false};
    std::atomic<std::uint64_t> dropped{0};
    std::uint64_t reported = 0;  // the writer thread's own
};

LineWriter::LineWriter(int fd, std::size_t capacity) : state_(std::make_shared<State>(fd, capacity)) {
    std::thread([state = state_] { state->run(); }).detach();
}

LineWriter::~LineWriter() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
    }
    state_->has_work.notify_all();
    std::unique_lock lock(state_->mutex);
    // The thread is detached and holds the state itself: after the timeout it may carry on alone.
    state_->drained.wait_for(lock, drain_timeout, [this] { return state_->exited; });
}

void LineWriter::write(std::string_view line) {
    if (state_->reader_gone.load()) {
        ++state_->dropped;
        return;
    }
    bool batch_ready = false;
    {
        std::lock_guard lock(state_->mutex);
        auto& queue = state_->queue;
        if (queue.size() + line.size() + 1 > state_->capacity) {
            ++state_->dropped;
            return;
        }
        const bool below = queue.size() < batch_bytes;
        queue.append(line);
        queue.push_back('\n');
        batch_ready = below && queue.size() >= batch_bytes;
    }
    if (batch_ready) state_->has_work.notify_one();
}

bool LineWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(state_->mutex);
    state_->flush_requested = true;
    state_->has_work.notify_one();
    return state_->drained.wait_for(lock, timeout, [this] { return state_->queue.empty() && !state_->in_flight; });
}

std::uint64_t LineWriter::dropped() const { return state_->dropped.load(); }

void log_operator_message(std::string_view message) {
    static LineWriter standard_error(STDERR_FILENO);
    std::string line = "tcaplus-mock: ";
    line += message;
    standard_error.write(line);
}

}  // namespace tcaplus_mock
