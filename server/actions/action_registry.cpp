#include "server/actions/action_registry.hpp"

#include "server/actions/create_snapshots.hpp"
#include "server/actions/delete_snapshots.hpp"
#include "server/actions/describe_snapshots.hpp"
#include "server/actions/import_snapshots.hpp"
#include "server/actions/modify_snapshots.hpp"

#include <array>
#include <utility>

namespace tcaplus_mock {
namespace {

constexpr auto implemented_actions = std::to_array<std::pair<std::string_view, ActionHandler>>({
    {"CreateSnapshots", &create_snapshots},
    {"DescribeSnapshots", &describe_snapshots},
    {"DeleteSnapshots", &delete_snapshots},
    {"ModifySnapshots", &modify_snapshots},
    {"ImportSnapshots", &import_snapshots},
});

}  // namespace

ActionHandler find_action_handler(std::string_view action) {
    for (const auto& [name, handler] : implemented_actions)
        if (name == action) return handler;
    return nullptr;
}

}  // namespace tcaplus_mock
