#include "server/core/encodings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace tcaplus_mock::encodings {
namespace {

const std::pair<std::string, std::string> rfc4648_cases[] = {
    {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}, {"\xfb\xff", "+/8="},
};

TEST(Encodings, Base64MatchesRfc4648BothWays) {
    for (const auto& [bytes, text] : rfc4648_cases) {
        EXPECT_EQ(base64_encode(bytes), text) << bytes;
        EXPECT_EQ(base64_decode(text), bytes) << text;
    }
    EXPECT_EQ(base64_decode("AAA="), std::string("\0\0", 2));
}

TEST(Encodings, Base64DecodeRefusesAnythingButWellFormedBase64) {
    for (const char* text : {"Zg", "Zg=", "Z===", "Zm9v YmFy", "Zm9v\nYmFy", "Zm=v", "Zm9v-_8=", "message a {}"})
        EXPECT_EQ(base64_decode(text), std::nullopt) << text;
}

TEST(Encodings, PercentDecodeReadsFormEncoding) {
    EXPECT_EQ(percent_decode("a+b%2Bc%20d%E4%BD%A0"), "a b+c d\xe4\xbd\xa0");
    EXPECT_EQ(percent_decode("100%"), std::nullopt);
    EXPECT_EQ(percent_decode("%zz"), std::nullopt);
}

TEST(Encodings, PercentEncodeKeepsOnlyUnreservedBytes) {
    EXPECT_EQ(percent_encode("syntax = \"proto3\";\n"), "syntax%20%3D%20%22proto3%22%3B%0A");
    EXPECT_EQ(percent_encode("A-z_0.9~"), "A-z_0.9~");
    EXPECT_EQ(percent_decode(percent_encode("a+b c\xff")), "a+b c\xff");
}

}  // namespace
}  // namespace tcaplus_mock::encodings
