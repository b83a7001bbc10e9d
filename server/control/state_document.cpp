#include "server/control/state_document.hpp"

#include "server/core/json_fields.hpp"
#include "server/core/datetime.hpp"
#include "server/core/text.hpp"

#include <boost/json/array.hpp>

#include <map>
#include <set>
#include <tuple>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

constexpr const char* datetime_expected = "a datetime `YYYY-MM-DD HH:MM:SS`";

// Reads the times of one object in the document's zone.
class Times {
public:
    Times(const JsonFields& fields, std::chrono::seconds zone) : fields_(fields), zone_(zone) {}

    long long required(std::string_view key) const { return parse(key, fields_.text(key)); }
    std::optional<long long> optional(std::string_view key) const {
        const auto text = fields_.optional_text(key);
        if (!text) return std::nullopt;
        return parse(key, *text);
    }

private:
    long long parse(std::string_view key, const std::string& text) const {
        const auto seconds = parse_datetime(text, zone_);
        if (!seconds) fields_.fail(key, datetime_expected);
        return *seconds;
    }

    const JsonFields& fields_;
    std::chrono::seconds zone_;
};

std::string non_empty(const JsonFields& fields, std::string_view key) {
    auto text = fields.text(key);
    if (text.empty()) fields.fail(key, "a non-empty string");
    return text;
}

storage::SnapshotRecord read_snapshot(const json::value& value, const std::string& path, const std::string& account,
                                      std::chrono::seconds zone, long long now) {
    const JsonFields fields(value, path,
                            {"cluster_id", "table_group_id", "table_name", "snapshot_name", "snapshot_time",
                             "dead_time", "create_time", "task_id", "application_id", "deleted_time", "gone_time",
                             "in_use_until"});
    const Times times(fields, zone);
    storage::SnapshotRecord record;
    record.key = {account, non_empty(fields, "cluster_id"), fields.text("table_group_id"), fields.text("table_name"),
                  fields.text("snapshot_name")};
    record.snapshot_time = times.required("snapshot_time");
    record.dead_time = times.required("dead_time");
    record.create_time = times.optional("create_time").value_or(now);
    record.task_id = fields.optional_text("task_id").value_or("");
    record.application_id = fields.optional_text("application_id").value_or("");
    record.deleted_time = times.optional("deleted_time");
    record.gone_time = times.optional("gone_time");
    if (record.gone_time && !record.deleted_time) fields.fail("deleted_time", "a datetime, since `gone_time` is set");
    if (record.deleted_time && !record.gone_time) record.gone_time = record.deleted_time;
    record.in_use_until = times.optional("in_use_until").value_or(0);
    return record;
}

storage::ImportRecord read_import(const json::value& value, const std::string& path, const std::string& account,
                                  std::chrono::seconds zone) {
    const JsonFields fields(value, path,
                            {"cluster_id", "table_group_id", "table_name", "snapshot_name", "task_id", "application_id",
                             "special_key", "origin_table", "key_file_name", "new_table_group_id", "new_table_name",
                             "start_time", "end_time"});
    const Times times(fields, zone);
    storage::ImportRecord record;
    record.source = {account, non_empty(fields, "cluster_id"), fields.text("table_group_id"), fields.text("table_name"),
                     fields.text("snapshot_name")};
    record.task_id = non_empty(fields, "task_id");
    record.application_id = fields.text("application_id");
    record.special_key = fields.boolean("special_key");
    record.origin_table = fields.boolean("origin_table");
    record.key_file_name = fields.optional_text("key_file_name").value_or("");
    record.new_table_group_id = fields.optional_text("new_table_group_id").value_or("");
    record.new_table_name = fields.optional_text("new_table_name").value_or("");
    record.start_time = times.required("start_time");
    record.end_time = times.required("end_time");
    return record;
}

storage::CounterRecord read_counter(const json::value& value, const std::string& path, const std::string& account) {
    const JsonFields fields(value, path, {"cluster_id", "kind", "last_value"});
    const auto kind = fields.text("kind");
    if (kind != "task" && kind != "application" && kind != "file") fields.fail("kind", "`task`, `application` or `file`");
    const auto last = fields.optional_integer("last_value", 0, INT64_MAX);
    if (!last) fields.fail("last_value", "an integer");
    return {account, non_empty(fields, "cluster_id"), kind, *last};
}

// A version 1 declaration: a cluster, a table group of it, or a table of that group; each becomes
// stored (a table group or table with its cluster and group).
void read_declaration(const json::value& value, const std::string& path, const std::string& account, long long now,
                      ResourceState& state) {
    const JsonFields fields(value, path, {"cluster_id", "table_group_id", "table_name"});
    const auto cluster_id = non_empty(fields, "cluster_id");
    const auto group_id = fields.optional_text("table_group_id").value_or("");
    const auto table_name = fields.optional_text("table_name").value_or("");
    if (group_id.empty() && !table_name.empty()) fields.fail("table_group_id", "a table group for the table");
    storage::ClusterRecord cluster;
    cluster.account = account;
    cluster.cluster_id = cluster.name = cluster_id;
    cluster.idl_type = "MIX";
    cluster.created_time = now;
    state.clusters.push_back(cluster);
    if (!group_id.empty()) state.table_groups.push_back({account, cluster_id, group_id, group_id, now});
    if (table_name.empty()) return;
    storage::TableRecord table;
    table.account = account;
    table.cluster_id = cluster_id;
    table.table_group_id = group_id;
    table.table_name = table_name;
    table.table_type = "GENERIC";
    table.idl_type = "PROTO";
    table.created_time = table.updated_time = now;
    state.tables.push_back(table);
}

template <class Read>
void read_list(const JsonFields& fields, std::string_view key, Read read) {
    if (!fields.has(key)) return;
    const auto& items = fields.list(key);
    for (std::size_t i = 0; i < items.size(); ++i) read(items[i], fields.path_of(key, i));
}

AccountState read_account(const json::value& value, const std::string& path, std::chrono::seconds zone, long long now) {
    const JsonFields fields(value, path,
                            {"account", "snapshots", "imports", "counters", "resources", "clusters", "table_groups",
                             "idl_files", "tables", "tasks", "tags", "applications", "backups",
                             "backup_rules"});
    AccountState state;
    state.account = non_empty(fields, "account");
    read_list(fields, "snapshots", [&](const json::value& item, const std::string& where) {
        state.snapshots.push_back(read_snapshot(item, where, state.account, zone, now));
    });
    read_list(fields, "imports", [&](const json::value& item, const std::string& where) {
        state.imports.push_back(read_import(item, where, state.account, zone));
    });
    read_list(fields, "counters", [&](const json::value& item, const std::string& where) {
        state.counters.push_back(read_counter(item, where, state.account));
    });
    read_list(fields, "resources", [&](const json::value& item, const std::string& where) {
        read_declaration(item, where, state.account, now, state.resources);
    });
    for (const auto key : resource_list_keys)
        read_list(fields, key, [&](const json::value& item, const std::string& where) {
            read_resource_list(key, item, where, state.account, zone, now, state.resources);
        });
    return state;
}

// Document order must not decide which of two same-named snapshots wins: two are an error.
void check_unique_snapshots(const StateDocument& state) {
    std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> seen;
    std::set<std::string> accounts;
    for (std::size_t a = 0; a < state.accounts.size(); ++a) {
        const auto& account = state.accounts[a];
        if (!accounts.insert(account.account).second)
            throw JsonFieldError("`accounts[" + std::to_string(a) + "].account`: the account `" + account.account +
                                 "` is listed twice");
        for (std::size_t i = 0; i < account.snapshots.size(); ++i) {
            const auto& key = account.snapshots[i].key;
            if (!seen.emplace(key.account, key.cluster_id, key.table_group_id, key.table_name, key.snapshot_name).second)
                throw JsonFieldError("`accounts[" + std::to_string(a) + "].snapshots[" + std::to_string(i) +
                                     "]`: the snapshot `" + key.snapshot_name + "` of table `" + key.table_name +
                                     "` is listed twice");
        }
    }
}

void put_time(json::object& object, std::string_view key, long long when, std::chrono::seconds zone) {
    object[key] = format_datetime(when, zone);
}

json::object write_account(const AccountState& state, std::chrono::seconds zone) {
    json::array snapshots, imports, counters;
    for (const auto& record : state.snapshots) {
        json::object item{{"cluster_id", record.key.cluster_id},       {"table_group_id", record.key.table_group_id},
                          {"table_name", record.key.table_name},       {"snapshot_name", record.key.snapshot_name},
                          {"task_id", record.task_id},                 {"application_id", record.application_id}};
        put_time(item, "snapshot_time", record.snapshot_time, zone);
        put_time(item, "dead_time", record.dead_time, zone);
        put_time(item, "create_time", record.create_time, zone);
        if (record.deleted_time) put_time(item, "deleted_time", *record.deleted_time, zone);
        if (record.gone_time) put_time(item, "gone_time", *record.gone_time, zone);
        if (record.in_use_until != 0) put_time(item, "in_use_until", record.in_use_until, zone);
        snapshots.push_back(std::move(item));
    }
    for (const auto& record : state.imports) {
        json::object item{{"cluster_id", record.source.cluster_id},
                          {"table_group_id", record.source.table_group_id},
                          {"table_name", record.source.table_name},
                          {"snapshot_name", record.source.snapshot_name},
                          {"task_id", record.task_id},
                          {"application_id", record.application_id},
                          {"special_key", record.special_key},
                          {"origin_table", record.origin_table},
                          {"key_file_name", record.key_file_name},
                          {"new_table_group_id", record.new_table_group_id},
                          {"new_table_name", record.new_table_name}};
        put_time(item, "start_time", record.start_time, zone);
        put_time(item, "end_time", record.end_time, zone);
        imports.push_back(std::move(item));
    }
    for (const auto& record : state.counters)
        counters.push_back(json::object{{"cluster_id", record.cluster_id}, {"kind", record.kind},
                                        {"last_value", record.last_value}});
    json::object account{{"account", state.account},
                         {"snapshots", std::move(snapshots)},
                         {"imports", std::move(imports)},
                         {"counters", std::move(counters)}};
    write_resource_lists(state.resources, zone, account);
    return account;
}

// "xx-7" -> 7 when `id` is "<cluster_id>-<n>".
// Every counter at least at the highest number its cluster's ids use, so new ids never repeat old ones.
void raise_counters(storage::Repository& repository, const AccountState& state) {
    std::map<std::pair<std::string, std::string>, std::int64_t> highest;  // (cluster, kind)
    const auto note = [&](const std::string& cluster, const char* kind, const std::string& id) {
        if (const auto number = storage::CounterRows::number_of(id, cluster)) {
            auto& value = highest[{cluster, kind}];
            value = std::max(value, *number);
        }
    };
    for (const auto& counter : state.counters) {
        auto& value = highest[{counter.cluster_id, counter.kind}];
        value = std::max(value, counter.last_value);
    }
    for (const auto& record : state.snapshots) {
        note(record.key.cluster_id, "task", record.task_id);
        note(record.key.cluster_id, "application", record.application_id);
    }
    for (const auto& record : state.imports) {
        note(record.source.cluster_id, "task", record.task_id);
        note(record.source.cluster_id, "application", record.application_id);
    }
    const auto note_number = [&](const std::string& cluster, const char* kind, std::int64_t number) {
        auto& value = highest[{cluster, kind}];
        value = std::max(value, number);
    };
    for (const auto& task : state.resources.tasks) note_number(task.cluster_id, "task", task.number);
    for (const auto& file : state.resources.idl_files) note_number(file.cluster_id, "file", file.file_id);
    for (const auto& application : state.resources.applications) {
        note_number(application.cluster_id, "application", application.number);
        note(application.cluster_id, "task", application.task_id);
    }
    for (const auto& backup : state.resources.backups) note_number(backup.cluster_id, "task", backup.number);
    for (const auto& [key, value] : highest) repository.counters().set({state.account, key.first, key.second, value});
}

void load_account(storage::Repository& repository, const AccountState& state) {
    raise_counters(repository, state);
    auto& counters = repository.counters();
    for (auto record : state.snapshots) {
        if (record.task_id.empty()) record.task_id = counters.next_task_id(state.account, record.key.cluster_id);
        if (record.application_id.empty())
            record.application_id = counters.next_application_id(state.account, record.key.cluster_id);
        repository.snapshots().insert(record);
    }
    for (const auto& record : state.imports) repository.imports().insert(record);
    store_resources(repository, state.resources);
}

}  // namespace

JsonRead<StateDocument> parse_state_document(const json::value& value, std::chrono::seconds zone, long long now) {
    return read_json([&] {
        const JsonFields fields(value, "", {"version", "scope", "time_zone", "accounts"});
        const auto version = fields.optional_integer("version", 0, INT32_MAX);
        if (!version) fields.fail("version", "the document version " + std::to_string(state_document_version));
        if (*version != 1 && *version != state_document_version)
            throw JsonFieldError("`version`: this emulator reads versions 1 and " +
                                 std::to_string(state_document_version) + ", got " + std::to_string(*version));
        StateDocument state;
        const auto scope = fields.optional_text("scope").value_or("accounts");
        if (scope != "all" && scope != "accounts") fields.fail("scope", "`all` or `accounts`");
        state.whole = scope == "all";
        if (const auto text = fields.optional_text("time_zone")) {
            const auto offset = parse_utc_offset(*text);
            if (!offset) fields.fail("time_zone", "a UTC offset such as +08:00");
            zone = *offset;
        }
        read_list(fields, "accounts", [&](const json::value& item, const std::string& where) {
            state.accounts.push_back(read_account(item, where, zone, now));
        });
        check_unique_snapshots(state);
        return state;
    });
}

json::object write_state_document(const StateDocument& state, std::chrono::seconds zone) {
    json::array accounts;
    for (const auto& account : state.accounts) accounts.push_back(write_account(account, zone));
    return {{"version", state_document_version},
            {"scope", state.whole ? "all" : "accounts"},
            {"time_zone", format_utc_offset(zone)},
            {"accounts", std::move(accounts)}};
}

StateDocument read_state(storage::Repository& repository, const std::optional<std::string>& account) {
    StateDocument state;
    state.whole = !account.has_value();
    const auto names = account ? std::vector<std::string>{*account} : repository.accounts();
    for (const auto& name : names)
        state.accounts.push_back({name, repository.snapshots().of_account(name), repository.imports().of_account(name),
                                  repository.counters().of_account(name), read_resources(repository, name)});
    return state;
}

void replace_state(storage::Repository& repository, const StateDocument& state) {
    if (state.whole) repository.erase_everything();
    for (const auto& account : state.accounts) {
        if (!state.whole) repository.erase_account(account.account);
        load_account(repository, account);
    }
}

}  // namespace tcaplus_mock
