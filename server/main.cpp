// tcaplus-mock: a local emulator of Tencent Cloud's TcaplusDB API.
//
// Start-up: read the configuration, open the database, listen, then serve until SIGTERM/SIGINT;
// on a signal, answer the requests in flight, close the database and exit 0.
// Any start-up failure is one line on stderr naming the problem, and exit status 1.

#include "server/config/command_line.hpp"
#include "server/config/config_loader.hpp"
#include "server/core/line_writer.hpp"
#include "server/core/version.hpp"
#include "server/emulator.hpp"
#include "server/net/endpoint_text.hpp"
#include "server/net/healthcheck.hpp"
#include "server/net/http_server.hpp"

#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <pthread.h>
#include <unistd.h>

namespace tcaplus_mock {
namespace {

// SIGTERM and SIGINT are blocked in every thread (worker threads inherit the mask) and taken
// synchronously by the main thread, so a signal that arrives at any moment after start-up,
// even before the listening line is read, means a clean stop and exit 0.
sigset_t block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

void wait_for_stop_signal(const sigset_t& signals) {
    int received = 0;
    while (sigwait(&signals, &received) != 0) {
    }
}

int serve(const Config& config) {
    const auto stop_signals = block_stop_signals();
    LineWriter standard_output(STDOUT_FILENO);
    Emulator emulator(config, standard_output);
    for (const auto& warning : emulator.startup_warnings()) log_operator_message("warning: " + warning);
    HttpServer server(config.server,
                      HttpHandlers{
                          [&emulator](HttpRequest request) { return emulator.handle(std::move(request)); },
                          [&emulator](const HttpRequest& request, SizeLimit limit) {
                              return emulator.oversized(request, limit);
                          },
                      });
    server.start();
    standard_output.write("tcaplus-mock listening on http://" + endpoint_text(config.server.bind, server.port()) +
                          " (database " + config.storage.path + ")");
    wait_for_stop_signal(stop_signals);
    server.stop();
    // A store job still finishing posts its answer to a server thread's io_context, which goes with
    // `server`: the store must be done with them first.
    emulator.services().store.drain();
    standard_output.write("tcaplus-mock stopped");
    return 0;
}

int run(int argc, char** argv) {
    auto command_line = parse_command_line(argc, argv);
    switch (command_line.command) {
        case CommandLine::Command::help: std::cout << help_text(command_line.help_format, documented_frequency_limits()); return 0;
        case CommandLine::Command::version: std::cout << "tcaplus-mock " << version << '\n'; return 0;
        default: break;
    }
    auto sources = command_line.sources;
    sources.environment = current_environment();
    std::vector<std::string> warnings;
    const auto config = load_config(sources, &warnings);
    for (const auto& warning : warnings) log_operator_message("warning: " + warning);
    if (command_line.command == CommandLine::Command::healthcheck)
        return run_healthcheck(config.server.bind, config.server.port, std::chrono::seconds{5});
    return serve(config);
}

}  // namespace
}  // namespace tcaplus_mock

int main(int argc, char** argv) {
    // A reader of stdout or stderr that went away must cost log lines, never the process.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        return tcaplus_mock::run(argc, argv);
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "tcaplus-mock: %s\n", failure.what());
        return 1;
    }
}
