#include "server/actions/clusters/cluster_actions.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// A machine pool: its servers and proxies, one of each machine type.
json::object pool(std::int64_t uid, std::int64_t ipv6, const json::storage_ptr& memory) {
    json::array servers(memory), proxies(memory);
    for (const char* type : {"T1", "T2"}) {
        const auto suffix = "-" + std::to_string(uid) + "-" + type;
        servers.push_back(json::object({{"ServerUid", "server" + suffix}, {"MachineType", type}}, memory));
        proxies.push_back(json::object({{"ProxyUid", "proxy" + suffix}, {"MachineType", type}, {"AvailableCount", 100}},
                                       memory));
    }
    return json::object({{"PoolUid", uid},
                         {"Ipv6Enable", ipv6},
                         {"AvailableAppCount", 100},
                         {"ServerList", std::move(servers)},
                         {"ProxyList", std::move(proxies)}},
                        memory);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_machine(const ActionContext& context) {
    const bool ipv6_only = context.params.contains("Ipv6Enable") && context.params.at("Ipv6Enable").as_int64() == 1;
    json::array pools(context.memory);
    if (!ipv6_only) pools.push_back(pool(1, 0, context.memory));
    pools.push_back(pool(2, 1, context.memory));
    co_return json::object({{"PoolList", std::move(pools)}}, context.memory);
}

}  // namespace tcaplus_mock
