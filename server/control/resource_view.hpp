#pragma once
// The resources of one account as the API shows them at one moment, for the dashboard
// (`GET /_mock/resources`): its clusters (of every region), table groups, tables, snapshots, tasks,
// applications and backups, each with the status it shows at `now` on the emulator's clock, computed
// by the code the Describe actions use (ClusterStatus, a table's Status, SnapshotStatus, a task's
// Progress, a backup's expiry). Resources that exist by name only (declared in the configuration, or
// named by snapshots) are listed, `"stored": false`.
//
//   {"account", "now", "datetime",
//    "counts": {"clusters", "table_groups", "tables", "snapshots", "tasks", "applications", "backups"},
//    "kind"?, "offset"?, "limit"?, "total"?, "items"?: [...]}
//
// Items, in the order the Describe actions list them (tasks by cluster, then number):
//   clusters      {"cluster_id", "name", "region", "idl_type", "status": 0|4, "status_name", "created_time", "stored"}
//   table_groups  {"cluster_id", "table_group_id", "name", "table_count", "created_time", "stored"}
//   tables        {"cluster_id", "table_group_id", "table_name", "instance_id", "file_id", "table_size",
//                  "status": "RUNNING"|"RECYCLING", "stored"}
//   snapshots     {"cluster_id", "table_group_id", "table_name", "snapshot_name", "snapshot_time", "dead_time",
//                  "create_time", "task_id", "size", "status": 0..4, "status_name"}
//   tasks         {"task_id", "cluster_id", "type", "table_group_id", "table_name", "progress", "start_time",
//                  "update_time", "content"}
//   applications  {"application_id", "cluster_id", "action", "apply_type", "table_group_id", "table_name",
//                  "applicant", "status": -1..2, "status_name", "created_time", "update_time", "task_id"}
//   backups       {"cluster_id", "table_group_id", "table_name", "task_id", "file_tag", "batch_time", "expire_time",
//                  "size", "status_name": "creating"|"available"|"expired"}  (DescribeBackupRecords lists the available)
// Datetimes are `YYYY-MM-DD HH:MM:SS` in api.time_zone.

#include "server/config/config.hpp"
#include "storage/repository.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

enum class ResourceKind { clusters, table_groups, tables, snapshots, tasks, applications, backups };

// "clusters", "table_groups", "tables", "snapshots", "tasks", "applications" or "backups"; nullopt for
// any other name.
std::optional<ResourceKind> resource_kind_named(std::string_view name);
// Every kind's name, comma-separated, for a message.
std::string resource_kind_names();

// One page of one kind's items.
struct ResourcePage {
    ResourceKind kind = ResourceKind::clusters;
    std::size_t offset = 0;
    std::size_t limit = 50;
};

struct ResourceViewRequest {
    const std::string& account;
    const Config& config;
    std::int64_t started_at;  // when the emulator started, on its clock (what names-only resources date from)
    std::int64_t now;
    std::optional<ResourcePage> page;  // nullopt: the counts alone
};

// On the store's threads: the view, with the items of `request.page` when it names one.
boost::json::object read_resource_view(storage::Repository& repository, const ResourceViewRequest& request);

}  // namespace tcaplus_mock
