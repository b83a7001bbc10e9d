#include "server/actions/tasks/task_actions.hpp"

#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <set>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// The start times a Time filter allows: [from, to].
struct TimeRange {
    std::int64_t from = INT64_MIN;
    std::int64_t to = INT64_MAX;
};

Result<std::optional<TimeRange>> read_time_range(const Filter* filter, std::chrono::seconds zone) {
    if (filter == nullptr) return std::optional<TimeRange>();
    if (filter->values.size() > 2)
        return errors::invalid_parameter_value("Filters", "Time", "one or two datetimes", "一个或两个时间");
    TimeRange range;
    for (std::size_t i = 0; i < filter->values.size(); ++i) {
        const auto when = parse_datetime(filter->values[i], zone);
        if (!when)
            return errors::invalid_parameter_value("Filters", filter->values[i], "a datetime `YYYY-MM-DD HH:MM:SS`",
                                                   "格式为 `YYYY-MM-DD HH:MM:SS` 的时间");
        (i == 0 ? range.from : range.to) = *when;
    }
    return std::optional<TimeRange>(range);
}

// The cluster of a TaskId `<ClusterId>-<n>`.
std::string cluster_of(std::string_view task_id) {
    const auto dash = task_id.rfind('-');
    return std::string(task_id.substr(0, dash == std::string_view::npos ? 0 : dash));
}

std::set<std::string> clusters_to_read(ResourceDirectory& directory, storage::Repository& repository,
                                       const ActionContext& context, const std::vector<std::string>& cluster_ids,
                                       const std::vector<std::string>& task_ids) {
    std::set<std::string> clusters(cluster_ids.begin(), cluster_ids.end());
    if (clusters.empty())
        for (const auto& id : task_ids) clusters.insert(cluster_of(id));
    if (clusters.empty()) {
        for (const auto& cluster : directory.clusters()) clusters.insert(cluster.record.cluster_id);
        for (const auto& task : repository.tasks().of_account(context.account))
            if (!directory.find_cluster(task.cluster_id)) clusters.insert(task.cluster_id);  // deleted since
    }
    // A cluster of another region shows none of its tasks, as it shows nothing else.
    std::erase_if(clusters, [&](const std::string& id) {
        const auto cluster = directory.find_cluster(id);
        return cluster && !directory.cluster(id);
    });
    return clusters;
}

json::object task_info(const TaskView& task, ResourceDirectory& directory, const ActionContext& context) {
    const auto zone = context.config.api.utc_offset;
    const auto cluster = directory.find_cluster(task.cluster_id);
    std::string group_name;
    if (!task.table_group_id.empty())
        if (auto group = directory.find_table_group(task.cluster_id, task.table_group_id)) group_name = group->record.name;
    return json::object({{"TaskId", task.task_id},
                         {"TaskType", task.type},
                         {"TransId", task.progress == 100 ? std::to_string(task.number) : "0"},
                         {"ClusterId", task.cluster_id},
                         {"ClusterName", cluster ? cluster->record.name : ""},
                         {"Progress", task.progress},
                         {"StartTime", datetime_value(task.start_time, zone, context.memory)},
                         {"UpdateTime", datetime_value(task.update_time, zone, context.memory)},
                         {"Operator", task.operator_name},
                         {"Content", task.content},
                         {"TableGroupId", task.table_group_id},
                         {"TableGroupName", group_name},
                         {"TableName", task.table_name}},
                        context.memory);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_tasks(const ActionContext& context) {
    const auto& params = context.params;
    const auto page = read_page(params);
    if (!page) co_return page.error();
    const auto filters = read_filters(params, {{"Content"}, {"TaskType"}, {"Operator"}, {"Time"}});
    if (!filters) co_return filters.error();
    const auto time = read_time_range(find_filter(*filters, "Time"), context.config.api.utc_offset);
    if (!time) co_return time.error();
    const auto cluster_ids = read_strings(params, "ClusterIds");
    const auto task_ids = read_strings(params, "TaskIds");
    const auto now = unix_seconds(context.clock.now());
    co_return co_await read_resources(context, [&](ResourceDirectory& directory,
                                                   storage::Repository& repository) -> Result<json::object> {
        std::vector<TaskView> matching;
        for (const auto& cluster_id : clusters_to_read(directory, repository, context, cluster_ids, task_ids))
            for (auto& task : tasks_of_cluster(repository, context, cluster_id, now)) {
                if (!task_ids.empty() && std::find(task_ids.begin(), task_ids.end(), task.task_id) == task_ids.end())
                    continue;
                if (const auto* type = find_filter(*filters, "TaskType"); type && !type->accepts(task.type)) continue;
                if (const auto* who = find_filter(*filters, "Operator"); who && !who->accepts(task.operator_name)) continue;
                if (const auto* content = find_filter(*filters, "Content");
                    content && std::none_of(content->values.begin(), content->values.end(),
                                            [&](const auto& part) { return task.content.find(part) != std::string::npos; }))
                    continue;
                if (*time && (task.start_time < (*time)->from || task.start_time > (*time)->to)) continue;
                matching.push_back(std::move(task));
            }
        std::sort(matching.begin(), matching.end(), [](const TaskView& a, const TaskView& b) {
            if (a.start_time != b.start_time) return a.start_time > b.start_time;
            if (a.number != b.number) return a.number > b.number;
            return a.cluster_id > b.cluster_id;
        });
        json::array tasks(context.memory);
        for (const auto& task : page->of(matching)) tasks.push_back(task_info(task, directory, context));
        return json::object({{"TotalCount", matching.size()}, {"TaskInfos", std::move(tasks)}}, context.memory);
    });
}

}  // namespace tcaplus_mock
