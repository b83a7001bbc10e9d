#include "server/actions/clusters/cluster_actions.hpp"

namespace tcaplus_mock {

boost::asio::awaitable<Result<boost::json::object>> describe_uin_in_whitelist(const ActionContext& context) {
    co_return boost::json::object({{"Result", "TRUE"}}, context.memory);
}

}  // namespace tcaplus_mock
