#pragma once
// The task action (registered in ../action_registry.cpp). Tasks are recorded by the actions that
// start them (../task_log.hpp).

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// DescribeTasks: the tasks of the clusters of ClusterIds, of the clusters the TaskIds name, or else of
// every cluster seen from the request's region (and of deleted ones: a task stays findable until a
// reset), narrowed by TaskIds and Filters TaskType, Operator (exact), Content (a part of it) and Time
// (one datetime: tasks started then or later; two: started between them, both included); newest first
// (StartTime, then the TaskId's number, both descending); paged by Offset and Limit (default 20).
// Progress runs 0 to 100 over tasks.duration; TransId is "0" while a task runs, its number once done.
boost::asio::awaitable<Result<boost::json::object>> describe_tasks(const ActionContext& context);

}  // namespace tcaplus_mock
