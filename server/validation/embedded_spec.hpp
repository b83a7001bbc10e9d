#pragma once
// The text of server/validation/api_spec.json, compiled into the binary at build time
// (see CMakeLists.txt), so the server needs no data file at run time.

#include <string_view>

namespace tcaplus_mock {

// Points into static storage; valid for the life of the program.
std::string_view embedded_action_spec_json() noexcept;

}  // namespace tcaplus_mock
