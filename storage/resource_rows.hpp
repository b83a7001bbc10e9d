#pragma once
// Declared resources: the clusters, table groups and tables that exist for one account in strict
// resources mode on top of the configuration's (an import's new table, a state document's
// resources). Thread safety and failure as SnapshotRows.

#include "storage/sqlite_database.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

// An empty table_name declares the group, an empty table_group_id the cluster alone.
struct ResourceRecord {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;
    std::string table_name;

    bool operator==(const ResourceRecord&) const = default;
};

class ResourceRows {
public:
    explicit ResourceRows(Database& db);

    // Adds the resource; one already declared is left as it is.
    void insert(const ResourceRecord& record);
    std::vector<ResourceRecord> of_account(std::string_view account);
    // Every account's, by account, cluster, group and table.
    std::vector<ResourceRecord> all();

private:
    Database& db_;
    Statement insert_;
};

}  // namespace tcaplus_mock::storage
