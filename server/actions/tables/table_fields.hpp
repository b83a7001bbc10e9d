#pragma once
// The fields of a table, read from its schema strings, and the check of a SelectedFields list
// (SetTableIndex, SetTableDataFlow) against them.

#include "server/core/api_error.hpp"
#include "storage/table_rows.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <set>
#include <string>

namespace tcaplus_mock {

// The names of the table's key and value fields; nullopt for a table without a schema (one only
// snapshots or the configuration name).
std::optional<std::set<std::string>> field_names(const storage::TableRecord& table);

// The FieldName of each of the item's SelectedFields, which must be given (MissingParameter) and be
// fields of the table (InvalidParameterValue naming `<path>.SelectedFields.<i>.FieldName`; not checked
// for a table without a schema).
Result<boost::json::array> selected_fields(const boost::json::object& item, const std::string& path,
                                           const storage::TableRecord& table);

}  // namespace tcaplus_mock
