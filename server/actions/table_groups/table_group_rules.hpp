#pragma once
// The rules of a table group's name and id, and how a group is shown (TableGroupInfo).

#include "server/actions/action_context.hpp"
#include "server/actions/resource_directory.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string_view>

namespace tcaplus_mock {

// InvalidParameterValue.InvalidTableGroupName unless 1 to 32 characters.
std::optional<ApiError> check_table_group_name(std::string_view name);
// ResourceUnavailable.DuplicateTableGroupName when another group of the cluster has the name.
std::optional<ApiError> check_name_free(ResourceDirectory& directory, std::string_view cluster_id,
                                        std::string_view name, std::string_view except_id = {});

// TableGroupInfo of `group`, with its tables counted.
boost::json::object table_group_info(const storage::TableGroupRecord& group, ResourceDirectory& directory,
                                     const ActionContext& context);

}  // namespace tcaplus_mock
