#include "server/actions/approvals/applications.hpp"

#include "server/actions/approvals/approval_policy.hpp"
#include "storage/counter_rows.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

std::optional<std::int64_t> filed_application_type(const ActionContext& context, const storage::ClusterRecord& cluster) {
    if (context.approved || cluster.censorship == 0) return std::nullopt;
    return application_type_of(context.action);
}

std::string file_application(const ActionContext& context, storage::Repository& repository,
                             const storage::ClusterRecord& cluster, std::int64_t type, const json::object& params,
                             const ApplicationSubject& subject) {
    const auto number = repository.counters().reserve_application_numbers(context.account, cluster.cluster_id, 1);
    const auto now = unix_seconds(context.clock.now());
    storage::ApplicationRecord application;
    application.account = context.account;
    application.cluster_id = cluster.cluster_id;
    application.number = number;
    application.type = type;
    application.action = std::string(context.action);
    application.params = json::serialize(params);
    application.table_group_id = subject.table_group_id;
    application.table_name = subject.table_name;
    application.instance_id = subject.instance_id;
    application.applicant = context.account;
    application.created_time = application.update_time = now;
    repository.applications().put(application);
    return storage::CounterRows::id_of(cluster.cluster_id, number);
}

json::object params_with_one_item(const json::object& params, std::string_view list, std::size_t index) {
    json::object narrowed = params;
    narrowed[list] = json::array{params.at(list).as_array().at(index)};
    return narrowed;
}

}  // namespace tcaplus_mock
