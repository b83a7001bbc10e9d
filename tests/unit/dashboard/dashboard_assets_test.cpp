// The dashboard's files as compiled in: each has its media type, the page names only files the
// dashboard has, nothing is fetched from elsewhere, and nothing the Content-Security-Policy forbids
// (inline script or style, handlers in attributes, markup built from text) is in them.

#include "server/dashboard/dashboard_assets.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace tcaplus_mock::testing {
namespace {

std::string text_of(std::string_view name) {
    const auto* asset = find_dashboard_asset(name);
    return asset == nullptr ? "" : std::string(asset->body);
}

// Every match of the first group of `pattern` in `text`.
std::set<std::string> captures(const std::string& text, const std::regex& pattern) {
    std::set<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) found.insert((*it)[1].str());
    return found;
}

TEST(DashboardAssets, EveryFileHasItsMediaType) {
    ASSERT_NE(find_dashboard_asset(dashboard_page_name), nullptr);
    for (const auto& asset : dashboard_assets()) {
        EXPECT_NE(asset.content_type, "application/octet-stream") << asset.name;
        EXPECT_FALSE(asset.body.empty()) << asset.name;
    }
    EXPECT_EQ(find_dashboard_asset("index.html")->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(find_dashboard_asset("no-such-file.js"), nullptr);
}

TEST(DashboardAssets, ThePageAndItsModulesNameOnlyFilesTheDashboardHas) {
    const std::regex page_reference(R"re((?:src|href)="/_mock/ui/([^"]+)")re");
    const std::regex module_import(R"re(from "\./([^"]+)")re");
    std::set<std::string> named = captures(text_of("index.html"), page_reference);
    EXPECT_TRUE(named.contains("main.js"));
    EXPECT_TRUE(named.contains("dashboard.css"));
    for (const auto& asset : dashboard_assets())
        if (asset.name.ends_with(".js"))
            for (const auto& imported : captures(std::string(asset.body), module_import)) named.insert(imported);
    for (const auto& name : named) EXPECT_NE(find_dashboard_asset(name), nullptr) << name;
}

TEST(DashboardAssets, NothingIsFetchedFromElsewhere) {
    const std::regex address(R"re(((?:https?:)?//[a-zA-Z0-9.-]+\.[a-z]{2,}))re");
    for (const auto& asset : dashboard_assets()) {
        for (const auto& found : captures(std::string(asset.body), address))
            EXPECT_EQ(found, "http://www.w3.org") << asset.name << " names " << found;  // the SVG namespace, never fetched
        EXPECT_EQ(std::string(asset.body).find("@import"), std::string::npos) << asset.name;
        EXPECT_EQ(std::string(asset.body).find("@font-face"), std::string::npos) << asset.name;
    }
}

TEST(DashboardAssets, NothingTheContentSecurityPolicyForbids) {
    const auto page = text_of("index.html");
    EXPECT_FALSE(std::regex_search(page, std::regex(R"(<script(?![^>]*\bsrc=))"))) << "inline script";
    EXPECT_EQ(page.find("<style"), std::string::npos);
    EXPECT_FALSE(std::regex_search(page, std::regex(R"(\sstyle=)"))) << "a style attribute";
    EXPECT_FALSE(std::regex_search(page, std::regex(R"(\son[a-z]+=)"))) << "a handler attribute";
    for (const auto& asset : dashboard_assets()) {
        if (!asset.name.ends_with(".js")) continue;
        const std::string code(asset.body);
        for (const char* banned : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                                   "setAttribute(\"style\""})
            EXPECT_EQ(code.find(banned), std::string::npos) << asset.name << " uses " << banned;
    }
}

}  // namespace
}  // namespace tcaplus_mock::testing
