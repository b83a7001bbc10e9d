#pragma once
// Which actions a cluster under approval (ModifyCensorship Censorship 1) does not carry out at once
// but files as applications, one per item, and the ApplyType each application gets. The service does
// not document this; the emulator's reading (docs/actions/approvals.md) is this table, in
// approval_policy.cpp. Taking an action out is a change of the table alone; an action put in must
// also ask (table_results with an ApprovalScope, or filed_application_type, as the eight listed do).

#include <cstdint>
#include <optional>
#include <string_view>

namespace tcaplus_mock {

// DescribeApplications' ApplyType of the applications `action` files; nullopt when it runs at once
// whatever the cluster's approval setting.
std::optional<std::int64_t> application_type_of(std::string_view action);

}  // namespace tcaplus_mock
