#include "server/actions/tags/resource_tags.hpp"

namespace tcaplus_mock {

std::string table_group_tag_resource(std::string_view cluster_id, std::string_view table_group_id) {
    return std::string(cluster_id) + ":" + std::string(table_group_id);
}

std::vector<Tag> read_tags(const boost::json::object& params, std::string_view name) {
    std::vector<Tag> tags;
    if (const auto* list = params.if_contains(name))
        for (const auto& item : list->as_array()) {
            const auto& tag = item.as_object();
            const auto* value = tag.if_contains("TagValue");
            tags.push_back({std::string(tag.at("TagKey").as_string()), value ? std::string(value->as_string()) : ""});
        }
    return tags;
}

void change_tags(storage::Repository& repository, std::string_view account, std::string_view kind,
                 std::string_view resource, const std::vector<Tag>& replace, const std::vector<Tag>& remove) {
    for (const auto& tag : replace)
        repository.tags().put({std::string(account), std::string(kind), std::string(resource), tag.key, tag.value});
    for (const auto& tag : remove) repository.tags().erase(account, kind, resource, tag.key);
}

}  // namespace tcaplus_mock
