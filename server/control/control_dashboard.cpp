// The dashboard's files, with the headers that keep the page to itself.

#include "server/control/control_plane.hpp"

#include "server/core/text.hpp"
#include "server/dashboard/dashboard_assets.hpp"

namespace tcaplus_mock {

namespace {

// The page loads its own files and calls its own origin, nothing else: no inline script or style, no
// plug-ins, no <base>, no form sent anywhere, and no other page may frame it.
constexpr std::string_view content_security_policy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

HttpResponse asset_answer(const DashboardAsset& asset) {
    HttpResponse response;
    response.headers = {{"Content-Type", std::string(asset.content_type)},
                        {"Cache-Control", "no-cache"},
                        {"Content-Security-Policy", std::string(content_security_policy)},
                        {"X-Content-Type-Options", "nosniff"},
                        {"Referrer-Policy", "no-referrer"},
                        {"X-Frame-Options", "DENY"}};
    response.body = std::string(asset.body);
    return response;
}

}  // namespace

boost::asio::awaitable<ControlReply> ControlPlane::dashboard(const HttpRequest&, std::string_view file) {
    const auto* asset = find_dashboard_asset(file.empty() ? dashboard_page_name : file);
    if (asset == nullptr) co_return not_found("the dashboard has no file `" + text::sanitize_utf8(file) + "`");
    co_return asset_answer(*asset);
}

}  // namespace tcaplus_mock
