#include "server/actions/approvals/approval_actions.hpp"

#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/task_log.hpp"
#include "storage/counter_rows.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// What the request narrows the applications to.
struct ApplicationQuery {
    std::optional<std::string> cluster_id;
    std::optional<std::int64_t> status, type;
    std::optional<std::string> table_group_id, table_name, applicant;

    bool accepts(const storage::ApplicationRecord& application) const {
        return (!status || *status == application.status) && (!type || *type == application.type) &&
               (!table_group_id || *table_group_id == application.table_group_id) &&
               (!table_name || *table_name == application.table_name) &&
               (!applicant || *applicant == application.applicant);
    }
};

ApplicationQuery read_query(const json::object& params) {
    ApplicationQuery query;
    const auto text = [&](const char* name, std::optional<std::string>& into) {
        if (const auto* value = params.if_contains(name)) into.emplace(value->as_string());
    };
    const auto number = [&](const char* name, std::optional<std::int64_t>& into) {
        if (const auto* value = params.if_contains(name)) into = value->to_number<std::int64_t>();
    };
    text("ClusterId", query.cluster_id);
    number("CensorStatus", query.status);
    number("ApplyType", query.type);
    text("TableGroupId", query.table_group_id);
    text("TableName", query.table_name);
    text("Applicant", query.applicant);
    return query;
}

// ExecuteStatus: where the approved task stands.
std::string execute_status(const storage::ApplicationRecord& application, storage::Repository& repository,
                           const ActionContext& context, std::int64_t now) {
    if (application.status != 1) return "";
    if (application.task_id.empty()) return "FAILED";  // the approved action answered an error
    for (const auto& task : tasks_of_cluster(repository, context, application.cluster_id, now))
        if (task.task_id == application.task_id) return task.progress == 100 ? "SUCCESS" : "RUNNING";
    return "SUCCESS";
}

json::object application_info(const storage::ApplicationRecord& application, ResourceDirectory& directory,
                              storage::Repository& repository, const ActionContext& context, std::int64_t now) {
    const auto& memory = context.memory;
    const auto zone = context.config.api.utc_offset;
    const auto cluster = directory.find_cluster(application.cluster_id);
    const auto group = directory.find_table_group(application.cluster_id, application.table_group_id);
    const bool pending = application.status == 0;
    return json::object(
        {{"ApplicationId", storage::CounterRows::id_of(application.cluster_id, application.number)},
         {"ApplicationType", application.type},
         {"ClusterId", application.cluster_id},
         {"ClusterName", cluster ? cluster->record.name : std::string()},
         {"TableGroupName", group ? group->record.name : std::string()},
         {"TableName", application.table_name},
         {"Applicant", application.applicant},
         {"CreatedTime", datetime_value(application.created_time, zone, memory)},
         {"ApplicationStatus", application.status},
         {"TableGroupId", application.table_group_id},
         {"TaskId", application.task_id.empty() ? std::string("0") : application.task_id},
         {"TableInstanceId", application.instance_id},
         {"UpdateTime", datetime_value(application.update_time, zone, memory)},
         {"ExecuteUser", application.execute_user},
         {"ExecuteStatus", execute_status(application, repository, context, now)},
         {"CanCensor", pending},
         {"CanWithdrawal", pending && application.applicant == context.account}},
        memory);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_applications(const ActionContext& context) {
    const auto page = read_page(context.params, 10);
    if (!page) co_return page.error();
    const auto query = read_query(context.params);
    const auto now = unix_seconds(context.clock.now());
    co_return co_await read_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                   -> Result<json::object> {
        std::vector<std::string> clusters;
        if (query.cluster_id) {
            auto cluster = directory.cluster(*query.cluster_id);
            if (!cluster) return cluster.error();
            clusters.push_back(*query.cluster_id);
        } else {
            for (const auto& cluster : directory.clusters()) clusters.push_back(cluster.record.cluster_id);
        }
        std::vector<storage::ApplicationRecord> matching;
        for (const auto& cluster_id : clusters)
            for (auto& application : repository.applications().of_cluster(context.account, cluster_id))
                if (query.accepts(application)) matching.push_back(std::move(application));
        std::stable_sort(matching.begin(), matching.end(), [](const auto& a, const auto& b) {
            return a.created_time != b.created_time ? a.created_time > b.created_time : a.number > b.number;
        });
        json::array applications(context.memory);
        for (const auto& application : page->of(matching))
            applications.push_back(application_info(application, directory, repository, context, now));
        return json::object({{"Applications", std::move(applications)}, {"TotalCount", matching.size()}}, context.memory);
    });
}

}  // namespace tcaplus_mock
