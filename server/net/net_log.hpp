#pragma once
// One line on stderr for failures of the network layer that the client cannot be told about.

#include "server/core/line_writer.hpp"

#include <string_view>

namespace tcaplus_mock {

inline void log_net_error(std::string_view message) { log_operator_message(message); }

}  // namespace tcaplus_mock
