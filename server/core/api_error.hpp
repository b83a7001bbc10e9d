#pragma once
// ApiError: a failure caused by the request, answered as a Tencent error envelope
// (`{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`, HTTP 200).
// Result<T>: a value or an ApiError; the way every request stage reports failure.

#include "server/core/language.hpp"

#include <boost/system/result.hpp>

#include <optional>
#include <string>

namespace tcaplus_mock {

struct ApiError {
    std::string code;       // Tencent error code, e.g. "InvalidParameterValue"
    LocalizedText message;  // never names internals, never shows a key or a signature
    std::string parameter;  // the parameter at fault (`SelectedTables.1.SnapshotTime`), "" if none

    bool operator==(const ApiError&) const = default;
};

template <class T>
using Result = boost::system::result<T, ApiError>;

// The error of `result`, or nullopt when it holds a value.
template <class T>
std::optional<ApiError> error_of(const Result<T>& result) {
    if (result) return std::nullopt;
    return result.error();
}

// Called by Result<T>::value() on an error; throws std::runtime_error with the code and message.
[[noreturn]] void throw_exception_from_error(const ApiError& error, const boost::source_location& location);

}  // namespace tcaplus_mock
