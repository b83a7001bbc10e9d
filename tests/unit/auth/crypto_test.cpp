#include "server/auth/crypto.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tcaplus_mock::crypto {
namespace {

TEST(Crypto, Sha256HexMatchesFips180Examples) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, HmacSha256MatchesRfc4231) {
    // RFC 4231 test case 2.
    EXPECT_EQ(hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(hmac_sha256("Jefe", "x").size(), 32u);
}

TEST(Crypto, HmacSha1MatchesRfc2202) {
    // RFC 2202 test case 2.
    EXPECT_EQ(hex(hmac_sha1("Jefe", "what do ya want for nothing?")), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    EXPECT_EQ(hmac_sha1("Jefe", "x").size(), 20u);
}

TEST(Crypto, HmacAcceptsAnEmptyKey) {
    // openssl dgst -sha256 -hmac '' </dev/null
    EXPECT_EQ(hex(hmac_sha256("", "")), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(Crypto, HexIsLowercaseAndKeepsEveryByte) {
    EXPECT_EQ(hex(std::string("\x00\xff\x10\xAB", 4)), "00ff10ab");
    EXPECT_EQ(hex(""), "");
}

TEST(Crypto, ConstantTimeEqualComparesWholeStrings) {
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_TRUE(constant_time_equal("abc", "abc"));
    EXPECT_FALSE(constant_time_equal("abc", "abd"));
    EXPECT_FALSE(constant_time_equal("abc", "ab"));
    EXPECT_FALSE(constant_time_equal("", "a"));
    EXPECT_TRUE(constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
    EXPECT_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace tcaplus_mock::crypto
