#pragma once
// Recording the tasks actions start, and reading every task back as DescribeTasks shows it. A task's
// TaskId is `<ClusterId>-<n>` from the cluster's one task counter (the snapshot actions' TaskIds come
// from it too), its TaskType the action that started it, its Content a sentence in the live service's
// form, its Operator the account, and its Progress runs from 0 to 100 over tasks.duration on the
// emulator's clock (0: done at once). A snapshot's or an import's task is read from its own row, its
// Progress following the snapshot (creating, snapshots.ready_after) or the import
// (snapshots.import_duration).

#include "server/actions/action_context.hpp"
#include "storage/repository.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// What a new task is about; `what` completes its Content, in the live service's form:
// "<account> <what> of Cluster(<id>) TableGroup(<g>), InstanceId <i>, <detail>, owner <account>".
struct TaskStart {
    std::string_view type;  // the action: CreateTables, DeleteCluster...
    std::string_view cluster_id;
    std::string_view what;  // "create table(t)", "delete cluster"
    std::string_view table_group_id = {};
    std::string_view table_name = {};
    std::string_view instance_id = {};
    std::string_view detail = {};  // after the InstanceId: "Storage Layer Expand: volume[1 -> 2]"
};

// On the store's writer: records the task, starting now, and returns its TaskId.
std::string record_task(storage::Repository& repository, const ActionContext& context, const TaskStart& start);

// On the store's writer: stores a snapshot's task as a task of its own, for a snapshot being deleted
// (its row, which holds the task, goes); nothing for a snapshot whose TaskId is not of its cluster.
void keep_snapshot_task(storage::Repository& repository, const ActionContext& context,
                        const storage::SnapshotRecord& snapshot);

// A task as DescribeTasks shows it.
struct TaskView {
    std::string cluster_id;
    std::int64_t number = 0;
    std::string task_id;
    std::string type;
    std::string table_group_id;
    std::string table_name;
    std::string operator_name;
    std::string content;
    std::int64_t start_time = 0;
    std::int64_t progress = 0;  // 0 to 100 at `now`
    std::int64_t update_time = 0;
};

// Every task of the account's cluster `cluster_id` (stored, snapshots', imports'), by number, at `now`.
std::vector<TaskView> tasks_of_cluster(storage::Repository& repository, const ActionContext& context,
                                       std::string_view cluster_id, std::int64_t now);
// The same for any account, outside a request (the control plane).
std::vector<TaskView> tasks_of_cluster(storage::Repository& repository, const std::string& account,
                                       const Config& config, std::string_view cluster_id, std::int64_t now);

}  // namespace tcaplus_mock
