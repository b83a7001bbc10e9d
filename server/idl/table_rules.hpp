#pragma once
// The service's documented rules for a table, applied to what a reader declared. Internal to
// server/idl; where each rule comes from, and what was chosen where the documents are silent, is
// at the top of table_rules.cpp.

#include "server/idl/declared_table.hpp"
#include "server/idl/table_schema.hpp"

namespace tcaplus_mock::idl {

inline constexpr std::size_t max_table_name_length = 31;
inline constexpr std::size_t max_key_fields = 4;
inline constexpr std::size_t max_tdr_list_key_fields = 3;
inline constexpr std::size_t max_value_fields = 128;
inline constexpr std::size_t max_indexes = 4;
inline constexpr int max_nesting_depth = 30;

// The TableDefinition of `declared`: table type and list attributes from the custom attributes,
// key fields in primary key order (those that exist), value fields (every field not named in the
// primary key) in declaration order, the well-formed indexes, and the sharding key (declared, or
// for proto the fields common to every index). `problem` is the first rule broken, checked in
// this order: table name, custom attributes, primary key, value field count, crypto, indexes,
// sharding key, packed repeated fields, nesting depth. Pure; never throws but std::bad_alloc.
TableDefinition apply_table_rules(const DeclaredTable& declared);

}  // namespace tcaplus_mock::idl
