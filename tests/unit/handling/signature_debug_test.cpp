// A signature that does not match shows what the emulator signed, never a key.

#include "tests/support/emulator_fixture.hpp"

#include "server/auth/crypto.hpp"
#include "server/auth/tc3_signature.hpp"

namespace tcaplus_mock::testing {
namespace {

Config signed_config(bool debug) {
    Config config = unsigned_config();
    config.auth.mode = AuthMode::strict;
    config.auth.credentials = {{"AKIDexample", "the-secret-key", "", ""}};
    config.auth.debug = debug;
    return config;
}

// The seed request signed with TC3 by `secret_key` at the fixture's clock.
HttpRequest signed_seed(const std::string& secret_key) {
    auto request = EmulatorFixture::json_request(seed_body());
    sign_tc3(request, "AKIDexample", secret_key, unix_seconds(fixed_now()));
    return request;
}

std::string header_of(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return "";
}

class SignatureDebugTest : public EmulatorFixture {
protected:
    SignatureDebugTest() : EmulatorFixture(signed_config(true)) {}
};

TEST_F(SignatureDebugTest, ARightSignatureCreatesTheSnapshot) {
    const auto reply = send(signed_seed("the-secret-key"));
    EXPECT_EQ(reply.error_code(), "");
    EXPECT_EQ(header_of(reply.http, "X-TC-Mock-String-To-Sign"), "");
}

TEST_F(SignatureDebugTest, AWrongSignatureShowsTheStringToSignButNoKey) {
    const auto reply = send(signed_seed("a-wrong-key"));
    EXPECT_EQ(reply.error_code(), "AuthFailure.SignatureFailure");
    const auto string_to_sign = header_of(reply.http, "X-TC-Mock-String-To-Sign");
    const auto canonical = header_of(reply.http, "X-TC-Mock-Canonical-Request");
    EXPECT_EQ(string_to_sign.rfind("TC3-HMAC-SHA256\\n", 0), 0u) << string_to_sign;
    EXPECT_NE(canonical.find("content-type:application/json"), std::string::npos) << canonical;
    for (const auto& shown : {string_to_sign, canonical, reply.http.body})
        EXPECT_EQ(shown.find("the-secret-key"), std::string::npos);
    EXPECT_EQ(stored_count(), 0u);
}

TEST(SignatureDebugOff, NoDebugHeadersWhenTurnedOff) {
    struct Fixture : EmulatorFixture {
        Fixture() : EmulatorFixture(signed_config(false)) {}
        void TestBody() override {}
        HttpResponse wrong() { return send(signed_seed("a-wrong-key")).http; }
    } fixture;
    const auto response = fixture.wrong();
    EXPECT_EQ(header_of(response, "X-TC-Mock-String-To-Sign"), "");
    EXPECT_NE(response.body.find("AuthFailure.SignatureFailure"), std::string::npos);
}

}  // namespace
}  // namespace tcaplus_mock::testing
