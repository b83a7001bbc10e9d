#include "server/actions/snapshot_errors.hpp"

#include "server/core/api_errors.hpp"

#include <string>

namespace tcaplus_mock::errors {

ApiError cluster_not_found(std::string_view cluster_id) {
    return make("ResourceNotFound", "The cluster " + quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 不存在。");
}

ApiError table_not_found(std::string_view cluster_id, std::string_view table_group_id, std::string_view table_name) {
    return make("ResourceNotFound",
                "The table " + quoted(table_name) + " in table group " + quoted(table_group_id) + " of cluster " +
                    quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 的表格组 " + quoted(table_group_id) + " 中不存在表 " +
                    quoted(table_name) + "。");
}

ApiError snapshot_already_exists(std::string_view table_group_id, std::string_view table_name,
                                 std::string_view snapshot_name) {
    return make("FailedOperation",
                "The snapshot " + quoted(snapshot_name) + " of table " + quoted(table_name) + " in table group " +
                    quoted(table_group_id) + " already exists.",
                "表格组 " + quoted(table_group_id) + " 中表 " + quoted(table_name) + " 的快照 " +
                    quoted(snapshot_name) + " 已存在。");
}

ApiError snapshot_limit_exceeded(std::string_view table_group_id, std::string_view table_name, std::size_t limit) {
    const auto cap = std::to_string(limit);
    return make("LimitExceeded",
                "The table " + quoted(table_name) + " in table group " + quoted(table_group_id) +
                    " already has the maximum of " + quoted(cap) + " snapshots.",
                "表格组 " + quoted(table_group_id) + " 中表 " + quoted(table_name) + " 的快照数量已达上限 " +
                    quoted(cap) + "。");
}

}  // namespace tcaplus_mock::errors
