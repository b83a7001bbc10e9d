#pragma once
// The tables an IDL file defines, as parse_idl (parse_idl.hpp) reads them: plain values, no
// ownership tricks, safe to copy and to share between threads once built.

#include <boost/assert/source_location.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::idl {

// The two IDL file types (FileType PROTO with FileExtType proto, FileType TDR with FileExtType xml).
enum class IdlFormat { proto, tdr };

// "PROTO" or "TDR", as the API names them.
std::string_view idl_format_text(IdlFormat format) noexcept;

struct FieldDefinition {
    std::string name;
    // proto: the scalar type (int64, string, bytes, ...), or the simple name of a message or enum
    // type, or `map<K,V>`; TDR: the entry's type attribute as written (int, uint64, string, a struct).
    std::string type;
    std::string label;         // proto: required, optional or repeated; TDR: ""
    bool crypto = false;       // proto: [(tcaplusservice.tcaplus_crypto) = true]; TDR: false
    bool string_like = false;  // proto string or bytes, TDR string or wstring: shown with Crypto in JSON
    std::uint32_t size = 0;    // proto: tcaplus_size; TDR: the size attribute (macros resolved); 0 = none
    std::uint32_t count = 0;   // TDR: the count attribute of an array entry (macros resolved); 0 = not an array
    int number = 0;            // proto: the field number; TDR: 0

    bool operator==(const FieldDefinition&) const = default;
};

struct IndexDefinition {
    std::string name;
    std::vector<std::string> columns;  // as declared, blanks trimmed

    bool operator==(const IndexDefinition&) const = default;
};

enum class TableType { generic, list, sortlist };

// "GENERIC", "LIST" or "SORTLIST".
std::string_view table_type_text(TableType type) noexcept;

struct TableDefinition {
    std::string name;
    IdlFormat format = IdlFormat::proto;
    TableType type = TableType::generic;
    std::vector<FieldDefinition> key_fields;    // in primary key order
    std::vector<FieldDefinition> value_fields;  // every other field, in declaration order
    std::vector<IndexDefinition> indexes;       // in declaration order
    // proto: tcaplus_sharding_key, else the fields common to every index (in primary key order),
    // else empty; TDR: the splittablekey fields, else empty.
    std::vector<std::string> sharding_key;
    std::optional<std::int64_t> list_element_num;  // ListNum of a LIST or SORTLIST table
    std::optional<std::int64_t> sort_field_num;    // SortFieldNum of a SORTLIST table
    std::string sort_rule;                         // SortRule of a SORTLIST table, as written ("" = none)
    std::int64_t tdr_version = 1;                  // TDR: the struct's version; proto: 1
    // The documented rule this table breaks, as a full English sentence naming the rule and the
    // field; empty when the table may be created. Only the first broken rule is named
    // (table_rules.hpp gives the order).
    std::optional<std::string> problem;

    bool operator==(const TableDefinition&) const = default;
};

struct ParsedIdl {
    // The messages (proto) or structs (TDR) that name a primary key, in file order; plain
    // messages and structs are types, not tables. A table that breaks a rule is still listed,
    // with its `problem` set.
    std::vector<TableDefinition> tables;
};

// Why a file could not be read at all (syntax, unknown type, missing import, too big...).
struct IdlParseError {
    std::string message;  // names the problem, in English, valid UTF-8
    std::string file;     // the file the position refers to (the file parsed, or one it imports)
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based, counted in bytes from the line's start; 0 when unknown

    bool operator==(const IdlParseError&) const = default;
};

// Called by boost::system::result<T, IdlParseError>::value() on an error: throws std::runtime_error
// naming the file, position and message.
[[noreturn]] void throw_exception_from_error(const IdlParseError& error, const boost::source_location& location);

}  // namespace tcaplus_mock::idl
