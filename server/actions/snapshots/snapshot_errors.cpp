#include "server/actions/snapshots/snapshot_errors.hpp"

#include "server/core/api_errors.hpp"

#include <string>

namespace tcaplus_mock::errors {

namespace {

// "snapshot `s` of table `t` in table group `g`", and its Chinese form.
std::string snapshot_en(std::string_view group, std::string_view table, std::string_view name) {
    return "snapshot " + quoted(name) + " of table " + quoted(table) + " in table group " + quoted(group);
}

std::string snapshot_zh(std::string_view group, std::string_view table, std::string_view name) {
    return "表格组 " + quoted(group) + " 中表 " + quoted(table) + " 的快照 " + quoted(name);
}

}  // namespace

ApiError snapshot_not_found(std::string_view table_group_id, std::string_view table_name,
                            std::string_view snapshot_name) {
    return make("ResourceNotFound",
                "The " + snapshot_en(table_group_id, table_name, snapshot_name) + " does not exist.",
                snapshot_zh(table_group_id, table_name, snapshot_name) + " 不存在。");
}

ApiError snapshot_in_use(std::string_view table_group_id, std::string_view table_name, std::string_view snapshot_name) {
    return make("ResourceInUse",
                "The " + snapshot_en(table_group_id, table_name, snapshot_name) +
                    " is in use by a running import and cannot be deleted.",
                snapshot_zh(table_group_id, table_name, snapshot_name) + " 正被导入任务使用，无法删除。");
}

ApiError snapshot_unavailable(std::string_view table_group_id, std::string_view table_name,
                              std::string_view snapshot_name, std::string_view state_en, std::string_view state_zh) {
    return make("ResourceUnavailable",
                "The " + snapshot_en(table_group_id, table_name, snapshot_name) + " " + std::string(state_en) +
                    " and cannot be imported.",
                snapshot_zh(table_group_id, table_name, snapshot_name) + std::string(state_zh) + "，无法导入。");
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
