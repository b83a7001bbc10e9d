#include "server/actions/task_log.hpp"

#include "server/core/text.hpp"
#include "storage/counter_rows.hpp"

#include <algorithm>

namespace tcaplus_mock {

namespace {

std::int64_t progress_at(std::int64_t start, std::int64_t end, std::int64_t now) {
    if (now >= end || end <= start) return 100;
    if (now <= start) return 0;
    return (now - start) * 100 / (end - start);
}

std::string content_of(const std::string& account, std::string_view what, std::string_view cluster_id,
                       std::string_view table_group_id, std::string_view instance_id, std::string_view detail = {}) {
    std::string text = account + " " + std::string(what) + " of Cluster(" + std::string(cluster_id) + ")";
    if (!table_group_id.empty()) text += " TableGroup(" + std::string(table_group_id) + ")";
    if (!instance_id.empty()) text += ", InstanceId " + std::string(instance_id);
    if (!detail.empty()) text += ", " + std::string(detail);
    return text + ", owner " + account;
}

TaskView view_of(const storage::TaskRecord& task, std::int64_t now) {
    return {task.cluster_id,
            task.number,
            storage::CounterRows::id_of(task.cluster_id, task.number),
            task.type,
            task.table_group_id,
            task.table_name,
            task.operator_name,
            task.content,
            task.start_time,
            progress_at(task.start_time, task.end_time, now),
            std::clamp(now, task.start_time, std::max(task.start_time, task.end_time))};
}

storage::TaskRecord snapshot_task(const storage::SnapshotRecord& snapshot, std::int64_t number,
                                  const std::string& account, const Config& config) {
    const auto& key = snapshot.key;
    return {account, key.cluster_id, number, "CreateSnapshots", key.table_group_id, key.table_name, "", account,
            content_of(account, "create snapshot(" + key.snapshot_name + ") of table(" + key.table_name + ")",
                       key.cluster_id, key.table_group_id, ""),
            snapshot.create_time, snapshot.create_time + config.snapshots.ready_after.count()};
}

}  // namespace

void keep_snapshot_task(storage::Repository& repository, const ActionContext& context,
                        const storage::SnapshotRecord& snapshot) {
    if (const auto number = storage::CounterRows::number_of(snapshot.task_id, snapshot.key.cluster_id))
        repository.tasks().insert(snapshot_task(snapshot, *number, context.account, context.config));
}

std::string record_task(storage::Repository& repository, const ActionContext& context, const TaskStart& start) {
    const auto number = repository.counters().reserve_task_numbers(context.account, start.cluster_id, 1);
    const auto now = unix_seconds(context.clock.now());
    storage::TaskRecord task{context.account,
                             std::string(start.cluster_id),
                             number,
                             std::string(start.type),
                             std::string(start.table_group_id),
                             std::string(start.table_name),
                             std::string(start.instance_id),
                             context.account,
                             content_of(context.account, start.what, start.cluster_id, start.table_group_id,
                                        start.instance_id, start.detail),
                             now,
                             now + context.config.tasks.duration.count()};
    repository.tasks().insert(task);
    return storage::CounterRows::id_of(task.cluster_id, number);
}

std::vector<TaskView> tasks_of_cluster(storage::Repository& repository, const ActionContext& context,
                                       std::string_view cluster_id, std::int64_t now) {
    return tasks_of_cluster(repository, context.account, context.config, cluster_id, now);
}

std::vector<TaskView> tasks_of_cluster(storage::Repository& repository, const std::string& account,
                                       const Config& config, std::string_view cluster_id, std::int64_t now) {
    std::vector<TaskView> tasks;
    for (const auto& task : repository.tasks().of_cluster(account, cluster_id)) tasks.push_back(view_of(task, now));
    for (const auto& snapshot : repository.snapshots().list({account, std::string(cluster_id)})) {
        const auto number = storage::CounterRows::number_of(snapshot.task_id, cluster_id);
        if (!number || snapshot.deleted_time) continue;  // a deleted snapshot's task is stored
        tasks.push_back(view_of(snapshot_task(snapshot, *number, account, config), now));
    }
    for (const auto& import : repository.imports().of_account(account)) {
        const auto number = storage::CounterRows::number_of(import.task_id, cluster_id);
        if (import.source.cluster_id != cluster_id || !number) continue;
        const auto& key = import.source;
        const auto table = import.origin_table ? key.table_name : import.new_table_name;
        storage::TaskRecord task{account, key.cluster_id, *number, "ImportSnapshots",
                                 import.origin_table ? key.table_group_id : import.new_table_group_id, table, "",
                                 account,
                                 content_of(account,
                                            "import snapshot(" + key.snapshot_name + ") into table(" + table + ")",
                                            key.cluster_id, import.origin_table ? key.table_group_id : import.new_table_group_id, ""),
                                 import.start_time, import.end_time};
        tasks.push_back(view_of(task, now));
    }
    std::sort(tasks.begin(), tasks.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    return tasks;
}

}  // namespace tcaplus_mock
