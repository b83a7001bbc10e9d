#include "server/control/resource_view.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/resource_directory.hpp"
#include "server/actions/snapshots/snapshot_lifecycle.hpp"
#include "server/actions/table_groups/table_group_rules.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/datetime.hpp"
#include "storage/counter_rows.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

using storage::ApplicationRecord;
using storage::BackupRecord;
using storage::ClusterRecord;
using storage::SnapshotRecord;
using storage::TableGroupRecord;
using storage::TableSummary;

constexpr std::array<std::pair<std::string_view, ResourceKind>, 7> kind_names{{
    {"clusters", ResourceKind::clusters},
    {"table_groups", ResourceKind::table_groups},
    {"tables", ResourceKind::tables},
    {"snapshots", ResourceKind::snapshots},
    {"tasks", ResourceKind::tasks},
    {"applications", ResourceKind::applications},
    {"backups", ResourceKind::backups},
}};

constexpr std::int64_t seconds_per_day = 86400;

std::string_view name_of(ResourceKind kind) {
    for (const auto& [name, each] : kind_names)
        if (each == kind) return name;
    return "";
}

std::string_view snapshot_status_name(SnapshotStatus status) {
    switch (status) {
        case SnapshotStatus::creating: return "creating";
        case SnapshotStatus::normal: return "normal";
        case SnapshotStatus::deleting: return "deleting";
        case SnapshotStatus::expired: return "expired";
        case SnapshotStatus::in_use: return "in use";
    }
    return "";
}

struct TableOfCluster {
    std::string cluster_id;
    Found<TableSummary> table;
};

struct GroupWithCount {
    Found<TableGroupRecord> group;
    std::size_t table_count = 0;
};

struct SnapshotNow {
    SnapshotRecord record;
    SnapshotStatus status;
};

struct BackupNow {
    BackupRecord record;
    std::int64_t expire_time = 0;
};

std::string_view application_status_name(std::int64_t status) {
    switch (status) {
        case -1: return "withdrawn";
        case 0: return "pending";
        case 1: return "approved";
        case 2: return "rejected";
        default: return "unknown";
    }
}

// What DescribeBackupRecords makes of a record at `now`: not listed yet, listed, or gone for good.
std::string_view backup_status_name(const BackupNow& backup, std::int64_t now) {
    if (now < backup.record.ready_time) return "creating";
    return now < backup.expire_time ? "available" : "expired";
}

// Everything the account's view lists, at one moment.
struct Listed {
    std::vector<Found<ClusterRecord>> clusters;
    std::vector<GroupWithCount> table_groups;
    std::vector<TableOfCluster> tables;
    std::vector<SnapshotNow> snapshots;
    std::vector<TaskView> tasks;
    std::vector<ApplicationRecord> applications;
    std::vector<BackupNow> backups;

    std::size_t count(ResourceKind kind) const {
        switch (kind) {
            case ResourceKind::clusters: return clusters.size();
            case ResourceKind::table_groups: return table_groups.size();
            case ResourceKind::tables: return tables.size();
            case ResourceKind::snapshots: return snapshots.size();
            case ResourceKind::tasks: return tasks.size();
            case ResourceKind::applications: return applications.size();
            case ResourceKind::backups: return backups.size();
        }
        return 0;
    }
};

void list_cluster_contents(ResourceDirectory& directory, storage::Repository& repository,
                           const ResourceViewRequest& request, std::string_view cluster_id, Listed& listed) {
    const auto totals = table_group_totals(directory, cluster_id);
    for (auto& group : directory.table_groups(cluster_id)) {
        const auto found = totals.find(group.record.table_group_id);
        listed.table_groups.push_back({std::move(group), found == totals.end() ? 0 : found->second.tables});
    }
    for (auto& table : directory.tables(cluster_id)) listed.tables.push_back({std::string(cluster_id), std::move(table)});
    for (auto& task : tasks_of_cluster(repository, request.account, request.config, cluster_id, request.now))
        listed.tasks.push_back(std::move(task));
    for (auto& application : repository.applications().of_cluster(request.account, cluster_id))
        listed.applications.push_back(std::move(application));
    const auto rules = repository.backups().rules_of_cluster(request.account, cluster_id);
    for (auto& record : repository.backups().of_cluster(request.account, cluster_id)) {
        const auto expires =
            record.batch_time + txh_expire_day(rules, record.table_group_id, record.table_name) * seconds_per_day;
        listed.backups.push_back({std::move(record), expires});
    }
}

Listed list_everything(storage::Repository& repository, const ResourceViewRequest& request) {
    Listed listed;
    const ResourceScope scope{request.account, "", request.config.resources, request.started_at, true};
    ResourceDirectory directory(repository, scope);
    listed.clusters = directory.clusters();
    for (const auto& cluster : listed.clusters)
        list_cluster_contents(directory, repository, request, cluster.record.cluster_id, listed);
    for (auto& record : repository.snapshots().of_account(request.account)) {
        const auto status = snapshot_status(record, request.now, request.config.snapshots.ready_after);
        if (status) listed.snapshots.push_back({std::move(record), *status});
    }
    return listed;
}

json::object cluster_item(const Found<ClusterRecord>& found, const ResourceViewRequest& request) {
    const auto& cluster = found.record;
    const auto status = cluster_status(cluster, request.now);
    return {{"cluster_id", cluster.cluster_id},
            {"name", cluster.name},
            {"region", cluster.region},
            {"idl_type", cluster.idl_type},
            {"status", status},
            {"status_name", status == 0 ? "running" : "changing"},
            {"created_time", format_datetime(cluster.created_time, request.config.api.utc_offset)},
            {"stored", found.stored}};
}

json::object table_group_item(const GroupWithCount& item, const ResourceViewRequest& request) {
    const auto& group = item.group.record;
    return {{"cluster_id", group.cluster_id},
            {"table_group_id", group.table_group_id},
            {"name", group.name},
            {"table_count", item.table_count},
            {"created_time", format_datetime(group.created_time, request.config.api.utc_offset)},
            {"stored", item.group.stored}};
}

json::object table_item(const TableOfCluster& item) {
    const auto& table = item.table.record;
    return {{"cluster_id", item.cluster_id},
            {"table_group_id", table.table_group_id},
            {"table_name", table.table_name},
            {"instance_id", table.instance_id},
            {"file_id", table.file_id},
            {"table_size", table.table_size},
            {"status", table.recycled ? "RECYCLING" : "RUNNING"},
            {"stored", item.table.stored}};
}

json::object snapshot_item(const SnapshotNow& item, const ResourceViewRequest& request) {
    const auto& record = item.record;
    const auto zone = request.config.api.utc_offset;
    return {{"cluster_id", record.key.cluster_id},
            {"table_group_id", record.key.table_group_id},
            {"table_name", record.key.table_name},
            {"snapshot_name", record.key.snapshot_name},
            {"snapshot_time", format_datetime(record.snapshot_time, zone)},
            {"dead_time", format_datetime(record.dead_time, zone)},
            {"create_time", format_datetime(record.create_time, zone)},
            {"task_id", record.task_id},
            {"size", snapshot_size(record.key, item.status)},
            {"status", static_cast<std::uint64_t>(item.status)},
            {"status_name", snapshot_status_name(item.status)}};
}

json::object task_item(const TaskView& task, const ResourceViewRequest& request) {
    const auto zone = request.config.api.utc_offset;
    return {{"task_id", task.task_id},
            {"cluster_id", task.cluster_id},
            {"type", task.type},
            {"table_group_id", task.table_group_id},
            {"table_name", task.table_name},
            {"progress", task.progress},
            {"start_time", format_datetime(task.start_time, zone)},
            {"update_time", format_datetime(task.update_time, zone)},
            {"content", task.content}};
}

json::object application_item(const ApplicationRecord& application, const ResourceViewRequest& request) {
    const auto zone = request.config.api.utc_offset;
    return {{"application_id", storage::CounterRows::id_of(application.cluster_id, application.number)},
            {"cluster_id", application.cluster_id},
            {"action", application.action},
            {"apply_type", application.type},
            {"table_group_id", application.table_group_id},
            {"table_name", application.table_name},
            {"applicant", application.applicant},
            {"status", application.status},
            {"status_name", application_status_name(application.status)},
            {"created_time", format_datetime(application.created_time, zone)},
            {"update_time", format_datetime(application.update_time, zone)},
            {"task_id", application.task_id}};
}

json::object backup_item(const BackupNow& backup, const ResourceViewRequest& request) {
    const auto& record = backup.record;
    const auto zone = request.config.api.utc_offset;
    return {{"cluster_id", record.cluster_id},
            {"table_group_id", record.table_group_id},
            {"table_name", record.table_name},
            {"task_id", storage::CounterRows::id_of(record.cluster_id, record.number)},
            {"file_tag", record.file_tag},
            {"batch_time", format_datetime(record.batch_time, zone)},
            {"expire_time", format_datetime(backup.expire_time, zone)},
            {"size", record.size},
            {"status_name", backup_status_name(backup, request.now)}};
}

// The items of `page` (of `listed`'s list of that kind) as JSON.
template <class Item, class Write>
json::array page_of(const std::vector<Item>& items, const ResourcePage& page, Write write) {
    json::array out;
    const auto first = std::min(page.offset, items.size());
    const auto last = std::min(items.size(), first + page.limit);
    for (auto i = first; i < last; ++i) out.push_back(write(items[i]));
    return out;
}

json::array items_of(const Listed& listed, const ResourcePage& page, const ResourceViewRequest& request) {
    switch (page.kind) {
        case ResourceKind::clusters:
            return page_of(listed.clusters, page, [&](const auto& item) { return cluster_item(item, request); });
        case ResourceKind::table_groups:
            return page_of(listed.table_groups, page, [&](const auto& item) { return table_group_item(item, request); });
        case ResourceKind::tables:
            return page_of(listed.tables, page, [](const auto& item) { return table_item(item); });
        case ResourceKind::snapshots:
            return page_of(listed.snapshots, page, [&](const auto& item) { return snapshot_item(item, request); });
        case ResourceKind::tasks:
            return page_of(listed.tasks, page, [&](const auto& item) { return task_item(item, request); });
        case ResourceKind::applications:
            return page_of(listed.applications, page, [&](const auto& item) { return application_item(item, request); });
        case ResourceKind::backups:
            return page_of(listed.backups, page, [&](const auto& item) { return backup_item(item, request); });
    }
    return {};
}

}  // namespace

std::optional<ResourceKind> resource_kind_named(std::string_view name) {
    for (const auto& [each, kind] : kind_names)
        if (each == name) return kind;
    return std::nullopt;
}

std::string resource_kind_names() {
    std::string names;
    for (const auto& [name, kind] : kind_names) names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

json::object read_resource_view(storage::Repository& repository, const ResourceViewRequest& request) {
    const auto listed = list_everything(repository, request);
    json::object counts;
    for (const auto& [name, kind] : kind_names) counts[name] = listed.count(kind);
    json::object view{{"account", request.account},
                      {"now", request.now},
                      {"datetime", format_datetime(request.now, request.config.api.utc_offset)},
                      {"counts", std::move(counts)}};
    if (const auto& page = request.page) {
        view["kind"] = name_of(page->kind);
        view["offset"] = page->offset;
        view["limit"] = page->limit;
        view["total"] = listed.count(page->kind);
        view["items"] = items_of(listed, *page, request);
    }
    return view;
}

}  // namespace tcaplus_mock
