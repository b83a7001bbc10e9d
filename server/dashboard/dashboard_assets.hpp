#pragma once
// The dashboard's files as the control plane serves them (`GET /_mock/ui/<name>`): the page, its
// style sheet, its JavaScript modules and its icon, compiled into the binary from
// server/dashboard/web/, so the emulator needs no file beside it and the page fetches nothing from
// elsewhere. Thread safety: every function may be called from any thread.

#include <span>
#include <string_view>

namespace tcaplus_mock {

struct DashboardAsset {
    std::string_view name;          // a file name of web/, no folder: "index.html", "journal.js"
    std::string_view content_type;  // "text/html; charset=utf-8", "text/javascript; charset=utf-8"...
    std::string_view body;
};

// The page itself: the asset `GET /_mock/ui` answers.
inline constexpr std::string_view dashboard_page_name = "index.html";

// The asset named `name`, or nullptr. Points into static storage, valid for the life of the program.
const DashboardAsset* find_dashboard_asset(std::string_view name);

// Every asset.
std::span<const DashboardAsset> dashboard_assets();

}  // namespace tcaplus_mock
