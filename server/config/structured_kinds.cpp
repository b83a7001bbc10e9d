// The kinds whose values are lists or objects: api.regions, auth.credentials, resources.clusters.

#include "server/config/value_kind.hpp"

#include "server/core/text.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <set>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

const char* const credentials_expected =
    "a JSON array of objects {\"secret_id\", \"secret_key\", \"token\" (optional), \"sub_account\" (optional)}";
const char* const clusters_expected =
    "a JSON array of objects {\"id\", \"table_groups\": [{\"id\", \"tables\": [table names]}]}";
const char* const region_expected = "a region id such as ap-guangzhou (lowercase letters, digits and dashes)";

json::value parse_json_text(std::string_view text, const std::string& expected) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    boost::system::error_code error;
    auto value = json::parse(text, error, {}, options);
    if (error) reject_text(expected, text);
    return value;
}

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
            throw InvalidValue{path, expected + " only", describe_text(member.key())};
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
    if (!seen.insert(id).second) throw InvalidValue{path, "ids that are unique in their list", describe_text(id)};
}

bool is_region_id(std::string_view id) {
    return !id.empty() && id.front() != '-' && id.back() != '-' && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
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

// "ap-guangzhou, ap-shanghai"; "" is no region; an empty item ("a,,b", "a,") is an error.
std::vector<std::string> split_regions(std::string_view text) {
    std::vector<std::string> regions;
    if (text.empty()) return regions;
    for (std::size_t start = 0; start <= text.size();) {
        const auto comma = std::min(text.find(',', start), text.size());
        const auto item = text::trim_blanks(text.substr(start, comma - start));
        if (!is_region_id(item)) reject_text(region_expected, item);
        regions.emplace_back(item);
        start = comma + 1;
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

}  // namespace

ValueKind<std::vector<std::string>> region_list_kind() {
    const std::string expected = "region ids such as ap-guangzhou: a JSON array, or as text comma-separated";
    auto read_text = [expected](std::string_view text) {
        if (text.starts_with('[')) return read_regions(parse_json_text(text, expected));
        return split_regions(text);
    };
    return {expected, read_regions, read_text};
}

ValueKind<std::vector<Credential>> credentials_kind() {
    auto read_text = [](std::string_view text) {
        return read_credentials(parse_json_text(text, credentials_expected));
    };
    return {credentials_expected, read_credentials, read_text};
}

ValueKind<std::vector<ClusterDeclaration>> clusters_kind() {
    auto read_text = [](std::string_view text) { return read_clusters(parse_json_text(text, clusters_expected)); };
    return {clusters_expected, read_clusters, read_text};
}

}  // namespace tcaplus_mock
