#include "server/actions/clusters/cluster_rules.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/clusters/cluster_errors.hpp"
#include "server/actions/response_values.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"
#include "server/core/stable_hash.hpp"
#include "server/core/text.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

std::optional<ApiError> check_cluster_name(std::string_view name, std::string_view parameter) {
    const auto length = text::utf8_length(name);
    if (length == 0 || length > 32) return errors::invalid_cluster_name(parameter, name);
    return std::nullopt;
}

std::optional<ApiError> check_password(std::string_view password, std::string_view parameter) {
    const auto has = [&](auto test) { return std::any_of(password.begin(), password.end(), test); };
    const bool alphanumeric = std::all_of(password.begin(), password.end(), [](char c) {
        return text::is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (!alphanumeric || password.size() > 64 || !has(text::is_digit) ||
        !has([](char c) { return c >= 'a' && c <= 'z'; }) || !has([](char c) { return c >= 'A' && c <= 'Z'; }))
        return errors::invalid_password(parameter);
    return std::nullopt;
}

Result<std::string> idl_type_of(std::string_view given) {
    std::string upper(given);
    for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (upper == "MIX" || upper == "PROTO" || upper == "TDR")
        return Result<std::string>(boost::system::in_place_value, std::move(upper));
    return errors::unsupported_idl_type(given);
}

Result<std::int64_t> one_of(const json::object& params, std::string_view name, std::int64_t absent,
                            std::initializer_list<std::int64_t> allowed) {
    const auto* value = params.if_contains(name);
    if (value == nullptr) return absent;
    const auto number = value->as_int64();
    if (std::find(allowed.begin(), allowed.end(), number) != allowed.end()) return number;
    std::string expected;
    for (const auto choice : allowed) expected += (expected.empty() ? "`" : ", `") + std::to_string(choice) + "`";
    return errors::invalid_parameter_value(name, std::to_string(number), "one of " + expected, "以下之一：" + expected);
}

std::string machine_list(const json::object& params, std::string_view name) {
    const auto* list = params.if_contains(name);
    return list == nullptr ? "[]" : json::serialize(*list);
}

bool old_password_in_use(const storage::ClusterRecord& cluster, std::int64_t now) {
    return !cluster.old_password.empty() && cluster.old_password_expire_time > now;
}

namespace {

// [{"ServerUid" | "ProxyUid", "MachineType", ...}], one entry per machine asked for.
json::array machine_details(const std::string& list, const storage::ClusterRecord& cluster, bool servers,
                            const json::storage_ptr& memory) {
    json::array details(memory);
    boost::system::error_code error;
    const auto machines = json::parse(list, error);
    if (error || !machines.is_array()) return details;
    for (const auto& machine : machines.get_array()) {
        const auto* object = machine.if_object();
        if (object == nullptr) continue;
        const std::string type(object->contains("MachineType") ? object->at("MachineType").as_string() : "");
        const auto count = object->contains("MachineNum") ? object->at("MachineNum").to_number<std::int64_t>() : 1;
        for (std::int64_t i = 0; i < count && details.size() < 64; ++i) {
            const auto uid = (servers ? "server-" : "proxy-") + cluster.cluster_id + "-" + std::to_string(details.size() + 1);
            if (servers) {
                details.push_back(json::object({{"ServerUid", uid}, {"MachineType", type}, {"MemoryRate", 0},
                                                {"DiskRate", 0}, {"ReadNum", 0}, {"WriteNum", 0}, {"Version", "1"}},
                                               memory));
            } else {
                details.push_back(json::object({{"ProxyUid", uid}, {"MachineType", type}, {"ProcessSpeed", 0},
                                                {"AverageProcessDelay", 0}, {"SlowProcessSpeed", 0}, {"Version", "1"}},
                                               memory));
            }
        }
    }
    return details;
}

// The access point a cluster shows: stable for its id.
std::string access_ip(const storage::ClusterRecord& cluster) {
    const auto hash = stable_hash({cluster.account, cluster.cluster_id});
    return "10." + std::to_string(hash % 250 + 1) + "." + std::to_string((hash >> 8) % 256) + "." +
           std::to_string((hash >> 16) % 250 + 2);
}

}  // namespace

std::int64_t cluster_status(const storage::ClusterRecord& cluster, std::int64_t now) {
    return now < cluster.ready_time ? 4 : 0;
}

std::string api_access_id(const storage::ClusterRecord& cluster) {
    return std::to_string(stable_hash({cluster.cluster_id}) % 1000);
}

std::int64_t rest_proxy_status(const storage::ClusterRecord& cluster, std::int64_t now, std::chrono::seconds duration) {
    const bool changing = now < cluster.rest_proxy_changed + duration.count();
    if (cluster.rest_proxy_on) return changing ? 1 : 2;
    return cluster.rest_proxy_changed != 0 && changing ? 3 : 0;
}

json::object cluster_info(const storage::ClusterRecord& cluster, const std::vector<storage::BackupRuleRecord>& rules,
                          const ActionContext& context, std::int64_t now) {
    const auto& memory = context.memory;
    const auto zone = context.config.api.utc_offset;
    const bool old_in_use = old_password_in_use(cluster, now);
    json::object info(memory);
    info["ClusterName"] = cluster.name;
    info["ClusterId"] = cluster.cluster_id;
    info["Region"] = cluster.region.empty() ? std::string(context.region) : cluster.region;
    info["IdlType"] = cluster.idl_type;
    info["NetworkType"] = "vpc-normal";
    info["VpcId"] = cluster.vpc_id;
    info["SubnetId"] = cluster.subnet_id;
    info["CreatedTime"] = datetime_value(cluster.created_time, zone, memory);
    info["Password"] = cluster.password;
    info["PasswordStatus"] = old_in_use ? "unmodifiable" : "modifiable";
    info["ApiAccessId"] = api_access_id(cluster);
    info["ApiAccessIp"] = access_ip(cluster);
    info["ApiAccessPort"] = 9999;
    info["OldPasswordExpireTime"] = old_in_use ? format_datetime(cluster.old_password_expire_time, zone) : "";
    info["ApiAccessIpv6"] = cluster.ipv6_enable ? "fd00::" + std::to_string(stable_hash({cluster.cluster_id}) % 65536) : "";
    info["ClusterType"] = cluster.cluster_type;
    info["ClusterStatus"] = cluster_status(cluster, now);
    info["ReadCapacityUnit"] = 0;
    info["WriteCapacityUnit"] = 0;
    info["DiskVolume"] = 0;
    info["ServerList"] = machine_details(cluster.server_list, cluster, true, memory);
    info["ProxyList"] = machine_details(cluster.proxy_list, cluster, false, memory);
    info["Censorship"] = cluster.censorship;
    info["DbaUins"] = json::parse(cluster.censor_uins, memory);
    info["DataFlowStatus"] = cluster.kafka_info.empty() ? 0 : 1;
    if (!cluster.kafka_info.empty()) info["KafkaInfo"] = json::parse(cluster.kafka_info, memory);
    info["TxhBackupExpireDay"] = txh_expire_day(rules, every, every);
    info["UlogBackupExpireDay"] = ulog_expire_day(rules);
    info["IsReadOnlyUlogBackupExpireDay"] = 0;
    info["RestProxyStatus"] = rest_proxy_status(cluster, now, context.config.tasks.duration);
    info["ShardTotalNum"] = 0;
    info["ShardUsedNum"] = 0;
    return info;
}

}  // namespace tcaplus_mock
