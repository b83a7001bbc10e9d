#include "server/protocol/form_parameters.hpp"

#include "server/core/api_errors.hpp"
#include "server/core/text.hpp"
#include "tests/support/assertions.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include <string>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;

// --- parse_form_pairs -------------------------------------------------------------------------

struct PairsCase {
    const char* name;
    std::string encoded;
    FormPairs expected;
};

class ParseFormPairs : public ::testing::TestWithParam<PairsCase> {};

TEST_P(ParseFormPairs, DecodesEveryPairInArrivalOrder) {
    const auto& c = GetParam();
    auto pairs = parse_form_pairs(c.encoded);
    ASSERT_TRUE(pairs.has_value()) << pairs.error().message.en;
    EXPECT_EQ(*pairs, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseFormPairs,
    ::testing::Values(
        PairsCase{"two_pairs", "a=1&b=2", {{"a", "1"}, {"b", "2"}}},
        PairsCase{"arrival_order_kept", "b=1&a=2&c=3", {{"b", "1"}, {"a", "2"}, {"c", "3"}}},
        PairsCase{"plus_is_space", "a=x+y", {{"a", "x y"}}},
        PairsCase{"percent_20_is_space", "a=x%20y", {{"a", "x y"}}},
        PairsCase{"encoded_plus_is_plus", "a=1%2B1", {{"a", "1+1"}}},
        PairsCase{"encoded_equals_in_value", "a=b%3Dc", {{"a", "b=c"}}},
        PairsCase{"raw_equals_in_value_after_first", "a=b=c", {{"a", "b=c"}}},
        PairsCase{"encoded_ampersand_in_value", "a=x%26y&b=1", {{"a", "x&y"}, {"b", "1"}}},
        PairsCase{"utf8_percent_encoded", "a=%E4%B8%AD%E6%96%87", {{"a", "\xE4\xB8\xAD\xE6\x96\x87"}}},
        PairsCase{"lowercase_hex", "a=%e4%b8%ad", {{"a", "\xE4\xB8\xAD"}}},
        PairsCase{"raw_utf8_taken_as_sent", "a=\xE4\xB8\xAD", {{"a", "\xE4\xB8\xAD"}}},
        PairsCase{"encoded_name", "Selected%54ables.0.TableName=t", {{"SelectedTables.0.TableName", "t"}}},
        PairsCase{"encoded_dot_in_name_is_a_dot", "A%2EB=1", {{"A.B", "1"}}},
        PairsCase{"empty_value", "a=&b=2", {{"a", ""}, {"b", "2"}}},
        PairsCase{"empty_name", "=v", {{"", "v"}}},
        PairsCase{"base64_signature", "Signature=ab%2Bcd%2F%3D%3D", {{"Signature", "ab+cd/=="}}},
        PairsCase{"empty_text", "", {}},
        PairsCase{"empty_pieces_skipped", "a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},
        PairsCase{"only_ampersands", "&&", {}}),
    [](const auto& info) { return std::string(info.param.name); });

struct PairsErrorCase {
    const char* name;
    std::string encoded;
    ApiError expected;
};

class ParseFormPairsError : public ::testing::TestWithParam<PairsErrorCase> {};

TEST_P(ParseFormPairsError, Fails) {
    const auto& c = GetParam();
    auto pairs = parse_form_pairs(c.encoded);
    ASSERT_TRUE(pairs.has_error());
    EXPECT_TRUE(same_error(pairs.error(), c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseFormPairsError,
    ::testing::Values(PairsErrorCase{"no_equals", "a", errors::form_pair_without_equals()},
                    PairsErrorCase{"no_equals_after_good_pair", "a=1&b", errors::form_pair_without_equals()},
                    PairsErrorCase{"no_equals_in_middle", "a=1&b&c=3", errors::form_pair_without_equals()}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ParseFormPairsError, PairWithoutEqualsUsesTheRealMessage) {
    auto pairs = parse_form_pairs("ClusterId");
    ASSERT_TRUE(pairs.has_error());
    EXPECT_EQ(pairs.error().code, "InvalidParameter");
    EXPECT_EQ(pairs.error().message.en, "Url key and value should be splited by `=`.");
}

struct BadEscapeCase {
    const char* name;
    std::string encoded;
    std::string parameter;  // as named in the message
    std::string raw_value;  // as quoted in the message
};

class ParseFormPairsBadEscape : public ::testing::TestWithParam<BadEscapeCase> {};

TEST_P(ParseFormPairsBadEscape, IsAnInvalidParameterValueNamingThePair) {
    const auto& c = GetParam();
    auto pairs = parse_form_pairs(c.encoded);
    ASSERT_TRUE(pairs.has_error());
    EXPECT_EQ(pairs.error().code, "InvalidParameterValue");
    EXPECT_NE(pairs.error().message.en.find("`" + c.parameter + "`"), std::string::npos) << pairs.error().message.en;
    EXPECT_NE(pairs.error().message.en.find("`" + c.raw_value + "`"), std::string::npos) << pairs.error().message.en;
    EXPECT_NE(pairs.error().message.zh.find("`" + c.parameter + "`"), std::string::npos) << pairs.error().message.zh;
}

INSTANTIATE_TEST_SUITE_P(Cases, ParseFormPairsBadEscape,
                         ::testing::Values(BadEscapeCase{"non_hex_in_value", "a=%zz", "a", "%zz"},
                                         BadEscapeCase{"truncated_in_value", "Name=abc%4", "Name", "abc%4"},
                                         BadEscapeCase{"lone_percent_in_value", "Name=100%", "Name", "100%"},
                                         BadEscapeCase{"bad_escape_in_name", "A%G1=x", "A%G1", "A%G1"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ParseFormPairsError, AValueThatIsNotUtf8IsRefusedNamingItsParameter) {
    for (const std::string encoded : {"SelectedTables.0.SnapshotName=fz-%F9749-0", "Name=\xC3", "Name=%ED%A0%80"}) {
        auto pairs = parse_form_pairs(encoded);
        ASSERT_TRUE(pairs.has_error()) << encoded;
        EXPECT_EQ(pairs.error().code, "InvalidParameterValue");
        EXPECT_EQ(pairs.error().parameter, encoded.substr(0, encoded.find('=')));
        EXPECT_TRUE(text::is_valid_utf8(pairs.error().message.en)) << "the refused bytes are not echoed raw";
        EXPECT_TRUE(text::is_valid_utf8(pairs.error().message.zh));
    }
}

TEST(ParseFormPairs, ANameThatIsNotUtf8IsLeftForTheUnknownParameterCheck) {
    auto pairs = parse_form_pairs("A%FF=x");
    ASSERT_TRUE(pairs.has_value());
    EXPECT_EQ(pairs->at(0).first, "A\xFF");
}

// --- unflatten_parameters ---------------------------------------------------------------------

struct UnflattenCase {
    const char* name;
    FormPairs pairs;
    std::string expected_json;
};

class Unflatten : public ::testing::TestWithParam<UnflattenCase> {};

TEST_P(Unflatten, NestsByDottedNames) {
    const auto& c = GetParam();
    auto params = unflatten_parameters(c.pairs);
    ASSERT_TRUE(params.has_value()) << params.error().message.en;
    // Compared as text: member order (arrival order) and element order (index order) both count.
    EXPECT_EQ(json::serialize(*params), json::serialize(json::parse(c.expected_json)));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Unflatten,
    ::testing::Values(
        UnflattenCase{"no_pairs", {}, R"({})"},
        UnflattenCase{"flat", {{"ClusterId", "18685341856"}}, R"({"ClusterId":"18685341856"})"},
        UnflattenCase{"array_of_objects",
                      {{"SelectedTables.0.TableName", "x"}},
                      R"({"SelectedTables":[{"TableName":"x"}]})"},
        UnflattenCase{"object", {{"Snapshots.TableName", "x"}}, R"({"Snapshots":{"TableName":"x"}})"},
        UnflattenCase{"leaf_stays_string", {{"KeyFile.FileSize", "12"}}, R"({"KeyFile":{"FileSize":"12"}})"},
        UnflattenCase{"create_snapshots_from_v1_body",
                      {{"ClusterId", "xx"},
                       {"SelectedTables.0.SnapshotName", "666"},
                       {"SelectedTables.0.TableGroupId", "1"},
                       {"SelectedTables.1.SnapshotName", "777"},
                       {"SelectedTables.1.TableGroupId", "2"}},
                      R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1"},
                          {"SnapshotName":"777","TableGroupId":"2"}]})"},
        UnflattenCase{"indices_out_of_order",
                      {{"A.2.N", "c"}, {"A.0.N", "a"}, {"A.1.N", "b"}},
                      R"({"A":[{"N":"a"},{"N":"b"},{"N":"c"}]})"},
        UnflattenCase{"interleaved_elements",
                      {{"A.0.X", "1"}, {"A.1.X", "2"}, {"A.0.Y", "3"}},
                      R"({"A":[{"X":"1","Y":"3"},{"X":"2"}]})"},
        UnflattenCase{"array_of_strings", {{"Ids.0", "a"}, {"Ids.1", "b"}}, R"({"Ids":["a","b"]})"},
        UnflattenCase{"array_in_array", {{"A.0.B.0", "x"}, {"A.0.B.1", "y"}}, R"({"A":[{"B":["x","y"]}]})"},
        UnflattenCase{"array_of_arrays", {{"M.1.0", "c"}, {"M.0.0", "a"}, {"M.0.1", "b"}},
                      R"({"M":[["a","b"],["c"]]})"},
        UnflattenCase{"ten_or_more_elements_sorted_numerically",
                      {{"A.10", "k"}, {"A.9", "j"}, {"A.8", "i"}, {"A.7", "h"}, {"A.6", "g"}, {"A.5", "f"},
                       {"A.4", "e"}, {"A.3", "d"}, {"A.2", "c"}, {"A.1", "b"}, {"A.0", "a"}},
                      R"({"A":["a","b","c","d","e","f","g","h","i","j","k"]})"},
        UnflattenCase{"members_in_arrival_order",
                      {{"Z", "1"}, {"A", "2"}, {"M.Y", "3"}, {"M.B", "4"}},
                      R"({"Z":"1","A":"2","M":{"Y":"3","B":"4"}})"},
        UnflattenCase{"empty_value", {{"NewTableName", ""}}, R"({"NewTableName":""})"},
        UnflattenCase{"utf8_value", {{"SnapshotName", "\xE5\xBF\xAB\xE7\x85\xA7"}},
                      "{\"SnapshotName\":\"\xE5\xBF\xAB\xE7\x85\xA7\"}"},
        UnflattenCase{"top_level_digits_are_a_name", {{"0", "x"}}, R"({"0":"x"})"},
        UnflattenCase{"leading_zero_is_a_name", {{"A.01", "x"}}, R"({"A":{"01":"x"}})"},
        UnflattenCase{"empty_segments_are_names", {{"A..B", "x"}, {"C.", "y"}}, R"({"A":{"":{"B":"x"}},"C":{"":"y"}})"},
        UnflattenCase{"empty_name", {{"", "x"}}, R"({"":"x"})"}),
    [](const auto& info) { return std::string(info.param.name); });

struct ConflictCase {
    const char* name;
    FormPairs pairs;
    std::string parameter;  // the flattened name the error names
};

class UnflattenConflict : public ::testing::TestWithParam<ConflictCase> {};

TEST_P(UnflattenConflict, FailsNamingTheParameter) {
    const auto& c = GetParam();
    auto params = unflatten_parameters(c.pairs);
    ASSERT_TRUE(params.has_error()) << json::serialize(*params);
    EXPECT_TRUE(same_error(params.error(), errors::form_parameter_conflict(c.parameter)));
    EXPECT_EQ(params.error().code, "InvalidParameter");
    EXPECT_NE(params.error().message.en.find("`" + c.parameter + "`"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UnflattenConflict,
    ::testing::Values(
        ConflictCase{"same_name_twice", {{"ClusterId", "1"}, {"ClusterId", "2"}}, "ClusterId"},
        ConflictCase{"same_name_twice_same_value", {{"ClusterId", "1"}, {"ClusterId", "1"}}, "ClusterId"},
        ConflictCase{"same_nested_name_twice", {{"A.0.B", "1"}, {"A.0.B", "2"}}, "A.0.B"},
        ConflictCase{"leaf_then_parent", {{"A", "1"}, {"A.B", "2"}}, "A"},
        ConflictCase{"parent_then_leaf", {{"A.B", "2"}, {"A", "1"}}, "A"},
        ConflictCase{"element_leaf_then_parent", {{"A.0", "1"}, {"A.0.B", "2"}}, "A.0"},
        ConflictCase{"index_then_name", {{"A.0", "1"}, {"A.B", "2"}}, "A"},
        ConflictCase{"name_then_index", {{"A.B", "1"}, {"A.0", "2"}}, "A"},
        ConflictCase{"index_and_leading_zero_name", {{"A.0", "1"}, {"A.00", "2"}}, "A"},
        ConflictCase{"gap", {{"A.0", "x"}, {"A.2", "y"}}, "A"},
        ConflictCase{"gap_in_selected_tables",
                     {{"SelectedTables.0.TableName", "x"}, {"SelectedTables.2.TableName", "y"}},
                     "SelectedTables"},
        ConflictCase{"no_zero_index", {{"A.1", "x"}}, "A"},
        ConflictCase{"gap_in_nested_array", {{"A.0.B.1", "x"}}, "A.0.B"},
        ConflictCase{"index_too_large_for_any_type", {{"A.99999999999999999999999", "x"}}, "A"}),
    [](const auto& info) { return std::string(info.param.name); });

std::string name_of_segments(std::size_t count) {
    std::string name = "A";
    for (std::size_t i = 1; i < count; ++i) name += ".B";
    return name;
}

TEST(UnflattenDepth, NameAtTheSegmentLimitIsNested) {
    auto params = unflatten_parameters({{name_of_segments(max_form_name_segments), "x"}});
    ASSERT_TRUE(params.has_value()) << params.error().message.en;
    const json::value* node = &params->at("A");
    for (std::size_t i = 1; i < max_form_name_segments; ++i) node = &node->as_object().at("B");
    EXPECT_EQ(node->as_string(), "x");
}

TEST(UnflattenDepth, NameOverTheSegmentLimitIsAnUnknownParameter) {
    const auto name = name_of_segments(max_form_name_segments + 1);
    auto params = unflatten_parameters({{name, "x"}});
    ASSERT_TRUE(params.has_error());
    EXPECT_TRUE(same_error(params.error(), errors::unknown_parameter(name)));
    EXPECT_EQ(params.error().code, "UnknownParameter");
}

TEST(UnflattenDepth, ManyDotsDoNotExhaustTheStack) {
    auto params = unflatten_parameters({{std::string(200000, '.'), "x"}});
    ASSERT_TRUE(params.has_error());
    EXPECT_EQ(params.error().code, "UnknownParameter");
}

TEST(UnflattenScale, TenThousandElements) {
    FormPairs pairs;
    for (int i = 9999; i >= 0; --i) pairs.emplace_back("A." + std::to_string(i) + ".N", std::to_string(i));
    auto params = unflatten_parameters(pairs);
    ASSERT_TRUE(params.has_value()) << params.error().message.en;
    const auto& array = params->at("A").as_array();
    ASSERT_EQ(array.size(), 10000u);
    for (std::size_t i = 0; i < array.size(); ++i) EXPECT_EQ(array[i].at("N").as_string(), std::to_string(i));
}

}  // namespace
}  // namespace tcaplus_mock::testing
