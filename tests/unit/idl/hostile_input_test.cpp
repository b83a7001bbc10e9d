// Inputs meant to hurt: oversized, deeply nested, binary, not UTF-8, huge. Each must end in a
// result or an error, quickly, with messages a JSON answer can carry.

#include "server/core/text.hpp"
#include "server/idl/parse_idl.hpp"
#include "server/idl/schema_json.hpp"
#include "tests/unit/idl/idl_examples.hpp"
#include "tests/unit/idl/idl_test_support.hpp"
#include "tests/unit/idl/outcome_invariants.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace tcaplus_mock::idl {
namespace {

using namespace testing;
using namespace std::string_literals;
using Clock = std::chrono::steady_clock;

// Generous: a Release build takes milliseconds; sanitizers and a loaded machine take longer.
constexpr auto time_budget = std::chrono::seconds(20);

// Parses and checks that any outcome keeps the invariants of every outcome, and came in time.
void parse_anything(IdlFormat format, std::string_view text) {
    const auto start = Clock::now();
    auto parsed = parse_idl(format, "hostile", text);
    EXPECT_LT(Clock::now() - start, time_budget);
    if (parsed.has_error()) {
        EXPECT_EQ(invariants::broken_by(parsed.error(), text), nullptr) << parsed.error().message;
        return;
    }
    for (const auto& table : parsed->tables) EXPECT_EQ(invariants::broken_by(table), nullptr) << table.name;
}

TEST(HostileInput, FilesOverOneMebibyteAreRefused) {
    const std::string two_megabytes(2 * 1024 * 1024, 'a');
    for (IdlFormat format : {IdlFormat::proto, IdlFormat::tdr}) {
        const IdlParseError error = parse_fails(format, two_megabytes);
        EXPECT_NE(error.message.find("has 2097152 bytes; an IDL file has at most 1048576 bytes"), std::string::npos)
            << error.message;
    }
    const IdlParseError ten_megabytes = parse_fails(IdlFormat::proto, std::string(10 * 1024 * 1024, '{'));
    EXPECT_NE(ten_megabytes.message.find("at most 1048576 bytes"), std::string::npos);
    // Imported files too.
    const IdlParseError imported = parse_fails(IdlFormat::proto, "syntax = \"proto2\";\nimport \"big.proto\";\n",
                                               {{"big", std::string(max_idl_file_size + 1, ' ')}});
    EXPECT_EQ(imported.file, "big");
}

TEST(HostileInput, AFileOfExactlyOneMebibyteIsRead) {
    std::string text(examples::verify_example_proto);
    text += "\n//";
    text.resize(max_idl_file_size, 'x');
    EXPECT_EQ(parse_ok(IdlFormat::proto, text).tables.size(), 1u);
}

TEST(HostileInput, DeepBracketNestingIsRefusedBeforeTheParser) {
    std::string deep = "syntax = \"proto2\";\n";
    for (int i = 0; i < 50000; ++i) deep += "message m {";
    const IdlParseError error = parse_fails(IdlFormat::proto, deep);
    EXPECT_NE(error.message.find("nest more than 64 levels"), std::string::npos) << error.message;
    EXPECT_EQ(error.line, 2);
    EXPECT_EQ(error.column, 65 * 11);  // the 65th '{', the last byte of its `message m {`

    // Brackets of every kind, and an option aggregate, count too.
    parse_anything(IdlFormat::proto, "option (x) = " + std::string(500000, '<'));
    parse_anything(IdlFormat::proto, std::string(300000, '[') + std::string(300000, '('));
    // In comments and strings they do not.
    EXPECT_EQ(parse_ok(IdlFormat::proto, std::string(examples::verify_example_proto) + "\n// " +
                                             std::string(1000, '{') + "\n/* " + std::string(1000, '(') + " */\n")
                  .tables.size(),
              1u);
}

TEST(HostileInput, NestingAtTheLimitReachesTheParser) {
    // 64 nested messages pass the bracket check; the DescriptorPool then refuses to nest message
    // declarations more than 32 deep (its own limit), with the element named.
    std::string text = "syntax = \"proto2\";\n";
    for (int i = 0; i < 64; ++i) text += "message m" + std::to_string(i) + " {";
    text += std::string(64, '}');
    const IdlParseError error = parse_fails(IdlFormat::proto, text);
    EXPECT_NE(error.message.find("Reached maximum recursion limit for nested messages"), std::string::npos)
        << error.message;
    EXPECT_EQ(error.line, 2);
    // 30 levels, the documented limit, are fine.
    std::string thirty = "syntax = \"proto2\";\n";
    for (int i = 0; i < 30; ++i) thirty += "message m" + std::to_string(i) + " {";
    EXPECT_TRUE(parse_ok(IdlFormat::proto, thirty + std::string(30, '}')).tables.empty());
}

TEST(HostileInput, DeepXmlNesting) {
    std::string deep = "<metalib tagsetversion=\"1\">";
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    deep += "</metalib>";
    EXPECT_TRUE(parse_ok(IdlFormat::tdr, deep).tables.empty());
    parse_anything(IdlFormat::tdr, std::string(200000, '<'));
}

TEST(HostileInput, LongChainsOfTypes) {
    // 15,000 types each holding the next: the nesting rule, without recursing 15,000 deep.
    std::string proto = proto2_file(
        "message t { option(tcaplusservice.tcaplus_primary_key) = \"k\"; required int32 k = 1; optional m0 n = 2; }\n");
    std::string tdr =
        "<struct name=\"t\" primarykey=\"k\"><entry name=\"k\" type=\"int\"/><entry name=\"n\" "
        "type=\"s0\"/></struct>\n";
    for (int i = 0; i < 15000; ++i) {
        const std::string next = std::to_string(i + 1);
        proto += "message m" + std::to_string(i) + " { optional m" + next + " n = 1; }\n";
        tdr += "<struct name=\"s" + std::to_string(i) + "\"><entry name=\"n\" type=\"s" + next + "\"/></struct>\n";
    }
    proto += "message m15000 { optional int32 x = 1; }\n";
    tdr += "<struct name=\"s15000\"><entry name=\"x\" type=\"int\"/></struct>\n";
    for (const auto& [format, text] : {std::pair{IdlFormat::proto, proto}, std::pair{IdlFormat::tdr, tdr_file(tdr)}}) {
        const auto start = Clock::now();
        const ParsedIdl parsed = parse_ok(format, text);
        EXPECT_LT(Clock::now() - start, time_budget);
        ASSERT_EQ(parsed.tables.size(), 1u);
        ASSERT_TRUE(parsed.tables[0].problem.has_value());
        EXPECT_NE(parsed.tables[0].problem->find("more than 30 levels"), std::string::npos)
            << *parsed.tables[0].problem;
    }
}

TEST(HostileInput, NulBytesAreRefusedWhereTheyAre) {
    const std::string proto = "syntax = \"proto2\";\nmessage t {\0}\n"s;
    const IdlParseError proto_error = parse_fails(IdlFormat::proto, proto);
    EXPECT_NE(proto_error.message.find("NUL byte"), std::string::npos);
    EXPECT_EQ(proto_error.line, 2);
    EXPECT_EQ(proto_error.column, 12);
    const IdlParseError tdr_error = parse_fails(IdlFormat::tdr, "\0<metalib/>"s);
    EXPECT_EQ(tdr_error.line, 1);
    EXPECT_EQ(tdr_error.column, 1);
    parse_anything(IdlFormat::proto, std::string(100000, '\0'));
}

TEST(HostileInput, InvalidUtf8) {
    // In identifiers: an error whose message is still UTF-8.
    const std::string bad_identifier = "syntax = \"proto2\";\nmessage \xff\xfe {}\n";
    const IdlParseError error = parse_fails(IdlFormat::proto, bad_identifier);
    EXPECT_EQ(invariants::broken_by(error, bad_identifier), nullptr);
    EXPECT_EQ(error.line, 2);
    // In comments and strings: fine.
    EXPECT_EQ(
        parse_ok(IdlFormat::proto, std::string(examples::verify_example_proto) + "\n// \xc3\x28 \xff\n").tables.size(),
        1u);
    // In TDR names: the table breaks the naming rule, and its JSON is UTF-8.
    const ParsedIdl parsed =
        parse_ok(IdlFormat::tdr, tdr_file("<struct name=\"t\xff\" primarykey=\"k\xfe\">"
                                          "<entry name=\"k\xfe\" type=\"int\"/><entry name=\"v\xc0\" type=\"int\"/>"
                                          "</struct>"));
    ASSERT_EQ(parsed.tables.size(), 1u);
    ASSERT_TRUE(parsed.tables[0].problem.has_value());
    EXPECT_TRUE(text::is_valid_utf8(*parsed.tables[0].problem));
    EXPECT_TRUE(text::is_valid_utf8(key_fields_json(parsed.tables[0])));
    EXPECT_TRUE(text::is_valid_utf8(value_fields_json(parsed.tables[0])));
    // A file name that is not UTF-8.
    const auto named = parse_idl(IdlFormat::proto, "bad\xff", "message {");
    ASSERT_TRUE(named.has_error());
    EXPECT_TRUE(text::is_valid_utf8(named.error().file));
}

TEST(HostileInput, TenThousandFields) {
    std::string fields = "required int32 k = 1;\n";
    std::string entries = "<entry name=\"k\" type=\"int\"/>\n";
    for (int i = 0; i < 10000; ++i) {
        fields += "optional int32 f" + std::to_string(i) + " = " + std::to_string(i + 2) + ";\n";
        entries += "<entry name=\"f" + std::to_string(i) + "\" type=\"int\"/>\n";
    }
    const std::string proto =
        proto2_file("message t {\noption(tcaplusservice.tcaplus_primary_key) = \"k\";\n" + fields + "}\n");
    const std::string tdr = tdr_file("<struct name=\"t\" primarykey=\"k\">\n" + entries + "</struct>\n");
    for (const auto& [format, text] : {std::pair{IdlFormat::proto, proto}, std::pair{IdlFormat::tdr, tdr}}) {
        const auto start = Clock::now();
        const ParsedIdl parsed = parse_ok(format, text);
        EXPECT_LT(Clock::now() - start, time_budget);
        ASSERT_EQ(parsed.tables.size(), 1u);
        EXPECT_EQ(parsed.tables[0].value_fields.size(), 10000u);
        ASSERT_TRUE(parsed.tables[0].problem.has_value());
        EXPECT_NE(parsed.tables[0].problem->find("has 10000 value fields"), std::string::npos);
        EXPECT_EQ(value_fields_json(parsed.tables[0]).substr(0, 12), R"({"Num":10000)");
    }
}

TEST(HostileInput, HugeListsInOptionsAndAttributes) {
    std::string key_list, columns;
    for (int i = 0; i < 60000; ++i) key_list += "k" + std::to_string(i) + ",";
    const std::string proto = proto2_file("message t {\noption(tcaplusservice.tcaplus_primary_key) = \"" + key_list +
                                          "\";\noption(tcaplusservice.tcaplus_index) = \"i(" + key_list +
                                          ")\";\n"
                                          "required int32 k0 = 1; optional int32 v = 2; }\n");
    const auto start = Clock::now();
    const ParsedIdl parsed = parse_ok(IdlFormat::proto, proto);
    EXPECT_LT(Clock::now() - start, time_budget);
    ASSERT_EQ(parsed.tables.size(), 1u);
    EXPECT_NE(parsed.tables[0].problem->find("has 60001 fields"), std::string::npos) << *parsed.tables[0].problem;
    parse_anything(IdlFormat::tdr,
                   tdr_file("<struct name=\"t\" primarykey=\"" + key_list + "\" customattr2=\"" +
                            std::string(200000, ';') + "\"><entry name=\"k0\" type=\"int\"/></struct>"));
}

TEST(HostileInput, ThousandsOfReservedRangesAreRefused) {
    std::string reserved = "reserved 1";
    for (int i = 2; i < 50000; ++i) reserved += ", " + std::to_string(i * 2);
    const auto start = Clock::now();
    const IdlParseError error =
        parse_fails(IdlFormat::proto, "syntax = \"proto2\";\nmessage m {\n" + reserved + ";\n}\n");
    EXPECT_LT(Clock::now() - start, time_budget);
    EXPECT_NE(error.message.find("more than 100 reserved ranges"), std::string::npos) << error.message;
    EXPECT_EQ(error.line, 2);
}

TEST(HostileInput, ManyCustomOptions) {
    // Thousands of extensions of MessageOptions, each set once on one message.
    std::string extensions =
        "syntax = \"proto2\";\nimport \"google/protobuf/descriptor.proto\";\n"
        "extend google.protobuf.MessageOptions {\n";
    std::string options;
    for (int i = 0; i < 15000; ++i) {
        extensions += "optional int32 e" + std::to_string(i) + " = " + std::to_string(70000 + i) + ";\n";
        options += "option (e" + std::to_string(i) + ") = 1;\n";
    }
    parse_anything(IdlFormat::proto, extensions + "}\nmessage m {\n" + options + "}\n");
}

TEST(HostileInput, RandomBytes) {
    std::mt19937 random(20240601);
    for (int round = 0; round < 20; ++round) {
        std::string bytes(64 * 1024, '\0');
        for (auto& byte : bytes) byte = static_cast<char>(random() % 256);
        parse_anything(IdlFormat::proto, bytes);
        parse_anything(IdlFormat::tdr, bytes);
        // Printable noise made of the formats' own punctuation gets further into the parsers.
        constexpr std::string_view noise = "{}[]()<>;=\",./ \nmessage option import int32 struct entry";
        for (auto& byte : bytes) byte = noise[random() % noise.size()];
        parse_anything(IdlFormat::proto, bytes);
        parse_anything(IdlFormat::tdr, "<metalib tagsetversion=\"1\">" + bytes);
    }
}

TEST(HostileInput, ConcurrentCallsAgree) {
    std::vector<std::thread> threads;
    std::vector<std::string> answers(8);
    for (std::size_t i = 0; i < answers.size(); ++i)
        threads.emplace_back([&answers, i] {
            for (int round = 0; round < 50; ++round) {
                auto parsed = parse_idl(i % 2 ? IdlFormat::proto : IdlFormat::tdr, "t",
                                        i % 2 ? examples::sdk_common_proto : examples::sdk_common_tdr);
                answers[i] = parsed ? key_fields_json(parsed->tables.at(0)) + index_key_set_json(parsed->tables.at(0))
                                    : parsed.error().message;
            }
        });
    for (auto& thread : threads) thread.join();
    for (std::size_t i = 2; i < answers.size(); ++i) EXPECT_EQ(answers[i], answers[i % 2]);
}

}  // namespace
}  // namespace tcaplus_mock::idl
