#pragma once
// Tables: one row per table stored in a table group (CreateTables, a seed, an import into a new table,
// or a change to a table that existed only because snapshots or the configuration named it), in the
// recycle bin or not. Thread safety and failure as SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct TableRecord {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;
    std::string table_name;
    std::string instance_id;  // `tcaplus-` and 8 lower-case letters or digits, unique in the account
    std::string table_type;   // GENERIC, LIST or SORTLIST
    std::string idl_type;     // PROTO or TDR
    std::int64_t file_id = 0;  // the IDL file that defines it; 0 = none
    std::int64_t list_element_num = 0;
    std::int64_t sort_field_num = 0;
    std::int64_t sort_rule = 0;
    std::string sharding_key_set;
    // The schema as ParsedTableInfoNew writes it (server/idl/schema_json.hpp); "" when unknown (a
    // table only snapshots or the configuration name).
    std::string key_fields;
    std::string value_fields;
    std::string index_key_set;
    std::int64_t tdr_version = 1;
    std::int64_t table_size = 0;  // bytes: what the last import brought; 0 when new or cleared
    std::string global_index;     // SetTableIndex's {"Fields", "ShardNum"} as JSON; "" = none
    std::string data_flow;        // SetTableDataFlow's {"Fields", "KafkaInfo"} as JSON; "" = none
    std::int64_t reserved_volume = 0;
    std::int64_t reserved_read_qps = 0;
    std::int64_t reserved_write_qps = 0;
    std::string memo;
    std::int64_t created_time = 0;
    std::int64_t updated_time = 0;
    std::optional<std::int64_t> recycled_time;  // set while it is in the recycle bin

    bool operator==(const TableRecord&) const = default;
};

// What lists of tables need of each: its key and the few numbers they count or filter on, without the
// schema texts (a cluster's list reads 1,000 of these where a page shows 20 whole tables).
struct TableSummary {
    std::string table_group_id;
    std::string table_name;
    std::string instance_id;
    std::int64_t file_id = 0;
    std::int64_t table_size = 0;
    bool recycled = false;

    bool operator==(const TableSummary&) const = default;
};

class TableRows {
public:
    explicit TableRows(Database& db);

    std::optional<TableRecord> find(std::string_view account, std::string_view cluster_id,
                                    std::string_view table_group_id, std::string_view table_name);
    std::optional<TableRecord> find_by_instance(std::string_view account, std::string_view instance_id);
    // The tables of one cluster, or of every cluster of the account; both in the order
    // DescribeTables lists them: cluster, table group (numeric ids in numeric order), table name.
    std::vector<TableRecord> of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<TableRecord> of_account(std::string_view account);
    // The summaries of one cluster's tables, in key order (byte order of table group, then name: the
    // primary key's, which needs no sorting).
    std::vector<TableSummary> summaries_of_cluster(std::string_view account, std::string_view cluster_id);
    // Inserts, or replaces the row of the same key.
    void put(const TableRecord& record);
    bool erase(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
               std::string_view table_name);
    // Whether any account has a table with this instance id.
    bool instance_id_taken(std::string_view instance_id);

private:
    Database& db_;
    CachedStatement find_, find_by_instance_, of_cluster_, of_account_, summaries_of_cluster_, put_, erase_, instance_id_taken_;
};

}  // namespace tcaplus_mock::storage
