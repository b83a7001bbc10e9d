#pragma once
// The actions of the API and the handler that carries out each one, resolved once: a request looks
// its action up here a single time and gets both its spec (validation) and its handler. Every
// action of the built-in spec has a handler (building the registry throws std::logic_error
// otherwise). Adding an action = its spec data + one handler file + one row in action_registry.cpp,
// under the resource it acts on.
//
// Thread safety: the registry is built on first use and immutable after; read it from any thread.

#include "server/actions/action_context.hpp"
#include "server/validation/action_spec.hpp"

#include <string_view>
#include <vector>

namespace tcaplus_mock {

struct Action {
    const ActionSpec* spec;  // never null: the built-in spec's entry
    ActionHandler handler;   // never null
    // True when the action answers each table of its batch on its own (an Error per item), so that
    // an item_error fault rule fails the items of its table; false: such a rule fails the request.
    bool answers_per_table_item = false;
};

// The action called `name` (exact match), or nullptr when the API has no such action.
const Action* find_action(std::string_view name);

// Every action of the API, in spec order.
const std::vector<Action>& all_actions();

}  // namespace tcaplus_mock
