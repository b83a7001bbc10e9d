#include "server/idl/parse_idl.hpp"
#include "server/idl/schema_json.hpp"
#include "tests/unit/idl/idl_examples.hpp"
#include "tests/unit/idl/idl_test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tcaplus_mock::idl {
namespace {

using namespace testing;
using Names = std::vector<std::string>;
using namespace std::string_literals;

void expect_terraform_user_info(const ParsedIdl& parsed) {
    ASSERT_EQ(table_names(parsed), Names{"user_info"});
    const TableDefinition& table = parsed.tables[0];
    EXPECT_EQ(table.problem, std::nullopt);
    EXPECT_EQ(table.format, IdlFormat::tdr);
    EXPECT_EQ(table.tdr_version, 1);
    EXPECT_EQ(key_fields_json(table),
              R"({"KeyField":[{"Crypto":false,"Name":"id","Size":100,"Type":"string"}],"Num":1})");
    EXPECT_EQ(
        value_fields_json(table),
        R"({"Num":4,"ValueField":[{"Crypto":false,"Name":"username","Size":100,"Type":"string"},)"
        R"({"Name":"age","Type":"int"},{"Name":"createat","Type":"uint64"},{"Name":"updateat","Type":"uint64"}]})");
    EXPECT_EQ(sharding_key_set(table), "id");
    EXPECT_EQ(index_key_set_json(table), R"({"Num":0})");
}

TEST(TdrIdl, TerraformFileWithGbkDeclaredDefinesOneTable) {
    expect_terraform_user_info(parse_ok(IdlFormat::tdr, examples::terraform_tdr, {}, "auth_info"));
}

TEST(TdrIdl, GbkBytesAreReadAsTheyAre) {
    expect_terraform_user_info(parse_ok(IdlFormat::tdr, examples::terraform_tdr_gbk_bytes, {}, "auth_info"));
}

TEST(TdrIdl, SdkFileTables) {
    const ParsedIdl parsed = parse_ok(IdlFormat::tdr, examples::sdk_common_tdr);
    ASSERT_EQ(table_names(parsed),
              (Names{"table_generic", "table_traverser_list", "table_Sortlist_single", "PLAYERONLINECNT_simplify"}));
    for (const auto& table : parsed.tables) EXPECT_EQ(table.problem, std::nullopt) << table.name;

    const TableDefinition& generic = parsed.tables[0];
    EXPECT_EQ(generic.type, TableType::generic);
    EXPECT_EQ(generic.tdr_version, 1);
    EXPECT_EQ(names_of(generic.key_fields), (Names{"uin", "name", "key3", "key4"}));
    EXPECT_EQ(
        index_key_set_json(generic),
        R"({"IndexKey":[{"Fields":["uin"],"Name":"index1"},{"Fields":["uin","name"],"Name":"index2"},)"
        R"({"Fields":["uin","name","key3"],"Name":"index3"},{"Fields":["uin","key4"],"Name":"index4"}],"Num":4})");
    EXPECT_EQ(sharding_key_set(generic), "uin");
    EXPECT_EQ(generic.value_fields[3].count, 10u);  // items
    EXPECT_EQ(generic.value_fields[5].type, "struct_type");

    const TableDefinition& list = parsed.tables[1];
    EXPECT_EQ(list.type, TableType::list);
    EXPECT_EQ(list.list_element_num, 1023);
    EXPECT_EQ(list.tdr_version, 5);
    EXPECT_EQ(names_of(list.key_fields), (Names{"key", "name"}));
    EXPECT_EQ(sharding_key_set(list), "");

    const TableDefinition& sorted = parsed.tables[2];
    EXPECT_EQ(sorted.type, TableType::sortlist);
    EXPECT_EQ(sorted.list_element_num, 1023);
    EXPECT_EQ(sorted.sort_field_num, 1);
    EXPECT_EQ(sorted.sort_rule, "DESC");

    // A byte array is a binary key; counts come through macros.
    const TableDefinition& online = parsed.tables[3];
    EXPECT_EQ(key_fields_json(online), R"({"KeyField":[{"Count":100,"Name":"key","Type":"byte"}],"Num":1})");
    EXPECT_EQ(online.value_fields.back().count, 10000000u);
}

TEST(TdrIdl, MacrosInGroupsAndChains) {
    const ParsedIdl parsed = parse_ok(IdlFormat::tdr, tdr_file(R"idl(
  <macrosgroup name="sizes">
    <macro name="BASE" value="0x20"/>
    <macro name="NAME_LEN" value="BASE"/>
  </macrosgroup>
  <struct name="t" primarykey="k" version="3">
    <entry name="k" type="UInt32"/>
    <entry name="n" type="string" size="NAME_LEN"/>
  </struct>
)idl"));
    ASSERT_EQ(parsed.tables.size(), 1u);
    EXPECT_EQ(parsed.tables[0].problem, std::nullopt);
    EXPECT_EQ(parsed.tables[0].value_fields[0].size, 32u);
    EXPECT_EQ(parsed.tables[0].tdr_version, 3);
}

TEST(TdrIdl, StructsWithoutPrimaryKeyAreTypes) {
    const ParsedIdl parsed = parse_ok(IdlFormat::tdr, tdr_file(R"idl(
  <struct name="point"><entry name="x" type="int"/></struct>
  <union name="either"><entry name="a" type="int" id="1"/></union>
)idl"));
    EXPECT_TRUE(parsed.tables.empty());
}

struct MalformedTdr {
    const char* name;
    std::string text;
    const char* says;
    int line;
    int column;
};

class MalformedTdrTest : public ::testing::TestWithParam<MalformedTdr> {};

TEST_P(MalformedTdrTest, IsAnErrorWithItsPosition) {
    const MalformedTdr& c = GetParam();
    const IdlParseError error = parse_fails(IdlFormat::tdr, c.text);
    EXPECT_NE(error.message.find(c.says), std::string::npos) << error.message;
    EXPECT_EQ(error.file, "test");
    EXPECT_EQ(error.line, c.line) << error.message;
    EXPECT_EQ(error.column, c.column) << error.message;
}

// tdr_file() puts the declarations on line 3.
INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedTdrTest,
    ::testing::Values(
        MalformedTdr{"mismatched_end_tag",
                     "<metalib tagsetversion=\"1\">\n  <struct name=\"t\">\n  </strukt>\n</metalib>\n",
                     "not well-formed", 3, 5},
        MalformedTdr{"unclosed_attribute", "<metalib tagsetversion=\"1\">\n <struct name=\"t>\n</metalib>\n",
                     "not well-formed", 2, 16},
        MalformedTdr{"empty_file", "", "No document element", 1, 1},
        MalformedTdr{"wrong_root", "<?xml version=\"1.0\"?>\n<protocol tagsetversion=\"1\"/>\n",
                     "root element is <protocol>", 2, 1},
        MalformedTdr{"second_root", "<metalib tagsetversion=\"1\"/>\n <metalib tagsetversion=\"1\"/>\n",
                     "second root element", 2, 2},
        MalformedTdr{"tagsetversion_2", "<metalib name=\"m\" tagsetversion=\"2\"/>\n", "tagsetversion is `2`", 1, 1},
        MalformedTdr{"tagsetversion_missing", "<metalib name=\"m\"/>\n", "it must be 1", 1, 1},
        MalformedTdr{"unknown_type",
                     tdr_file("<struct name=\"t\" primarykey=\"k\">\n  <entry name=\"k\" type=\"int\"/>\n"
                              "  <entry name=\"v\" type=\"money\"/>\n</struct>\n"),
                     "the type `money`", 5, 3},
        MalformedTdr{
            "undefined_macro",
            tdr_file("<struct name=\"t\">\n <entry name=\"s\" type=\"string\" size=\"NO_SUCH\"/>\n</struct>\n"),
            "size `NO_SUCH`", 4, 2},
        MalformedTdr{"string_without_size",
                     tdr_file("<struct name=\"t\">\n <entry name=\"s\" type=\"string\"/>\n</struct>\n"), "has no size",
                     4, 2},
        MalformedTdr{
            "duplicate_entry",
            tdr_file("<struct name=\"t\">\n <entry name=\"a\" type=\"int\"/>\n <entry name=\"a\" type=\"int\"/>\n"
                     "</struct>\n"),
            "defined twice", 5, 2},
        MalformedTdr{"duplicate_struct", tdr_file("<struct name=\"t\"/>\n<union name=\"t\"/>\n"), "defined twice", 4,
                     1},
        MalformedTdr{
            "unknown_refer",
            tdr_file("<struct name=\"t\">\n <entry name=\"a\" type=\"int\" count=\"4\" refer=\"n\"/>\n</struct>\n"),
            "refers to `n`", 4, 2},
        MalformedTdr{"zero_count",
                     tdr_file("<struct name=\"t\">\n <entry name=\"a\" type=\"int\" count=\"0\"/>\n</struct>\n"),
                     "count `0`", 4, 2},
        MalformedTdr{"bad_version", tdr_file("<struct name=\"t\" version=\"v2\">\n</struct>\n"), "version `v2`", 3, 1},
        MalformedTdr{"macro_without_value", tdr_file("<macro name=\"M\"/>\n"), "neither an integer", 3, 1},
        MalformedTdr{"nul_byte", "<metalib tagsetversion=\"1\">\n  <a>\0</a>\n</metalib>\n"s, "NUL byte", 2, 6}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tcaplus_mock::idl
