#pragma once
// Helpers shared by the protocol tests.

#include "server/core/api_error.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock {

// Whether two ApiErrors carry the same code and the same text in both languages.
inline testing::AssertionResult same_error(const ApiError& actual, const ApiError& expected) {
    if (actual.code == expected.code && actual.message.en == expected.message.en &&
        actual.message.zh == expected.message.zh)
        return testing::AssertionSuccess();
    return testing::AssertionFailure() << "got " << actual.code << ": " << actual.message.en << "\nwanted "
                                       << expected.code << ": " << expected.message.en;
}

}  // namespace tcaplus_mock
