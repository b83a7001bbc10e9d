#include "server/actions/table_groups/table_group_rules.hpp"

#include "server/actions/response_values.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/text.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

std::optional<ApiError> check_table_group_name(std::string_view name) {
    const auto length = text::utf8_length(name);
    if (length > 0 && length <= 32) return std::nullopt;
    return errors::make("InvalidParameterValue.InvalidTableGroupName",
                        "The table group name " + errors::quoted_value(name) + " is not valid. Expected 1 to 32 characters.",
                        "非法的表格组名称 " + errors::quoted_value(name) + "，应为 1 到 32 个字符。", "TableGroupName");
}

std::optional<ApiError> check_name_free(ResourceDirectory& directory, std::string_view cluster_id,
                                        std::string_view name, std::string_view except_id) {
    for (const auto& group : directory.table_groups(cluster_id))
        if (group.record.name == name && group.record.table_group_id != except_id)
            return errors::make("ResourceUnavailable.DuplicateTableGroupName",
                                "The cluster " + errors::quoted(cluster_id) + " already has a table group named " +
                                    errors::quoted_value(name) + ".",
                                "集群 " + errors::quoted(cluster_id) + " 中已有名为 " + errors::quoted_value(name) +
                                    " 的表格组。",
                                "TableGroupName");
    return std::nullopt;
}

std::map<std::string, TableGroupTotals, std::less<>> table_group_totals(ResourceDirectory& directory,
                                                                        std::string_view cluster_id) {
    std::map<std::string, TableGroupTotals, std::less<>> totals;
    for (const auto& [table, stored] : directory.tables(cluster_id)) {
        if (table.recycled) continue;
        auto& group = totals[table.table_group_id];
        ++group.tables;
        group.size += table.table_size;
    }
    return totals;
}

json::object table_group_info(const storage::TableGroupRecord& group, const TableGroupTotals& totals,
                              std::int64_t backup_expire_day, const ActionContext& context) {
    return json::object({{"TableGroupId", group.table_group_id},
                         {"TableGroupName", group.name},
                         {"CreatedTime", datetime_value(group.created_time, context.config.api.utc_offset, context.memory)},
                         {"TableCount", totals.tables},
                         {"TotalSize", totals.size},
                         {"TxhBackupExpireDay", backup_expire_day},
                         {"EnableMysql", 0},
                         {"MysqlConnIp", ""},
                         {"MysqlConnPort", 0}},
                        context.memory);
}

}  // namespace tcaplus_mock
