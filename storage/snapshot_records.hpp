#pragma once
// The rows the store keeps: snapshots, imports, id counters and declared resources. Plain values;
// every time is UNIX seconds of the emulator's clock. Every row belongs to one account, and two
// accounts never see each other's rows.

#include <cstdint>
#include <optional>
#include <string>

namespace tcaplus_mock::storage {

// Names one snapshot; unique within the store. Compared byte by byte.
struct SnapshotKey {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;
    std::string table_name;
    std::string snapshot_name;

    bool operator==(const SnapshotKey&) const = default;
};

struct SnapshotRecord {
    SnapshotKey key;
    long long snapshot_time = 0;
    long long dead_time = 0;
    long long create_time = 0;
    std::string task_id;
    std::string application_id;
    // Set by a delete: the snapshot shows as deleting until `gone_time`, then it no longer exists.
    std::optional<long long> deleted_time;
    std::optional<long long> gone_time;
    // The end of the latest import that reads this snapshot; 0 when none ever did.
    long long in_use_until = 0;

    bool operator==(const SnapshotRecord&) const = default;
};

// One ImportSnapshots call.
struct ImportRecord {
    SnapshotKey source;  // the snapshot imported
    std::string task_id;
    std::string application_id;
    bool special_key = false;    // ImportSpecialKey "TRUE": only the keys of key_file_name
    bool origin_table = false;   // ImportOriginTable "TRUE": into the snapshot's own table
    std::string key_file_name;   // KeyFile.FileName, "" when none was given
    std::string new_table_group_id;  // "" when origin_table
    std::string new_table_name;
    long long start_time = 0;
    long long end_time = 0;

    bool operator==(const ImportRecord&) const = default;
};

// A TaskId/ApplicationId counter: the last number handed out for (account, cluster, kind).
struct CounterRecord {
    std::string account;
    std::string cluster_id;
    std::string kind;  // "task" or "application"
    std::int64_t last_value = 0;

    bool operator==(const CounterRecord&) const = default;
};

// A cluster, table group or table that exists in strict resources mode for one account, on top
// of the configuration's: an empty table_name declares the group, an empty table_group_id the
// cluster alone.
struct ResourceRecord {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;
    std::string table_name;

    bool operator==(const ResourceRecord&) const = default;
};

}  // namespace tcaplus_mock::storage
