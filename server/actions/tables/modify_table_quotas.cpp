#include "server/actions/tables/table_actions.hpp"

#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// Sets `member` from the item's `name` if given; "<label>[old -> new]".
std::string change_quota(storage::TableRecord& table, std::int64_t storage::TableRecord::*member,
                         const json::object& item, std::string_view name, std::string_view label) {
    const auto before = table.*member;
    if (const auto* value = item.if_contains(name)) table.*member = value->to_number<std::int64_t>();
    return std::string(label) + "[" + std::to_string(before) + " -> " + std::to_string(table.*member) + "]";
}

}  // namespace

boost::asio::awaitable<Result<json::object>> modify_table_quotas(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        return table_results(context, "TableQuotas", [&](const json::object& item, const std::string&) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!table) return table.error();
            const auto read_qps = change_quota(*table, &storage::TableRecord::reserved_read_qps, item, "ReservedReadQps", "read qps");
            const auto write_qps = change_quota(*table, &storage::TableRecord::reserved_write_qps, item, "ReservedWriteQps", "write qps");
            const auto volume = change_quota(*table, &storage::TableRecord::reserved_volume, item, "ReservedVolume", "volume");
            table->updated_time = now;
            repository.tables().put(*table);
            const auto what = "modify quotas table(" + table->table_name + ")";
            auto access = record_table_task(repository, context, "ModifyTableQuotas", what, *table,
                                            "Access Layer Expand: " + read_qps + ", " + write_qps);
            auto storage_layer = record_table_task(repository, context, "ModifyTableQuotas", what, *table,
                                                   "Storage Layer Expand: " + volume);
            return TableChange{std::move(*table), {std::move(access), std::move(storage_layer)}, true};
        }, ApprovalScope{repository, directory, cluster.record});
    });
}

}  // namespace tcaplus_mock
