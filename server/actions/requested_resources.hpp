#pragma once
// The resources a request names, checked against what exists for the caller (resource_catalog.hpp).

#include "server/actions/action_context.hpp"

#include <string>

namespace tcaplus_mock {

// `ClusterId` of the request, or ResourceNotFound when the caller has no such cluster.
Result<std::string> requested_cluster(const ActionContext& context);

}  // namespace tcaplus_mock
