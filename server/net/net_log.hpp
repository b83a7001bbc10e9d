#pragma once
// One line on stderr for failures of the network layer that the client cannot be told about.

#include <iostream>
#include <string>
#include <string_view>

namespace tcaplus_mock {

inline void log_net_error(std::string_view message) {
    std::string line = "tcaplus-mock: ";
    line += message;
    line += '\n';
    std::cerr << line << std::flush;
}

}  // namespace tcaplus_mock
