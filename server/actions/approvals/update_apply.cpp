#include "server/actions/approvals/approval_actions.hpp"

#include "server/actions/action_registry.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/core/api_errors.hpp"
#include "storage/counter_rows.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// One item of ApplyStatus.
struct Decision {
    std::string application_id;
    std::string cluster_id;
    std::int64_t status = 0;  // -1 withdraw, 1 approve, 2 reject
    std::int64_t type = 0;
};

Decision read_decision(const json::object& item) {
    return {std::string(item.at("ApplicationId").as_string()), std::string(item.at("ClusterId").as_string()),
            item.at("ApplicationStatus").to_number<std::int64_t>(), item.at("ApplicationType").to_number<std::int64_t>()};
}

ApiError application_not_found(const Decision& decision) {
    return errors::make("ResourceNotFound",
                        "The application " + errors::quoted(decision.application_id) + " of cluster " +
                            errors::quoted(decision.cluster_id) + " does not exist.",
                        "集群 " + errors::quoted(decision.cluster_id) + " 中不存在申请单 " +
                            errors::quoted(decision.application_id) + "。");
}

// The live service's answer for an application that is no longer pending.
ApiError already_processed() {
    return errors::make("OperationDenied", "Application has been processed.", "Application has been processed.");
}

// Why the decision cannot apply to `application`, if it cannot.
std::optional<ApiError> check(const Decision& decision, const storage::ApplicationRecord& application,
                              const std::string& path) {
    if (decision.status != -1 && decision.status != 1 && decision.status != 2)
        return errors::invalid_parameter_value(path + ".ApplicationStatus", std::to_string(decision.status),
                                               "`-1` (withdraw), `1` (approve) or `2` (reject)",
                                               "`-1`（撤回）、`1`（通过）或 `2`（驳回）");
    if (decision.type != application.type)
        return errors::invalid_parameter_value(path + ".ApplicationType", std::to_string(decision.type),
                                               "the application's type " + std::to_string(application.type),
                                               "申请单的类型 " + std::to_string(application.type));
    if (application.status != 0) return already_processed();
    return std::nullopt;
}

// On the writer: records the decision; returns the application as it now is.
Result<storage::ApplicationRecord> decide(const ActionContext& context, ResourceDirectory& directory,
                                          storage::Repository& repository, const Decision& decision,
                                          const std::string& path) {
    if (auto cluster = directory.cluster(decision.cluster_id); !cluster) return cluster.error();
    const auto number = storage::CounterRows::number_of(decision.application_id, decision.cluster_id);
    auto application = number ? repository.applications().find(context.account, decision.cluster_id, *number) : std::nullopt;
    if (!application) return application_not_found(decision);
    if (auto refused = check(decision, *application, path)) return *refused;
    application->status = decision.status;
    application->update_time = unix_seconds(context.clock.now());
    application->execute_user = context.account;
    repository.applications().put(*application);
    return std::move(*application);
}

Result<std::string> text_result(std::string_view text) {
    return Result<std::string>(boost::system::in_place_value, std::string(text));
}

// The TableInstanceId of the first table an answer names ("" when none).
std::string instance_of(const json::object& answer) {
    const auto* items = answer.if_contains("TableResults");
    if (items == nullptr || items->as_array().empty()) return "";
    const auto* id = items->as_array().front().as_object().if_contains("TableInstanceId");
    return id && id->is_string() ? std::string(id->as_string()) : std::string();
}

// The first task an answer names, or the error it carries.
Result<std::string> task_of(const json::object& answer) {
    const auto from_item = [](const json::object& item) -> Result<std::string> {
        if (const auto* error = item.if_contains("Error"); error && error->is_object())
            return ApiError{std::string(error->at("Code").as_string()),
                            {std::string(error->at("Message").as_string()), std::string(error->at("Message").as_string())},
                            {}};
        if (const auto* task = item.if_contains("TaskId"); task && task->is_string()) return text_result(task->as_string());
        if (const auto* tasks = item.if_contains("TaskIds"); tasks && tasks->is_array() && !tasks->as_array().empty())
            return text_result(tasks->as_array().front().as_string());
        return text_result("");
    };
    for (const auto* list : {"TableResults", "Results"})
        if (const auto* items = answer.if_contains(list); items && !items->as_array().empty())
            return from_item(items->as_array().front().as_object());
    return from_item(answer);
}

json::object apply_result(const Decision& decision, std::int64_t status, const std::string& task_id,
                          const std::optional<ApiError>& error, const ActionContext& context) {
    return json::object({{"ApplicationId", decision.application_id},
                         {"ApplicationType", decision.type},
                         {"ApplicationStatus", status},
                         {"TaskId", task_id.empty() ? json::value(nullptr) : json::value(task_id, context.memory)},
                         {"Error", error_or_null(error, context.language, context.memory)}},
                        context.memory);
}

// Carries out an approved application's action, as its applicant asked, now; its task or its error.
// A table the action created gives the application its TableInstanceId.
boost::asio::awaitable<Result<std::string>> carry_out(const ActionContext& context,
                                                      storage::ApplicationRecord& application) {
    const auto* action = find_action(application.action);
    if (action == nullptr) co_return errors::internal_error();
    const auto params = json::parse(application.params).as_object();
    const std::optional<ItemFault> no_fault;
    ActionContext approved{action->spec->name, params,        context.language,   context.account,
                           context.region,     context.config, context.clock,     context.started_at,
                           context.store,      no_fault,       context.memory,    true};
    const auto answer = co_await action->handler(approved);
    if (!answer) co_return answer.error();
    if (application.instance_id.empty()) application.instance_id = instance_of(*answer);
    co_return task_of(*answer);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> update_apply(const ActionContext& context) {
    json::array results(context.memory);
    std::size_t changed = 0;
    const auto& items = context.params.at("ApplyStatus").as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto decision = read_decision(items[i].as_object());
        std::optional<storage::ApplicationRecord> decided;
        const auto recorded = co_await write_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                                    -> Result<json::object> {
            auto application = decide(context, directory, repository, decision, "ApplyStatus." + std::to_string(i));
            if (!application) return application.error();
            decided = std::move(*application);
            return json::object();
        });
        if (!recorded) {
            results.push_back(apply_result(decision, decision.status, "", recorded.error(), context));
            continue;
        }
        ++changed;
        std::string task_id;
        std::optional<ApiError> failure;
        if (decision.status == 1) {
            const auto task = co_await carry_out(context, *decided);
            if (task) task_id = *task;
            else failure = task.error();
            decided->task_id = task_id;
            co_await write_resources(context, [&](ResourceDirectory&, storage::Repository& repository) -> Result<json::object> {
                repository.applications().put(*decided);
                return json::object();
            });
        }
        results.push_back(apply_result(decision, decision.status, task_id, failure, context));
    }
    co_return json::object({{"ApplyResults", std::move(results)}, {"TotalCount", changed}}, context.memory);
}

}  // namespace tcaplus_mock
