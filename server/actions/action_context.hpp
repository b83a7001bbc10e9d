#pragma once
// What an action handler gets: its validated parameters, the caller's account and the services
// it may use. An action handler turns these into the Response fields of a success envelope, or an
// ApiError for a request-level failure. Per-item failures are ErrorInfo objects inside the fields.

#include "server/actions/resource_directory.hpp"
#include "server/config/config.hpp"
#include "server/core/api_error.hpp"
#include "server/core/clock.hpp"
#include "server/core/language.hpp"
#include "storage/store.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

// A per-item failure the control plane's fault rules impose on the items of some tables.
struct ItemFault {
    std::string table_name;  // "" = every item
    ApiError error;
};

struct ActionContext {
    std::string_view action;            // the action's name
    const boost::json::object& params;  // already checked against the action's spec
    Language language;                  // for per-item error messages
    const std::string& account;         // every row read or written belongs to it
    std::string_view region;            // the request's region: the resources it sees
    const Config& config;
    const Clock& clock;
    std::int64_t started_at;            // when the emulator started, on its clock
    storage::Store& store;
    const std::optional<ItemFault>& item_fault;
    // Where the answer's JSON is allocated: the request's arena, freed at once when the request
    // is done. Build every value of the answer with it (a value built elsewhere is copied in).
    boost::json::storage_ptr memory;
    // True while an approved application is carried out (approvals/update_apply.cpp): the action runs
    // even though its cluster is under approval.
    bool approved = false;

    // Whose resources a ResourceDirectory (resource_directory.hpp) reads for this request.
    ResourceScope scope() const { return {account, region, config.resources, started_at, false}; }

    // The failure a control-plane fault rule imposes on an item of table `table_name`, if any.
    std::optional<ApiError> fault_for_item(std::string_view table_name) const {
        if (item_fault && (item_fault->table_name.empty() || item_fault->table_name == table_name))
            return item_fault->error;
        return std::nullopt;
    }
};

// Returns the Response fields (without RequestId), or a request-level error. Runs on the
// request's coroutine; storage is awaited (store_calls.hpp), never called inline.
// May throw on storage failure; the request handler turns that into InternalError.
using ActionHandler = boost::asio::awaitable<Result<boost::json::object>> (*)(const ActionContext& context);

}  // namespace tcaplus_mock
