#pragma once
// The region ids of Tencent Cloud (`ap-guangzhou`, `na-siliconvalley`, `ap-shanghai-fsi`...): what
// a well-formed `X-TC-Region` / `Region` may hold. Which of them the service is offered in is
// configuration (Config::api.regions), not this list.

#include <string_view>
#include <vector>

namespace tcaplus_mock {

// True when `region` is exactly one of all_region_ids(); case-sensitive, as the API is.
bool is_region_id(std::string_view region);

// Every region id, mainland China first, then the rest of the world, then the finance zones.
// The views point at static storage; safe to call from any thread.
const std::vector<std::string_view>& all_region_ids();

// What DescribeRegions says of a region: Tencent Cloud's short name and numeric id for it.
struct RegionFacts {
    std::string_view id;    // ap-guangzhou
    std::string_view abbr;  // gz
    unsigned number;        // 1
};

// The facts of `region`, or nullptr when it is not a region id.
const RegionFacts* region_facts(std::string_view region);

}  // namespace tcaplus_mock
