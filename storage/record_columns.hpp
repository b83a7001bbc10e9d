#pragma once
// How a kind of record maps onto the columns of its table: each column's name and the record's
// member it holds, listed once, from which a kind's statements get their column lists, and its rows
// are bound and read. For the kinds whose rows are plain values (clusters, table groups, IDL files,
// tables, tasks, tags). Not thread safe beyond what Statement is.

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace tcaplus_mock::storage {

template <class Record>
struct Column {
    std::string_view name;
    std::variant<std::string Record::*, std::int64_t Record::*, std::optional<std::int64_t> Record::*> member;
};

// "a, b, c".
template <class Record>
std::string column_list(std::span<const Column<Record>> columns) {
    std::string list;
    for (const auto& column : columns) {
        if (!list.empty()) list += ", ";
        list += column.name;
    }
    return list;
}

// "?1, ?2, ... ?n".
inline std::string placeholders(std::size_t count) {
    std::string list;
    for (std::size_t i = 1; i <= count; ++i) list += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return list;
}

// Binds every column of `record` to ?1..?n, in the columns' order.
template <class Record>
void bind_record(Statement& statement, const Record& record, std::span<const Column<Record>> columns) {
    int index = 1;
    for (const auto& column : columns) {
        std::visit(
            [&](auto member) {
                using Value = std::remove_cvref_t<decltype(record.*member)>;
                if constexpr (std::is_same_v<Value, std::string>) {
                    statement.bind_text(index, record.*member);
                } else if constexpr (std::is_same_v<Value, std::int64_t>) {
                    statement.bind_int64(index, record.*member);
                } else {
                    statement.bind_optional_int64(index, record.*member);
                }
            },
            column.member);
        ++index;
    }
}

// The current row, whose columns are `columns` in order.
template <class Record>
Record read_record(const Statement& row, std::span<const Column<Record>> columns) {
    Record record;
    int index = 0;
    for (const auto& column : columns) {
        std::visit(
            [&](auto member) {
                using Value = std::remove_cvref_t<decltype(record.*member)>;
                if constexpr (std::is_same_v<Value, std::string>) {
                    record.*member = row.column_text(index);
                } else if constexpr (std::is_same_v<Value, std::int64_t>) {
                    record.*member = row.column_int64(index);
                } else {
                    record.*member = row.column_optional_int64(index);
                }
            },
            column.member);
        ++index;
    }
    return record;
}

}  // namespace tcaplus_mock::storage
