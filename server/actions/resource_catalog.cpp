#include "server/actions/resource_catalog.hpp"

namespace tcaplus_mock {

ResourceCatalog::ResourceCatalog(const Config::Resources& settings) : strict_(settings.mode == ResourcesMode::strict) {
    for (const auto& cluster : settings.clusters) {
        clusters_.insert(cluster.id);
        for (const auto& group : cluster.table_groups)
            for (const auto& table : group.tables) tables_.emplace(cluster.id, group.id, table);
    }
}

bool ResourceCatalog::has_cluster(std::string_view cluster_id) const {
    return !strict_ || clusters_.find(cluster_id) != clusters_.end();
}

bool ResourceCatalog::has_table(std::string_view cluster_id, std::string_view table_group_id,
                                std::string_view table_name) const {
    if (!strict_) return true;
    return tables_.count(std::tuple{std::string(cluster_id), std::string(table_group_id), std::string(table_name)}) > 0;
}

}  // namespace tcaplus_mock
