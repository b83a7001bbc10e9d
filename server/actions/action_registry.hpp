#pragma once
// The actions the emulator implements, by name. An action the API spec defines but that is
// not listed here answers InvalidAction. Adding an action = its spec data + one handler file + one row here.

#include "server/actions/action_context.hpp"

#include <string_view>

namespace tcaplus_mock {

// The handler of `action`, or nullptr when the emulator does not implement it.
ActionHandler find_action_handler(std::string_view action);

}  // namespace tcaplus_mock
