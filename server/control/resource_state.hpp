#pragma once
// The state document's lists of resources (state_document.hpp): clusters, table groups, IDL files,
// tables, tasks and tags, each record's JSON form declared once (record_codec.hpp). Times are written
// in the document's zone. A hand-written seed may leave out all but a record's names: a cluster then
// gets its id for a name, no region (seen from every region), a table a new TableInstanceId on load.

#include "storage/repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace tcaplus_mock {

struct ResourceState {
    std::vector<storage::ClusterRecord> clusters;
    std::vector<storage::TableGroupRecord> table_groups;
    std::vector<storage::IdlFileRecord> idl_files;
    std::vector<storage::TableRecord> tables;
    std::vector<storage::TaskRecord> tasks;
    std::vector<storage::TagRecord> tags;
    std::vector<storage::ApplicationRecord> applications;
    std::vector<storage::BackupRecord> backups;
    std::vector<storage::BackupRuleRecord> backup_rules;
};

// Each list of one account's object in the document; `now` is a record's time when it gives none.
// Throws JsonFieldError naming the field.
void read_resource_list(std::string_view key, const boost::json::value& item, const std::string& path,
                        const std::string& account, std::chrono::seconds zone, std::int64_t now, ResourceState& state);
// The keys read_resource_list takes.
inline constexpr std::string_view resource_list_keys[] = {"clusters", "table_groups", "idl_files", "tables", "tasks",
                                                          "tags", "applications", "backups", "backup_rules"};

// Writes every list into `account_object`.
void write_resource_lists(const ResourceState& state, std::chrono::seconds zone, boost::json::object& account_object);

// On the store's threads: the account's resources; on the writer: stores them (a table without an
// instance id gets a new one).
ResourceState read_resources(storage::Repository& repository, const std::string& account);
void store_resources(storage::Repository& repository, ResourceState state);

}  // namespace tcaplus_mock
