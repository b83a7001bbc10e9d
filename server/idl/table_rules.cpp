// Where each rule comes from (WHOLE-API.md sections b4, b5, f1, f2 and the pages they cite):
//
//   table name: starts with a letter or an underscore, at most 31 characters, [A-Za-z0-9_]
//       (C++ SDK doc 596/31665, f1).
//   primary key: 1 to 4 fields (f1: 596/44406; f2: 596/44407 "generic <= 4"); a TDR LIST or
//       SORTLIST table at most 3 (f2: "list <= 3"); each must be a field of the table, of a basic
//       type, not a message/struct/union (f1 "non-nested", f2 knowledge base "PK members must be
//       basic types"), not repeated (a key is one value); in proto2 `required` (f1).
//   value fields: at least one (596/31665 "at least one non-key field"), at most 128 (f1).
//   crypto: only string and bytes fields may carry tcaplus_crypto (f1).
//   indexes: 0 to 4 (f1); proto: each index's fields a subset of the primary key and the fields
//       common to all indexes not empty (f1); TDR: each index contains the splittablekey and
//       differs from the primary key (f2); local indexes only for GENERIC tables (f2, knowledge base).
//   sharding key: proto tcaplus_sharding_key a subset of the fields common to all indexes,
//       defaulting to that intersection (f1); TDR splittablekey one of the primary key fields (f2).
//   packed: in proto2, repeated scalar fields need [packed = true] (f1).
//   nesting: at most 30 levels of nested types (f1).
//   custom attributes: TableType=GENERIC|LIST|SORTLIST;ListNum=n;SortFieldNum=n;SortRule=r (f1, f2).
//
// Chosen where the documents are silent:
//   - Only the first rule broken is reported, in the order above (apply_table_rules).
//   - An enum field is a scalar: it may be a key (it is an integer on the wire).
//   - A TDR array of a one-byte type (byte, char, tinyint...) may be a key: it is how TDR spells a
//     binary value (GoTcaplusSDK table_common.xml has `primarykey="key"` on `byte count=...`).
//   - TDR index fields must also be primary key fields, as in proto (every documented example is).
//   - A TDR splittablekey may list several fields; each must be a primary key field, and each
//     index must contain them all. Without one, the table has no sharding key.
//   - proto: a sharding key declared outside any index is refused only when indexes exist; a blank
//     tcaplus_sharding_key counts as none.
//   - Custom attribute items are `Key=Value` separated by `;` (a trailing `;` is fine); keys and the
//     TableType value are matched ignoring case; ListNum and SortFieldNum must be positive
//     integers; SortRule is kept as written (DESC and INSC are seen); unknown keys are ignored.
//   - "Nesting" counts the levels of message/struct/union types under the table; a type that
//     contains itself nests without bound.
//   - Not checked (no documented way to compute them): the packed key size (1022 bytes) and record
//     size (256 KB); they appear as SumKeyFieldSize/SumValueFieldSize (schema_json.hpp).

#include "server/idl/table_rules.hpp"

#include "server/core/text.hpp"
#include "server/idl/source_text.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tcaplus_mock::idl {
namespace {

using Problem = std::optional<std::string>;

struct CustomAttributes {
    TableType type = TableType::generic;
    std::optional<std::int64_t> list_num;
    std::optional<std::int64_t> sort_field_num;
    std::string sort_rule;
    Problem problem;
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string table_phrase(const DeclaredTable& declared) { return "the table " + quoted(declared.name); }

std::string capitalized(std::string sentence) {
    if (!sentence.empty() && sentence[0] >= 'a' && sentence[0] <= 'z')
        sentence[0] = static_cast<char>(sentence[0] - 32);
    return sentence;
}

const DeclaredField* find_field(const DeclaredTable& declared, const std::string& name) {
    for (const auto& field : declared.fields)
        if (field.definition.name == name) return &field;
    return nullptr;
}

bool is_list_type(TableType type) { return type != TableType::generic; }

CustomAttributes read_custom_attributes(const DeclaredTable& declared) {
    CustomAttributes attributes;
    const auto fail = [&](std::string sentence) {
        if (!attributes.problem) attributes.problem = std::move(sentence);
    };
    const auto positive = [&](const std::string& key, const std::string& value) -> std::optional<std::int64_t> {
        std::int64_t number = 0;
        if (parse_decimal(value, number) && number > 0) return number;
        fail(capitalized(table_phrase(declared)) + " sets " + key + " to " + quoted(value) +
             " in its custom attributes; " + key + " is a positive integer.");
        return std::nullopt;
    };
    for (const auto& item : split_list(declared.custom_attributes, ';')) {
        if (item.empty()) continue;
        const auto equals = item.find('=');
        if (equals == std::string::npos) {
            fail("The custom attribute " + quoted(item) + " of " + table_phrase(declared) +
                 " is not of the form Key=Value (TableType=LIST;ListNum=1023).");
            continue;
        }
        const std::string key(text::trim_blanks(std::string_view(item).substr(0, equals)));
        const std::string value(text::trim_blanks(std::string_view(item).substr(equals + 1)));
        if (text::iequals(key, "TableType")) {
            if (text::iequals(value, "GENERIC"))
                attributes.type = TableType::generic;
            else if (text::iequals(value, "LIST"))
                attributes.type = TableType::list;
            else if (text::iequals(value, "SORTLIST"))
                attributes.type = TableType::sortlist;
            else
                fail(capitalized(table_phrase(declared)) + " declares the TableType " + quoted(value) +
                     "; a table type is GENERIC, LIST or SORTLIST.");
        } else if (text::iequals(key, "ListNum")) {
            attributes.list_num = positive("ListNum", value);
        } else if (text::iequals(key, "SortFieldNum")) {
            attributes.sort_field_num = positive("SortFieldNum", value);
        } else if (text::iequals(key, "SortRule")) {
            attributes.sort_rule = value;
        }
    }
    return attributes;
}

Problem check_table_name(const DeclaredTable& declared) {
    const std::string& name = declared.name;
    const bool well_formed = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
                             std::all_of(name.begin(), name.end(), is_identifier_char);
    if (!well_formed)
        return "The table name " + quoted(name) +
               " breaks the naming rule: a table name starts with a letter or an underscore and holds only letters, "
               "digits and underscores.";
    if (name.size() > max_table_name_length)
        return "The table name " + quoted(name) + " has " + std::to_string(name.size()) +
               " characters; a table name has at most 31 characters.";
    return std::nullopt;
}

Problem check_key_field(const DeclaredTable& declared, const std::string& name, const std::vector<std::string>& seen) {
    const std::string field = "The primary key field " + quoted(name) + " of " + table_phrase(declared);
    if (name.empty())
        return "The primary key of " + table_phrase(declared) + " names an empty field; it is a comma list of fields.";
    if (contains(seen, name)) return field + " is named twice; each primary key field is named once.";
    const DeclaredField* found = find_field(declared, name);
    if (found == nullptr)
        return field + " is not a field of the table; primary key fields must be fields of the table.";
    if (found->composite)
        return field + " has the type " + quoted(found->definition.type) +
               "; primary key fields are of a basic type, not a message, struct or union.";
    if (found->repeated && !(declared.format == IdlFormat::tdr && found->byte_array))
        return field + (declared.format == IdlFormat::tdr ? " is an array" : " is repeated") +
               "; a primary key field holds a single value.";
    if (declared.format == IdlFormat::proto && declared.proto2 && found->definition.label != "required")
        return field + " is " + found->definition.label + "; in proto2, primary key fields must be required.";
    return std::nullopt;
}

Problem check_primary_key(const DeclaredTable& declared, TableType type) {
    const auto names = split_list(declared.primary_key);
    if (names.empty())
        return capitalized(table_phrase(declared)) + " names no primary key field; a primary key has 1 to 4 fields.";
    const bool tdr_list = declared.format == IdlFormat::tdr && is_list_type(type);
    const std::size_t limit = tdr_list ? max_tdr_list_key_fields : max_key_fields;
    if (names.size() > limit)
        return "The primary key of " + table_phrase(declared) + " has " + std::to_string(names.size()) + " fields; " +
               (tdr_list ? "a LIST table's primary key has at most 3 fields." : "a primary key has at most 4 fields.");
    std::vector<std::string> seen;
    for (const auto& name : names) {
        if (auto problem = check_key_field(declared, name, seen)) return problem;
        seen.push_back(name);
    }
    return std::nullopt;
}

Problem check_value_fields(const DeclaredTable& declared, const TableDefinition& table) {
    if (table.value_fields.empty())
        return capitalized(table_phrase(declared)) +
               " has no field besides its primary key; a table needs at least one value field.";
    if (table.value_fields.size() > max_value_fields)
        return capitalized(table_phrase(declared)) + " has " + std::to_string(table.value_fields.size()) +
               " value fields; a table has at most 128 fields besides its primary key.";
    return std::nullopt;
}

Problem check_crypto(const DeclaredTable& declared) {
    for (const auto& field : declared.fields)
        if (field.definition.crypto && !field.definition.string_like)
            return "The field " + quoted(field.definition.name) + " of " + table_phrase(declared) +
                   " sets tcaplus_crypto but has the type " + quoted(field.definition.type) +
                   "; only string and bytes fields can be encrypted.";
    return std::nullopt;
}

Problem check_index(const DeclaredTable& declared, const DeclaredIndex& index, const std::vector<std::string>& key,
                    const std::vector<std::string>& split_key) {
    const std::string subject = "The index " + quoted(index.name) + " of " + table_phrase(declared);
    if (!index.well_formed)
        return "The index declaration " + quoted(index.text) + " of " + table_phrase(declared) +
               (declared.format == IdlFormat::proto ? " is not of the form name(field1,field2)."
                                                    : " needs a name and a column attribute.");
    if (index.columns.empty()) return subject + " names no field; an index has at least one field.";
    std::vector<std::string> seen;
    for (const auto& column : index.columns) {
        if (column.empty()) return subject + " names an empty field; its fields are a comma list.";
        if (contains(seen, column)) return subject + " names the field " + quoted(column) + " twice.";
        if (!contains(key, column))
            return subject + " names the field " + quoted(column) +
                   ", which is not a primary key field; index fields are a subset of the primary key.";
        seen.push_back(column);
    }
    if (declared.format == IdlFormat::tdr) {
        if (seen.size() == key.size())
            return subject + " has the same fields as the primary key; an index must differ from the primary key.";
        for (const auto& split : split_key)
            if (!contains(seen, split))
                return subject + " does not contain the splittablekey " + quoted(split) +
                       "; every index contains the splittablekey.";
    }
    return std::nullopt;
}

// The fields common to every index, in primary key order.
std::vector<std::string> common_index_fields(const std::vector<IndexDefinition>& indexes,
                                             const std::vector<std::string>& key) {
    std::vector<std::string> common;
    for (const auto& field : key) {
        const bool everywhere = std::all_of(indexes.begin(), indexes.end(), [&](const IndexDefinition& index) {
            return contains(index.columns, field);
        });
        if (everywhere && !contains(common, field)) common.push_back(field);
    }
    return common;
}

Problem check_indexes(const DeclaredTable& declared, const TableDefinition& table) {
    if (declared.indexes.empty()) return std::nullopt;
    if (declared.indexes.size() > max_indexes)
        return capitalized(table_phrase(declared)) + " declares " + std::to_string(declared.indexes.size()) +
               " indexes; a table has at most 4 indexes.";
    if (table.type != TableType::generic)
        return capitalized(table_phrase(declared)) + " is a " + std::string(table_type_text(table.type)) +
               " table and declares the index " + quoted(declared.indexes.front().name) +
               "; local indexes are only for GENERIC tables.";
    const auto key = split_list(declared.primary_key);
    const auto split_key = declared.format == IdlFormat::tdr ? table.sharding_key : std::vector<std::string>{};
    std::vector<std::string> names;
    for (const auto& index : declared.indexes) {
        if (auto problem = check_index(declared, index, key, split_key)) return problem;
        if (contains(names, index.name))
            return capitalized(table_phrase(declared)) + " declares the index " + quoted(index.name) +
                   " twice; index names are unique.";
        names.push_back(index.name);
    }
    if (declared.format == IdlFormat::proto && common_index_fields(table.indexes, key).empty())
        return "The indexes of " + table_phrase(declared) +
               " have no field in common; the fields common to all indexes (the sharding key) must not be empty.";
    return std::nullopt;
}

Problem check_sharding_key(const DeclaredTable& declared, const TableDefinition& table) {
    if (!declared.sharding_key) return std::nullopt;
    const auto key = split_list(declared.primary_key);
    const auto common = common_index_fields(table.indexes, key);
    const char* what = declared.format == IdlFormat::tdr ? "splittablekey" : "sharding key";
    for (const auto& field : split_list(*declared.sharding_key)) {
        const std::string subject =
            "The " + std::string(what) + " field " + quoted(field) + " of " + table_phrase(declared);
        if (!contains(key, field))
            return subject + " is not a primary key field; the " + what + " is made of primary key fields.";
        if (declared.format == IdlFormat::proto && !table.indexes.empty() && !contains(common, field))
            return subject +
                   " is not in every index; the sharding key is a subset of the fields common to all indexes.";
    }
    return std::nullopt;
}

Problem check_packed(const DeclaredTable& declared) {
    if (declared.unpacked_field.empty()) return std::nullopt;
    return "The field " + quoted(declared.unpacked_field) + " used by " + table_phrase(declared) +
           " is a repeated scalar without [packed = true]; in proto2, repeated scalar fields must be packed.";
}

Problem check_nesting(const DeclaredTable& declared) {
    if (declared.nesting_depth == unbounded_nesting)
        return capitalized(table_phrase(declared)) +
               " uses a type that contains itself; nested types are limited to 30 levels.";
    if (declared.nesting_depth > max_nesting_depth)
        return capitalized(table_phrase(declared)) +
               " nests types more than 30 levels deep; nested types are limited to 30 levels.";
    return std::nullopt;
}

void fill_fields(const DeclaredTable& declared, TableDefinition& table) {
    const auto key = split_list(declared.primary_key);
    // Lists here may be as long as the file: hashed, so that a hostile one stays linear.
    std::unordered_map<std::string_view, const DeclaredField*> fields;
    for (const auto& field : declared.fields) fields.try_emplace(field.definition.name, &field);
    std::unordered_set<std::string_view> key_names;
    for (const auto& name : key) {
        const auto found = fields.find(name);
        if (found == fields.end() || !key_names.insert(name).second) continue;
        table.key_fields.push_back(found->second->definition);
    }
    key_names.insert(key.begin(), key.end());
    for (const auto& field : declared.fields)
        if (!key_names.contains(field.definition.name)) table.value_fields.push_back(field.definition);
    for (const auto& index : declared.indexes)
        if (index.well_formed) table.indexes.push_back({index.name, index.columns});
    if (declared.sharding_key) table.sharding_key = split_list(*declared.sharding_key);
    const bool bounded = key.size() <= max_key_fields && table.indexes.size() <= max_indexes;
    if (table.sharding_key.empty() && declared.format == IdlFormat::proto && !table.indexes.empty() && bounded)
        table.sharding_key = common_index_fields(table.indexes, key);
}

}  // namespace

TableDefinition apply_table_rules(const DeclaredTable& declared) {
    TableDefinition table;
    table.name = declared.name;
    table.format = declared.format;
    table.tdr_version = declared.tdr_version;
    const CustomAttributes attributes = read_custom_attributes(declared);
    table.type = attributes.type;
    if (is_list_type(attributes.type)) table.list_element_num = attributes.list_num;
    if (attributes.type == TableType::sortlist) {
        table.sort_field_num = attributes.sort_field_num;
        table.sort_rule = attributes.sort_rule;
    }
    fill_fields(declared, table);

    // In order, stopping at the first: a later check may rely on an earlier one (a primary key of
    // at most 4 distinct fields, at most 4 indexes).
    const std::function<Problem()> checks[] = {
        [&] { return check_table_name(declared); },
        [&] { return attributes.problem; },
        [&] { return check_primary_key(declared, table.type); },
        [&] { return check_value_fields(declared, table); },
        [&] { return check_crypto(declared); },
        [&] { return check_indexes(declared, table); },
        [&] { return check_sharding_key(declared, table); },
        [&] { return check_packed(declared); },
        [&] { return check_nesting(declared); },
    };
    for (const auto& check : checks)
        if ((table.problem = check())) break;
    return table;
}

}  // namespace tcaplus_mock::idl
