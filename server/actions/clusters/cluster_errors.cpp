#include "server/actions/clusters/cluster_errors.hpp"

#include "server/core/api_errors.hpp"

#include <string>

namespace tcaplus_mock::errors {

ApiError invalid_cluster_name(std::string_view parameter, std::string_view name) {
    return make("InvalidParameterValue.InvalidClusterName",
                "The cluster name " + quoted_value(name) + " in " + quoted(parameter) +
                    " is not valid. Expected 1 to 32 characters.",
                "参数 " + quoted(parameter) + " 的集群名称 " + quoted_value(name) + " 不合法，应为 1 到 32 个字符。",
                std::string(parameter));
}

ApiError unsupported_idl_type(std::string_view idl_type) {
    return make("InvalidParameterValue.UnsupportIdlType",
                "The IdlType " + quoted_value(idl_type) + " is not supported. Expected `MIX`, `PROTO` or `TDR`.",
                "不支持的数据描述类型 " + quoted_value(idl_type) + "，应为 `MIX`、`PROTO` 或 `TDR`。", "IdlType");
}

ApiError duplicate_cluster_name(std::string_view name) {
    return make("ResourceUnavailable.DuplicateClusterName",
                "A cluster named " + quoted_value(name) + " already exists in this region.",
                "本地域已存在名为 " + quoted_value(name) + " 的集群。", "ClusterName");
}

ApiError invalid_password(std::string_view parameter) {
    return make("InvalidParameterValue",
                "The value specified in the parameter " + quoted(parameter) +
                    " is not valid. Expected letters and digits only, at most 64, with at least one digit, one "
                    "lower-case and one upper-case letter.",
                "参数 " + quoted(parameter) + " 的取值无效：密码只能包含字母和数字，最多 64 个，且至少包含一个数字、"
                    "一个小写字母和一个大写字母。",
                std::string(parameter));
}

ApiError password_failure() {
    return make("FailedOperation.PasswordFailure", "The `OldPassword` is not the cluster's password.",
                "密码错误：`OldPassword` 不是集群的密码。", "OldPassword");
}

ApiError old_password_in_use(std::string_view expires) {
    return make("FailedOperation.OldPasswordInUse",
                "The old password is still in use until " + quoted(expires) +
                    "; the password can be changed again once it has expired.",
                "旧密码还未失效（失效时间 " + quoted(expires) + "），失效后才能再次修改密码。");
}

ApiError old_password_has_expired() {
    return make("FailedOperation.OldPasswordHasExpired",
                "The old password has already expired; its expiry can no longer be changed.",
                "旧密码已经失效，不能再修改其失效时间。");
}

ApiError invalid_time_value(std::string_view parameter, std::string_view value) {
    return make("InvalidParameterValue.InvalidTimeValue",
                "The value " + quoted_value(value) + " specified in the parameter " + quoted(parameter) +
                    " is not valid. Expected a time in the future.",
                "参数 " + quoted(parameter) + " 的取值 " + quoted_value(value) + " 无效，应为将来的时间。",
                std::string(parameter));
}


}  // namespace tcaplus_mock::errors
