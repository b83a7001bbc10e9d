#include "server/actions/backups/backup_actions.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/backups/backup_records.hpp"
#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

std::string level_of(const json::object& params, std::string_view name) {
    const auto* value = params.if_contains(name);
    return value ? std::string(value->as_string()) : std::string(every);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_backup_records(const ActionContext& context) {
    const auto page = read_page(context.params);
    if (!page) co_return page.error();
    const auto group = level_of(context.params, "TableGroupId");
    const auto table = level_of(context.params, "TableName");
    const auto now = unix_seconds(context.clock.now());
    co_return co_await read_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                   -> Result<json::object> {
        std::vector<std::string> clusters;
        if (const auto* id = context.params.if_contains("ClusterId")) {
            auto cluster = directory.cluster(id->as_string());
            if (!cluster) return cluster.error();
            clusters.push_back(cluster->record.cluster_id);
        } else {
            for (const auto& cluster : directory.clusters()) clusters.push_back(cluster.record.cluster_id);
        }
        std::vector<ListedBackup> listed;
        for (const auto& cluster_id : clusters) {
            auto of_cluster = listed_backups(repository, context, cluster_id, group, table, now);
            std::move(of_cluster.begin(), of_cluster.end(), std::back_inserter(listed));
        }
        json::array records(context.memory);
        for (const auto& backup : page->of(listed)) records.push_back(backup_record_info(backup, context));
        return json::object({{"BackupRecords", std::move(records)}, {"TotalCount", listed.size()}}, context.memory);
    });
}

}  // namespace tcaplus_mock
