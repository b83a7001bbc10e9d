#include "server/auth/signing_host.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

struct HostCase {
    const char* header;
    const char* as_sent;
    const char* without_port;  // nullptr: no port to drop
};

TEST(SigningHosts, DropsOnlyANumericPort) {
    const HostCase cases[] = {
        {"127.0.0.1:8023", "127.0.0.1:8023", "127.0.0.1"},
        {"localhost:8023", "localhost:8023", "localhost"},
        {"tcaplusdb.tencentcloudapi.com", "tcaplusdb.tencentcloudapi.com", nullptr},
        {"  cvm.tencentcloudapi.com:443\t", "cvm.tencentcloudapi.com:443", "cvm.tencentcloudapi.com"},
        {"[::1]:8023", "[::1]:8023", "[::1]"},
        {"[::1]", "[::1]", nullptr},
        {"::1", "::1", nullptr},
        {"fe80::1:8023", "fe80::1:8023", nullptr},
        {"host:", "host:", nullptr},
        {"host:80a", "host:80a", nullptr},
        {":8023", ":8023", nullptr},
        {"", "", nullptr},
    };
    for (const auto& c : cases) {
        const SigningHosts hosts = signing_hosts(c.header);
        EXPECT_EQ(hosts.as_sent, c.as_sent) << c.header;
        if (c.without_port == nullptr) {
            EXPECT_FALSE(hosts.without_port.has_value()) << c.header;
        } else {
            ASSERT_TRUE(hosts.without_port.has_value()) << c.header;
            EXPECT_EQ(*hosts.without_port, c.without_port) << c.header;
        }
    }
}

}  // namespace
}  // namespace tcaplus_mock::testing
