#pragma once
// The rules of a table group's name and id, and how a group is shown (TableGroupInfo).

#include "server/actions/action_context.hpp"
#include "server/actions/resource_directory.hpp"

#include <boost/json/object.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

// InvalidParameterValue.InvalidTableGroupName unless 1 to 32 characters.
std::optional<ApiError> check_table_group_name(std::string_view name);
// ResourceUnavailable.DuplicateTableGroupName when another group of the cluster has the name.
std::optional<ApiError> check_name_free(ResourceDirectory& directory, std::string_view cluster_id,
                                        std::string_view name, std::string_view except_id = {});

// What a group's TableCount and TotalSize count: its running tables and the sum of their TableSize.
struct TableGroupTotals {
    std::size_t tables = 0;
    std::int64_t size = 0;
};

// The totals of every group of a cluster that holds running tables, by TableGroupId.
std::map<std::string, TableGroupTotals, std::less<>> table_group_totals(ResourceDirectory& directory,
                                                                        std::string_view cluster_id);

// TableGroupInfo of `group`.
boost::json::object table_group_info(const storage::TableGroupRecord& group, const TableGroupTotals& totals,
                                     std::int64_t backup_expire_day, const ActionContext& context);

}  // namespace tcaplus_mock
