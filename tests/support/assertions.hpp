#pragma once
// Assertions that say what differs when they fail.

#include "server/core/api_error.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace tcaplus_mock::testing {

// EXPECT_TRUE(contains(error.what(), "...")) shows both strings when it fails.
inline ::testing::AssertionResult contains(std::string_view text, std::string_view part) {
    if (text.find(part) != std::string_view::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "`" << text << "` does not contain `" << part << "`";
}

// Whether two ApiErrors carry the same code and the same text in both languages.
inline ::testing::AssertionResult same_error(const ApiError& actual, const ApiError& expected) {
    if (actual.code == expected.code && actual.message.en == expected.message.en &&
        actual.message.zh == expected.message.zh)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "got " << actual.code << ": " << actual.message.en << "\nwanted "
                                         << expected.code << ": " << expected.message.en;
}

}  // namespace tcaplus_mock::testing
