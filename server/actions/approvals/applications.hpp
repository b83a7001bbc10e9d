#pragma once
// Filing applications: what a table, snapshot, backup or merge action does, instead of its work,
// when its cluster is under approval (approval_policy.hpp), and how an application is shown.

#include "server/actions/action_context.hpp"
#include "storage/repository.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

// The ApplyType the request's action files in `cluster` now, or nullopt when it is to run: the cluster
// is not under approval, the action files no applications, or this is an approval carrying it out.
std::optional<std::int64_t> filed_application_type(const ActionContext& context, const storage::ClusterRecord& cluster);

// What an application is about.
struct ApplicationSubject {
    std::string table_group_id;
    std::string table_name;
    std::string instance_id;
};

// On the writer: files an application of `type` in `cluster` to carry out the request's action with
// `params` (the request's parameters narrowed to one item); returns its ApplicationId.
std::string file_application(const ActionContext& context, storage::Repository& repository,
                             const storage::ClusterRecord& cluster, std::int64_t type, const boost::json::object& params,
                             const ApplicationSubject& subject);

// The request's parameters with the list `list` holding only its `index`th item.
boost::json::object params_with_one_item(const boost::json::object& params, std::string_view list, std::size_t index);

}  // namespace tcaplus_mock
