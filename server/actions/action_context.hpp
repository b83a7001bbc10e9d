#pragma once
// What an action handler gets: its validated parameters and the services it may use.
// An action handler turns these into the Response fields of a success envelope, or an ApiError
// for a request-level failure. Per-item failures are ErrorInfo objects inside the fields.

#include "server/config/config.hpp"
#include "server/core/api_error.hpp"
#include "server/core/clock.hpp"
#include "server/core/language.hpp"
#include "storage/snapshot_store.hpp"

#include <boost/json/object.hpp>

namespace tcaplus_mock {

class ResourceCatalog;

struct ActionContext {
    const boost::json::object& params;  // already checked against the action's spec
    Language language;                  // for per-item error messages
    const Config& config;
    const Clock& clock;
    const ResourceCatalog& resources;
    storage::SnapshotStore& store;
};

// Returns the Response fields (without RequestId), or a request-level error.
// May throw on storage failure; the request handler turns that into InternalError.
using ActionHandler = Result<boost::json::object> (*)(const ActionContext& context);

}  // namespace tcaplus_mock
