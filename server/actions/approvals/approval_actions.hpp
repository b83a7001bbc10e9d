#pragma once
// The approval actions: one handler each (a file of this folder), registered in ../action_registry.cpp.
// A cluster under approval files an application for each item of the actions approval_policy.hpp
// names instead of carrying it out; UpdateApply approves (the action is carried out then, its task
// starts), rejects or withdraws it.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// ModifyCensorship: Censorship 1 puts the cluster under approval, 0 takes it out (another value is
// InvalidParameterValue); Uins, when given, become its approvers (DbaUins). Answers ClusterId, Uins and
// Censorship as they now are. Pending applications stay pending either way.
boost::asio::awaitable<Result<boost::json::object>> modify_censorship(const ActionContext& context);

// DescribeApplications: the applications of the cluster of ClusterId (or of every cluster seen from
// the request's region), newest first, narrowed by CensorStatus (ApplicationStatus), TableGroupId,
// TableName, Applicant and ApplyType; paged by Offset and Limit (default 10).
boost::asio::awaitable<Result<boost::json::object>> describe_applications(const ActionContext& context);

// UpdateApply: per item of ApplyStatus, ApplicationStatus 1 approves (the filed action is carried out
// now; its TaskId is answered), 2 rejects, -1 withdraws. An application no longer pending is
// OperationDenied "Application has been processed."; an unknown one ResourceNotFound; an
// ApplicationType that is not the application's InvalidParameterValue. An approved action that fails
// answers its error. TotalCount counts the applications changed.
boost::asio::awaitable<Result<boost::json::object>> update_apply(const ActionContext& context);

}  // namespace tcaplus_mock
