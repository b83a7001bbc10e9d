#pragma once
// ResourceCatalog: which clusters, table groups and tables exist.
// In `resources.mode = auto` everything exists. In `strict`, what the configuration declares
// exists for every account, and what an account gained at run time (the new table of an import,
// a state document's resources) exists for that account only.
//
// Thread safety: every method may be called from any thread; readers never wait for each other.

#include "server/config/config.hpp"
#include "storage/resource_rows.hpp"

#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace tcaplus_mock {

class ResourceCatalog {
public:
    explicit ResourceCatalog(const Config::Resources& settings);

    bool strict() const noexcept { return strict_; }
    bool has_cluster(std::string_view account, std::string_view cluster_id) const;
    bool has_table_group(std::string_view account, std::string_view cluster_id, std::string_view table_group_id) const;
    bool has_table(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                   std::string_view table_name) const;

    // Run-time declarations (kept in the store too; the caller writes both).
    void add(const storage::ResourceRecord& resource);
    // Replaces every run-time declaration (start-up, state import, reset).
    void replace_all(const std::vector<storage::ResourceRecord>& resources);
    void erase_account(std::string_view account);

private:
    // (account, cluster, group, table); account "" = declared by the configuration for everyone;
    // an empty group or table name declares the level above alone.
    using Entry = std::tuple<std::string, std::string, std::string, std::string>;
    bool contains(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                  std::string_view table_name, std::size_t depth) const;

    const bool strict_;
    std::set<Entry> configured_;
    mutable std::shared_mutex mutex_;
    std::set<Entry> declared_;  // guarded by mutex_
};

}  // namespace tcaplus_mock
