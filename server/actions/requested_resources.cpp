#include "server/actions/requested_resources.hpp"

#include "server/actions/resource_catalog.hpp"
#include "server/actions/snapshots/snapshot_errors.hpp"

namespace tcaplus_mock {

Result<std::string> requested_cluster(const ActionContext& context) {
    std::string cluster_id(context.params.at("ClusterId").as_string());
    if (!context.resources.has_cluster(context.account, cluster_id)) return errors::cluster_not_found(cluster_id);
    // In place: ApiError, an aggregate, is constructible from a string too.
    return Result<std::string>(boost::system::in_place_value, std::move(cluster_id));
}

}  // namespace tcaplus_mock
