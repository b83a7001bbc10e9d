#include "server/actions/action_registry.hpp"

#include "server/actions/approvals/approval_actions.hpp"
#include "server/actions/backups/backup_actions.hpp"
#include "server/actions/clusters/cluster_actions.hpp"
#include "server/actions/idl_files/idl_file_actions.hpp"
#include "server/actions/snapshots/snapshot_actions.hpp"
#include "server/actions/table_groups/table_group_actions.hpp"
#include "server/actions/tables/table_actions.hpp"
#include "server/actions/tags/tag_actions.hpp"
#include "server/actions/tasks/task_actions.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

namespace tcaplus_mock {
namespace {

// One row per action of the API, grouped by the resource it acts on.
constexpr auto implemented_actions = std::to_array<std::pair<std::string_view, ActionHandler>>({
    // clusters/
    {"CreateCluster", &create_cluster},
    {"DescribeClusters", &describe_clusters},
    {"DeleteCluster", &delete_cluster},
    {"ModifyClusterName", &modify_cluster_name},
    {"ModifyClusterPassword", &modify_cluster_password},
    {"ModifyClusterMachine", &modify_cluster_machine},
    {"DescribeMachine", &describe_machine},
    {"DescribeRegions", &describe_regions},
    {"DescribeUinInWhitelist", &describe_uin_in_whitelist},
    {"EnableRestProxy", &enable_rest_proxy},
    {"DisableRestProxy", &disable_rest_proxy},
    // table_groups/
    {"CreateTableGroup", &create_table_group},
    {"DescribeTableGroups", &describe_table_groups},
    {"DeleteTableGroup", &delete_table_group},
    {"ModifyTableGroupName", &modify_table_group_name},
    // idl_files/
    {"VerifyIdlFiles", &verify_idl_files},
    {"CompareIdlFiles", &compare_idl_files},
    {"DescribeIdlFileInfos", &describe_idl_file_infos},
    {"DeleteIdlFiles", &delete_idl_files},
    // tables/
    {"CreateTables", &create_tables},
    {"DescribeTables", &describe_tables},
    {"DeleteTables", &delete_tables},
    {"DescribeTablesInRecycle", &describe_tables_in_recycle},
    {"RecoverRecycleTables", &recover_recycle_tables},
    {"ModifyTables", &modify_tables},
    {"ModifyTableMemos", &modify_table_memos},
    {"ModifyTableQuotas", &modify_table_quotas},
    {"ClearTables", &clear_tables},
    {"SetTableIndex", &set_table_index},
    {"DeleteTableIndex", &delete_table_index},
    {"SetTableDataFlow", &set_table_data_flow},
    {"DeleteTableDataFlow", &delete_table_data_flow},
    {"MergeTablesData", &merge_tables_data},
    // approvals/
    {"ModifyCensorship", &modify_censorship},
    {"DescribeApplications", &describe_applications},
    {"UpdateApply", &update_apply},
    // backups/
    {"CreateBackup", &create_backup},
    {"DescribeBackupRecords", &describe_backup_records},
    {"DeleteBackupRecords", &delete_backup_records},
    {"SetBackupExpireRule", &set_backup_expire_rule},
    // tags/
    {"DescribeClusterTags", &describe_cluster_tags},
    {"ModifyClusterTags", &modify_cluster_tags},
    {"DescribeTableGroupTags", &describe_table_group_tags},
    {"ModifyTableGroupTags", &modify_table_group_tags},
    {"DescribeTableTags", &describe_table_tags},
    {"ModifyTableTags", &modify_table_tags},
    // tasks/
    {"DescribeTasks", &describe_tasks},
    // snapshots/
    {"CreateSnapshots", &create_snapshots},
    {"DescribeSnapshots", &describe_snapshots},
    {"DeleteSnapshots", &delete_snapshots},
    {"ModifySnapshots", &modify_snapshots},
    {"ImportSnapshots", &import_snapshots},
});

// The batch actions that answer each table item on its own (ActionContext::fault_for_item).
constexpr auto per_table_item_actions = std::to_array<std::string_view>({
    "CreateSnapshots", "DeleteSnapshots", "ModifySnapshots", "CreateTables", "DeleteTables", "RecoverRecycleTables",
    "ModifyTables", "ModifyTableMemos", "ModifyTableQuotas", "ClearTables", "SetTableIndex", "DeleteTableIndex",
    "SetTableDataFlow", "DeleteTableDataFlow", "ModifyTableTags",
});

bool answers_per_table_item(std::string_view name) {
    return std::find(per_table_item_actions.begin(), per_table_item_actions.end(), name) != per_table_item_actions.end();
}

// The handler of a spec action; every action of the spec has one.
ActionHandler handler_of(std::string_view name) {
    for (const auto& [action, handler] : implemented_actions)
        if (action == name) return handler;
    throw std::logic_error("action registry: the spec's action `" + std::string(name) + "` has no handler");
}

std::vector<Action> build_registry() {
    const auto& spec = ApiSpec::builtin();
    for (const auto& [name, handler] : implemented_actions)
        if (spec.find_action(name) == nullptr)
            throw std::logic_error("action registry: `" + std::string(name) + "` is not an action of the spec");
    std::vector<Action> actions;
    for (const auto& name : spec.action_names()) actions.push_back({spec.find_action(name), handler_of(name), answers_per_table_item(name)});
    return actions;
}

}  // namespace

const std::vector<Action>& all_actions() {
    static const std::vector<Action> actions = build_registry();
    return actions;
}

const Action* find_action(std::string_view name) {
    for (const auto& action : all_actions())
        if (action.spec->name == name) return &action;
    return nullptr;
}

}  // namespace tcaplus_mock
