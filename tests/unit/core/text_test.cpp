#include "server/core/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tcaplus_mock::text {
namespace {

TEST(Text, TrimBlanksRemovesSpacesAndTabsOnly) {
    EXPECT_EQ(trim_blanks(" \t a b \t"), "a b");
    EXPECT_EQ(trim_blanks(" \t "), "");
    EXPECT_EQ(trim_blanks("\na\r"), "\na\r");
}

TEST(Text, CaseFoldingIsAsciiOnly) {
    EXPECT_EQ(lowercase("Content-TYPE"), "content-type");
    EXPECT_EQ(lowercase("\xc3\x89"), "\xc3\x89");
    EXPECT_TRUE(iequals("Application/JSON", "application/json"));
    EXPECT_FALSE(iequals("application/json ", "application/json"));
}

TEST(Text, AllDigits) {
    EXPECT_TRUE(all_digits("0123"));
    EXPECT_FALSE(all_digits(""));
    EXPECT_FALSE(all_digits("12a"));
    EXPECT_FALSE(all_digits("-1"));
}

struct Utf8Case {
    const char* name;
    std::string bytes;
    bool valid;
    std::string sanitized;
};

TEST(Text, Utf8ValidationAndReplacement) {
    const std::string fffd = "\xef\xbf\xbd";
    const Utf8Case cases[] = {
        {"ascii", "fz-749", true, "fz-749"},
        {"two bytes", "\xc3\xa9", true, "\xc3\xa9"},
        {"chinese", "\xe5\xbf\xab\xe7\x85\xa7", true, "\xe5\xbf\xab\xe7\x85\xa7"},
        {"four bytes", "\xf0\x9f\x98\x80", true, "\xf0\x9f\x98\x80"},
        {"stray continuation", "fz-\xf9" "749", false, "fz-" + fffd + "749"},
        {"overlong slash", "\xc0\xaf", false, fffd + fffd},
        {"surrogate", "\xed\xa0\x80", false, fffd + fffd + fffd},
        {"above U+10FFFF", "\xf4\x90\x80\x80", false, fffd + fffd + fffd + fffd},
        {"truncated", "a\xe5\xbf", false, "a" + fffd + fffd},
        {"NUL is valid", std::string("a\0b", 3), true, std::string("a\0b", 3)},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(is_valid_utf8(c.bytes), c.valid) << c.name;
        EXPECT_EQ(sanitize_utf8(c.bytes), c.sanitized) << c.name;
        EXPECT_TRUE(is_valid_utf8(sanitize_utf8(c.bytes))) << c.name;
    }
}

TEST(Text, Utf8PrefixNeverCutsACharacter) {
    const std::string text = "ab\xe5\xbf\xab";  // "ab" + one 3-byte character
    EXPECT_EQ(utf8_prefix(text, 10), text);
    EXPECT_EQ(utf8_prefix(text, 5), text);
    EXPECT_EQ(utf8_prefix(text, 4), "ab");
    EXPECT_EQ(utf8_prefix(text, 3), "ab");
    EXPECT_EQ(utf8_prefix(text, 2), "ab");
    EXPECT_EQ(utf8_prefix(text, 1), "a");
}

}  // namespace
}  // namespace tcaplus_mock::text
