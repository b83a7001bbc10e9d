#pragma once
// Whether a table's schema may change from one definition to another (ModifyTables), by the
// documented rules (console doc 1016/36730, WHOLE-API.md b4) and TDR's version rule (f2).

#include "server/idl/table_schema.hpp"

#include <optional>
#include <string>

namespace tcaplus_mock::idl {

// The first rule the change from `old_table` to `new_table` breaks, as a sentence naming the
// field and the rule, or nullopt when the change is allowed. Checked in this order:
//   1. the table type (GENERIC, LIST, SORTLIST) cannot change;
//   2. no primary key field is removed, renamed, retyped or added (the order may change);
//   3. a required field that is not a key cannot be deleted;
//   4. proto: a field number keeps its name and its type;
//   5. TDR: a change of any field needs a higher struct version.
// Fields are matched by name. Adding fields, deleting optional ones and changing a non-key
// field's label are allowed. Pure, thread safe.
std::optional<std::string> schema_change_problem(const TableDefinition& old_table, const TableDefinition& new_table);

}  // namespace tcaplus_mock::idl
