#pragma once
// ResourceDirectory: which clusters, table groups and tables exist for the caller, as seen from the
// request's region, read inside a store job. A resource exists when
//   - a row stores it: created through the API, seeded, or changed once it existed; or
//   - it is named: declared in the configuration (resources.clusters, for every account), or, in
//     resources.mode auto, named by one of the account's snapshots (the first use of a cluster, table
//     group or table by CreateSnapshots or ImportSnapshots makes it exist).
// A stored row shadows a named resource of the same key. A named resource has no region (it is seen
// from every region) and attributes derived from its names (its ClusterName is its id, its table's
// TableInstanceId a stable hash); an action that changes it, or stores something under it, keeps it
// first (keep_*), so that it goes on existing whatever happens to what named it.
//
// Not thread safe: one directory serves one store job.

#include "server/config/config.hpp"
#include "server/core/api_error.hpp"
#include "storage/repository.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// Whose resources, from where, and what the configuration declares.
struct ResourceScope {
    std::string_view account;
    std::string_view region;
    const Config::Resources& settings;
    std::int64_t named_since;  // the CreatedTime of what only the configuration names
    bool every_region = false;  // sees the clusters of every region (the control plane's view), not only `region`'s
};

template <class Record>
struct Found {
    Record record;
    bool stored = false;  // false: it exists by name only
};

class ResourceDirectory {
public:
    ResourceDirectory(storage::Repository& repository, ResourceScope scope);

    // ---- clusters ----
    // The account's cluster of that id, whatever its region; nullopt when there is none.
    std::optional<Found<storage::ClusterRecord>> find_cluster(std::string_view cluster_id);
    // The cluster as a request of the scope's region may use it: ResourceNotFound when there is none,
    // FailedOperation.RegionMismatch when it lives in another region.
    Result<Found<storage::ClusterRecord>> cluster(std::string_view cluster_id);
    // Every cluster seen from the region, by id.
    std::vector<Found<storage::ClusterRecord>> clusters();
    // What a snapshot action needs, cheaply: in auto mode any cluster id may be used (storing a snapshot
    // names it) unless a stored cluster of that id lives in another region; in strict mode the cluster
    // must exist, seen from the region.
    Result<void> usable_by_snapshots(std::string_view cluster_id);
    // Likewise for a table: in strict mode it must exist and not be in the recycle bin.
    Result<void> table_usable_by_snapshots(std::string_view cluster_id, std::string_view table_group_id,
                                           std::string_view table_name);

    // ---- the table groups and tables of one cluster ----
    std::optional<Found<storage::TableGroupRecord>> find_table_group(std::string_view cluster_id,
                                                                     std::string_view table_group_id);
    // Numeric ids in numeric order, then the others by byte order.
    std::vector<Found<storage::TableGroupRecord>> table_groups(std::string_view cluster_id);
    std::optional<Found<storage::TableRecord>> find_table(std::string_view cluster_id, std::string_view table_group_id,
                                                          std::string_view table_name);
    // In any cluster of the account.
    std::optional<Found<storage::TableRecord>> find_table_by_instance(std::string_view instance_id);
    // Running and recycled, by table group (numeric order), then name: their summaries (find_table
    // reads a whole table).
    std::vector<Found<storage::TableSummary>> tables(std::string_view cluster_id);

    // Whether the configuration declares the cluster, or its table group, or that group's table: such a
    // resource cannot be deleted (it would be there again at once).
    bool declared(std::string_view cluster_id, std::string_view table_group_id = {},
                  std::string_view table_name = {}) const;

    // ---- keeping named resources ----
    // Stores the cluster, or the group and its cluster, or the table with its group and cluster, where
    // they exist only by name. Needs the writer's transaction.
    void keep_cluster(std::string_view cluster_id);
    void keep_table_group(std::string_view cluster_id, std::string_view table_group_id);
    void keep_table(std::string_view cluster_id, std::string_view table_group_id, std::string_view table_name);
    // Stores `table` (a new one), keeping or creating its group and cluster as needed: in auto mode an
    // unknown group or cluster is created (named by the table's first use), in strict mode it must exist.
    void store_table(const storage::TableRecord& table);

private:
    bool named_by_snapshots() const;
    const ClusterDeclaration* declared_cluster(std::string_view cluster_id) const;
    storage::ClusterRecord named_cluster(std::string_view cluster_id, std::int64_t created_time) const;
    storage::TableGroupRecord named_table_group(std::string_view cluster_id, std::string_view table_group_id,
                                                std::int64_t created_time) const;
    storage::TableRecord named_table(std::string_view cluster_id, std::string_view table_group_id,
                                     std::string_view table_name, std::int64_t created_time) const;
    bool seen_from_region(const storage::ClusterRecord& cluster) const;

    storage::Repository& repository_;
    ResourceScope scope_;
};

}  // namespace tcaplus_mock
