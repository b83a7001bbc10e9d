#pragma once
// Tags on clusters, table groups and tables: reading a TagInfoUnit list parameter and changing a
// resource's tags, shared by the tag actions and by the create actions' ResourceTags. A tag is stored
// per account under the resource's kind and key: "cluster" <ClusterId>, "table_group"
// <ClusterId>:<TableGroupId> (Terraform's form of a group's id), "table" <TableInstanceId>.

#include "storage/repository.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

struct Tag {
    std::string key;
    std::string value;
};

inline constexpr std::string_view cluster_tags = "cluster";
inline constexpr std::string_view table_group_tags = "table_group";
inline constexpr std::string_view table_tags = "table";

std::string table_group_tag_resource(std::string_view cluster_id, std::string_view table_group_id);

// The TagInfoUnit list parameter `name` ([{TagKey, TagValue?}]); empty when absent.
std::vector<Tag> read_tags(const boost::json::object& params, std::string_view name);

// On the writer: sets each of `replace` (a tag of the same key is replaced), then removes each key of
// `remove`.
void change_tags(storage::Repository& repository, std::string_view account, std::string_view kind,
                 std::string_view resource, const std::vector<Tag>& replace, const std::vector<Tag>& remove);

}  // namespace tcaplus_mock
