// Each documented table rule broken once (and its limit reached without breaking it), in both
// formats where it applies: the table is still listed, with the rule named in its problem.

#include "server/idl/parse_idl.hpp"
#include "tests/unit/idl/idl_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tcaplus_mock::idl {
namespace {

using namespace testing;

struct RuleCase {
    const char* name;
    IdlFormat format;
    std::string text;
    const char* problem;  // a part of the expected problem; nullptr: the table has none
};

// A proto2 table `t`: `options` inside the message, then its fields (k is the usual key).
std::string proto_table(std::string_view options, std::string_view fields, std::string_view name = "t",
                        std::string_view more = "") {
    return proto2_file("message " + std::string(name) + " {\n" + std::string(options) + std::string(fields) + "}\n" +
                       std::string(more));
}

std::string key_k(std::string_view more_options = "") {
    return "option(tcaplusservice.tcaplus_primary_key) = \"k\";\n" + std::string(more_options);
}

// `count` optional int32 fields v0, v1, ... numbered from `first_number`.
std::string value_fields(int count, int first_number = 2) {
    std::string fields;
    for (int i = 0; i < count; ++i)
        fields += "optional int32 v" + std::to_string(i) + " = " + std::to_string(first_number + i) + ";\n";
    return fields;
}

// A TDR struct `t` with `attributes` and `entries`.
std::string tdr_table(std::string_view attributes, std::string_view entries, std::string_view more = "") {
    return tdr_file(std::string(more) + "<struct name=\"t\" version=\"1\" " + std::string(attributes) + ">\n" +
                    std::string(entries) + "</struct>\n");
}

// A chain of `levels` message types below table `t`: t.n -> m1, m1.n -> m2, ...
std::string proto_nesting(int levels) {
    std::string more;
    for (int i = 1; i <= levels; ++i)
        more += "message m" + std::to_string(i) + " { " +
                (i < levels ? "optional m" + std::to_string(i + 1) + " n = 1;" : std::string("optional int32 x = 1;")) +
                " }\n";
    return proto_table(key_k(), "required int32 k = 1;\noptional m1 n = 2;\n", "t", more);
}

const std::string four_keys =
    "required int32 a = 1;\nrequired int32 b = 2;\nrequired int32 c = 3;\nrequired int32 d = 4;\n";
const std::string two_keys = "option(tcaplusservice.tcaplus_primary_key) = \"a,b\";\n";
const std::string ab_fields = "required int32 a = 1;\nrequired int32 b = 2;\noptional int32 v = 3;\n";
const std::string tdr_entries =
    "<entry name=\"a\" type=\"int\"/>\n<entry name=\"b\" type=\"int\"/>\n<entry name=\"v\" type=\"int\"/>\n";

class TableRuleTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(TableRuleTest, NamesTheBrokenRule) {
    const RuleCase& c = GetParam();
    const ParsedIdl parsed = parse_ok(c.format, c.text);
    ASSERT_EQ(parsed.tables.size(), 1u);
    const auto& problem = parsed.tables[0].problem;
    if (c.problem == nullptr) {
        EXPECT_EQ(problem, std::nullopt) << *problem;
        return;
    }
    ASSERT_TRUE(problem.has_value()) << "expected: " << c.problem;
    EXPECT_NE(problem->find(c.problem), std::string::npos) << *problem;
    EXPECT_EQ(problem->back(), '.') << "a full sentence: " << *problem;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, TableRuleTest,
    ::testing::Values(
        // table name
        RuleCase{"name_of_31_characters", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\noptional int32 v = 2;\n", std::string(31, 'n')), nullptr},
        RuleCase{"name_of_32_characters", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\noptional int32 v = 2;\n", std::string(32, 'n')),
                 "has 32 characters; a table name has at most 31 characters"},
        RuleCase{"tdr_name_with_a_dash", IdlFormat::tdr,
                 tdr_file("<struct name=\"user-info\" primarykey=\"a\">" + tdr_entries + "</struct>"),
                 "`user-info` breaks the naming rule"},
        RuleCase{"tdr_name_starting_with_a_digit", IdlFormat::tdr,
                 tdr_file("<struct name=\"1st\" primarykey=\"a\">" + tdr_entries + "</struct>"),
                 "starts with a letter or an underscore"},
        // primary key
        RuleCase{
            "four_key_fields", IdlFormat::proto,
            proto_table("option(tcaplusservice.tcaplus_primary_key) = \"a,b,c,d\";\n", four_keys + value_fields(1, 5)),
            nullptr},
        RuleCase{"five_key_fields", IdlFormat::proto,
                 proto_table("option(tcaplusservice.tcaplus_primary_key) = \"a,b,c,d,e\";\n",
                             four_keys + "required int32 e = 5;\n" + value_fields(1, 6)),
                 "has 5 fields; a primary key has at most 4 fields"},
        RuleCase{"empty_primary_key", IdlFormat::proto,
                 proto_table("option(tcaplusservice.tcaplus_primary_key) = \" \";\n", ab_fields),
                 "names no primary key field"},
        RuleCase{"empty_key_item", IdlFormat::proto,
                 proto_table("option(tcaplusservice.tcaplus_primary_key) = \"a,,b\";\n", ab_fields),
                 "names an empty field"},
        RuleCase{"key_named_twice", IdlFormat::proto,
                 proto_table("option(tcaplusservice.tcaplus_primary_key) = \"a,a\";\n", ab_fields),
                 "`a` of the table `t` is named twice"},
        RuleCase{"key_not_a_field", IdlFormat::proto,
                 proto_table("option(tcaplusservice.tcaplus_primary_key) = \"a,zz\";\n", ab_fields),
                 "`zz` of the table `t` is not a field of the table"},
        RuleCase{"key_is_a_message", IdlFormat::proto,
                 proto_table(key_k(), "required sub k = 1;\noptional int32 v = 2;\n", "t",
                             "message sub { optional int32 x = 1; }\n"),
                 "`k` of the table `t` has the type `sub`; primary key fields are of a basic type"},
        RuleCase{"key_is_repeated", IdlFormat::proto,
                 proto3_file("message t {\noption(tcaplusservice.tcaplus_primary_key) = \"k\";\nrepeated int32 k = "
                             "1;\nint32 v = 2;\n}\n"),
                 "`k` of the table `t` is repeated; a primary key field holds a single value"},
        RuleCase{"proto2_key_optional", IdlFormat::proto,
                 proto_table(key_k(), "optional int32 k = 1;\noptional int32 v = 2;\n"),
                 "`k` of the table `t` is optional; in proto2, primary key fields must be required"},
        RuleCase{
            "proto3_key_without_label", IdlFormat::proto,
            proto3_file(
                "message t {\noption(tcaplusservice.tcaplus_primary_key) = \"k\";\nint32 k = 1;\nint32 v = 2;\n}\n"),
            nullptr},
        RuleCase{
            "enum_key", IdlFormat::proto,
            proto_table(key_k(), "required color k = 1;\noptional int32 v = 2;\n", "t", "enum color { RED = 0; }\n"),
            nullptr},
        RuleCase{"tdr_key_is_a_struct", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\"", "<entry name=\"a\" type=\"point\"/>\n<entry name=\"v\" type=\"int\"/>\n",
                           "<struct name=\"point\"><entry name=\"x\" type=\"int\"/></struct>\n"),
                 "`a` of the table `t` has the type `point`"},
        RuleCase{"tdr_key_is_an_int_array", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\"",
                           "<entry name=\"a\" type=\"int\" count=\"4\"/>\n<entry name=\"v\" type=\"int\"/>\n"),
                 "`a` of the table `t` is an array"},
        RuleCase{"tdr_key_is_a_byte_array", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\"",
                           "<entry name=\"a\" type=\"char\" count=\"32\"/>\n<entry name=\"v\" type=\"int\"/>\n"),
                 nullptr},
        RuleCase{
            "tdr_list_with_three_keys", IdlFormat::tdr,
            tdr_table("primarykey=\"a,b,c\" customattr2=\"TableType=LIST;ListNum=10\"",
                      "<entry name=\"a\" type=\"int\"/><entry name=\"b\" type=\"int\"/><entry name=\"c\" type=\"int\"/>"
                      "<entry name=\"v\" type=\"int\"/>\n"),
            nullptr},
        RuleCase{
            "tdr_list_with_four_keys", IdlFormat::tdr,
            tdr_table("primarykey=\"a,b,c,d\" customattr2=\"TableType=LIST;ListNum=10\"",
                      "<entry name=\"a\" type=\"int\"/><entry name=\"b\" type=\"int\"/><entry name=\"c\" type=\"int\"/>"
                      "<entry name=\"d\" type=\"int\"/><entry name=\"v\" type=\"int\"/>\n"),
            "a LIST table's primary key has at most 3 fields"},
        // value fields
        RuleCase{"no_value_field", IdlFormat::proto, proto_table(key_k(), "required int32 k = 1;\n"),
                 "has no field besides its primary key; a table needs at least one value field"},
        RuleCase{"tdr_no_value_field", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\"", "<entry name=\"a\" type=\"int\"/>\n"),
                 "a table needs at least one value field"},
        RuleCase{"128_value_fields", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\n" + value_fields(128)), nullptr},
        RuleCase{"129_value_fields", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\n" + value_fields(129)),
                 "has 129 value fields; a table has at most 128 fields besides its primary key"},
        // crypto
        RuleCase{"crypto_on_an_int", IdlFormat::proto,
                 proto_table(key_k(),
                             "required int32 k = 1;\noptional int32 v = 2 [(tcaplusservice.tcaplus_crypto) = true];\n"),
                 "`v` of the table `t` sets tcaplus_crypto but has the type `int32`; only string and bytes fields can "
                 "be encrypted"},
        // indexes
        RuleCase{
            "four_indexes", IdlFormat::proto,
            proto_table(two_keys +
                            "option(tcaplusservice.tcaplus_index) = \"i1(a)\";\noption(tcaplusservice.tcaplus_index) = "
                            "\"i2(a,b)\";\noption(tcaplusservice.tcaplus_index) = \"i3(b,a)\";\n"
                            "option(tcaplusservice.tcaplus_index) = \"i4( a )\";\n",
                        ab_fields),
            nullptr},
        RuleCase{
            "five_indexes", IdlFormat::proto,
            proto_table(two_keys +
                            "option(tcaplusservice.tcaplus_index) = \"i1(a)\";\noption(tcaplusservice.tcaplus_index) = "
                            "\"i2(a)\";\noption(tcaplusservice.tcaplus_index) = \"i3(a)\";\n"
                            "option(tcaplusservice.tcaplus_index) = \"i4(a)\";\noption(tcaplusservice.tcaplus_index) = "
                            "\"i5(a)\";\n",
                        ab_fields),
            "declares 5 indexes; a table has at most 4 indexes"},
        RuleCase{
            "index_outside_the_key", IdlFormat::proto,
            proto_table(two_keys + "option(tcaplusservice.tcaplus_index) = \"i1(a,v)\";\n", ab_fields),
            "`i1` of the table `t` names the field `v`, which is not a primary key field; index fields are a subset"},
        RuleCase{"index_not_name_and_fields", IdlFormat::proto,
                 proto_table(two_keys + "option(tcaplusservice.tcaplus_index) = \"i1 a,b\";\n", ab_fields),
                 "`i1 a,b` of the table `t` is not of the form name(field1,field2)"},
        RuleCase{
            "indexes_without_a_common_field", IdlFormat::proto,
            proto_table(two_keys +
                            "option(tcaplusservice.tcaplus_index) = \"i1(a)\";\noption(tcaplusservice.tcaplus_index) = "
                            "\"i2(b)\";\n",
                        ab_fields),
            "have no field in common"},
        RuleCase{
            "index_named_twice", IdlFormat::proto,
            proto_table(two_keys +
                            "option(tcaplusservice.tcaplus_index) = \"i1(a)\";\noption(tcaplusservice.tcaplus_index) = "
                            "\"i1(a,b)\";\n",
                        ab_fields),
            "declares the index `i1` twice"},
        RuleCase{"index_on_a_list_table", IdlFormat::proto,
                 proto_table(two_keys + "option(tcaplusservice.tcaplus_customattr) = \"TableType=LIST;ListNum=100\";\n"
                                        "option(tcaplusservice.tcaplus_index) = \"i1(a)\";\n",
                             ab_fields),
                 "is a LIST table and declares the index `i1`; local indexes are only for GENERIC tables"},
        RuleCase{
            "tdr_index_equal_to_the_key", IdlFormat::tdr,
            tdr_table("primarykey=\"a,b\" splittablekey=\"a\"", tdr_entries + "<index name=\"i1\" column=\"b, a\"/>\n"),
            "`i1` of the table `t` has the same fields as the primary key; an index must differ from the primary key"},
        RuleCase{
            "tdr_index_without_the_splittablekey", IdlFormat::tdr,
            tdr_table("primarykey=\"a,b\" splittablekey=\"a\"", tdr_entries + "<index name=\"i1\" column=\"b\"/>\n"),
            "`i1` of the table `t` does not contain the splittablekey `a`"},
        RuleCase{
            "tdr_index_outside_the_key", IdlFormat::tdr,
            tdr_table("primarykey=\"a,b\" splittablekey=\"a\"", tdr_entries + "<index name=\"i1\" column=\"a,v\"/>\n"),
            "names the field `v`, which is not a primary key field"},
        RuleCase{"tdr_index_without_column", IdlFormat::tdr,
                 tdr_table("primarykey=\"a,b\"", tdr_entries + "<index name=\"i1\"/>\n"),
                 "needs a name and a column attribute"},
        RuleCase{
            "tdr_index_on_a_sortlist", IdlFormat::tdr,
            tdr_table("primarykey=\"a,b\" customattr2=\"TableType=SORTLIST;ListNum=10;SortFieldNum=1;SortRule=DESC\"",
                      tdr_entries + "<index name=\"i1\" column=\"a\"/>\n"),
            "local indexes are only for GENERIC tables"},
        // sharding key
        RuleCase{"sharding_key_outside_the_key", IdlFormat::proto,
                 proto_table(two_keys + "option(tcaplusservice.tcaplus_sharding_key) = \"v\";\n", ab_fields),
                 "The sharding key field `v` of the table `t` is not a primary key field"},
        RuleCase{"sharding_key_outside_an_index", IdlFormat::proto,
                 proto_table(two_keys + "option(tcaplusservice.tcaplus_index) = \"i1(a)\";\n"
                                        "option(tcaplusservice.tcaplus_sharding_key) = \"b\";\n",
                             ab_fields),
                 "`b` of the table `t` is not in every index; the sharding key is a subset of the fields common to all "
                 "indexes"},
        RuleCase{"tdr_splittablekey_outside_the_key", IdlFormat::tdr,
                 tdr_table("primarykey=\"a,b\" splittablekey=\"v\"", tdr_entries),
                 "The splittablekey field `v` of the table `t` is not a primary key field"},
        // packed
        RuleCase{"proto2_repeated_scalar_unpacked", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\nrepeated int64 lockid = 2;\n"),
                 "`t.lockid` used by the table `t` is a repeated scalar without [packed = true]"},
        RuleCase{"proto2_unpacked_in_a_used_type", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\noptional sub s = 2;\n", "t",
                             "message sub { repeated bool flags = 1; }\n"),
                 "`sub.flags` used by the table `t`"},
        RuleCase{"proto2_repeated_string", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\nrepeated string tags = 2;\n"), nullptr},
        RuleCase{"proto3_repeated_scalar", IdlFormat::proto,
                 proto3_file("message t {\noption(tcaplusservice.tcaplus_primary_key) = \"k\";\nint32 k = 1;\nrepeated "
                             "int64 v = 2;\n}\n"),
                 nullptr},
        // nesting
        RuleCase{"nesting_30_levels", IdlFormat::proto, proto_nesting(30), nullptr},
        RuleCase{"nesting_31_levels", IdlFormat::proto, proto_nesting(31),
                 "nests types more than 30 levels deep; nested types are limited to 30 levels"},
        RuleCase{"recursive_type", IdlFormat::proto,
                 proto_table(key_k(), "required int32 k = 1;\noptional node n = 2;\n", "t",
                             "message node { optional node next = 1; }\n"),
                 "uses a type that contains itself"},
        RuleCase{"tdr_recursive_struct", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\"", "<entry name=\"a\" type=\"int\"/>\n<entry name=\"n\" type=\"node\"/>\n",
                           "<struct name=\"node\"><entry name=\"next\" type=\"node\"/></struct>\n"),
                 "uses a type that contains itself"},
        // custom attributes
        RuleCase{"unknown_table_type", IdlFormat::proto,
                 proto_table(key_k("option(tcaplusservice.tcaplus_customattr) = \"TableType=HASH\";\n"),
                             "required int32 k = 1;\noptional int32 v = 2;\n"),
                 "declares the TableType `HASH`; a table type is GENERIC, LIST or SORTLIST"},
        RuleCase{"list_num_not_a_number", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\" customattr2=\"TableType=LIST;ListNum=many\"", tdr_entries),
                 "sets ListNum to `many` in its custom attributes; ListNum is a positive integer"},
        RuleCase{"custom_attribute_without_value", IdlFormat::tdr,
                 tdr_table("primarykey=\"a\" customattr2=\"TableType\"", tdr_entries),
                 "`TableType` of the table `t` is not of the form Key=Value"},
        RuleCase{
            "custom_attributes_any_case", IdlFormat::proto,
            proto_table(key_k("option(tcaplusservice.tcaplus_customattr) = \"tabletype=list;listnum=7;other=x\";\n"),
                        "required int32 k = 1;\noptional int32 v = 2;\n"),
            nullptr}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TableRules, OtherTablesOfTheFileAreStillRead) {
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, proto2_file(R"idl(
message bad { option(tcaplusservice.tcaplus_primary_key) = "nope"; optional int32 v = 1; }
message good { option(tcaplusservice.tcaplus_primary_key) = "k"; required int32 k = 1; optional int32 v = 2; }
)idl"));
    ASSERT_EQ(parsed.tables.size(), 2u);
    EXPECT_TRUE(parsed.tables[0].problem.has_value());
    EXPECT_EQ(parsed.tables[1].problem, std::nullopt);
    EXPECT_EQ(names_of(parsed.tables[1].key_fields), std::vector<std::string>{"k"});
}

TEST(TableRules, OnlyTheFirstBrokenRuleIsNamed) {
    // Too long a name and no value field: the name comes first.
    const ParsedIdl parsed =
        parse_ok(IdlFormat::proto, proto_table(key_k(), "required int32 k = 1;\n", std::string(40, 'x')));
    ASSERT_EQ(parsed.tables.size(), 1u);
    EXPECT_NE(parsed.tables[0].problem->find("at most 31 characters"), std::string::npos) << *parsed.tables[0].problem;
}

TEST(TableRules, ListAttributesOnlyForListTables) {
    const ParsedIdl parsed =
        parse_ok(IdlFormat::proto,
                 proto_table(key_k("option(tcaplusservice.tcaplus_customattr) = \"ListNum=5;SortFieldNum=2\";\n"),
                             "required int32 k = 1;\noptional int32 v = 2;\n"));
    ASSERT_EQ(parsed.tables.size(), 1u);
    EXPECT_EQ(parsed.tables[0].type, TableType::generic);
    EXPECT_EQ(parsed.tables[0].list_element_num, std::nullopt);
    EXPECT_EQ(parsed.tables[0].sort_field_num, std::nullopt);
}

}  // namespace
}  // namespace tcaplus_mock::idl
