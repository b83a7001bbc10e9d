#include "server/idl/schema_change.hpp"

#include "server/idl/source_text.hpp"

#include <unordered_map>
#include <vector>

namespace tcaplus_mock::idl {
namespace {

using Problem = std::optional<std::string>;
using FieldsByName = std::unordered_map<std::string_view, const FieldDefinition*>;
using FieldsByNumber = std::unordered_map<int, const FieldDefinition*>;

FieldsByName by_name(const std::vector<FieldDefinition>& fields) {
    FieldsByName map;
    for (const auto& field : fields) map.try_emplace(field.name, &field);
    return map;
}

const FieldDefinition* find(const FieldsByName& fields, std::string_view name) {
    const auto found = fields.find(name);
    return found == fields.end() ? nullptr : found->second;
}

constexpr const char* key_rule = "; primary key fields cannot be added, removed, renamed or retyped.";

Problem check_key_fields(const TableDefinition& old_table, const TableDefinition& new_table) {
    const FieldsByName old_keys = by_name(old_table.key_fields);
    const FieldsByName new_keys = by_name(new_table.key_fields);
    const FieldsByName new_values = by_name(new_table.value_fields);
    for (const auto& old_key : old_table.key_fields) {
        const std::string subject =
            "The primary key field " + quoted(old_key.name) + " of the table " + quoted(old_table.name);
        const FieldDefinition* kept = find(new_keys, old_key.name);
        if (kept == nullptr) {
            for (const auto& new_key : new_table.key_fields)
                if (old_key.number > 0 && new_key.number == old_key.number)
                    return subject + " was renamed to " + quoted(new_key.name) + key_rule;
            if (find(new_values, old_key.name) != nullptr)
                return subject + " is no longer in the primary key" + key_rule;
            return subject + " was removed" + key_rule;
        }
        if (kept->type != old_key.type)
            return subject + " changed its type from " + quoted(old_key.type) + " to " + quoted(kept->type) + key_rule;
    }
    for (const auto& new_key : new_table.key_fields)
        if (find(old_keys, new_key.name) == nullptr)
            return "The field " + quoted(new_key.name) + " was added to the primary key of the table " +
                   quoted(old_table.name) + key_rule;
    return std::nullopt;
}

Problem check_required_fields(const TableDefinition& old_table, const TableDefinition& new_table) {
    const FieldsByName new_keys = by_name(new_table.key_fields);
    const FieldsByName new_values = by_name(new_table.value_fields);
    for (const auto& field : old_table.value_fields)
        if (field.label == "required" && find(new_values, field.name) == nullptr &&
            find(new_keys, field.name) == nullptr)
            return "The required field " + quoted(field.name) + " of the table " + quoted(old_table.name) +
                   " was deleted; a required field that is not a primary key field cannot be deleted.";
    return std::nullopt;
}

Problem check_field_numbers(const TableDefinition& old_table, const TableDefinition& new_table) {
    FieldsByNumber new_numbers;
    for (const auto* fields : {&new_table.key_fields, &new_table.value_fields})
        for (const auto& field : *fields)
            if (field.number > 0) new_numbers.try_emplace(field.number, &field);
    for (const auto* fields : {&old_table.key_fields, &old_table.value_fields})
        for (const auto& old_field : *fields) {
            const auto found = new_numbers.find(old_field.number);
            if (old_field.number <= 0 || found == new_numbers.end()) continue;
            const FieldDefinition& new_field = *found->second;
            const std::string subject =
                "The field number " + std::to_string(old_field.number) + " of the table " + quoted(old_table.name);
            if (new_field.name != old_field.name)
                return subject + " changed its name from " + quoted(old_field.name) + " to " + quoted(new_field.name) +
                       "; a field number keeps its name and type.";
            if (new_field.type != old_field.type)
                return subject + " (" + quoted(old_field.name) + ") changed its type from " + quoted(old_field.type) +
                       " to " + quoted(new_field.type) + "; a field number keeps its name and type.";
        }
    return std::nullopt;
}

Problem check_tdr_version(const TableDefinition& old_table, const TableDefinition& new_table) {
    if (old_table.format != IdlFormat::tdr || new_table.format != IdlFormat::tdr) return std::nullopt;
    const bool changed =
        old_table.key_fields != new_table.key_fields || old_table.value_fields != new_table.value_fields;
    if (!changed || new_table.tdr_version > old_table.tdr_version) return std::nullopt;
    return "The fields of the table " + quoted(old_table.name) + " changed but its version stays " +
           std::to_string(new_table.tdr_version) + " (was " + std::to_string(old_table.tdr_version) +
           "); a TDR struct's version must be incremented on each schema change.";
}

}  // namespace

std::optional<std::string> schema_change_problem(const TableDefinition& old_table, const TableDefinition& new_table) {
    if (old_table.type != new_table.type)
        return "The table " + quoted(old_table.name) + " is " + std::string(table_type_text(old_table.type)) +
               " and the new definition makes it " + std::string(table_type_text(new_table.type)) +
               "; a table's type cannot change.";
    if (auto problem = check_key_fields(old_table, new_table)) return problem;
    if (auto problem = check_required_fields(old_table, new_table)) return problem;
    if (auto problem = check_field_numbers(old_table, new_table)) return problem;
    return check_tdr_version(old_table, new_table);
}

}  // namespace tcaplus_mock::idl
