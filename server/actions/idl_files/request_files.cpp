#include "server/actions/idl_files/request_files.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/encodings.hpp"
#include "server/core/text.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// What Go's url.QueryEscape leaves as it is, and the `%` and `+` it writes.
bool is_query_escaped(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || text::is_digit(c) || c == '-' || c == '_' ||
               c == '.' || c == '~' || c == '%' || c == '+';
    });
}

std::string text_member(const json::object& item, std::string_view name) {
    const auto* value = item.if_contains(name);
    return value ? std::string(value->as_string()) : std::string();
}

std::string uppercase(std::string text) {
    for (auto& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return text;
}

// FileType and FileExtType of a new file, as the record keeps them.
Result<void> read_kind(storage::IdlFileRecord& file, const json::object& item, const std::string& path,
                       const storage::ClusterRecord& cluster) {
    file.file_type = uppercase(text_member(item, "FileType"));
    file.ext_type = text::lowercase(text_member(item, "FileExtType"));
    const bool proto = file.file_type == "PROTO" && file.ext_type == "proto";
    const bool tdr = file.file_type == "TDR" && file.ext_type == "xml";
    if (!proto && !tdr) return errors::file_type_mismatch(path, text_member(item, "FileType"), text_member(item, "FileExtType"));
    if (cluster.idl_type != "MIX" && cluster.idl_type != file.file_type)
        return errors::file_type_not_in_cluster(path + ".FileType", file.file_type, cluster.idl_type);
    return {};
}

Result<std::vector<RequestFile>> take_stored(const ActionContext& context, storage::Repository& repository,
                                             const storage::ClusterRecord& cluster, std::string_view list) {
    std::vector<RequestFile> files;
    const auto* items = context.params.if_contains(list);
    if (items == nullptr) return files;
    for (std::size_t i = 0; i < items->as_array().size(); ++i) {
        const auto& item = items->as_array()[i].as_object();
        const auto path = std::string(list) + "." + std::to_string(i);
        const auto* id = item.if_contains("FileId");
        if (id == nullptr) return errors::missing_parameter(path + ".FileId");
        auto stored = repository.idl_files().find(context.account, cluster.cluster_id, id->to_number<std::int64_t>());
        if (!stored) return errors::idl_file_not_found(cluster.cluster_id, id->to_number<std::int64_t>());
        files.push_back({std::move(*stored), path});
    }
    return files;
}

Result<std::vector<RequestFile>> take_new(const ActionContext& context, storage::Repository& repository,
                                          const storage::ClusterRecord& cluster, std::string_view list) {
    std::vector<RequestFile> files;
    const auto* items = list.empty() ? nullptr : context.params.if_contains(list);
    if (items == nullptr) return files;
    const auto& array = items->as_array();
    const auto first_id = repository.counters().reserve_file_numbers(context.account, cluster.cluster_id,
                                                                     static_cast<std::int64_t>(array.size()));
    const auto now = unix_seconds(context.clock.now());
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto& item = array[i].as_object();
        RequestFile file{{}, std::string(list) + "." + std::to_string(i)};
        auto& record = file.record;
        if (auto wrong = read_kind(record, item, file.path, cluster); !wrong) return wrong.error();
        if (!item.contains("FileContent")) return errors::missing_parameter(file.path + ".FileContent");
        record.account = context.account;
        record.cluster_id = cluster.cluster_id;
        record.file_id = first_id + static_cast<std::int64_t>(i);
        record.name = text_member(item, "FileName");
        record.size = item.at("FileSize").to_number<std::int64_t>();
        record.content = file_text(item.at("FileContent").as_string());
        record.table_group_id = text_member(context.params, "TableGroupId");
        record.created_time = now;
        repository.idl_files().put(record);
        files.push_back(std::move(file));
    }
    return files;
}

}  // namespace

std::string file_text(std::string_view content) {
    if (const auto decoded = encodings::base64_decode(content); decoded && !decoded->empty() && is_query_escaped(*decoded))
        if (auto text = encodings::percent_decode(*decoded)) return std::move(*text);
    return std::string(content);
}

Result<std::vector<RequestFile>> take_request_files(const ActionContext& context, storage::Repository& repository,
                                                    const storage::ClusterRecord& cluster,
                                                    std::initializer_list<std::string_view> stored_lists,
                                                    std::string_view new_list) {
    std::vector<RequestFile> files;
    for (const auto list : stored_lists) {
        auto stored = take_stored(context, repository, cluster, list);
        if (!stored) return stored.error();
        std::move(stored->begin(), stored->end(), std::back_inserter(files));
    }
    auto fresh = take_new(context, repository, cluster, new_list);
    if (!fresh) return fresh.error();
    std::move(fresh->begin(), fresh->end(), std::back_inserter(files));
    return files;
}

Result<idl::ParsedIdl> read_tables(storage::Repository& repository, const RequestFile& file,
                                   const std::vector<RequestFile>& neighbours) {
    const auto& record = file.record;
    const auto format = record.file_type == "TDR" ? idl::IdlFormat::tdr : idl::IdlFormat::proto;
    std::vector<idl::ImportableFile> importable;
    if (format == idl::IdlFormat::proto) {
        for (const auto& other : neighbours)
            if (other.record.file_id != record.file_id) importable.emplace_back(other.record.name, other.record.content);
        for (auto& stored : repository.idl_files().of_cluster(record.account, record.cluster_id))
            if (stored.file_id != record.file_id) importable.emplace_back(std::move(stored.name), std::move(stored.content));
    }
    auto parsed = idl::parse_idl(format, record.name, record.content, importable);
    if (!parsed) return errors::idl_file_unreadable(file.path, parsed.error());
    return std::move(*parsed);
}

json::object idl_file_info(const storage::IdlFileRecord& file, bool with_content, const json::storage_ptr& memory) {
    json::object info(memory);
    info["FileName"] = file.name;
    info["FileType"] = file.file_type;
    info["FileExtType"] = file.ext_type;
    info["FileSize"] = file.size;
    info["FileId"] = file.file_id;
    info["FileContent"] = with_content ? json::value(encodings::percent_encode(file.content), memory) : json::value(nullptr);
    return info;
}

}  // namespace tcaplus_mock
