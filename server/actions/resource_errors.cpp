#include "server/actions/resource_errors.hpp"

#include "server/core/api_errors.hpp"

#include <string>

namespace tcaplus_mock::errors {

ApiError cluster_not_found(std::string_view cluster_id) {
    return make("ResourceNotFound", "The cluster " + quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 不存在。");
}

ApiError table_group_not_found(std::string_view cluster_id, std::string_view table_group_id) {
    return make("ResourceNotFound",
                "The table group " + quoted(table_group_id) + " of cluster " + quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 中不存在表格组 " + quoted(table_group_id) + "。");
}

ApiError table_not_found(std::string_view cluster_id, std::string_view table_group_id, std::string_view table_name) {
    return make("ResourceNotFound",
                "The table " + quoted(table_name) + " in table group " + quoted(table_group_id) + " of cluster " +
                    quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 的表格组 " + quoted(table_group_id) + " 中不存在表 " +
                    quoted(table_name) + "。");
}

ApiError table_instance_not_found(std::string_view cluster_id, std::string_view instance_id) {
    return make("ResourceNotFound",
                "The table " + quoted(instance_id) + " of cluster " + quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 中不存在表 " + quoted(instance_id) + "。");
}

ApiError cluster_in_other_region(std::string_view cluster_id, std::string_view cluster_region,
                                 std::string_view request_region) {
    return make("FailedOperation.RegionMismatch",
                "The cluster " + quoted(cluster_id) + " is in region " + quoted(cluster_region) +
                    ", not in the request's region " + quoted(request_region) + ".",
                "请求的地域不匹配：集群 " + quoted(cluster_id) + " 位于地域 " + quoted(cluster_region) + "，而非 " +
                    quoted(request_region) + "。");
}

ApiError table_already_exists(std::string_view cluster_id, std::string_view table_group_id,
                              std::string_view table_name) {
    return make("FailedOperation",
                "The table " + quoted(table_name) + " already exists in table group " + quoted(table_group_id) +
                    " of cluster " + quoted(cluster_id) + ".",
                "集群 " + quoted(cluster_id) + " 的表格组 " + quoted(table_group_id) + " 中已存在表 " +
                    quoted(table_name) + "。");
}

ApiError table_in_recycle_bin(std::string_view table_group_id, std::string_view table_name) {
    return make("FailedOperation",
                "The table " + quoted(table_name) + " of table group " + quoted(table_group_id) +
                    " is in the recycle bin; recover it first (RecoverRecycleTables).",
                "表格组 " + quoted(table_group_id) + " 的表 " + quoted(table_name) + " 在回收站中，请先恢复。");
}

ApiError table_not_in_recycle_bin(std::string_view table_group_id, std::string_view table_name) {
    return make("FailedOperation",
                "The table " + quoted(table_name) + " of table group " + quoted(table_group_id) +
                    " is not in the recycle bin.",
                "表格组 " + quoted(table_group_id) + " 的表 " + quoted(table_name) + " 不在回收站中。");
}

ApiError table_instance_mismatch(std::string_view table_group_id, std::string_view table_name,
                                 std::string_view instance_id) {
    return make("ResourceNotFound",
                "The table " + quoted(table_name) + " of table group " + quoted(table_group_id) +
                    " is not the table instance " + quoted(instance_id) + ".",
                "表格组 " + quoted(table_group_id) + " 的表 " + quoted(table_name) + " 不是表实例 " +
                    quoted(instance_id) + "。");
}

ApiError declared_in_configuration(std::string_view what_en, std::string_view what_zh) {
    return make("FailedOperation",
                "The " + std::string(what_en) +
                    " is declared in the emulator's configuration (resources.clusters) and cannot be deleted.",
                std::string(what_zh) + " 由模拟器配置（resources.clusters）声明，不能删除。");
}

ApiError cluster_in_use(std::string_view cluster_id, std::size_t table_groups) {
    const auto count = std::to_string(table_groups);
    return make("ResourceInUse",
                "The cluster " + quoted(cluster_id) + " still holds " + quoted(count) +
                    " table groups; delete its tables and table groups first.",
                "集群 " + quoted(cluster_id) + " 仍有 " + quoted(count) + " 个表格组，请先删除其中的表和表格组。");
}

ApiError table_group_in_use(std::string_view cluster_id, std::string_view table_group_id, std::size_t tables) {
    const auto count = std::to_string(tables);
    return make("ResourceInUse",
                "The table group " + quoted(table_group_id) + " of cluster " + quoted(cluster_id) + " still holds " +
                    quoted(count) + " tables (the recycle bin included); delete them first.",
                "集群 " + quoted(cluster_id) + " 的表格组 " + quoted(table_group_id) + " 仍有 " + quoted(count) +
                    " 张表（含回收站），请先删除。");
}

}  // namespace tcaplus_mock::errors
