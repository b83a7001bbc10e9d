#pragma once
// Helpers of the idl tests: parse and expect success or failure, find a table.

#include "server/idl/parse_idl.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::idl::testing {

inline ParsedIdl parse_ok(IdlFormat format, std::string_view text, const std::vector<ImportableFile>& importable = {},
                          std::string_view file_name = "test") {
    auto parsed = parse_idl(format, file_name, text, importable);
    if (parsed.has_error()) {
        ADD_FAILURE() << "expected the file to parse, got " << parsed.error().file << ":" << parsed.error().line << ":"
                      << parsed.error().column << ": " << parsed.error().message;
        return {};
    }
    return *parsed;
}

inline IdlParseError parse_fails(IdlFormat format, std::string_view text,
                                 const std::vector<ImportableFile>& importable = {},
                                 std::string_view file_name = "test") {
    auto parsed = parse_idl(format, file_name, text, importable);
    if (parsed.has_value()) {
        ADD_FAILURE() << "expected a parse error, got " << parsed->tables.size() << " tables";
        return {};
    }
    return parsed.error();
}

// The table named `name`; a test failure (and an empty table) when there is none.
inline TableDefinition table_named(const ParsedIdl& parsed, std::string_view name) {
    for (const auto& table : parsed.tables)
        if (table.name == name) return table;
    ADD_FAILURE() << "no table " << name;
    return {};
}

inline std::vector<std::string> names_of(const std::vector<FieldDefinition>& fields) {
    std::vector<std::string> names;
    for (const auto& field : fields) names.push_back(field.name);
    return names;
}

inline std::vector<std::string> table_names(const ParsedIdl& parsed) {
    std::vector<std::string> names;
    for (const auto& table : parsed.tables) names.push_back(table.name);
    return names;
}

// A proto2 file importing the options file, holding `declarations` (messages).
inline std::string proto2_file(std::string_view declarations) {
    return "syntax = \"proto2\";\nimport \"tcaplusservice.optionv1.proto\";\n" + std::string(declarations);
}

inline std::string proto3_file(std::string_view declarations) {
    return "syntax = \"proto3\";\nimport \"tcaplusservice.optionv1.proto\";\n" + std::string(declarations);
}

// A TDR file holding `declarations` (structs, unions, macros).
inline std::string tdr_file(std::string_view declarations) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<metalib name=\"m\" tagsetversion=\"1\" version=\"1\">\n" +
           std::string(declarations) + "</metalib>\n";
}

}  // namespace tcaplus_mock::idl::testing
