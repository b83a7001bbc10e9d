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

const RegionFacts* region_facts(std::string_view region) {
    // Tencent Cloud's region numbers and short names (its console and older APIs use them).
    static constexpr RegionFacts facts[] = {
        {"ap-guangzhou", "gz", 1},      {"ap-shanghai", "sh", 4},       {"ap-nanjing", "nj", 33},
        {"ap-beijing", "bj", 8},        {"ap-chengdu", "cd", 16},       {"ap-chongqing", "cq", 19},
        {"ap-hongkong", "hk", 5},       {"ap-taipei", "tpe", 39},       {"ap-singapore", "sg", 9},
        {"ap-tokyo", "jp", 25},         {"ap-seoul", "kr", 18},         {"ap-bangkok", "th", 23},
        {"ap-mumbai", "in", 21},        {"ap-jakarta", "jkt", 72},      {"na-siliconvalley", "usw", 15},
        {"na-ashburn", "use", 22},      {"na-toronto", "ca", 6},        {"sa-saopaulo", "sao", 74},
        {"eu-frankfurt", "de", 17},     {"eu-moscow", "ru", 24},        {"ap-shanghai-fsi", "shjr", 7},
        {"ap-shenzhen-fsi", "szjr", 11}, {"ap-beijing-fsi", "bjjr", 46},
    };
    for (const auto& fact : facts)
        if (fact.id == region) return &fact;
    return nullptr;
}

bool is_region_id(std::string_view region) {
    const auto& ids = all_region_ids();
    return std::find(ids.begin(), ids.end(), region) != ids.end();
}

}  // namespace tcaplus_mock
