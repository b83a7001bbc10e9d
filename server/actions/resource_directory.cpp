#include "server/actions/resource_directory.hpp"

#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_ids.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace tcaplus_mock {

using storage::ClusterRecord;
using storage::TableGroupRecord;
using storage::TableRecord;
using storage::TableSummary;

namespace {

// Numeric ids (no leading zero) first in numeric order, then the others in byte order.
bool id_before(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
}

template <class Record, class Key>
void sort_by(std::vector<Found<Record>>& list, Key key) {
    std::stable_sort(list.begin(), list.end(), [&](const auto& a, const auto& b) { return key(a.record, b.record); });
}

}  // namespace

ResourceDirectory::ResourceDirectory(storage::Repository& repository, ResourceScope scope)
    : repository_(repository), scope_(scope) {}

bool ResourceDirectory::named_by_snapshots() const { return scope_.settings.mode == ResourcesMode::auto_accept; }

const ClusterDeclaration* ResourceDirectory::declared_cluster(std::string_view cluster_id) const {
    for (const auto& cluster : scope_.settings.clusters)
        if (cluster.id == cluster_id) return &cluster;
    return nullptr;
}

bool ResourceDirectory::declared(std::string_view cluster_id, std::string_view table_group_id,
                                 std::string_view table_name) const {
    const auto* cluster = declared_cluster(cluster_id);
    if (cluster == nullptr || table_group_id.empty()) return cluster != nullptr;
    for (const auto& group : cluster->table_groups) {
        if (group.id != table_group_id) continue;
        return table_name.empty() || std::find(group.tables.begin(), group.tables.end(), table_name) != group.tables.end();
    }
    return false;
}

bool ResourceDirectory::seen_from_region(const ClusterRecord& cluster) const {
    return scope_.every_region || cluster.region.empty() || cluster.region == scope_.region;
}

ClusterRecord ResourceDirectory::named_cluster(std::string_view cluster_id, std::int64_t created_time) const {
    ClusterRecord cluster;
    cluster.account = std::string(scope_.account);
    cluster.cluster_id = std::string(cluster_id);
    cluster.name = std::string(cluster_id);
    cluster.idl_type = "MIX";
    cluster.created_time = created_time;
    return cluster;
}

TableGroupRecord ResourceDirectory::named_table_group(std::string_view cluster_id, std::string_view table_group_id,
                                                      std::int64_t created_time) const {
    return {std::string(scope_.account), std::string(cluster_id), std::string(table_group_id),
            std::string(table_group_id), created_time};
}

TableRecord ResourceDirectory::named_table(std::string_view cluster_id, std::string_view table_group_id,
                                           std::string_view table_name, std::int64_t created_time) const {
    TableRecord table;
    table.account = std::string(scope_.account);
    table.cluster_id = std::string(cluster_id);
    table.table_group_id = std::string(table_group_id);
    table.table_name = std::string(table_name);
    table.instance_id = named_table_instance_id(scope_.account, cluster_id, table_group_id, table_name);
    table.table_type = "GENERIC";
    table.idl_type = "PROTO";
    table.created_time = created_time;
    table.updated_time = created_time;
    return table;
}

// ---- clusters ----

std::optional<Found<ClusterRecord>> ResourceDirectory::find_cluster(std::string_view cluster_id) {
    if (auto stored = repository_.clusters().find(scope_.account, cluster_id)) return Found<ClusterRecord>{*stored, true};
    if (declared_cluster(cluster_id)) return Found<ClusterRecord>{named_cluster(cluster_id, scope_.named_since), false};
    if (!named_by_snapshots()) return std::nullopt;
    const auto groups = repository_.snapshots().named_table_groups(scope_.account, cluster_id);
    if (groups.empty()) return std::nullopt;
    std::int64_t first = groups.front().first_create_time;
    for (const auto& group : groups) first = std::min(first, group.first_create_time);
    return Found<ClusterRecord>{named_cluster(cluster_id, first), false};
}

Result<Found<ClusterRecord>> ResourceDirectory::cluster(std::string_view cluster_id) {
    auto found = find_cluster(cluster_id);
    if (!found) return errors::cluster_not_found(cluster_id);
    if (!seen_from_region(found->record))
        return errors::cluster_in_other_region(cluster_id, found->record.region, scope_.region);
    return std::move(*found);
}

std::vector<Found<ClusterRecord>> ResourceDirectory::clusters() {
    std::map<std::string, Found<ClusterRecord>, std::less<>> by_id;
    if (named_by_snapshots())
        for (const auto& named : repository_.snapshots().named_clusters(scope_.account))
            by_id.insert_or_assign(named.cluster_id, Found<ClusterRecord>{named_cluster(named.cluster_id, named.first_create_time), false});
    for (const auto& declared : scope_.settings.clusters)
        by_id.insert_or_assign(declared.id, Found<ClusterRecord>{named_cluster(declared.id, scope_.named_since), false});
    for (auto& stored : repository_.clusters().of_account(scope_.account)) {
        auto id = stored.cluster_id;  // not the moved-from record's: arguments have no evaluation order
        by_id.insert_or_assign(std::move(id), Found<ClusterRecord>{std::move(stored), true});
    }
    std::vector<Found<ClusterRecord>> list;
    for (auto& [id, found] : by_id)
        if (seen_from_region(found.record)) list.push_back(std::move(found));
    return list;
}

Result<void> ResourceDirectory::usable_by_snapshots(std::string_view cluster_id) {
    if (auto stored = repository_.clusters().find(scope_.account, cluster_id)) {
        if (!seen_from_region(*stored)) return errors::cluster_in_other_region(cluster_id, stored->region, scope_.region);
        return {};
    }
    if (named_by_snapshots() || declared_cluster(cluster_id)) return {};
    return errors::cluster_not_found(cluster_id);
}

Result<void> ResourceDirectory::table_usable_by_snapshots(std::string_view cluster_id, std::string_view table_group_id,
                                                          std::string_view table_name) {
    if (named_by_snapshots()) return {};
    const auto table = find_table(cluster_id, table_group_id, table_name);
    if (!table || table->record.recycled_time) return errors::table_not_found(cluster_id, table_group_id, table_name);
    return {};
}

// ---- table groups ----

std::optional<Found<TableGroupRecord>> ResourceDirectory::find_table_group(std::string_view cluster_id,
                                                                           std::string_view table_group_id) {
    if (auto stored = repository_.table_groups().find(scope_.account, cluster_id, table_group_id))
        return Found<TableGroupRecord>{*stored, true};
    for (auto& found : table_groups(cluster_id))
        if (found.record.table_group_id == table_group_id) return found;
    return std::nullopt;
}

std::vector<Found<TableGroupRecord>> ResourceDirectory::table_groups(std::string_view cluster_id) {
    std::map<std::string, Found<TableGroupRecord>, std::less<>> by_id;
    if (named_by_snapshots())
        for (const auto& named : repository_.snapshots().named_table_groups(scope_.account, cluster_id))
            by_id.insert_or_assign(named.table_group_id,
                                   Found<TableGroupRecord>{named_table_group(cluster_id, named.table_group_id,
                                                                             named.first_create_time), false});
    if (const auto* declared = declared_cluster(cluster_id))
        for (const auto& group : declared->table_groups)
            by_id.insert_or_assign(group.id, Found<TableGroupRecord>{
                                                 named_table_group(cluster_id, group.id, scope_.named_since), false});
    for (auto& stored : repository_.table_groups().of_cluster(scope_.account, cluster_id)) {
        auto id = stored.table_group_id;  // not the moved-from record's
        by_id.insert_or_assign(std::move(id), Found<TableGroupRecord>{std::move(stored), true});
    }
    std::vector<Found<TableGroupRecord>> list;
    for (auto& [id, found] : by_id) list.push_back(std::move(found));
    sort_by(list, [](const auto& a, const auto& b) { return id_before(a.table_group_id, b.table_group_id); });
    return list;
}

// ---- tables ----

std::optional<Found<TableRecord>> ResourceDirectory::find_table(std::string_view cluster_id,
                                                                std::string_view table_group_id,
                                                                std::string_view table_name) {
    if (auto stored = repository_.tables().find(scope_.account, cluster_id, table_group_id, table_name))
        return Found<TableRecord>{std::move(*stored), true};
    if (const auto* declared = declared_cluster(cluster_id))
        for (const auto& group : declared->table_groups)
            if (group.id == table_group_id && std::find(group.tables.begin(), group.tables.end(), table_name) != group.tables.end())
                return Found<TableRecord>{named_table(cluster_id, table_group_id, table_name, scope_.named_since), false};
    if (!named_by_snapshots()) return std::nullopt;
    for (const auto& named : repository_.snapshots().named_tables(scope_.account, cluster_id))
        if (named.table_group_id == table_group_id && named.table_name == table_name)
            return Found<TableRecord>{named_table(cluster_id, table_group_id, table_name, named.first_create_time), false};
    return std::nullopt;
}

std::optional<Found<TableRecord>> ResourceDirectory::find_table_by_instance(std::string_view instance_id) {
    if (auto stored = repository_.tables().find_by_instance(scope_.account, instance_id))
        return Found<TableRecord>{std::move(*stored), true};
    for (const auto& cluster : clusters())
        for (const auto& [table, stored] : tables(cluster.record.cluster_id))
            if (table.instance_id == instance_id)
                return find_table(cluster.record.cluster_id, table.table_group_id, table.table_name);
    return std::nullopt;
}

std::vector<Found<TableSummary>> ResourceDirectory::tables(std::string_view cluster_id) {
    std::vector<Found<TableSummary>> named;
    const auto name = [&](std::string_view group, std::string_view table_name, std::int64_t created_time) {
        const auto table = named_table(cluster_id, group, table_name, created_time);
        named.push_back({{table.table_group_id, table.table_name, table.instance_id, 0, 0, false}, false});
    };
    if (named_by_snapshots())
        for (const auto& table : repository_.snapshots().named_tables(scope_.account, cluster_id))
            name(table.table_group_id, table.table_name, table.first_create_time);
    if (const auto* declared = declared_cluster(cluster_id))
        for (const auto& group : declared->table_groups)
            for (const auto& table_name : group.tables) name(group.id, table_name, scope_.named_since);
    std::vector<Found<TableSummary>> list;
    for (auto& stored : repository_.tables().summaries_of_cluster(scope_.account, cluster_id))
        list.push_back({std::move(stored), true});
    // A stored table shadows a named one of the same key (usually there are none named).
    const auto key_of = [](const TableSummary& table) { return std::tie(table.table_group_id, table.table_name); };
    for (auto& table : named) {
        const auto shadowed = std::lower_bound(list.begin(), list.end(), table, [&](const auto& a, const auto& b) {
            return key_of(a.record) < key_of(b.record);
        });
        if (shadowed == list.end() || key_of(shadowed->record) != key_of(table.record)) list.insert(shadowed, std::move(table));
    }
    sort_by(list, [](const auto& a, const auto& b) {
        if (a.table_group_id != b.table_group_id) return id_before(a.table_group_id, b.table_group_id);
        return a.table_name < b.table_name;
    });
    return list;
}

// ---- keeping named resources ----

void ResourceDirectory::keep_cluster(std::string_view cluster_id) {
    auto found = find_cluster(cluster_id);
    if (found && !found->stored) repository_.clusters().put(found->record);
}

void ResourceDirectory::keep_table_group(std::string_view cluster_id, std::string_view table_group_id) {
    keep_cluster(cluster_id);
    auto found = find_table_group(cluster_id, table_group_id);
    if (found && !found->stored) repository_.table_groups().put(found->record);
}

void ResourceDirectory::keep_table(std::string_view cluster_id, std::string_view table_group_id,
                                   std::string_view table_name) {
    keep_table_group(cluster_id, table_group_id);
    auto found = find_table(cluster_id, table_group_id, table_name);
    if (found && !found->stored) repository_.tables().put(found->record);
}

void ResourceDirectory::store_table(const TableRecord& table) {
    if (!find_cluster(table.cluster_id)) repository_.clusters().put(named_cluster(table.cluster_id, table.created_time));
    keep_cluster(table.cluster_id);
    if (!find_table_group(table.cluster_id, table.table_group_id))
        repository_.table_groups().put(named_table_group(table.cluster_id, table.table_group_id, table.created_time));
    keep_table_group(table.cluster_id, table.table_group_id);
    repository_.tables().put(table);
}

}  // namespace tcaplus_mock
