#pragma once
// The small objects many answers carry, written once: an ErrorInfo, a list of tags, a datetime.
// Every function allocates in `memory` (the request's arena).

#include "server/core/api_error.hpp"
#include "server/core/language.hpp"
#include "storage/tag_rows.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace tcaplus_mock {

// {"Code", "Message"} of `error` in `language`; null when there is none (the live service's form for
// an item that succeeded, which Terraform requires).
boost::json::value error_or_null(const std::optional<ApiError>& error, Language language,
                                 const boost::json::storage_ptr& memory);

// [{"TagKey", "TagValue"}] in key order.
boost::json::array tag_list(const std::vector<storage::TagRecord>& tags, const boost::json::storage_ptr& memory);

// `YYYY-MM-DD HH:MM:SS` in `zone`.
boost::json::value datetime_value(std::int64_t unix_seconds, std::chrono::seconds zone,
                                  const boost::json::storage_ptr& memory);

}  // namespace tcaplus_mock
