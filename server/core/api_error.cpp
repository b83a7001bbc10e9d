#include "server/core/api_error.hpp"

#include <stdexcept>

namespace tcaplus_mock {

void throw_exception_from_error(const ApiError& error, const boost::source_location&) {
    throw std::runtime_error(error.code + ": " + error.message.en);
}

}  // namespace tcaplus_mock
