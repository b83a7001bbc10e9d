#pragma once
// The JSON strings the service answers for a parsed table (ParsedTableInfoNew: KeyFields,
// ValueFields, IndexKeySet, ShardingKeySet), byte for byte as the real service writes them for
// protobuf tables (WHOLE-API.md b5):
//
//   KeyFields    {"KeyField":[{"Label":"required","Name":"uin","Type":"int64"},
//                 {"Crypto":false,"Label":"required","Name":"name","Type":"string"}],"Num":2}
//   ValueFields  {"Num":2,"ValueField":[...]}
//   IndexKeySet  {"Num":0}
//
// Members of every object are in name order. A field object has:
//   Count   TDR arrays only: the count (macros resolved)
//   Crypto  string and bytes (proto), string and wstring (TDR) fields only
//   Label   proto fields only: required, optional or repeated
//   Name, Size (only when the field has one: proto tcaplus_size, TDR size), Type.
// Where no real answer was found (TDR fields, indexes), this is the chosen form: with indexes,
//   IndexKeySet  {"IndexKey":[{"Fields":["uin","name"],"Name":"index1"}],"Num":1}
// ShardingKeySet is the sharding key fields joined by commas, "" when none.
//
// Output is valid UTF-8 JSON whatever the names hold. Pure, thread safe.

#include "server/idl/table_schema.hpp"

#include <cstdint>
#include <string>

namespace tcaplus_mock::idl {

// SumKeyFieldSize and SumValueFieldSize as the real service answers them: the documented limits
// on a packed primary key (1022 bytes) and record value (256 KB), not sizes computed from the
// fields (WHOLE-API.md b5).
inline constexpr std::int64_t sum_key_field_size = 1022;
inline constexpr std::int64_t sum_value_field_size = 262144;

std::string key_fields_json(const TableDefinition& table);
std::string value_fields_json(const TableDefinition& table);
std::string index_key_set_json(const TableDefinition& table);
std::string sharding_key_set(const TableDefinition& table);

}  // namespace tcaplus_mock::idl
