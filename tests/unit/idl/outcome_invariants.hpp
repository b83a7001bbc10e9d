#pragma once
// What any outcome of parse_idl must satisfy, whatever the input: shared by the hostile-input
// tests and the idl fuzz targets (tests/fuzz/idl_*_fuzzer.cpp). Each check returns the first
// invariant broken, or nullptr.

#include "server/core/text.hpp"
#include "server/idl/schema_change.hpp"
#include "server/idl/schema_json.hpp"
#include "server/idl/table_schema.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace tcaplus_mock::idl::invariants {

// An error has a UTF-8 message and points into `file_text`, the text of the file it names: a line
// the file has, a column at most one past that line's end (or no position at all).
inline const char* broken_by(const IdlParseError& error, std::string_view file_text) {
    if (error.message.empty() || !text::is_valid_utf8(error.message)) return "an error's message is UTF-8";
    if (!text::is_valid_utf8(error.file)) return "an error's file name is UTF-8";
    if (error.line < 0 || error.column < 0) return "positions are not negative";
    if (error.line == 0) return error.column == 0 ? nullptr : "a column comes with a line";
    std::size_t start = 0;
    for (int line = 1; line < error.line; ++line) {
        start = file_text.find('\n', start);
        if (start == std::string_view::npos) return "an error's line is a line of the file";
        ++start;
    }
    const std::size_t end = std::min(file_text.find('\n', start), file_text.size());
    if (error.column < 1 || static_cast<std::size_t>(error.column) > end - start + 1)
        return "an error's column is inside its line, or just past it";
    return nullptr;
}

// A JSON form parses, is UTF-8, and its Num counts the items listed under `member`.
inline const char* broken_by_json(const std::string& json, std::string_view member, std::size_t count) {
    if (!text::is_valid_utf8(json)) return "a JSON form is UTF-8";
    boost::system::error_code error;
    const boost::json::value value = boost::json::parse(json, error);
    if (error || !value.is_object()) return "a JSON form parses";
    const auto& object = value.as_object();
    const auto* num = object.if_contains("Num");
    if (num == nullptr || !num->is_int64() || num->as_int64() != static_cast<std::int64_t>(count))
        return "Num counts the items";
    const auto* items = object.if_contains(member);
    if (count == 0 ? items != nullptr && !items->as_array().empty()
                   : items == nullptr || !items->is_array() || items->as_array().size() != count)
        return "every item is listed";
    return nullptr;
}

// A table has a name; its problem is a UTF-8 sentence; without one, the documented limits hold;
// its JSON forms are readable; it may always be changed into itself.
inline const char* broken_by(const TableDefinition& table) {
    if (table.name.empty()) return "a table has a name";
    if (table.problem) {
        if (!text::is_valid_utf8(*table.problem)) return "a problem is UTF-8";
        if (table.problem->empty() || table.problem->back() != '.') return "a problem is a sentence";
    } else {
        if (table.key_fields.empty() || table.key_fields.size() > 4) return "a table has 1 to 4 key fields";
        if (table.value_fields.empty() || table.value_fields.size() > 128) return "a table has 1 to 128 value fields";
        if (table.indexes.size() > 4) return "a table has at most 4 indexes";
    }
    if (auto broken = broken_by_json(key_fields_json(table), "KeyField", table.key_fields.size())) return broken;
    if (auto broken = broken_by_json(value_fields_json(table), "ValueField", table.value_fields.size())) return broken;
    if (auto broken = broken_by_json(index_key_set_json(table), "IndexKey", table.indexes.size())) return broken;
    if (!text::is_valid_utf8(sharding_key_set(table))) return "a sharding key set is UTF-8";
    if (schema_change_problem(table, table)) return "a table may always be changed into itself";
    return nullptr;
}

}  // namespace tcaplus_mock::idl::invariants
