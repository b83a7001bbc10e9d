#include "server/idl/parse_idl.hpp"
#include "server/idl/schema_change.hpp"
#include "tests/unit/idl/idl_examples.hpp"
#include "tests/unit/idl/idl_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tcaplus_mock::idl {
namespace {

using namespace testing;

struct ChangeCase {
    const char* name;
    IdlFormat format;
    std::string old_text;
    std::string new_text;
    const char* problem;  // a part of the expected problem; nullptr: allowed
};

TableDefinition only_table(IdlFormat format, const std::string& text) {
    const ParsedIdl parsed = parse_ok(format, text);
    if (parsed.tables.size() != 1) {
        ADD_FAILURE() << "expected one table in\n" << text;
        return {};
    }
    return parsed.tables[0];
}

// A proto2 table `t` with key uin (and `more_options`) and `fields` after it.
std::string proto_t(std::string_view fields, std::string_view key = "uin", std::string_view more_options = "") {
    return proto2_file("message t {\noption(tcaplusservice.tcaplus_primary_key) = \"" + std::string(key) + "\";\n" +
                       std::string(more_options) + std::string(fields) + "}\n");
}

const std::string base_fields = "required int64 uin = 1;\nrequired int32 level = 2;\noptional string nick = 3;\n";

std::string tdr_t(std::string_view version, std::string_view entries) {
    return tdr_file("<struct name=\"t\" primarykey=\"uin\" version=\"" + std::string(version) +
                    "\">\n"
                    "<entry name=\"uin\" type=\"uint64\"/>\n" +
                    std::string(entries) + "</struct>\n");
}

class SchemaChangeTest : public ::testing::TestWithParam<ChangeCase> {};

TEST_P(SchemaChangeTest, AppliesTheRules) {
    const ChangeCase& c = GetParam();
    const auto problem = schema_change_problem(only_table(c.format, c.old_text), only_table(c.format, c.new_text));
    if (c.problem == nullptr) {
        EXPECT_EQ(problem, std::nullopt) << *problem;
        return;
    }
    ASSERT_TRUE(problem.has_value()) << "expected: " << c.problem;
    EXPECT_NE(problem->find(c.problem), std::string::npos) << *problem;
}

INSTANTIATE_TEST_SUITE_P(
    Changes, SchemaChangeTest,
    ::testing::Values(
        ChangeCase{"official_modify_example_adds_a_field", IdlFormat::proto,
                   std::string(examples::verify_example_proto), std::string(examples::modify_example_proto), nullptr},
        ChangeCase{"unchanged", IdlFormat::proto, proto_t(base_fields), proto_t(base_fields), nullptr},
        ChangeCase{"optional_field_deleted", IdlFormat::proto, proto_t(base_fields),
                   proto_t("required int64 uin = 1;\nrequired int32 level = 2;\n"), nullptr},
        ChangeCase{"key_order_changed", IdlFormat::proto,
                   proto_t(base_fields + "required int32 zone = 4;\n", "uin,zone"),
                   proto_t(base_fields + "required int32 zone = 4;\n", "zone,uin"), nullptr},
        ChangeCase{"required_field_deleted", IdlFormat::proto, proto_t(base_fields),
                   proto_t("required int64 uin = 1;\noptional string nick = 3;\n"),
                   "The required field `level` of the table `t` was deleted"},
        ChangeCase{"key_field_removed", IdlFormat::proto,
                   proto_t(base_fields + "required int32 zone = 4;\n", "uin,zone"), proto_t(base_fields),
                   "The primary key field `zone` of the table `t` was removed"},
        ChangeCase{"key_field_moved_to_values", IdlFormat::proto,
                   proto_t(base_fields + "required int32 zone = 4;\n", "uin,zone"),
                   proto_t(base_fields + "required int32 zone = 4;\n"),
                   "`zone` of the table `t` is no longer in the primary key"},
        ChangeCase{"key_field_renamed", IdlFormat::proto, proto_t(base_fields),
                   proto_t("required int64 user = 1;\nrequired int32 level = 2;\noptional string nick = 3;\n", "user"),
                   "`uin` of the table `t` was renamed to `user`"},
        ChangeCase{"key_field_retyped", IdlFormat::proto, proto_t(base_fields),
                   proto_t("required uint64 uin = 1;\nrequired int32 level = 2;\noptional string nick = 3;\n"),
                   "`uin` of the table `t` changed its type from `int64` to `uint64`"},
        ChangeCase{"key_field_added", IdlFormat::proto, proto_t(base_fields),
                   proto_t(base_fields + "required int32 zone = 4;\n", "uin,zone"),
                   "The field `zone` was added to the primary key of the table `t`"},
        ChangeCase{"field_number_renamed", IdlFormat::proto, proto_t(base_fields),
                   proto_t("required int64 uin = 1;\nrequired int32 level = 2;\noptional string nickname = 3;\n"),
                   "The field number 3 of the table `t` changed its name from `nick` to `nickname`"},
        ChangeCase{"field_number_retyped", IdlFormat::proto, proto_t(base_fields),
                   proto_t("required int64 uin = 1;\nrequired int32 level = 2;\noptional bytes nick = 3;\n"),
                   "(`nick`) changed its type from `string` to `bytes`"},
        ChangeCase{
            "table_type_changed", IdlFormat::proto, proto_t(base_fields),
            proto_t(base_fields, "uin", "option(tcaplusservice.tcaplus_customattr) = \"TableType=LIST;ListNum=10\";\n"),
            "is GENERIC and the new definition makes it LIST; a table's type cannot change"},
        ChangeCase{"tdr_entry_added_with_a_new_version", IdlFormat::tdr,
                   tdr_t("1", "<entry name=\"a\" type=\"int\"/>\n"),
                   tdr_t("2", "<entry name=\"a\" type=\"int\"/>\n<entry name=\"b\" type=\"int\"/>\n"), nullptr},
        ChangeCase{"tdr_entry_added_in_the_same_version", IdlFormat::tdr,
                   tdr_t("1", "<entry name=\"a\" type=\"int\"/>\n"),
                   tdr_t("1", "<entry name=\"a\" type=\"int\"/>\n<entry name=\"b\" type=\"int\"/>\n"),
                   "changed but its version stays 1 (was 1); a TDR struct's version must be incremented"},
        ChangeCase{"tdr_key_retyped", IdlFormat::tdr, tdr_t("1", "<entry name=\"a\" type=\"int\"/>\n"),
                   tdr_file("<struct name=\"t\" primarykey=\"uin\" version=\"2\"><entry name=\"uin\" type=\"string\" "
                            "size=\"8\"/><entry name=\"a\" type=\"int\"/></struct>"),
                   "changed its type from `uint64` to `string`"},
        ChangeCase{"tdr_same_fields_same_version", IdlFormat::tdr, tdr_t("3", "<entry name=\"a\" type=\"int\"/>\n"),
                   tdr_t("3", "<entry name=\"a\" type=\"int\"/>\n"), nullptr}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tcaplus_mock::idl
