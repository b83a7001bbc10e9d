#pragma once
// The container health probe: asks a running emulator whether it is serving.

#include <chrono>
#include <cstdint>
#include <string>

namespace tcaplus_mock {

// GET http://host:port/_mock/health. Returns 0 when it answers 200 with a body containing "ok" in
// quotes; otherwise prints why to stderr and returns 1. A host of "0.0.0.0" or "::" (listening on every
// address) is reached through loopback. Everything, name resolution included, is bounded by `timeout`.
int run_healthcheck(const std::string& host, std::uint16_t port, std::chrono::seconds timeout);

}  // namespace tcaplus_mock
