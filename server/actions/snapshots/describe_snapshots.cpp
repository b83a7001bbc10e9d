#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/resource_directory.hpp"
#include "server/actions/snapshots/selected_snapshots.hpp"
#include "server/actions/snapshots/snapshot_result.hpp"
#include "server/actions/store_calls.hpp"

#include <boost/json/array.hpp>

#include <set>
#include <utility>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

std::optional<std::string> optional_text(const json::object& params, std::string_view key) {
    const auto* value = params.if_contains(key);
    if (value == nullptr) return std::nullopt;
    return std::string(value->as_string());
}

// (TableGroupId, TableName) of every SelectedTables item; empty when none are given.
std::set<std::pair<std::string, std::string>> selected_tables(const json::object& params) {
    std::set<std::pair<std::string, std::string>> tables;
    const auto* list = params.if_contains("SelectedTables");
    if (list == nullptr) return tables;
    for (const auto& item : list->as_array()) {
        const auto& table = item.as_object();
        tables.emplace(table.at("TableGroupId").as_string(), table.at("TableName").as_string());
    }
    return tables;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_snapshots(const ActionContext& context) {
    const auto& params = context.params;
    const storage::SnapshotQuery query{context.account, std::string(params.at("ClusterId").as_string()),
                                       optional_text(params, "TableGroupId"), optional_text(params, "TableName"),
                                       optional_text(params, "SnapshotName")};
    std::vector<storage::SnapshotRecord> records;
    Result<void> usable;
    co_await store_read(context.store, [&](storage::Repository& repository) {
        usable = ResourceDirectory(repository, context.scope()).usable_by_snapshots(query.cluster_id);
        if (usable) records = repository.snapshots().list(query);
    });
    if (!usable) co_return usable.error();

    const auto wanted_tables = selected_tables(params);
    const long long now = unix_seconds(context.clock.now());
    json::array results(context.memory);
    results.reserve(records.size());
    for (const auto& record : records) {
        if (!wanted_tables.empty() && !wanted_tables.contains({record.key.table_group_id, record.key.table_name}))
            continue;
        const auto status = live_status(&record, context, now);
        if (status) results.push_back(snapshot_result(record, *status, context.config.api.utc_offset, context.memory));
    }
    co_return json::object({{"TotalCount", results.size()}, {"TableResults", std::move(results)}}, context.memory);
}

}  // namespace tcaplus_mock
