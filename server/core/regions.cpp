#include "server/core/regions.hpp"

#include <algorithm>

namespace tcaplus_mock {

const std::vector<std::string_view>& all_region_ids() {
    static const std::vector<std::string_view> ids = {
        // Mainland China, Hong Kong and Taipei
        "ap-guangzhou", "ap-shanghai", "ap-nanjing", "ap-beijing", "ap-chengdu", "ap-chongqing",
        "ap-hongkong", "ap-taipei",
        // Asia Pacific
        "ap-singapore", "ap-tokyo", "ap-seoul", "ap-bangkok", "ap-mumbai", "ap-jakarta",
        // Americas and Europe
        "na-siliconvalley", "na-ashburn", "na-toronto", "sa-saopaulo", "eu-frankfurt", "eu-moscow",
        // Finance zones (opened to financial institutions on request)
        "ap-shanghai-fsi", "ap-shenzhen-fsi", "ap-beijing-fsi",
    };
    return ids;
}

bool is_region_id(std::string_view region) {
    const auto& ids = all_region_ids();
    return std::find(ids.begin(), ids.end(), region) != ids.end();
}

}  // namespace tcaplus_mock
