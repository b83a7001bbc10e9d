#include "server/config/value_kind.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <optional>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;
using std::chrono::seconds;

using Credentials = std::vector<Credential>;

// A text (environment, flag) is read as the JSON its kind's TextForm makes of it.
template <class T>
T read_text(const ValueKind<T>& kind, const std::string& text) {
    return kind.read(text_to_json(text, kind.text_form, kind.expected));
}

// One input and the value it should read as; nullopt = it must be rejected.
template <class T>
struct Case {
    std::string input;
    std::optional<T> expected;
};

template <class T>
void expect_text_cases(const ValueKind<T>& kind, const std::vector<Case<T>>& cases) {
    for (const auto& c : cases) {
        SCOPED_TRACE("text: \"" + c.input + "\"");
        if (c.expected) {
            EXPECT_EQ(read_text(kind, c.input), *c.expected);
        } else {
            EXPECT_THROW(read_text(kind, c.input), InvalidValue);
        }
    }
}

// Here `input` is JSON text.
template <class T>
void expect_json_cases(const ValueKind<T>& kind, const std::vector<Case<T>>& cases) {
    for (const auto& c : cases) {
        SCOPED_TRACE("json: " + c.input);
        const auto value = json::parse(c.input);
        if (c.expected) {
            EXPECT_EQ(kind.read(value), *c.expected);
        } else {
            EXPECT_THROW(kind.read(value), InvalidValue);
        }
    }
}

TEST(IntegerKind, ReadsDecimalTextInRange) {
    expect_text_cases<std::int64_t>(integer_kind<std::int64_t>(0, 65535), {
        {"0", 0}, {"8023", 8023}, {"65535", 65535}, {"65536", std::nullopt}, {"-1", std::nullopt},
        {"abc", std::nullopt}, {"", std::nullopt}, {" 1", std::nullopt}, {"1 ", std::nullopt},
        {"1.5", std::nullopt}, {"+1", std::nullopt}, {"0x10", std::nullopt},
        {"99999999999999999999999", std::nullopt},
    });
}

TEST(IntegerKind, ReadsJsonIntegersOnly) {
    expect_json_cases<std::int64_t>(integer_kind<std::int64_t>(1, 100), {
        {"1", 1}, {"100", 100}, {"0", std::nullopt}, {"101", std::nullopt}, {"\"5\"", std::nullopt},
        {"5.0", std::nullopt}, {"true", std::nullopt}, {"null", std::nullopt}, {"18446744073709551615", std::nullopt},
    });
}

TEST(IntegerKind, ErrorSaysWhatWasExpectedAndWhatCame) {
    try {
        read_text(integer_kind<std::int64_t>(0, 65535), "abc");
        FAIL() << "no exception";
    } catch (const InvalidValue& error) {
        EXPECT_EQ(error.expected, "an integer from 0 to 65535");
        EXPECT_EQ(error.got, "\"abc\"");
        EXPECT_EQ(error.path, "");
    }
}

TEST(BooleanKind, ReadsTrueFalseOneZero) {
    expect_text_cases<bool>(boolean_kind(), {
        {"true", true}, {"false", false}, {"1", true}, {"0", false}, {"yes", std::nullopt},
        {"TRUE", std::nullopt}, {"", std::nullopt}, {"2", std::nullopt},
    });
    expect_json_cases<bool>(boolean_kind(), {
        {"true", true}, {"false", false}, {"1", true}, {"0", false}, {"2", std::nullopt}, {"\"true\"", std::nullopt},
    });
}

TEST(DurationKind, ReadsSecondsAndUnits) {
    expect_text_cases<seconds>(duration_kind(seconds{0}, seconds{30 * 86400}), {
        {"0", seconds{0}}, {"90", seconds{90}}, {"90s", seconds{90}}, {"15m", seconds{900}},
        {"36h", seconds{129600}}, {"7d", seconds{604800}}, {"30d", seconds{30 * 86400}},
        {"31d", std::nullopt}, {"", std::nullopt}, {"d", std::nullopt}, {"7w", std::nullopt},
        {"7D", std::nullopt}, {"-5", std::nullopt}, {"1.5h", std::nullopt}, {"7 d", std::nullopt},
        {"1h30m", std::nullopt}, {"9999999999999d", std::nullopt},
    });
}

TEST(DurationKind, ReadsJsonNumbersAndStrings) {
    expect_json_cases<seconds>(duration_kind(seconds{1}, seconds{86400}), {
        {"3600", seconds{3600}}, {"\"2h\"", seconds{7200}}, {"0", std::nullopt}, {"\"0s\"", std::nullopt},
        {"86401", std::nullopt}, {"1.5", std::nullopt}, {"true", std::nullopt}, {"\"\"", std::nullopt},
    });
}

TEST(OptionalKinds, ZeroOrEmptyMeansNoLimit) {
    using Limit = std::optional<seconds>;
    const auto kind = optional_duration_kind(seconds{86400});
    expect_text_cases<Limit>(kind, {{"", Limit{}}, {"0", Limit{}}, {"1d", Limit{seconds{86400}}}, {"2d", std::nullopt}});
    expect_json_cases<Limit>(kind, {{"\"\"", Limit{}}, {"0", Limit{}}, {"60", Limit{seconds{60}}}});
    EXPECT_NE(kind.expected.find("no limit"), std::string::npos);
    using Count = std::optional<std::size_t>;
    expect_text_cases<Count>(optional_count_kind(10), {{"0", Count{}}, {"3", Count{3}}, {"11", std::nullopt}});
}

TEST(ValueKinds, WriteWhatTheyRead) {
    EXPECT_EQ(integer_kind<std::uint16_t>(0, 65535).write(8023), json::value(8023));
    EXPECT_EQ(duration_kind(seconds{0}, seconds{100}).write(seconds{60}), json::value(60));
    EXPECT_EQ(optional_duration_kind(seconds{100}).write(std::nullopt), json::value(0));
    EXPECT_EQ(utc_offset_kind().write(seconds{-(5 * 3600 + 1800)}), json::value("-05:30"));
    EXPECT_EQ(choice_kind<int>({{"off", 0}, {"on", 1}}).write(1), json::value("on"));
    EXPECT_EQ(region_list_kind().write({"ap-guangzhou"}), json::parse(R"(["ap-guangzhou"])"));
    const Credentials pair{{"AKID", "key", "", "team"}};
    EXPECT_EQ(credentials_kind().read(credentials_kind().write(pair)), pair);
}

TEST(UtcOffsetKind, ReadsOffsets) {
    expect_text_cases<seconds>(utc_offset_kind(), {
        {"+08:00", seconds{8 * 3600}}, {"-05:30", seconds{-(5 * 3600 + 1800)}}, {"+0800", seconds{8 * 3600}},
        {"UTC+8", seconds{8 * 3600}}, {"Z", seconds{0}}, {"8", std::nullopt}, {"+15:00", std::nullopt},
        {"", std::nullopt}, {"Asia/Shanghai", std::nullopt},
    });
    expect_json_cases<seconds>(utc_offset_kind(), {{"\"+09:00\"", seconds{9 * 3600}}, {"8", std::nullopt}});
}

TEST(ChoiceKind, MatchesNamesExactly) {
    const auto kind = choice_kind<int>({{"off", 0}, {"any", 1}, {"strict", 2}});
    EXPECT_EQ(kind.expected, "one of off, any, strict");
    expect_text_cases<int>(kind, {{"off", 0}, {"any", 1}, {"strict", 2}, {"Strict", std::nullopt},
                                  {"maybe", std::nullopt}, {"", std::nullopt}});
    expect_json_cases<int>(kind, {{"\"any\"", 1}, {"1", std::nullopt}});
}

TEST(TextKinds, AddressIsAnIpLiteral) {
    expect_text_cases<std::string>(address_kind(), {
        {"127.0.0.1", "127.0.0.1"}, {"0.0.0.0", "0.0.0.0"}, {"::", "::"}, {"::1", "::1"},
        {"localhost", std::nullopt}, {"", std::nullopt}, {"256.0.0.1", std::nullopt}, {"1.2.3.4:80", std::nullopt},
    });
    expect_json_cases<std::string>(address_kind(), {{"\"::1\"", "::1"}, {"127", std::nullopt}});
}

TEST(TextKinds, TextIsNonEmpty) {
    expect_text_cases<std::string>(text_kind(), {{":memory:", ":memory:"}, {"a b", "a b"}, {"", std::nullopt}});
    expect_json_cases<std::string>(text_kind(), {{"\"x\"", "x"}, {"\"\"", std::nullopt}, {"1", std::nullopt}});
}

using Regions = std::vector<std::string>;

TEST(RegionListKind, ReadsCommaSeparatedOrJson) {
    expect_text_cases<Regions>(region_list_kind(), {
        {"", Regions{}},
        {"ap-guangzhou", Regions{"ap-guangzhou"}},
        {"ap-guangzhou, ap-shanghai", Regions{"ap-guangzhou", "ap-shanghai"}},
        {"[\"ap-shanghai-fsi\"]", Regions{"ap-shanghai-fsi"}},
        {"ap_guangzhou", std::nullopt}, {"AP-GUANGZHOU", std::nullopt}, {"a,,b", std::nullopt},
        {"ap-narnia", std::nullopt},
        {"ap-guangzhou,", std::nullopt}, {"[\"ap-guangzhou\"", std::nullopt},
    });
    expect_json_cases<Regions>(region_list_kind(), {
        {"[]", Regions{}}, {"[\"ap-guangzhou\", \"na-siliconvalley\"]", Regions{"ap-guangzhou", "na-siliconvalley"}},
        {"\"ap-guangzhou\"", std::nullopt}, {"[\"x y\"]", std::nullopt}, {"[1]", std::nullopt},
        {"[\"ap-atlantis\"]", std::nullopt},
    });
}

TEST(CredentialsKind, ReadsPairsWithOptionalTokenAndSubAccount) {
    expect_json_cases<Credentials>(credentials_kind(), {
        {"[]", Credentials{}},
        {R"([{"secret_id": "AKID1", "secret_key": "k1"}])", Credentials{{"AKID1", "k1", "", ""}}},
        {R"([{"secret_id": "AKID1", "secret_key": "k1", "token": "t", "sub_account": "ci"},
             {"secret_id": "AKID2", "secret_key": "k2"}])",
         Credentials{{"AKID1", "k1", "t", "ci"}, {"AKID2", "k2", "", ""}}},
        {R"({"secret_id": "AKID1", "secret_key": "k1"})", std::nullopt},
        {R"([{"secret_id": "AKID1"}])", std::nullopt},
        {R"([{"secret_id": "", "secret_key": "k"}])", std::nullopt},
        {R"([{"secret_id": "AKID1", "secret_key": "k", "secret": 1}])", std::nullopt},
        {R"([{"secret_id": "AKID1", "secret_key": "k", "token": 5}])", std::nullopt},
        {R"([{"secret_id": "A", "secret_key": "k"}, {"secret_id": "A", "secret_key": "j"}])", std::nullopt},
        {R"(["AKID1:k1"])", std::nullopt},
    });
    expect_text_cases<Credentials>(credentials_kind(), {
        {R"([{"secret_id": "AKID1", "secret_key": "k1"},])", Credentials{{"AKID1", "k1", "", ""}}},
        {"AKID1:k1", std::nullopt},
        {"", std::nullopt},
    });
}

struct PathCase {
    std::string json;
    std::string path;  // InvalidValue::path expected
};

TEST(CredentialsKind, ErrorsPointInsideTheList) {
    const PathCase cases[] = {
        {R"([{"secret_id": "A", "secret_key": "k"}, {"secret_id": "B"}])", "[1].secret_key"},
        {R"([{"secret_id": "A", "secret_key": "k"}, {"secret_id": "A", "secret_key": "k"}])", "[1].secret_id"},
        {R"([{"secret_id": "A", "secret_key": "k", "sub_acount": "x"}])", "[0]"},
        {R"([{"secret_id": "A", "secret_key": "k", "token": null}])", "[0].token"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.json);
        try {
            credentials_kind().read(json::parse(c.json));
            ADD_FAILURE() << "no exception";
        } catch (const InvalidValue& error) {
            EXPECT_EQ(error.path, c.path);
        }
    }
}

using Clusters = std::vector<ClusterDeclaration>;

TEST(ClustersKind, ReadsClustersTableGroupsAndTables) {
    expect_json_cases<Clusters>(clusters_kind(), {
        {"[]", Clusters{}},
        {R"([{"id": "18685341856", "table_groups": [{"id": "1", "tables": ["cl_generic", "cl_orders"]},
                                                   {"id": "2"}]},
             {"id": "xx"}])",
         Clusters{{"18685341856", {{"1", {"cl_generic", "cl_orders"}}, {"2", {}}}}, {"xx", {}}}},
        {R"([{"table_groups": []}])", std::nullopt},
        {R"([{"id": "1", "tablegroups": []}])", std::nullopt},
        {R"([{"id": "1"}, {"id": "1"}])", std::nullopt},
        {R"([{"id": "1", "table_groups": [{"id": "1"}, {"id": "1"}]}])", std::nullopt},
        {R"([{"id": "1", "table_groups": [{"id": "1", "tables": ["a", "a"]}]}])", std::nullopt},
        {R"([{"id": "1", "table_groups": [{"id": "1", "tables": "a"}]}])", std::nullopt},
        {R"([{"id": "1", "table_groups": [{"id": "1", "tables": [""]}]}])", std::nullopt},
        {R"([{"id": 1}])", std::nullopt},
    });
}

TEST(ClustersKind, ErrorsPointInsideTheTree) {
    const PathCase cases[] = {
        {R"([{"id": "c", "table_groups": [{"id": "1", "tables": ["a", 7]}]}])", "[0].table_groups[0].tables[1]"},
        {R"([{"id": "c", "table_groups": [{"id": "1"}, {"tables": []}]}])", "[0].table_groups[1].id"},
        {R"([{"id": "c"}, {"id": "c"}])", "[1].id"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.json);
        try {
            clusters_kind().read(json::parse(c.json));
            ADD_FAILURE() << "no exception";
        } catch (const InvalidValue& error) {
            EXPECT_EQ(error.path, c.path);
        }
    }
}

TEST(DescribeValue, ShortensLongValues) {
    EXPECT_EQ(describe_value(json::string("abc")), "\"abc\"");
    EXPECT_EQ(describe_value(json::parse("[1, 2]")), "[1,2]");
    const auto shown = describe_value(json::string(std::string(500, 'x')));
    EXPECT_LE(shown.size(), 60u);
    EXPECT_TRUE(shown.ends_with("..."));
}

}  // namespace
}  // namespace tcaplus_mock::testing
