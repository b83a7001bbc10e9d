// The dashboard's files, and the index page a browser gets at /_mock/, with the headers that keep
// the page to itself.

#include "server/control/control_plane.hpp"

#include "server/core/text.hpp"
#include "server/core/version.hpp"
#include "server/dashboard/dashboard_assets.hpp"

namespace tcaplus_mock {

namespace {

// The page loads its own files and calls its own origin, nothing else: no inline script or style, no
// plug-ins, no <base>, no form sent anywhere, and no other page may frame it.
constexpr std::string_view content_security_policy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

HttpResponse page_answer(std::string_view content_type, std::string body) {
    HttpResponse response;
    response.headers = {{"Content-Type", std::string(content_type)},
                        {"Cache-Control", "no-cache"},
                        {"Content-Security-Policy", std::string(content_security_policy)},
                        {"X-Content-Type-Options", "nosniff"},
                        {"Referrer-Policy", "no-referrer"},
                        {"X-Frame-Options", "DENY"}};
    response.body = std::move(body);
    return response;
}

// Text as HTML content or an attribute value.
std::string html_escaped(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

}  // namespace

boost::asio::awaitable<ControlReply> ControlPlane::dashboard(const HttpRequest&, std::string_view file) {
    const auto* asset = find_dashboard_asset(file.empty() ? dashboard_page_name : file);
    if (asset == nullptr) co_return not_found("the dashboard has no file `" + text::sanitize_utf8(file) + "`");
    co_return page_answer(asset->content_type, std::string(asset->body));
}

HttpResponse ControlPlane::index_page() {
    std::string routes;
    for (const auto& name : route_names()) routes += "<li><code>" + html_escaped(name) + "</code></li>\n";
    std::string page =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>tcaplus-mock control plane</title>\n"
        "<link rel=\"icon\" href=\"/_mock/ui/icon.svg\" type=\"image/svg+xml\">\n"
        "<link rel=\"stylesheet\" href=\"/_mock/ui/dashboard.css\">\n</head>\n<body>\n"
        "<main class=\"index-page panel\">\n<h1>tcaplus-mock control plane</h1>\n"
        "<p class=\"index-lead\"><a href=\"/_mock/ui\">Open the dashboard</a></p>\n"
        "<p>Version " + html_escaped(version) + ". The paths of the control plane (JSON in and out; a client that "
        "does not ask for HTML gets this index as JSON):</p>\n<ul class=\"index-routes\">\n" + routes + "</ul>\n"
        "</main>\n</body>\n</html>\n";
    return page_answer("text/html; charset=utf-8", std::move(page));
}

}  // namespace tcaplus_mock
