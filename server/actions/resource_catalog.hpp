#pragma once
// ResourceCatalog: which clusters, table groups and tables exist.
// In `resources.mode = auto` everything exists; in `strict` only what the configuration declares.
// Immutable after construction; thread safe.

#include "server/config/config.hpp"

#include <set>
#include <string>
#include <string_view>
#include <tuple>

namespace tcaplus_mock {

class ResourceCatalog {
public:
    explicit ResourceCatalog(const Config::Resources& settings);

    bool has_cluster(std::string_view cluster_id) const;
    bool has_table(std::string_view cluster_id, std::string_view table_group_id, std::string_view table_name) const;

private:
    bool strict_;
    std::set<std::string, std::less<>> clusters_;
    std::set<std::tuple<std::string, std::string, std::string>, std::less<>> tables_;
};

}  // namespace tcaplus_mock
