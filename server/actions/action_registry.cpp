#include "server/actions/action_registry.hpp"

#include "server/actions/create_snapshots.hpp"

#include <array>
#include <utility>

namespace tcaplus_mock {
namespace {

constexpr std::array<std::pair<std::string_view, ActionHandler>, 1> implemented_actions{{
    {"CreateSnapshots", &create_snapshots},
}};

}  // namespace

ActionHandler find_action_handler(std::string_view action) {
    for (const auto& [name, handler] : implemented_actions)
        if (name == action) return handler;
    return nullptr;
}

}  // namespace tcaplus_mock
