#include "server/actions/idl_files/idl_file_actions.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/core/api_errors.hpp"
#include "server/actions/response_values.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// IdlFileInfoWithoutContent of an item: the stored file's fields, else the item's, and its Error.
json::object deleted_info(const json::object& item, const std::optional<storage::IdlFileRecord>& file,
                          const std::optional<ApiError>& error, const ActionContext& context) {
    const auto& memory = context.memory;
    const auto given = [&](const char* name) { return item.contains(name) ? json::value(item.at(name), memory) : json::value(nullptr); };
    json::object info(memory);
    info["FileName"] = file ? json::value(file->name, memory) : given("FileName");
    info["FileType"] = file ? json::value(file->file_type, memory) : given("FileType");
    info["FileExtType"] = file ? json::value(file->ext_type, memory) : given("FileExtType");
    info["FileSize"] = file ? json::value(file->size) : given("FileSize");
    info["FileId"] = given("FileId");
    info["Error"] = error_or_null(error, context.language, memory);
    return info;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> delete_idl_files(const ActionContext& context) {
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        const auto tables = directory.tables(cluster_id);
        json::array infos(context.memory);
        const auto& items = context.params.at("IdlFiles").as_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& item = items[i].as_object();
            std::optional<storage::IdlFileRecord> file;
            std::optional<ApiError> error;
            if (!item.contains("FileId")) {
                error = errors::missing_parameter("IdlFiles." + std::to_string(i) + ".FileId");
            } else if (const auto id = item.at("FileId").to_number<std::int64_t>();
                       !(file = repository.idl_files().find(context.account, cluster_id, id))) {
                error = errors::idl_file_not_found(cluster_id, id);
            } else {
                const auto users = std::count_if(tables.begin(), tables.end(),
                                                 [&](const auto& found) { return found.record.file_id == id; });
                if (users > 0) error = errors::idl_file_in_use(id, static_cast<std::size_t>(users));
                else repository.idl_files().erase(context.account, cluster_id, id);
            }
            infos.push_back(deleted_info(item, file, error, context));
        }
        return json::object({{"TotalCount", infos.size()}, {"IdlFileInfos", std::move(infos)}}, context.memory);
    });
}

}  // namespace tcaplus_mock
