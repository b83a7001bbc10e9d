#pragma once
// Applications: one row per request item that a cluster under approval (censorship) filed instead
// of carrying it out, with what is needed to carry it out once approved: the action and its
// parameters. Its ApplicationId is `<ClusterId>-<number>` from the cluster's application counter.
// Thread safety and failure as SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct ApplicationRecord {
    std::string account;
    std::string cluster_id;
    std::int64_t number = 0;
    std::int64_t type = 0;    // DescribeApplications' ApplyType
    std::string action;       // the action to carry out once approved
    std::string params;       // its parameters, as JSON, for one item
    std::string table_group_id;
    std::string table_name;
    std::string instance_id;
    std::string applicant;
    std::int64_t status = 0;  // -1 withdrawn, 0 pending, 1 approved (task submitted), 2 rejected
    std::int64_t created_time = 0;
    std::int64_t update_time = 0;
    std::string task_id;       // the task the approval started; "" before
    std::string execute_user;  // who approved or rejected it; "" before

    bool operator==(const ApplicationRecord&) const = default;
};

class ApplicationRows {
public:
    explicit ApplicationRows(Database& db);

    std::optional<ApplicationRecord> find(std::string_view account, std::string_view cluster_id, std::int64_t number);
    // By cluster and number.
    std::vector<ApplicationRecord> of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<ApplicationRecord> of_account(std::string_view account);
    // Inserts, or replaces the row of the same number.
    void put(const ApplicationRecord& record);
    // Every application of a cluster (it was deleted).
    void erase_cluster(std::string_view account, std::string_view cluster_id);

private:
    Database& db_;
    CachedStatement find_, of_cluster_, of_account_, put_, erase_cluster_;
};

}  // namespace tcaplus_mock::storage
