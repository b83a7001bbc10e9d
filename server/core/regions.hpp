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

}  // namespace tcaplus_mock
