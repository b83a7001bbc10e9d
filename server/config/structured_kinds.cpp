// The kinds whose values are lists or objects: api.regions, auth.credentials, resources.clusters.

#include "server/config/value_kind.hpp"

#include "server/core/regions.hpp"

#include <algorithm>
#include <set>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

const char* const credentials_expected =
    "a JSON array of objects {\"secret_id\", \"secret_key\", \"token\" (optional), \"sub_account\" (optional)}";
const char* const clusters_expected =
    "a JSON array of objects {\"id\", \"table_groups\": [{\"id\", \"tables\": [table names]}]}";
const char* const region_expected = "a region id of Tencent Cloud such as ap-guangzhou";

const json::array& as_array(const json::value& value, const std::string& expected, const std::string& path) {
    if (!value.is_array()) reject(expected, value, path);
    return value.get_array();
}

// An object whose keys all come from `allowed`.
const json::object& as_object(const json::value& value, const std::vector<std::string>& allowed,
                              const std::string& path) {
    std::string expected = "an object with the keys";
    for (const auto& key : allowed) expected += (key == allowed.front() ? " " : ", ") + key;
    if (!value.is_object()) reject(expected, value, path);
    for (const auto& member : value.get_object())
        if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end())
            throw InvalidValue{path, expected + " only", describe_value(json::string(member.key()))};
    return value.get_object();
}

std::string member_string(const json::object& object, std::string_view key, bool required, const std::string& path) {
    const auto* member = object.if_contains(key);
    const std::string member_path = path + "." + std::string(key);
    if (!member) {
        if (required) throw InvalidValue{member_path, "a non-empty string", "nothing"};
        return {};
    }
    if (!member->is_string() || (required && member->get_string().empty()))
        reject(required ? "a non-empty string" : "a string", *member, member_path);
    return std::string(member->get_string());
}

std::string index_path(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

void require_unique(std::set<std::string>& seen, const std::string& id, const std::string& path) {
    if (!seen.insert(id).second) throw InvalidValue{path, "ids that are unique in their list", describe_value(json::string(id))};
}

std::vector<std::string> read_regions(const json::value& value) {
    const std::string expected = "a JSON array of region ids such as [\"ap-guangzhou\"]";
    std::vector<std::string> regions;
    for (const auto& item : as_array(value, expected, {})) {
        const std::string path = index_path("", regions.size());
        if (!item.is_string() || !is_region_id(item.get_string())) reject(region_expected, item, path);
        regions.emplace_back(item.get_string());
    }
    return regions;
}

Credential read_credential(const json::value& value, const std::string& path) {
    const auto& object = as_object(value, {"secret_id", "secret_key", "token", "sub_account"}, path);
    return {member_string(object, "secret_id", true, path), member_string(object, "secret_key", true, path),
            member_string(object, "token", false, path), member_string(object, "sub_account", false, path)};
}

std::vector<Credential> read_credentials(const json::value& value) {
    std::vector<Credential> credentials;
    std::set<std::string> seen;
    for (const auto& item : as_array(value, credentials_expected, {})) {
        const std::string path = index_path("", credentials.size());
        credentials.push_back(read_credential(item, path));
        require_unique(seen, credentials.back().secret_id, path + ".secret_id");
    }
    return credentials;
}

std::vector<std::string> read_tables(const json::object& group, const std::string& path) {
    std::vector<std::string> tables;
    const auto* member = group.if_contains("tables");
    if (!member) return tables;
    std::set<std::string> seen;
    for (const auto& item : as_array(*member, "a JSON array of table names", path + ".tables")) {
        const std::string item_path = index_path(path + ".tables", tables.size());
        if (!item.is_string() || item.get_string().empty()) reject("a non-empty table name", item, item_path);
        tables.emplace_back(item.get_string());
        require_unique(seen, tables.back(), item_path);
    }
    return tables;
}

std::vector<TableGroupDeclaration> read_table_groups(const json::object& cluster, const std::string& path) {
    std::vector<TableGroupDeclaration> groups;
    const auto* member = cluster.if_contains("table_groups");
    if (!member) return groups;
    std::set<std::string> seen;
    for (const auto& item : as_array(*member, "a JSON array of table groups", path + ".table_groups")) {
        const std::string item_path = index_path(path + ".table_groups", groups.size());
        const auto& group = as_object(item, {"id", "tables"}, item_path);
        groups.push_back({member_string(group, "id", true, item_path), read_tables(group, item_path)});
        require_unique(seen, groups.back().id, item_path + ".id");
    }
    return groups;
}

std::vector<ClusterDeclaration> read_clusters(const json::value& value) {
    std::vector<ClusterDeclaration> clusters;
    std::set<std::string> seen;
    for (const auto& item : as_array(value, clusters_expected, {})) {
        const std::string path = index_path("", clusters.size());
        const auto& cluster = as_object(item, {"id", "table_groups"}, path);
        clusters.push_back({member_string(cluster, "id", true, path), read_table_groups(cluster, path)});
        require_unique(seen, clusters.back().id, path + ".id");
    }
    return clusters;
}

json::value write_regions(const std::vector<std::string>& regions) {
    json::array items;
    for (const auto& region : regions) items.emplace_back(region);
    return items;
}

json::value write_credentials(const std::vector<Credential>& credentials) {
    json::array items;
    for (const auto& credential : credentials) {
        json::object item{{"secret_id", credential.secret_id}, {"secret_key", credential.secret_key}};
        if (!credential.token.empty()) item["token"] = credential.token;
        if (!credential.sub_account.empty()) item["sub_account"] = credential.sub_account;
        items.push_back(std::move(item));
    }
    return items;
}

json::value write_clusters(const std::vector<ClusterDeclaration>& clusters) {
    json::array items;
    for (const auto& cluster : clusters) {
        json::array groups;
        for (const auto& group : cluster.table_groups) {
            json::array tables;
            for (const auto& table : group.tables) tables.emplace_back(table);
            groups.push_back(json::object{{"id", group.id}, {"tables", std::move(tables)}});
        }
        items.push_back(json::object{{"id", cluster.id}, {"table_groups", std::move(groups)}});
    }
    return items;
}

}  // namespace

ValueKind<std::vector<std::string>> region_list_kind() {
    return {"region ids of Tencent Cloud such as ap-guangzhou: a JSON array, or as text comma-separated",
            TextForm::list, read_regions, write_regions};
}

ValueKind<std::vector<Credential>> credentials_kind() {
    return {credentials_expected, TextForm::json, read_credentials, write_credentials};
}

ValueKind<std::vector<ClusterDeclaration>> clusters_kind() {
    return {clusters_expected, TextForm::json, read_clusters, write_clusters};
}

}  // namespace tcaplus_mock
