// The dashboard as the control plane serves it: the page and its files with their headers, what is
// refused, and how control.enabled and control.token apply to it; the index of /_mock/.

#include "server/dashboard/dashboard_assets.hpp"
#include "tests/support/emulator_fixture.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

Config dashboard_config(bool enabled = true, std::string token = "") {
    Config config = unsigned_config();
    config.control.enabled = enabled;
    config.control.token = std::move(token);
    return config;
}

class DashboardTest : public EmulatorFixture {
protected:
    explicit DashboardTest(Config config = dashboard_config()) : EmulatorFixture(std::move(config)) {}
};

void expect_page_headers(const Reply& reply, std::string_view content_type, const std::string& what) {
    EXPECT_EQ(reply.http.status, 200u) << what;
    EXPECT_EQ(reply.header("Content-Type"), content_type) << what;
    EXPECT_EQ(reply.header("Cache-Control"), "no-cache") << what;
    EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(reply.header("Referrer-Policy"), "no-referrer") << what;
    const auto policy = reply.header("Content-Security-Policy");
    EXPECT_TRUE(policy.starts_with("default-src 'self';")) << what << ": " << policy;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << what;
    EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << what;
}

TEST_F(DashboardTest, ThePageAndEachOfItsFilesAreServedWithTheirHeaders) {
    const auto page = call("GET", "/_mock/ui");
    expect_page_headers(page, "text/html; charset=utf-8", "/_mock/ui");
    EXPECT_NE(page.http.body.find(R"(<script type="module" src="/_mock/ui/main.js">)"), std::string::npos);
    ASSERT_FALSE(dashboard_assets().empty());
    for (const auto& asset : dashboard_assets()) {
        const auto reply = call("GET", "/_mock/ui/" + std::string(asset.name));
        expect_page_headers(reply, asset.content_type, std::string(asset.name));
        EXPECT_EQ(reply.http.body, asset.body) << asset.name;
    }
    EXPECT_EQ(call("GET", "/_mock/ui/main.js").header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(call("GET", "/_mock/ui/dashboard.css").header("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(DashboardTest, AFileTheDashboardDoesNotHaveIsA404JsonError) {
    for (const char* target : {"/_mock/ui/nothing.js", "/_mock/ui/web/index.html", "/_mock/ui/", "/_mock/ui/..%2Fcontrol"}) {
        const auto reply = call("GET", target);
        EXPECT_EQ(reply.http.status, 404u) << target;
        EXPECT_EQ(reply.header("Content-Type"), "application/json") << target;
        EXPECT_EQ(reply.object().at("error"), "NotFound") << target;
    }
    const auto posted = call("POST", "/_mock/ui");
    EXPECT_EQ(posted.http.status, 405u);
    EXPECT_EQ(posted.header("Allow"), "GET");
}

TEST_F(DashboardTest, TheIndexListsTheRoutesAndTheActionsAndLinksTheDashboard) {
    const auto index = call("GET", "/_mock/");
    ASSERT_EQ(index.http.status, 200u) << index.http.body;
    EXPECT_EQ(index.object().at("dashboard"), "/_mock/ui");
    const auto& routes = index.object().at("routes").as_array();
    EXPECT_NE(std::find(routes.begin(), routes.end(), json::value(json::object{{"method", "GET"}, {"path", "/_mock/resources"}})),
              routes.end());
    const auto& actions = index.object().at("actions").as_array();
    EXPECT_EQ(actions.size(), 52u);
    EXPECT_NE(std::find(actions.begin(), actions.end(), json::value("CreateSnapshots")), actions.end());

    const auto browser = call("GET", "/_mock/", "", {{"accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
    expect_page_headers(browser, "text/html; charset=utf-8", "the index as HTML");
    EXPECT_NE(browser.http.body.find(R"(<a href="/_mock/ui">Open the dashboard</a>)"), std::string::npos) << browser.http.body;
    EXPECT_NE(browser.http.body.find("<code>GET /_mock/resources</code>"), std::string::npos) << browser.http.body;
    EXPECT_EQ(call("GET", "/_mock/?colour=red").http.status, 400u) << "the index takes no query";
}

class ProtectedDashboardTest : public DashboardTest {
protected:
    ProtectedDashboardTest() : DashboardTest(dashboard_config(true, "s3cret-token")) {}
};

// The page holds no state: it loads without the token, asks for it, and sends it with every call.
TEST_F(ProtectedDashboardTest, ThePageLoadsWithoutTheTokenButWhatItReadsNeedsIt) {
    EXPECT_EQ(call("GET", "/_mock/ui").http.status, 200u);
    EXPECT_EQ(call("GET", "/_mock/ui/main.js").http.status, 200u);
    EXPECT_EQ(call("GET", "/_mock/").http.status, 200u);
    for (const char* target : {"/_mock/clock", "/_mock/accounts", "/_mock/resources?account=default", "/_mock/requests",
                               "/_mock/ui-not-a-page"}) {
        EXPECT_EQ(call("GET", target).http.status, 401u) << target;
        EXPECT_EQ(call("GET", target, "", {{"authorization", "Bearer s3cret-token"}}).http.status == 401u, false) << target;
    }
}

class DisabledDashboardTest : public DashboardTest {
protected:
    DisabledDashboardTest() : DashboardTest(dashboard_config(false)) {}
};

TEST_F(DisabledDashboardTest, WithTheControlPlaneOffThereIsNoDashboard) {
    for (const char* target : {"/_mock/ui", "/_mock/ui/main.js", "/_mock/", "/_mock/resources?account=default"}) {
        const auto reply = call("GET", target);
        EXPECT_EQ(reply.http.status, 404u) << target;
        EXPECT_NE(reply.http.body.find("switched off"), std::string::npos) << target;
    }
    EXPECT_EQ(call("GET", "/_mock/health").http.status, 200u);
}

}  // namespace
}  // namespace tcaplus_mock::testing
