#pragma once
// Counters: the TaskId, ApplicationId and IDL FileId numbers handed out, per account and cluster. Ids are
// `<ClusterId>-<n>`, n = 1, 2, 3... for each account, cluster and kind. Numbers are counted in the
// database by the one statement that hands them out (a block of them at once for a batch), so a job
// whose savepoint is rolled back gives its numbers back with everything else it wrote. Thread safety
// and failure as SnapshotRows.

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

// The last number handed out for (account, cluster, kind).
struct CounterRecord {
    std::string account;
    std::string cluster_id;
    std::string kind;  // "task", "application" or "file"
    std::int64_t last_value = 0;

    bool operator==(const CounterRecord&) const = default;
};

class CounterRows {
public:
    explicit CounterRows(Database& db);

    // Write operations: they need the writer's open transaction.
    // Hand out `count` (at least 1) consecutive numbers of the kind and return the first of them.
    std::int64_t reserve_task_numbers(std::string_view account, std::string_view cluster_id, std::int64_t count);
    std::int64_t reserve_application_numbers(std::string_view account, std::string_view cluster_id,
                                             std::int64_t count);
    // FileIds of uploaded IDL files, counted like the others.
    std::int64_t reserve_file_numbers(std::string_view account, std::string_view cluster_id, std::int64_t count);
    // One number, as an id.
    std::string next_task_id(std::string_view account, std::string_view cluster_id);
    std::string next_application_id(std::string_view account, std::string_view cluster_id);
    void set(const CounterRecord& record);

    // "<cluster_id>-<number>".
    static std::string id_of(std::string_view cluster_id, std::int64_t number);
    // The number of an id "<cluster_id>-<number>"; nullopt for an id of another form or cluster.
    static std::optional<std::int64_t> number_of(std::string_view id, std::string_view cluster_id);

    // The counters of one account that have handed out a number, by cluster, task before application.
    std::vector<CounterRecord> of_account(std::string_view account);

private:
    std::int64_t reserve(CachedStatement& statement, std::string_view account, std::string_view cluster_id,
                         std::int64_t count);

    Database& db_;
    CachedStatement next_task_, next_application_, next_file_, set_task_, set_application_, set_file_;
};

}  // namespace tcaplus_mock::storage
