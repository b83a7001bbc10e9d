#include "server/actions/resource_catalog.hpp"

#include <algorithm>
#include <mutex>

namespace tcaplus_mock {
namespace {

using Entry = std::tuple<std::string, std::string, std::string, std::string>;

// Whether `entry` declares something at `depth` (1 cluster, 2 table group, 3 table) that matches.
bool matches(const Entry& entry, std::string_view cluster_id, std::string_view table_group_id,
             std::string_view table_name, std::size_t depth) {
    const auto& [account, cluster, group, table] = entry;
    if (cluster != cluster_id) return false;
    if (depth >= 2 && group != table_group_id) return false;
    if (depth >= 3 && table != table_name) return false;
    return true;
}

bool any_match(const std::set<Entry>& entries, std::string_view account, std::string_view cluster_id,
               std::string_view table_group_id, std::string_view table_name, std::size_t depth) {
    // Entries are ordered by account then cluster: only that account's cluster is scanned.
    auto it = entries.lower_bound(Entry{std::string(account), std::string(cluster_id), {}, {}});
    for (; it != entries.end() && std::get<0>(*it) == account && std::get<1>(*it) == cluster_id; ++it)
        if (matches(*it, cluster_id, table_group_id, table_name, depth)) return true;
    return false;
}

}  // namespace

ResourceCatalog::ResourceCatalog(const Config::Resources& settings)
    : strict_(settings.mode == ResourcesMode::strict) {
    for (const auto& cluster : settings.clusters) {
        configured_.emplace("", cluster.id, "", "");
        for (const auto& group : cluster.table_groups) {
            configured_.emplace("", cluster.id, group.id, "");
            for (const auto& table : group.tables) configured_.emplace("", cluster.id, group.id, table);
        }
    }
}

bool ResourceCatalog::contains(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                               std::string_view table_name, std::size_t depth) const {
    if (!strict_) return true;
    if (any_match(configured_, "", cluster_id, table_group_id, table_name, depth)) return true;
    std::shared_lock lock(mutex_);
    return any_match(declared_, account, cluster_id, table_group_id, table_name, depth);
}

bool ResourceCatalog::has_cluster(std::string_view account, std::string_view cluster_id) const {
    return contains(account, cluster_id, {}, {}, 1);
}

bool ResourceCatalog::has_table_group(std::string_view account, std::string_view cluster_id,
                                      std::string_view table_group_id) const {
    return contains(account, cluster_id, table_group_id, {}, 2);
}

bool ResourceCatalog::has_table(std::string_view account, std::string_view cluster_id,
                                std::string_view table_group_id, std::string_view table_name) const {
    return contains(account, cluster_id, table_group_id, table_name, 3);
}

void ResourceCatalog::add(const storage::ResourceRecord& resource) {
    std::unique_lock lock(mutex_);
    const auto& [account, cluster, group, table] = resource;
    declared_.emplace(account, cluster, "", "");
    if (!group.empty()) declared_.emplace(account, cluster, group, "");
    if (!group.empty() && !table.empty()) declared_.emplace(account, cluster, group, table);
}

void ResourceCatalog::replace_all(const std::vector<storage::ResourceRecord>& resources) {
    {
        std::unique_lock lock(mutex_);
        declared_.clear();
    }
    for (const auto& resource : resources) add(resource);
}

void ResourceCatalog::erase_account(std::string_view account) {
    std::unique_lock lock(mutex_);
    std::erase_if(declared_, [&](const Entry& entry) { return std::get<0>(entry) == account; });
}

}  // namespace tcaplus_mock
