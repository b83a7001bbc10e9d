#pragma once
// What the table actions share: finding the table an item names, running a change over every item of
// a list parameter into TableResults (table_actions.hpp says their form), and the TableInfoNew of a
// table.

#include "server/actions/action_context.hpp"
#include "server/actions/resource_directory.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

enum class TableState { running, recycled, either };

// The table `item` names in `cluster_id` ({TableGroupId, TableName, TableInstanceId?}), in `wanted`
// state: ResourceNotFound, or FailedOperation for a table in the other state.
Result<Found<storage::TableRecord>> find_item_table(ResourceDirectory& directory, std::string_view cluster_id,
                                                    const boost::json::object& item, TableState wanted);

// On the writer: find_item_table, then the table stored if it existed by name only (keep_table), so
// that the caller may change it and put it back.
Result<storage::TableRecord> take_item_table(ResourceDirectory& directory, std::string_view cluster_id,
                                             const boost::json::object& item, TableState wanted);

// On the writer: records the task `type` ("ClearTables") about `table`; Content "<account> <what>
// of Cluster(..) TableGroup(..), InstanceId .., <detail>, owner <account>".
std::string record_table_task(storage::Repository& repository, const ActionContext& context, std::string_view type,
                              std::string_view what, const storage::TableRecord& table, std::string_view detail = {});

// On the writer: the cluster's Kafka settings (DataFlowStatus, KafkaInfo) go once no table of it has a
// data flow (table_data_flow.cpp).
void forget_kafka_unless_used(storage::Repository& repository, const ActionContext& context, std::string_view cluster_id);

// What an item's change did: the table as it now is, and the tasks it started (one, or two for quotas).
struct TableChange {
    storage::TableRecord table;
    std::vector<std::string> task_ids;
    bool task_ids_as_list = false;  // TaskId null and TaskIds the list (ModifyTableQuotas)
};

using ItemChange = std::function<Result<TableChange>(const boost::json::object& item, const std::string& path)>;

// Where an action that may need approval files its applications: the writer's repository and the
// request's cluster (approvals/applications.hpp).
struct ApprovalScope {
    storage::Repository& repository;
    ResourceDirectory& directory;
    const storage::ClusterRecord& cluster;
};

// {TotalCount, TableResults}: `change` applied to each item of the list parameter `list`, in order.
// The item fault for its TableName, if any, fails an item before `change` sees it. With `approval`,
// when the cluster is under approval for the action, each item files an application instead
// (TaskId null, ApplicationId its id).
boost::json::object table_results(const ActionContext& context, std::string_view list, const ItemChange& change,
                                  std::optional<ApprovalScope> approval = std::nullopt);

// What a TableInfoNew shows beyond the table and its cluster.
struct TableSurroundings {
    std::string_view group_name;
    const storage::IdlFileRecord* file = nullptr;  // the IDL file that defines it; nullptr: none
    std::int64_t backup_expire_day = 0;            // TxhBackupExpireDay
};

// TableInfoNew of `table` in `cluster`.
boost::json::object table_info(const storage::TableRecord& table, const storage::ClusterRecord& cluster,
                               const TableSurroundings& surroundings, const ActionContext& context);

}  // namespace tcaplus_mock
