#pragma once
// What a format's reader (proto_tables.hpp, tdr_idl.hpp) found about one table, as written,
// before the table rules (table_rules.hpp) turn it into a TableDefinition. Internal to server/idl.

#include "server/idl/table_schema.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tcaplus_mock::idl {

struct DeclaredField {
    FieldDefinition definition;
    bool composite = false;  // a message, group, map, struct or union: never a key
    bool repeated = false;   // proto `repeated`, TDR `count`
    // TDR: an array of a one-byte type (byte, char, tinyint...), which holds a binary value and
    // may be a key as a proto `bytes` field can.
    bool byte_array = false;
};

struct DeclaredIndex {
    std::string text;  // the declaration as written, for messages
    std::string name;
    std::vector<std::string> columns;
    bool well_formed = true;  // false: `text` is not name(columns) (proto) / lacks name or column (TDR)
};

// Nesting depth of a type that contains itself, directly or not.
inline constexpr int unbounded_nesting = 1 << 30;

struct DeclaredTable {
    IdlFormat format = IdlFormat::proto;
    bool proto2 = false;  // proto2 file: key fields must be `required`
    std::string name;
    std::string primary_key;  // as written: "uin, name"
    std::vector<DeclaredIndex> indexes;
    std::optional<std::string> sharding_key;  // tcaplus_sharding_key / splittablekey, as written
    std::string custom_attributes;            // tcaplus_customattr / customattr2, as written
    std::vector<DeclaredField> fields;        // in declaration order
    // proto2: the first repeated scalar field without [packed = true] in the table or a type it
    // uses, as `message.field`; "" when none.
    std::string unpacked_field;
    // Levels of message/struct/union types below the table (0: scalar fields only), saturated
    // above the limit; unbounded_nesting when a type contains itself.
    int nesting_depth = 0;
    std::int64_t tdr_version = 1;
};

}  // namespace tcaplus_mock::idl
