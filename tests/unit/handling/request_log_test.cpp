#include "server/handling/request_log.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdio>

namespace tcaplus_mock::testing {
namespace {

std::string written(LogFormat format, const RequestRecord& entry, bool enabled = true) {
    std::FILE* file = std::tmpfile();
    {
        LineWriter sink(fileno(file));
        RequestLog log(format, enabled, sink, std::chrono::hours(8));
        log.write(entry);
        EXPECT_TRUE(sink.flush(std::chrono::seconds(5)));
    }
    std::string text;
    std::rewind(file);
    for (int c; (c = std::fgetc(file)) != EOF;) text.push_back(static_cast<char>(c));
    std::fclose(file);
    return text;
}

RequestRecord sample() {
    RequestRecord entry;
    entry.request_id = "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6";
    entry.action = "CreateSnapshots";
    entry.secret_id = "AKIDexample";
    entry.code = "AuthFailure.SignatureFailure";
    entry.latency = std::chrono::microseconds(42);
    entry.string_to_sign = "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\nabc";
    entry.canonical_request = "POST\n/\n\ncontent-type:application/json\n";
    return entry;
}

TEST(RequestLog, TextIsOneLineWithEveryField) {
    const auto line = written(LogFormat::text, sample());
    EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
    for (const char* part : {"request_id=ed93f3cb-f35e-473f-b9f3-0d451b8b79c6", "action=CreateSnapshots",
                             "secret_id=AKIDexample", "code=AuthFailure.SignatureFailure", "latency_us=42",
                             "string_to_sign=\"TC3-HMAC-SHA256\\n1551113065"})
        EXPECT_NE(line.find(part), std::string::npos) << part << " in " << line;
}

TEST(RequestLog, JsonLinesParse) {
    const auto line = written(LogFormat::json, sample());
    const auto object = boost::json::parse(line).as_object();
    EXPECT_EQ(object.at("code"), "AuthFailure.SignatureFailure");
    EXPECT_FALSE(object.contains("body")) << "a log line leaves the body out";
    EXPECT_TRUE(object.contains("emulator_time")) << "the journal's field names";
    EXPECT_EQ(object.at("latency_us").as_int64(), 42);
    EXPECT_EQ(object.at("string_to_sign").as_string(), sample().string_to_sign);
}

TEST(RequestLog, DisabledWritesNothing) { EXPECT_EQ(written(LogFormat::text, sample(), false), ""); }

TEST(EscapeForOneLine, ControlCharactersAreEscaped) {
    EXPECT_EQ(escape_for_one_line("a\nb\tc\\d\x01"), "a\\nb\\tc\\\\d\\u0001");
}

}  // namespace
}  // namespace tcaplus_mock::testing
