#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/clusters/cluster_errors.hpp"
#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

struct PasswordChange {
    bool change_password;  // Mode "1"; Mode "2" moves the old password's expiry
    std::string old_password;
    std::string new_password;
    std::int64_t old_expires;
};

Result<PasswordChange> read_change(const ActionContext& context, std::int64_t now) {
    const auto& params = context.params;
    const std::string_view mode = params.contains("Mode") ? std::string_view(params.at("Mode").as_string()) : "1";
    if (mode != "1" && mode != "2") return errors::invalid_parameter_value("Mode", mode, "`1` or `2`", "`1` 或 `2`");
    const std::string_view expires_text = params.at("OldPasswordExpireTime").as_string();
    const auto expires = *parse_datetime(expires_text, context.config.api.utc_offset);  // validated
    if (expires <= now) return errors::invalid_time_value("OldPasswordExpireTime", expires_text);
    PasswordChange change{mode == "1", std::string(params.at("OldPassword").as_string()),
                          std::string(params.at("NewPassword").as_string()), expires};
    if (change.change_password)
        if (auto wrong = check_password(change.new_password, "NewPassword")) return *wrong;
    return change;
}

Result<storage::ClusterRecord> apply(const PasswordChange& change, storage::ClusterRecord cluster, std::int64_t now,
                                     std::chrono::seconds zone) {
    const bool in_use = old_password_in_use(cluster, now);
    if (change.change_password) {
        if (change.old_password != cluster.password) return errors::password_failure();
        if (in_use) return errors::old_password_in_use(format_datetime(cluster.old_password_expire_time, zone));
        cluster.old_password = cluster.password;
        cluster.password = change.new_password;
    } else {
        if (!in_use) return errors::old_password_has_expired();
        if (change.old_password != cluster.old_password) return errors::password_failure();
    }
    cluster.old_password_expire_time = change.old_expires;
    return cluster;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> modify_cluster_password(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    const auto change = read_change(context, now);
    if (!change) co_return change.error();
    co_return co_await write_in_cluster(context, [&](ResourceDirectory&, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        auto changed = apply(*change, cluster.record, now, context.config.api.utc_offset);
        if (!changed) return changed.error();
        repository.clusters().put(*changed);
        return json::object(context.memory);
    });
}

}  // namespace tcaplus_mock
