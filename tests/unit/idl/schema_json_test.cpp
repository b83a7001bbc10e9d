#include "server/core/text.hpp"
#include "server/idl/schema_json.hpp"

#include <boost/json/parse.hpp>

#include <gtest/gtest.h>

namespace tcaplus_mock::idl {
namespace {

FieldDefinition proto_field(std::string name, std::string type, std::string label, int number) {
    FieldDefinition field;
    field.name = std::move(name);
    field.string_like = type == "string" || type == "bytes";
    field.type = std::move(type);
    field.label = std::move(label);
    field.number = number;
    return field;
}

TableDefinition tb_example() {
    TableDefinition table;
    table.name = "tb_example";
    table.key_fields = {proto_field("uin", "int64", "required", 1), proto_field("name", "string", "required", 2)};
    table.value_fields = {proto_field("gamesvrid", "int32", "required", 3),
                          proto_field("logintime", "string", "optional", 4)};
    return table;
}

TEST(SchemaJson, TheRealServicesForm) {
    const TableDefinition table = tb_example();
    EXPECT_EQ(key_fields_json(table), R"({"KeyField":[{"Label":"required","Name":"uin","Type":"int64"},)"
                                      R"({"Crypto":false,"Label":"required","Name":"name","Type":"string"}],"Num":2})");
    EXPECT_EQ(value_fields_json(table),
              R"({"Num":2,"ValueField":[{"Label":"required","Name":"gamesvrid","Type":"int32"},)"
              R"({"Crypto":false,"Label":"optional","Name":"logintime","Type":"string"}]})");
    EXPECT_EQ(index_key_set_json(table), R"({"Num":0})");
    EXPECT_EQ(sharding_key_set(table), "");
    EXPECT_EQ(sum_key_field_size, 1022);
    EXPECT_EQ(sum_value_field_size, 262144);
}

TEST(SchemaJson, IndexesAndShardingKey) {
    TableDefinition table = tb_example();
    table.indexes = {{"index1", {"uin"}}, {"index2", {"uin", "name"}}};
    table.sharding_key = {"uin", "name"};
    EXPECT_EQ(index_key_set_json(table),
              R"({"IndexKey":[{"Fields":["uin"],"Name":"index1"},{"Fields":["uin","name"],"Name":"index2"}],"Num":2})");
    EXPECT_EQ(sharding_key_set(table), "uin,name");
}

TEST(SchemaJson, TdrFieldsHaveNoLabelAndShowSizeAndCount) {
    TableDefinition table;
    table.format = IdlFormat::tdr;
    FieldDefinition id;
    id.name = "id";
    id.type = "string";
    id.string_like = true;
    id.size = 100;
    FieldDefinition items;
    items.name = "items";
    items.type = "uint64";
    items.count = 10;
    table.key_fields = {id};
    table.value_fields = {items};
    EXPECT_EQ(key_fields_json(table),
              R"({"KeyField":[{"Crypto":false,"Name":"id","Size":100,"Type":"string"}],"Num":1})");
    EXPECT_EQ(value_fields_json(table), R"({"Num":1,"ValueField":[{"Count":10,"Name":"items","Type":"uint64"}]})");
}

TEST(SchemaJson, ProtoCryptoAndSize) {
    TableDefinition table = tb_example();
    table.value_fields[1].crypto = true;
    table.value_fields[1].size = 32;
    EXPECT_EQ(value_fields_json(table),
              R"({"Num":2,"ValueField":[{"Label":"required","Name":"gamesvrid","Type":"int32"},)"
              R"({"Crypto":true,"Label":"optional","Name":"logintime","Size":32,"Type":"string"}]})");
}

TEST(SchemaJson, AnyNameGivesValidJson) {
    TableDefinition table = tb_example();
    table.key_fields[0].name = "q\"uote\\back\nline\xff";
    table.indexes = {{"i\x01", {"\xc0"}}};
    table.sharding_key = {"\xfe"};
    for (const std::string& json : {key_fields_json(table), value_fields_json(table), index_key_set_json(table)}) {
        EXPECT_TRUE(text::is_valid_utf8(json)) << json;
        boost::system::error_code error;
        boost::json::parse(json, error);
        EXPECT_FALSE(error) << json;
    }
    EXPECT_TRUE(text::is_valid_utf8(sharding_key_set(table)));
}

}  // namespace
}  // namespace tcaplus_mock::idl
