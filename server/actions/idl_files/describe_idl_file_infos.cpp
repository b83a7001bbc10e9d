#include "server/actions/idl_files/idl_file_actions.hpp"

#include "server/actions/idl_files/request_files.hpp"
#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

bool listed_in(const std::vector<std::string>& list, const std::string& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_idl_file_infos(const ActionContext& context) {
    const auto page = read_page(context.params);
    if (!page) co_return page.error();
    const auto file_ids = read_strings(context.params, "IdlFileIds");
    const auto group_ids = read_strings(context.params, "TableGroupIds");
    co_return co_await read_in_cluster(context, [&](ResourceDirectory&, storage::Repository& repository,
                                                    const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        std::vector<storage::IdlFileRecord> matching;
        for (auto& file : repository.idl_files().of_cluster(context.account, cluster.record.cluster_id))
            if (listed_in(file_ids, std::to_string(file.file_id)) && listed_in(group_ids, file.table_group_id))
                matching.push_back(std::move(file));
        json::array infos(context.memory);
        for (const auto& file : page->of(matching)) infos.push_back(idl_file_info(file, !file_ids.empty(), context.memory));
        return json::object({{"TotalCount", matching.size()}, {"IdlFileInfos", std::move(infos)}}, context.memory);
    });
}

}  // namespace tcaplus_mock
