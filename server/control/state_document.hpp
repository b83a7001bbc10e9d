#pragma once
// The state document: every snapshot, import, id counter and resource of some accounts, as JSON.
// `GET /_mock/state` writes one, `PUT /_mock/state` and `--seed FILE` read one back:
//
//   {"version": 2, "scope": "all" | "accounts", "time_zone": "+08:00",
//    "accounts": [{"account": "default",
//                  "snapshots": [{"cluster_id", "table_group_id", "table_name", "snapshot_name",
//                                 "snapshot_time", "dead_time", "create_time"?, "task_id"?, "application_id"?,
//                                 "deleted_time"?, "gone_time"?, "in_use_until"?}],
//                  "imports": [{"cluster_id", "table_group_id", "table_name", "snapshot_name", "task_id",
//                               "application_id", "special_key", "origin_table", "key_file_name",
//                               "new_table_group_id", "new_table_name", "start_time", "end_time"}],
//                  "counters": [{"cluster_id", "kind": "task" | "application" | "file", "last_value"}],
//                  "clusters": [...], "table_groups": [...], "idl_files": [...], "tables": [...],
//                  "tasks": [...], "tags": [...], "applications": [...], "backups": [...],
//                  "backup_rules": [...]}]}                  (resource_state.hpp)
//
// Version 1 documents are read too: their `resources` ([{"cluster_id", "table_group_id"?, "table_name"?}])
// become stored clusters, table groups and tables.
//
// Times are `YYYY-MM-DD HH:MM:SS` in the document's time_zone (api.time_zone when absent). Scope
// "all" replaces the whole state; "accounts" (the default) replaces the accounts listed, each whole.
// Fields marked `?` may be left out of a hand-written seed: create_time is then now, task_id and
// application_id are numbered from the counters, and every counter ends at least at the highest
// number its cluster's ids (TaskIds, FileIds) use.

#include "server/core/json_fields.hpp"
#include "server/control/resource_state.hpp"
#include "storage/repository.hpp"

#include <boost/json/value.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tcaplus_mock {

struct AccountState {
    std::string account;
    std::vector<storage::SnapshotRecord> snapshots;  // task_id/application_id "" = to be numbered
    std::vector<storage::ImportRecord> imports;
    std::vector<storage::CounterRecord> counters;
    ResourceState resources;
};

struct StateDocument {
    bool whole = false;  // scope "all"
    std::vector<AccountState> accounts;
};

inline constexpr int state_document_version = 2;

// Reads a document. `zone` is the time zone when the document names none, `now` the create_time of a
// snapshot that gives none. A mistake names its place (`accounts[0].snapshots[2].dead_time`) and what
// was expected there.
JsonRead<StateDocument> parse_state_document(const boost::json::value& json, std::chrono::seconds zone, long long now);

boost::json::object write_state_document(const StateDocument& state, std::chrono::seconds zone);

// On the store's threads: the state of every account (`account` nullopt) or of one.
StateDocument read_state(storage::Repository& repository, const std::optional<std::string>& account);
// On the store's writer, in its transaction: replaces what `state` covers.
void replace_state(storage::Repository& repository, const StateDocument& state);

}  // namespace tcaplus_mock
