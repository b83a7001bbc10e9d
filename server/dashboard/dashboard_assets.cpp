#include "server/dashboard/dashboard_assets.hpp"

#include "server/dashboard/embedded_dashboard.hpp"

#include <algorithm>
#include <vector>

namespace tcaplus_mock {
namespace {

struct MediaType {
    std::string_view extension;
    std::string_view content_type;
};

constexpr MediaType media_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
};

std::string_view content_type_of(std::string_view name) {
    for (const auto& [extension, content_type] : media_types)
        if (name.ends_with(extension)) return content_type;
    return "application/octet-stream";
}

const std::vector<DashboardAsset>& catalog() {
    static const std::vector<DashboardAsset> assets = [] {
        std::vector<DashboardAsset> built;
        for (const auto& file : embedded_dashboard_files())
            built.push_back({file.name, content_type_of(file.name), file.text});
        return built;
    }();
    return assets;
}

}  // namespace

const DashboardAsset* find_dashboard_asset(std::string_view name) {
    const auto& assets = catalog();
    const auto found = std::find_if(assets.begin(), assets.end(), [&](const auto& asset) { return asset.name == name; });
    return found == assets.end() ? nullptr : &*found;
}

std::span<const DashboardAsset> dashboard_assets() { return catalog(); }

}  // namespace tcaplus_mock
