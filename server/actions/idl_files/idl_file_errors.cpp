#include "server/actions/idl_files/idl_file_errors.hpp"

#include "server/core/api_errors.hpp"

#include <string>

namespace tcaplus_mock::errors {

ApiError idl_file_not_found(std::string_view cluster_id, std::int64_t file_id) {
    const auto id = std::to_string(file_id);
    return make("ResourceNotFound", "The IDL file " + quoted(id) + " of cluster " + quoted(cluster_id) + " does not exist.",
                "集群 " + quoted(cluster_id) + " 中不存在 IDL 文件 " + quoted(id) + "。");
}

ApiError idl_file_in_use(std::int64_t file_id, std::size_t tables) {
    const auto id = std::to_string(file_id);
    const auto count = std::to_string(tables);
    return make("ResourceInUse",
                "The IDL file " + quoted(id) + " is used by " + count + (tables == 1 ? " table" : " tables") +
                    "; it can be deleted once no table uses it.",
                "IDL 文件 " + quoted(id) + " 正被 " + count + " 张表使用，无表关联后才能删除。");
}

ApiError file_type_mismatch(std::string_view path, std::string_view file_type, std::string_view ext_type) {
    return make("InvalidParameterValue",
                "The file type " + quoted(file_type) + " does not go with the extension " + quoted(ext_type) + " in " +
                    quoted(path) + ": PROTO files are `proto`, TDR files `xml`.",
                quoted(path) + " 的文件类型 " + quoted(file_type) + " 与扩展类型 " + quoted(ext_type) +
                    " 不匹配：PROTO 文件为 `proto`，TDR 文件为 `xml`。",
                std::string(path));
}

ApiError file_type_not_in_cluster(std::string_view path, std::string_view file_type, std::string_view cluster_idl_type) {
    return make("InvalidParameterValue",
                "A cluster of IdlType " + quoted(cluster_idl_type) + " does not take " + quoted(file_type) + " files (" +
                    quoted(path) + ").",
                "IdlType 为 " + quoted(cluster_idl_type) + " 的集群不接受 " + quoted(file_type) + " 文件（" +
                    quoted(path) + "）。",
                std::string(path));
}

ApiError idl_file_unreadable(std::string_view path, const idl::IdlParseError& error) {
    std::string where = quoted(error.file);
    if (error.line > 0) where += " line " + std::to_string(error.line) + ", column " + std::to_string(error.column);
    return make("InvalidParameterValue",
                "The IDL file in " + quoted(path) + " cannot be read: " + where + ": " + error.message,
                quoted(path) + " 中的 IDL 文件无法解析：" + where + "：" + error.message, std::string(path));
}

ApiError table_rule_broken(std::string_view table_name, std::string_view problem) {
    return make("InvalidParameterValue", "The table " + quoted(table_name) + " breaks a rule: " + std::string(problem),
                "表 " + quoted(table_name) + " 不符合规则：" + std::string(problem));
}

ApiError table_not_in_files(std::string_view table_name) {
    return make("InvalidParameterValue",
                "No IDL file of the request defines the table " + quoted(table_name) +
                    " (a message or struct naming its primary key).",
                "请求的 IDL 文件中没有定义表 " + quoted(table_name) + "（声明了主键的 message 或 struct）。");
}

ApiError table_disagrees_with_idl(std::string_view path, std::string_view given, std::string_view defined) {
    return make("InvalidParameterValue",
                quoted(path) + " is " + quoted_value(given) + " but the table's IDL defines " + quoted_value(defined) + ".",
                quoted(path) + " 为 " + quoted_value(given) + "，而表的 IDL 定义为 " + quoted_value(defined) + "。",
                std::string(path));
}

ApiError schema_change_refused(std::string_view table_name, std::string_view problem) {
    return make("FailedOperation",
                "The table " + quoted(table_name) + " cannot take the new schema: " + std::string(problem),
                "表 " + quoted(table_name) + " 不能变更为新的表结构：" + std::string(problem));
}

}  // namespace tcaplus_mock::errors
