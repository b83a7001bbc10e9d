#include "server/control/resource_state.hpp"

#include "server/actions/idl_files/parsed_tables.hpp"
#include "server/actions/resource_ids.hpp"
#include "server/control/record_codec.hpp"

#include <array>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

using storage::ApplicationRecord;
using storage::BackupRecord;
using storage::BackupRuleRecord;
using storage::ClusterRecord;
using storage::IdlFileRecord;
using storage::TableGroupRecord;
using storage::TableRecord;
using storage::TagRecord;
using storage::TaskRecord;

constexpr auto text = FieldKind::text;
constexpr auto integer = FieldKind::integer;
constexpr auto time = FieldKind::time;

const std::array<RecordField<ClusterRecord>, 21> cluster_fields{{
    {"cluster_id", text, &ClusterRecord::cluster_id, true},
    {"region", text, &ClusterRecord::region},
    {"name", text, &ClusterRecord::name},
    {"idl_type", text, &ClusterRecord::idl_type},
    {"vpc_id", text, &ClusterRecord::vpc_id},
    {"subnet_id", text, &ClusterRecord::subnet_id},
    {"password", text, &ClusterRecord::password},
    {"old_password", text, &ClusterRecord::old_password},
    {"old_password_expire_time", time, &ClusterRecord::old_password_expire_time},
    {"cluster_type", integer, &ClusterRecord::cluster_type},
    {"auth_type", integer, &ClusterRecord::auth_type},
    {"ipv6_enable", integer, &ClusterRecord::ipv6_enable},
    {"server_list", FieldKind::json, &ClusterRecord::server_list},
    {"proxy_list", FieldKind::json, &ClusterRecord::proxy_list},
    {"created_time", time, &ClusterRecord::created_time},
    {"ready_time", time, &ClusterRecord::ready_time},
    {"censorship", integer, &ClusterRecord::censorship},
    {"censor_uins", FieldKind::json, &ClusterRecord::censor_uins},
    {"rest_proxy_on", integer, &ClusterRecord::rest_proxy_on},
    {"rest_proxy_changed", time, &ClusterRecord::rest_proxy_changed},
    {"kafka_info", text, &ClusterRecord::kafka_info},
}};

const std::array<RecordField<TableGroupRecord>, 4> table_group_fields{{
    {"cluster_id", text, &TableGroupRecord::cluster_id, true},
    {"table_group_id", text, &TableGroupRecord::table_group_id, true},
    {"name", text, &TableGroupRecord::name},
    {"created_time", time, &TableGroupRecord::created_time},
}};

const std::array<RecordField<IdlFileRecord>, 9> idl_file_fields{{
    {"cluster_id", text, &IdlFileRecord::cluster_id, true},
    {"file_id", integer, &IdlFileRecord::file_id, true},
    {"name", text, &IdlFileRecord::name, true},
    {"file_type", text, &IdlFileRecord::file_type, true},
    {"ext_type", text, &IdlFileRecord::ext_type, true},
    {"size", integer, &IdlFileRecord::size},
    {"content", text, &IdlFileRecord::content, true},
    {"table_group_id", text, &IdlFileRecord::table_group_id},
    {"created_time", time, &IdlFileRecord::created_time},
}};

const std::array<RecordField<TableRecord>, 25> table_fields{{
    {"cluster_id", text, &TableRecord::cluster_id, true},
    {"table_group_id", text, &TableRecord::table_group_id, true},
    {"table_name", text, &TableRecord::table_name, true},
    {"instance_id", text, &TableRecord::instance_id},
    {"table_type", text, &TableRecord::table_type},
    {"idl_type", text, &TableRecord::idl_type},
    {"file_id", integer, &TableRecord::file_id},
    {"list_element_num", integer, &TableRecord::list_element_num},
    {"sort_field_num", integer, &TableRecord::sort_field_num},
    {"sort_rule", integer, &TableRecord::sort_rule},
    {"sharding_key_set", text, &TableRecord::sharding_key_set},
    {"key_fields", text, &TableRecord::key_fields},
    {"value_fields", text, &TableRecord::value_fields},
    {"index_key_set", text, &TableRecord::index_key_set},
    {"tdr_version", integer, &TableRecord::tdr_version},
    {"table_size", integer, &TableRecord::table_size},
    {"global_index", text, &TableRecord::global_index},
    {"data_flow", text, &TableRecord::data_flow},
    {"reserved_volume", integer, &TableRecord::reserved_volume},
    {"reserved_read_qps", integer, &TableRecord::reserved_read_qps},
    {"reserved_write_qps", integer, &TableRecord::reserved_write_qps},
    {"memo", text, &TableRecord::memo},
    {"created_time", time, &TableRecord::created_time},
    {"updated_time", time, &TableRecord::updated_time},
    {"recycled_time", time, &TableRecord::recycled_time},
}};

const std::array<RecordField<TaskRecord>, 10> task_fields{{
    {"cluster_id", text, &TaskRecord::cluster_id, true},
    {"number", integer, &TaskRecord::number, true},
    {"type", text, &TaskRecord::type, true},
    {"table_group_id", text, &TaskRecord::table_group_id},
    {"table_name", text, &TaskRecord::table_name},
    {"instance_id", text, &TaskRecord::instance_id},
    {"operator", text, &TaskRecord::operator_name},
    {"content", text, &TaskRecord::content},
    {"start_time", time, &TaskRecord::start_time},
    {"end_time", time, &TaskRecord::end_time},
}};

const std::array<RecordField<TagRecord>, 4> tag_fields{{
    {"kind", text, &TagRecord::kind, true},
    {"resource", text, &TagRecord::resource, true},
    {"key", text, &TagRecord::key, true},
    {"value", text, &TagRecord::value},
}};

const std::array<RecordField<ApplicationRecord>, 14> application_fields{{
    {"cluster_id", text, &ApplicationRecord::cluster_id, true},
    {"number", integer, &ApplicationRecord::number, true},
    {"type", integer, &ApplicationRecord::type, true},
    {"action", text, &ApplicationRecord::action, true},
    {"params", FieldKind::json, &ApplicationRecord::params, true},
    {"table_group_id", text, &ApplicationRecord::table_group_id},
    {"table_name", text, &ApplicationRecord::table_name},
    {"instance_id", text, &ApplicationRecord::instance_id},
    {"applicant", text, &ApplicationRecord::applicant},
    {"status", integer, &ApplicationRecord::status},
    {"created_time", time, &ApplicationRecord::created_time},
    {"update_time", time, &ApplicationRecord::update_time},
    {"task_id", text, &ApplicationRecord::task_id},
    {"execute_user", text, &ApplicationRecord::execute_user},
}};

const std::array<RecordField<BackupRecord>, 9> backup_fields{{
    {"cluster_id", text, &BackupRecord::cluster_id, true},
    {"number", integer, &BackupRecord::number, true},
    {"table_group_id", text, &BackupRecord::table_group_id, true},
    {"table_name", text, &BackupRecord::table_name, true},
    {"file_tag", text, &BackupRecord::file_tag},
    {"batch_time", time, &BackupRecord::batch_time},
    {"ready_time", time, &BackupRecord::ready_time},
    {"size", integer, &BackupRecord::size},
    {"remark", text, &BackupRecord::remark},
}};

const std::array<RecordField<BackupRuleRecord>, 5> backup_rule_fields{{
    {"cluster_id", text, &BackupRuleRecord::cluster_id, true},
    {"table_group_id", text, &BackupRuleRecord::table_group_id, true},
    {"table_name", text, &BackupRuleRecord::table_name, true},
    {"file_tag", integer, &BackupRuleRecord::file_tag, true},
    {"expire_day", integer, &BackupRuleRecord::expire_day, true},
}};

template <class Record, std::size_t N>
json::array write_list(const std::vector<Record>& records, const std::array<RecordField<Record>, N>& fields,
                       std::chrono::seconds zone) {
    json::array list;
    for (const auto& record : records) list.push_back(write_record<Record>(record, fields, zone));
    return list;
}

template <class Record, std::size_t N>
Record read_item(const json::value& item, const std::string& path, Record defaults,
                 const std::array<RecordField<Record>, N>& fields, std::chrono::seconds zone) {
    return read_record<Record>(item, path, std::move(defaults), fields, zone);
}

}  // namespace

void read_resource_list(std::string_view key, const json::value& item, const std::string& path,
                        const std::string& account, std::chrono::seconds zone, std::int64_t now, ResourceState& state) {
    if (key == "clusters") {
        ClusterRecord defaults;
        defaults.account = account;
        defaults.idl_type = "MIX";
        defaults.created_time = now;
        auto cluster = read_item(item, path, defaults, cluster_fields, zone);
        if (cluster.name.empty()) cluster.name = cluster.cluster_id;
        state.clusters.push_back(std::move(cluster));
    } else if (key == "table_groups") {
        auto group = read_item(item, path, TableGroupRecord{account, {}, {}, {}, now}, table_group_fields, zone);
        if (group.name.empty()) group.name = group.table_group_id;
        state.table_groups.push_back(std::move(group));
    } else if (key == "idl_files") {
        IdlFileRecord defaults;
        defaults.account = account;
        defaults.created_time = now;
        state.idl_files.push_back(read_item(item, path, defaults, idl_file_fields, zone));
    } else if (key == "tables") {
        TableRecord defaults;
        defaults.account = account;
        defaults.table_type = "GENERIC";
        defaults.idl_type = "PROTO";
        defaults.created_time = defaults.updated_time = now;
        state.tables.push_back(read_item(item, path, defaults, table_fields, zone));
    } else if (key == "tasks") {
        TaskRecord defaults;
        defaults.account = defaults.operator_name = account;
        defaults.start_time = defaults.end_time = now;
        state.tasks.push_back(read_item(item, path, defaults, task_fields, zone));
    } else if (key == "tags") {
        state.tags.push_back(read_item(item, path, TagRecord{account, {}, {}, {}, {}}, tag_fields, zone));
    } else if (key == "applications") {
        ApplicationRecord defaults;
        defaults.account = defaults.applicant = account;
        defaults.created_time = defaults.update_time = now;
        state.applications.push_back(read_item(item, path, defaults, application_fields, zone));
    } else if (key == "backups") {
        BackupRecord defaults;
        defaults.account = account;
        defaults.file_tag = "OSDATA";
        defaults.batch_time = defaults.ready_time = now;
        state.backups.push_back(read_item(item, path, defaults, backup_fields, zone));
    } else if (key == "backup_rules") {
        BackupRuleRecord defaults;
        defaults.account = account;
        state.backup_rules.push_back(read_item(item, path, defaults, backup_rule_fields, zone));
    }
}

void write_resource_lists(const ResourceState& state, std::chrono::seconds zone, json::object& account_object) {
    account_object["clusters"] = write_list(state.clusters, cluster_fields, zone);
    account_object["table_groups"] = write_list(state.table_groups, table_group_fields, zone);
    account_object["idl_files"] = write_list(state.idl_files, idl_file_fields, zone);
    account_object["tables"] = write_list(state.tables, table_fields, zone);
    account_object["tasks"] = write_list(state.tasks, task_fields, zone);
    account_object["tags"] = write_list(state.tags, tag_fields, zone);
    account_object["applications"] = write_list(state.applications, application_fields, zone);
    account_object["backups"] = write_list(state.backups, backup_fields, zone);
    account_object["backup_rules"] = write_list(state.backup_rules, backup_rule_fields, zone);
}

ResourceState read_resources(storage::Repository& repository, const std::string& account) {
    return {repository.clusters().of_account(account), repository.table_groups().of_account(account),
            repository.idl_files().of_account(account), repository.tables().of_account(account),
            repository.tasks().of_account(account),     repository.tags().of_account(account),
            repository.applications().of_account(account), repository.backups().of_account(account),
            repository.backups().rules_of_account(account)};
}

void store_resources(storage::Repository& repository, ResourceState state) {
    for (const auto& cluster : state.clusters) repository.clusters().put(cluster);
    for (const auto& group : state.table_groups) repository.table_groups().put(group);
    for (const auto& file : state.idl_files) repository.idl_files().put(file);
    for (auto& table : state.tables) {
        if (table.instance_id.empty()) table.instance_id = new_table_instance_id(repository);
        // A seeded table that names its file and not its schema takes the schema its file defines.
        if (table.key_fields.empty() && table.file_id != 0)
            if (const auto definition = stored_definition(repository, table))
                apply_definition(table, *definition, table.file_id);
        repository.tables().put(table);
    }
    for (const auto& task : state.tasks) repository.tasks().insert(task);
    for (const auto& tag : state.tags) repository.tags().put(tag);
    for (const auto& application : state.applications) repository.applications().put(application);
    for (const auto& backup : state.backups) repository.backups().insert(backup);
    for (const auto& rule : state.backup_rules) repository.backups().put_rule(rule);
}

}  // namespace tcaplus_mock
