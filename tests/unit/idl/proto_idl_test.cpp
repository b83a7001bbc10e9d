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

TEST(ProtoIdl, TerraformFileDefinesOneTable) {
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, examples::terraform_proto, {}, "tf_idl_test_guagua");
    ASSERT_EQ(table_names(parsed), Names{"tb_idle_test"});
    const TableDefinition& table = parsed.tables[0];
    EXPECT_EQ(table.problem, std::nullopt);
    EXPECT_EQ(table.type, TableType::generic);
    EXPECT_EQ(table.format, IdlFormat::proto);
    EXPECT_EQ(names_of(table.key_fields), (Names{"uin", "name", "region"}));
    EXPECT_EQ(names_of(table.value_fields), (Names{"gamesvrid", "logintime", "lockid", "is_available", "pay"}));
    EXPECT_EQ(table.value_fields[2].label, "repeated");
    EXPECT_EQ(table.value_fields[4].type, "pay_info");
    EXPECT_EQ(table.value_fields[4].number, 8);
    EXPECT_EQ(key_fields_json(table), R"({"KeyField":[{"Label":"required","Name":"uin","Type":"int64"},)"
                                      R"({"Crypto":false,"Label":"required","Name":"name","Type":"string"},)"
                                      R"({"Label":"required","Name":"region","Type":"int32"}],"Num":3})");
    EXPECT_EQ(index_key_set_json(table), R"({"Num":0})");
    EXPECT_EQ(sharding_key_set(table), "");
}

// The real answer to the official VerifyIdlFiles example (WHOLE-API.md b5), byte for byte.
TEST(ProtoIdl, VerifyExampleAnswersAsTheRealService) {
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, examples::verify_example_proto, {}, "tb_example");
    ASSERT_EQ(table_names(parsed), Names{"tb_example"});
    const TableDefinition& table = parsed.tables[0];
    EXPECT_EQ(table.problem, std::nullopt);
    EXPECT_EQ(key_fields_json(table), R"({"KeyField":[{"Label":"required","Name":"uin","Type":"int64"},)"
                                      R"({"Crypto":false,"Label":"required","Name":"name","Type":"string"}],"Num":2})");
    EXPECT_EQ(value_fields_json(table),
              R"({"Num":2,"ValueField":[{"Label":"required","Name":"gamesvrid","Type":"int32"},)"
              R"({"Crypto":false,"Label":"optional","Name":"logintime","Type":"string"}]})");
    EXPECT_EQ(index_key_set_json(table), R"({"Num":0})");
    EXPECT_EQ(sharding_key_set(table), "");
    EXPECT_EQ(table_type_text(table.type), "GENERIC");
    EXPECT_EQ(table.tdr_version, 1);
    EXPECT_EQ(table.list_element_num, std::nullopt);
    EXPECT_EQ(table.sort_field_num, std::nullopt);
}

TEST(ProtoIdl, SdkProto3FileHasIndexesAndAListTable) {
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, examples::sdk_common_proto);
    ASSERT_EQ(table_names(parsed), (Names{"game_players", "tb_online_list"}));

    const TableDefinition& players = parsed.tables[0];
    EXPECT_EQ(players.problem, std::nullopt);
    EXPECT_EQ(names_of(players.key_fields), (Names{"player_id", "player_name", "player_email"}));
    EXPECT_EQ(players.key_fields[0].label, "optional");  // proto3: no label is optional
    EXPECT_EQ(players.value_fields[1].label, "repeated");
    EXPECT_EQ(index_key_set_json(players), R"({"IndexKey":[{"Fields":["player_id","player_name"],"Name":"index_1"},)"
                                           R"({"Fields":["player_id","player_email"],"Name":"index_2"}],"Num":2})");
    EXPECT_EQ(sharding_key_set(players), "player_id");  // the fields common to every index

    const TableDefinition& online = parsed.tables[1];
    EXPECT_EQ(online.problem, std::nullopt);
    EXPECT_EQ(online.type, TableType::list);
    EXPECT_EQ(online.list_element_num, 1023);
    EXPECT_EQ(online.value_fields.back().type, "pay_info");
}

TEST(ProtoIdl, FieldOptionsAndTableAttributes) {
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, proto2_file(R"idl(
message ranked {
    option(tcaplusservice.tcaplus_primary_key) = " uin , zone ";
    option(tcaplusservice.tcaplus_customattr) = "TableType=SORTLIST; ListNum=500; SortFieldNum=1; SortRule=DESC;";
    required uint64 uin = 1;
    required int32 zone = 2;
    optional string secret = 3 [(tcaplusservice.tcaplus_crypto) = true, (tcaplusservice.tcaplus_size) = 64];
    optional bytes blob = 4;
    repeated sint32 scores = 5 [packed = true];
    map<string, int64> totals = 6;
}
message sharded {
    option(tcaplusservice.tcaplus_primary_key) = "a,b";
    option(tcaplusservice.tcaplus_index) = "i1(a,b)";
    option(tcaplusservice.tcaplus_sharding_key) = "b";
    required int32 a = 1;
    required int32 b = 2;
    optional int32 c = 3;
}
)idl"));
    ASSERT_EQ(parsed.tables.size(), 2u);
    const TableDefinition& ranked = parsed.tables[0];
    EXPECT_EQ(ranked.problem, std::nullopt);
    EXPECT_EQ(names_of(ranked.key_fields), (Names{"uin", "zone"}));
    EXPECT_EQ(ranked.type, TableType::sortlist);
    EXPECT_EQ(ranked.list_element_num, 500);
    EXPECT_EQ(ranked.sort_field_num, 1);
    EXPECT_EQ(ranked.sort_rule, "DESC");
    EXPECT_EQ(value_fields_json(ranked),
              R"({"Num":4,"ValueField":[{"Crypto":true,"Label":"optional","Name":"secret","Size":64,"Type":"string"},)"
              R"({"Crypto":false,"Label":"optional","Name":"blob","Type":"bytes"},)"
              R"({"Label":"repeated","Name":"scores","Type":"sint32"},)"
              R"({"Label":"repeated","Name":"totals","Type":"map<string,int64>"}]})");
    EXPECT_EQ(sharding_key_set(parsed.tables[1]), "b");
}

TEST(ProtoIdl, OnlyTopLevelMessagesWithAPrimaryKeyAreTables) {
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, proto2_file(R"idl(
message plain { optional int32 x = 1; }
message outer {
    option(tcaplusservice.tcaplus_primary_key) = "k";
    required int32 k = 1;
    optional inner v = 2;
    message inner {
        option(tcaplusservice.tcaplus_primary_key) = "y";
        optional int32 y = 1;
    }
}
)idl"));
    EXPECT_EQ(table_names(parsed), Names{"outer"});
}

TEST(ProtoIdl, ImportsResolveToTheUpload) {
    const std::vector<ImportableFile> upload = {
        {"common", "syntax = \"proto2\";\npackage shared;\nmessage money { optional int64 cents = 1; }\n"},
        {"unused", "this is not even protobuf"}};
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, proto2_file(R"idl(
import "common.proto";
message wallet {
    option(tcaplusservice.tcaplus_primary_key) = "owner";
    required int64 owner = 1;
    optional shared.money balance = 2;
}
)idl"),
                                      upload);
    ASSERT_EQ(table_names(parsed), Names{"wallet"});
    EXPECT_EQ(parsed.tables[0].value_fields[0].type, "money");
}

TEST(ProtoIdl, TablesOfImportedFilesAreNotListed) {
    const std::vector<ImportableFile> upload = {
        {"other.proto", proto2_file("message other_table { option(tcaplusservice.tcaplus_primary_key) = \"k\"; "
                                    "required int32 k = 1; optional int32 v = 2; }\n")}};
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, proto2_file(R"idl(import "other.proto";
message mine { option(tcaplusservice.tcaplus_primary_key) = "k"; required int32 k = 1; optional other_table v = 2; }
)idl"),
                                      upload);
    EXPECT_EQ(table_names(parsed), Names{"mine"});
}

TEST(ProtoIdl, ImportErrors) {
    const IdlParseError missing =
        parse_fails(IdlFormat::proto,
                    "syntax = \"proto2\";\nimport \"tcaplusservice.optionv1.proto\";\n  import \"gone.proto\";\n");
    EXPECT_NE(missing.message.find("`gone.proto` was not found"), std::string::npos) << missing.message;
    EXPECT_EQ(missing.file, "test");
    EXPECT_EQ(missing.line, 3);
    EXPECT_EQ(missing.column, 3);

    const IdlParseError cycle = parse_fails(IdlFormat::proto, "syntax = \"proto2\";\nimport \"b.proto\";\n",
                                            {{"b", "syntax = \"proto2\";\nimport \"a.proto\";\n"}}, "a");
    EXPECT_NE(cycle.message.find("makes a cycle"), std::string::npos) << cycle.message;
    EXPECT_EQ(cycle.file, "b");
    EXPECT_EQ(cycle.line, 2);

    const IdlParseError broken = parse_fails(IdlFormat::proto, "syntax = \"proto2\";\nimport \"b.proto\";\n",
                                             {{"b", "syntax = \"proto2\";\nmessage {\n"}}, "a");
    EXPECT_EQ(broken.file, "b");
    EXPECT_EQ(broken.line, 2);
}

TEST(ProtoIdl, AnUploadedOptionsFileDefinesNoTable) {
    const std::string options = R"idl(syntax = "proto2";
package tcaplusservice;
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions { optional string tcaplus_primary_key = 60000; }
)idl";
    EXPECT_TRUE(parse_ok(IdlFormat::proto, options, {}, "tcaplusservice.optionv1").tables.empty());
    EXPECT_EQ(
        parse_fails(IdlFormat::proto, "syntax = \"proto2\";\nmessage {", {}, "tcaplusservice.optionv1.proto").line, 2);
    // An uploaded copy never replaces the built-in one.
    const std::vector<ImportableFile> upload = {{"tcaplusservice.optionv1", "garbage"}};
    EXPECT_EQ(parse_ok(IdlFormat::proto, examples::verify_example_proto, upload).tables.size(), 1u);
}

TEST(ProtoIdl, UploadsCannotRedefineBuiltInNames) {
    const IdlParseError clash = parse_fails(IdlFormat::proto, R"idl(syntax = "proto2";
package google.protobuf;
message MessageOptions { optional int32 x = 1; }
)idl");
    EXPECT_NE(clash.message.find("google.protobuf.MessageOptions"), std::string::npos) << clash.message;
    EXPECT_EQ(clash.line, 3);

    // Another extension numbered 60000 would be read as the primary key option.
    const IdlParseError taken = parse_fails(IdlFormat::proto, R"idl(syntax = "proto2";
package mine;
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions { optional string pk = 60000; }
message t { option (pk) = "zz"; optional int32 zz = 1; }
)idl");
    EXPECT_NE(taken.message.find("tcaplusservice.tcaplus_primary_key"), std::string::npos) << taken.message;
    EXPECT_EQ(taken.line, 4);
}

struct MalformedProto {
    const char* name;
    std::string text;
    const char* says;  // a part of the message
    int line;
    int column;
};

class MalformedProtoTest : public ::testing::TestWithParam<MalformedProto> {};

TEST_P(MalformedProtoTest, IsAnErrorWithItsPosition) {
    const MalformedProto& c = GetParam();
    const IdlParseError error = parse_fails(IdlFormat::proto, c.text);
    EXPECT_NE(error.message.find(c.says), std::string::npos) << error.message;
    EXPECT_EQ(error.file, "test");
    EXPECT_EQ(error.line, c.line) << error.message;
    EXPECT_EQ(error.column, c.column) << error.message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedProtoTest,
    ::testing::Values(
        MalformedProto{"unterminated_message", "syntax = \"proto2\";\nmessage t {\n  optional int32 a = 1;\n",
                       "Reached end of input", 4, 1},
        MalformedProto{"missing_semicolon", "syntax = \"proto2\";\nmessage t {\n  optional int32 a = 1\n}\n",
                       "Expected \";\"", 4, 1},
        MalformedProto{"unknown_type",
                       "syntax = \"proto2\";\nmessage t {\n  optional int32 a = 1;\n  optional pay_inf b = 2;\n}\n",
                       "\"pay_inf\" is not defined", 4, 12},
        MalformedProto{"option_without_its_import",
                       "syntax = \"proto2\";\nmessage t {\n  option(tcaplusservice.tcaplus_primary_key) = \"a\";\n"
                       "  optional int32 a = 1;\n}\n",
                       "tcaplusservice.tcaplus_primary_key", 3, 9},
        MalformedProto{"duplicate_field_number",
                       "syntax = \"proto2\";\nmessage t {\n  optional int32 a = 1;\n  optional int32 b = 1;\n}\n",
                       "has already been used in \"t\" by field \"a\"", 4, 22},
        MalformedProto{"bad_syntax_name", "syntax = \"proto4\";\n", "Unrecognized syntax identifier \"proto4\"", 1, 10},
        MalformedProto{"tab_counts_as_one_column", "syntax = \"proto2\";\nmessage t {\n\t\toptional int32 a = 1 }\n",
                       "Expected \";\"", 3, 24},
        MalformedProto{"tab_before_unknown_type", "syntax = \"proto2\";\nmessage t {\n\toptional\tnope a = 1;\n}\n",
                       "\"nope\" is not defined", 3, 11},
        MalformedProto{"proto3_required", "syntax = \"proto3\";\nmessage t {\n  required int32 a = 1;\n}\n",
                       "Required fields are not allowed in proto3", 3, 12}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tcaplus_mock::idl
