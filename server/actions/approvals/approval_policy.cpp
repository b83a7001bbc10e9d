#include "server/actions/approvals/approval_policy.hpp"

#include <array>
#include <utility>

namespace tcaplus_mock {

namespace {

// ApplyType: 0 add table, 1 delete table, 2 clear table, 3 modify table, 4 rebuild table, 5 storage
// layer scaling, 6 access layer scaling, 7 copy table data, 8 key rollback (the spec's list); 9 backup
// is the emulator's own (CreateBackup answers ApplicationIds, and the list names no type for it).
constexpr std::array<std::pair<std::string_view, std::int64_t>, 8> filed_actions{{
    {"CreateTables", 0},
    {"DeleteTables", 1},
    {"ClearTables", 2},
    {"ModifyTables", 3},
    {"ModifyTableQuotas", 5},
    {"MergeTablesData", 7},
    {"ImportSnapshots", 8},
    {"CreateBackup", 9},
}};

}  // namespace

std::optional<std::int64_t> application_type_of(std::string_view action) {
    for (const auto& [name, type] : filed_actions)
        if (name == action) return type;
    return std::nullopt;
}

}  // namespace tcaplus_mock
