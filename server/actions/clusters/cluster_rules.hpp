#pragma once
// The rules of a cluster's name, password and kinds, and how a cluster record is shown (ClusterInfo),
// shared by the cluster actions.

#include "server/actions/action_context.hpp"
#include "storage/backup_rows.hpp"
#include "storage/cluster_rows.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

// InvalidParameterValue.InvalidClusterName unless 1 to 32 characters.
std::optional<ApiError> check_cluster_name(std::string_view name, std::string_view parameter);
// InvalidParameterValue unless letters and digits with a digit, a lower-case and an upper-case letter.
std::optional<ApiError> check_password(std::string_view password, std::string_view parameter);
// MIX, PROTO or TDR in capitals, or InvalidParameterValue.UnsupportIdlType.
Result<std::string> idl_type_of(std::string_view given);
// The value of an integer parameter if it is one of `allowed`, else InvalidParameterValue.
Result<std::int64_t> one_of(const boost::json::object& params, std::string_view name, std::int64_t absent,
                            std::initializer_list<std::int64_t> allowed);

// A `ServerList`/`ProxyList` parameter ([{MachineType, MachineNum}]) as the JSON text a record keeps.
std::string machine_list(const boost::json::object& params, std::string_view name);

// Whether an old password is still accepted at `now`.
bool old_password_in_use(const storage::ClusterRecord& cluster, std::int64_t now);

// The ClusterStatus a cluster shows at `now`: 4 (changing) until its ready_time, then 0 (running).
std::int64_t cluster_status(const storage::ClusterRecord& cluster, std::int64_t now);

// The ApiAccessId a cluster and its tables show: stable for its id.
std::string api_access_id(const storage::ClusterRecord& cluster);

// RestProxyStatus at `now`: 0 off, 1 turning on, 2 on, 3 turning off; a change takes a task's
// duration (tasks.duration).
std::int64_t rest_proxy_status(const storage::ClusterRecord& cluster, std::int64_t now, std::chrono::seconds duration);

// ClusterInfo: every field, with the values a real cluster shows (docs/actions/clusters.md); the
// backup expiry days from the cluster's `rules`.
boost::json::object cluster_info(const storage::ClusterRecord& cluster, const std::vector<storage::BackupRuleRecord>& rules,
                                 const ActionContext& context, std::int64_t now);

}  // namespace tcaplus_mock
