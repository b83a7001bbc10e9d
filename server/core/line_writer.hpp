#pragma once
// LineWriter: writes log lines to a file descriptor from a thread of its own, so that no caller
// ever waits for the reader. A log line is worth less than a request:
//   - lines wait in a bounded queue; while it is full (nobody reads the pipe) new lines are
//     dropped and counted, and once lines flow again one line says how many were lost;
//   - a reader that went away (EPIPE; SIGPIPE must be ignored by the program) costs every later
//     line, never the process;
//   - the writer thread itself never blocks for long: it waits for the descriptor to be writable
//     (poll, with a timeout) and writes at most PIPE_BUF bytes at a time, which a writable pipe
//     always takes whole;
//   - lines go out in batches, at most 50 ms after they were written (or once 64 KiB are queued),
//     so that writing a line never costs waking a thread.
//
// Thread safety: write() may be called from any thread; lines are never interleaved.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tcaplus_mock {

class LineWriter {
public:
    // Writes to `fd` (not owned; must stay open while lines are written). `capacity` bounds the
    // bytes waiting to be written.
    explicit LineWriter(int fd, std::size_t capacity = 1024 * 1024);
    // Writes what is queued, waiting at most `drain_timeout` for a reader that does not read; what is
    // left then is dropped, and the thread is left to finish on its own.
    ~LineWriter();
    LineWriter(const LineWriter&) = delete;
    LineWriter& operator=(const LineWriter&) = delete;

    // Queues `line` plus a newline. Never blocks on the descriptor.
    void write(std::string_view line);

    // Waits until every queued line was written or dropped, at most `timeout`; true when it was.
    bool flush(std::chrono::milliseconds timeout);

    // Lines dropped so far because the queue was full or the reader had gone.
    std::uint64_t dropped() const;

    static constexpr std::chrono::milliseconds drain_timeout{1000};

private:
    struct State;
    std::shared_ptr<State> state_;  // shared with the thread, which may outlive this object
};

// The emulator's messages for its operator (failures a client cannot be told about), one line
// each on stderr as "tcaplus-mock: <message>", through a LineWriter of its own.
void log_operator_message(std::string_view message);

}  // namespace tcaplus_mock
