#include "storage/counter_rows.hpp"

#include <charconv>

namespace tcaplus_mock::storage {

namespace {

// One statement per block of numbers: the row is created at the block's size or counted up by it,
// and the block's last number read back.
constexpr std::string_view next_task_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_task) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_task = last_task + ?3 RETURNING last_task";
constexpr std::string_view next_application_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_application) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_application = last_application + ?3"
    " RETURNING last_application";
constexpr std::string_view next_file_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_file) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_file = last_file + ?3 RETURNING last_file";
constexpr std::string_view set_task_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_task) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_task = excluded.last_task";
constexpr std::string_view set_application_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_application) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_application = excluded.last_application";
constexpr std::string_view set_file_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_file) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_file = excluded.last_file";
constexpr std::string_view of_account_sql =
    "SELECT account, cluster_id, last_task, last_application, last_file FROM cluster_counters WHERE account = ?1"
    " ORDER BY cluster_id";

}  // namespace

CounterRows::CounterRows(Database& db)
    : db_(db),
      next_task_(db, next_task_sql),
      next_application_(db, next_application_sql),
      next_file_(db, next_file_sql),
      set_task_(db, set_task_sql),
      set_application_(db, set_application_sql),
      set_file_(db, set_file_sql) {}

std::int64_t CounterRows::reserve(CachedStatement& statement, std::string_view account, std::string_view cluster_id,
                                  std::int64_t count) {
    StatementUse use(statement);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, count);
    use->step();
    return use->column_int64(0) - count + 1;
}

std::int64_t CounterRows::reserve_task_numbers(std::string_view account, std::string_view cluster_id,
                                               std::int64_t count) {
    return reserve(next_task_, account, cluster_id, count);
}

std::int64_t CounterRows::reserve_application_numbers(std::string_view account, std::string_view cluster_id,
                                                      std::int64_t count) {
    return reserve(next_application_, account, cluster_id, count);
}

std::int64_t CounterRows::reserve_file_numbers(std::string_view account, std::string_view cluster_id,
                                               std::int64_t count) {
    return reserve(next_file_, account, cluster_id, count);
}

std::string CounterRows::next_task_id(std::string_view account, std::string_view cluster_id) {
    return id_of(cluster_id, reserve_task_numbers(account, cluster_id, 1));
}

std::string CounterRows::next_application_id(std::string_view account, std::string_view cluster_id) {
    return id_of(cluster_id, reserve_application_numbers(account, cluster_id, 1));
}

std::optional<std::int64_t> CounterRows::number_of(std::string_view id, std::string_view cluster_id) {
    if (id.size() <= cluster_id.size() + 1 || !id.starts_with(cluster_id) || id[cluster_id.size()] != '-')
        return std::nullopt;
    const auto digits = id.substr(cluster_id.size() + 1);
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error != std::errc() || end != digits.data() + digits.size() || digits.front() == '+' || digits.front() == '-')
        return std::nullopt;
    return number;
}

std::string CounterRows::id_of(std::string_view cluster_id, std::int64_t number) {
    std::string id(cluster_id);
    id += '-';
    id += std::to_string(number);
    return id;
}

void CounterRows::set(const CounterRecord& record) {
    StatementUse use(record.kind == "task" ? set_task_ : record.kind == "file" ? set_file_ : set_application_);
    use->bind_text(1, record.account);
    use->bind_text(2, record.cluster_id);
    use->bind_int64(3, record.last_value);
    use->run();
}

std::vector<CounterRecord> CounterRows::of_account(std::string_view account) {
    Statement statement(db_, of_account_sql);
    statement.bind_text(1, account);
    std::vector<CounterRecord> records;
    while (statement.step()) {
        const auto cluster = statement.column_text(1);
        if (const auto task = statement.column_int64(2)) records.push_back({statement.column_text(0), cluster, "task", task});
        if (const auto application = statement.column_int64(3))
            records.push_back({statement.column_text(0), cluster, "application", application});
        if (const auto file = statement.column_int64(4)) records.push_back({statement.column_text(0), cluster, "file", file});
    }
    return records;
}

}  // namespace tcaplus_mock::storage
