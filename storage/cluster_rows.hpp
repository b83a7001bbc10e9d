#pragma once
// Clusters: one row per cluster an account created (CreateCluster), seeded, or changed once it
// existed only because snapshots or the configuration named it. Thread safety and failure as
// SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

// Times are UNIX seconds of the emulator's clock.
struct ClusterRecord {
    std::string account;
    std::string cluster_id;
    std::string region;  // "" = seen from every region
    std::string name;
    std::string idl_type;  // MIX, PROTO or TDR
    std::string vpc_id;
    std::string subnet_id;
    std::string password;
    std::string old_password;  // still accepted until old_password_expire_time; "" = none
    std::int64_t old_password_expire_time = 0;
    std::int64_t cluster_type = 1;  // 1 shared, 2 dedicated
    std::int64_t auth_type = 0;
    std::int64_t ipv6_enable = 0;
    std::string server_list = "[]";  // the machines asked for, as JSON: [{"MachineType", "MachineNum"}]
    std::string proxy_list = "[]";
    std::int64_t created_time = 0;
    std::int64_t ready_time = 0;  // ClusterStatus 4 (changing) until then
    std::int64_t censorship = 0;        // 1: mutating table actions file applications (approval)
    std::string censor_uins = "[]";     // the approvers, as a JSON list of strings
    std::int64_t rest_proxy_on = 0;     // 1 once EnableRestProxy ran, 0 once DisableRestProxy ran
    std::int64_t rest_proxy_changed = 0;  // when; RestProxyStatus is 1 or 3 for a task's duration after
    std::string kafka_info;             // the KafkaInfo of the last SetTableDataFlow, JSON; "" = none

    bool operator==(const ClusterRecord&) const = default;
};

class ClusterRows {
public:
    explicit ClusterRows(Database& db);

    std::optional<ClusterRecord> find(std::string_view account, std::string_view cluster_id);
    // Every cluster of the account, by id.
    std::vector<ClusterRecord> of_account(std::string_view account);
    // Inserts, or replaces the row of the same account and id.
    void put(const ClusterRecord& record);
    bool erase(std::string_view account, std::string_view cluster_id);
    // Whether any account has a cluster of this id (new ids are unique across accounts).
    bool id_taken(std::string_view cluster_id);

private:
    Database& db_;
    CachedStatement find_, of_account_, put_, erase_, id_taken_;
};

}  // namespace tcaplus_mock::storage
