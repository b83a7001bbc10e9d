#pragma once
// Tags: the TagKey/TagValue pairs of clusters, table groups and tables. Thread safety and failure as
// SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct TagRecord {
    std::string account;
    std::string kind;      // "cluster", "table_group" or "table"
    std::string resource;  // the ClusterId; `<ClusterId>:<TableGroupId>`; the TableInstanceId
    std::string key;
    std::string value;

    bool operator==(const TagRecord&) const = default;
};

class TagRows {
public:
    explicit TagRows(Database& db);

    // The tags of one resource, by key.
    std::vector<TagRecord> of_resource(std::string_view account, std::string_view kind, std::string_view resource);
    std::vector<TagRecord> of_account(std::string_view account);
    // Sets the tag (a tag of the same key is replaced).
    void put(const TagRecord& record);
    bool erase(std::string_view account, std::string_view kind, std::string_view resource, std::string_view key);
    // Every tag of one resource (it was deleted).
    void erase_resource(std::string_view account, std::string_view kind, std::string_view resource);

private:
    Database& db_;
    CachedStatement of_resource_, of_account_, put_, erase_, erase_resource_;
};

}  // namespace tcaplus_mock::storage
