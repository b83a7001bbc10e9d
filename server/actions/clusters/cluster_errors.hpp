#pragma once
// The errors the cluster actions raise, written with the catalog helpers of
// server/core/api_errors.hpp (both languages, names quoted and cut).

#include "server/core/api_error.hpp"

#include <string_view>

namespace tcaplus_mock::errors {

ApiError invalid_cluster_name(std::string_view parameter, std::string_view name);
ApiError unsupported_idl_type(std::string_view idl_type);
ApiError duplicate_cluster_name(std::string_view name);
ApiError invalid_password(std::string_view parameter);
ApiError password_failure();
ApiError old_password_in_use(std::string_view expires);
ApiError old_password_has_expired();
ApiError invalid_time_value(std::string_view parameter, std::string_view value);

}  // namespace tcaplus_mock::errors
