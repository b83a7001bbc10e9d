#include "server/core/line_writer.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace tcaplus_mock::testing {
namespace {

using namespace std::chrono_literals;

struct Pipe {
    Pipe() {
        int fds[2];
        EXPECT_EQ(::pipe(fds), 0);
        read_end = fds[0];
        write_end = fds[1];
    }
    ~Pipe() {
        if (read_end >= 0) ::close(read_end);
        ::close(write_end);
    }
    std::string read_available() {
        ::fcntl(read_end, F_SETFL, O_NONBLOCK);
        std::string text;
        char buffer[65536];
        for (ssize_t n; (n = ::read(read_end, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
        return text;
    }
    int read_end = -1;
    int write_end = -1;
};

TEST(LineWriter, WritesWholeLinesInOrder) {
    Pipe pipe;
    {
        LineWriter writer(pipe.write_end);
        writer.write("first");
        writer.write("second");
        ASSERT_TRUE(writer.flush(5s));
    }
    EXPECT_EQ(pipe.read_available(), "first\nsecond\n");
}

// Nobody reads the pipe: writing never blocks, lines beyond what fits are dropped and counted, and
// once the reader catches up one line says how many were lost.
TEST(LineWriter, AnUnreadPipeCostsLinesNeverTheCaller) {
    Pipe pipe;
    LineWriter writer(pipe.write_end, 64 * 1024);
    const std::string line(200, 'x');
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 5000; ++i) writer.write(line);  // 1 MB against a 64 KiB pipe and a 64 KiB queue
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s) << "write() must not wait for the reader";
    EXPECT_GT(writer.dropped(), 0u);

    std::string text;
    for (int round = 0; round < 50 && text.find("were dropped") == std::string::npos; ++round) {
        text += pipe.read_available();
        writer.flush(200ms);
    }
    text += pipe.read_available();
    const auto report = text.find("tcaplus-mock: " + std::to_string(writer.dropped()) + " log lines were dropped");
    EXPECT_NE(report, std::string::npos) << text.substr(text.size() > 300 ? text.size() - 300 : 0);
    writer.write("after");
    ASSERT_TRUE(writer.flush(5s));
    EXPECT_NE(pipe.read_available().find("after\n"), std::string::npos);
}

// The reader went away: lines are dropped, the process lives on (SIGPIPE ignored, as main does).
TEST(LineWriter, AReaderThatWentAwayCostsEveryLaterLine) {
    ::signal(SIGPIPE, SIG_IGN);
    Pipe pipe;
    ::close(pipe.read_end);
    pipe.read_end = -1;
    LineWriter writer(pipe.write_end);
    writer.write("lost");
    EXPECT_TRUE(writer.flush(5s));
    writer.write("lost too");
    EXPECT_TRUE(writer.flush(5s));
    EXPECT_EQ(writer.dropped(), 2u);
}

// Destroying a writer whose pipe is full returns within its drain timeout.
TEST(LineWriter, ClosingWithAFullPipeDoesNotHang) {
    Pipe pipe;
    const auto started = std::chrono::steady_clock::now();
    {
        LineWriter writer(pipe.write_end, 256 * 1024);
        const std::string line(1000, 'y');
        for (int i = 0; i < 200; ++i) writer.write(line);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, LineWriter::drain_timeout + 2s);
}

}  // namespace
}  // namespace tcaplus_mock::testing
