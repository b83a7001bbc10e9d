#include "server/actions/clusters/cluster_actions.hpp"

#include "server/core/regions.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> describe_regions(const ActionContext& context) {
    const auto& offered = context.config.api.regions;
    json::array regions(context.memory);
    for (const auto id : all_region_ids()) {
        if (!offered.empty() && std::find(offered.begin(), offered.end(), id) == offered.end()) continue;
        const auto* facts = region_facts(id);
        regions.push_back(json::object({{"RegionName", id},
                                        {"RegionAbbr", facts ? facts->abbr : std::string_view()},
                                        {"RegionId", facts ? facts->number : 0u},
                                        {"Ipv6Enable", 1}},
                                       context.memory));
    }
    co_return json::object({{"TotalCount", regions.size()}, {"RegionInfos", std::move(regions)}}, context.memory);
}

}  // namespace tcaplus_mock
