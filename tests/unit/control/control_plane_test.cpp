// The control plane through the Emulator's routing, as a plain coroutine (no sockets): every
// endpoint, its errors, and how faults, the clock and resets act on the API.

#include "server/emulator.hpp"
#include "tests/support/emulator_fixture.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace tcaplus_mock::testing {
namespace {

std::string create_body(const std::string& name, const std::string& table = "cl_generic",
                        const std::string& dead = "2026-12-31 00:00:00") {
    return R"({"ClusterId":"xx","SelectedTables":[{"TableGroupId":"1","TableName":")" + table +
           R"(","SnapshotName":")" + name + R"(","SnapshotTime":"2026-11-01 00:00:00","SnapshotDeadTime":")" + dead +
           R"("}]})";
}

class ControlPlaneTest : public EmulatorFixture {
protected:
    explicit ControlPlaneTest(Config config = base_config()) : EmulatorFixture(std::move(config)) {}

    static Config base_config() {
        Config config = unsigned_config();
        config.rate_limits["CreateSnapshots"] = 0;
        return config;
    }

    static std::string api_code(const Reply& answer) {
        const auto& response = answer.object().at("Response").as_object();
        return response.contains("Error") ? std::string(response.at("Error").at("Code").as_string()) : "";
    }

    json::array journal(const std::string& query = "") {
        return call("GET", "/_mock/requests" + query).object().at("requests").as_array();
    }
};

TEST_F(ControlPlaneTest, HealthAndReadyAnswer) {
    const auto health = call("GET", "/_mock/health");
    EXPECT_EQ(health.http.status, 200u);
    EXPECT_EQ(health.object().at("status"), "ok");
    EXPECT_EQ(health.object().at("storage"), "ok");
    const auto ready = call("GET", "/_mock/ready");
    EXPECT_EQ(ready.http.status, 200u);
    EXPECT_EQ(ready.object().at("status"), "ready");
}

TEST_F(ControlPlaneTest, UnknownPathsMethodsAndQueriesAreRefusedAsJson) {
    const auto missing = call("GET", "/_mock/nothing-here");
    EXPECT_EQ(missing.http.status, 404u);
    EXPECT_EQ(missing.object().at("error"), "NotFound");
    EXPECT_EQ(call("GET", "/elsewhere").http.status, 404u);
    const auto method = call("DELETE", "/_mock/clock");
    EXPECT_EQ(method.http.status, 405u);
    EXPECT_EQ(method.header("Allow"), "GET, POST");
    const auto query = call("GET", "/_mock/requests?colour=red");
    EXPECT_EQ(query.http.status, 400u);
    EXPECT_NE(std::string(query.object().at("message").as_string()).find("`colour`"), std::string::npos);
    const auto path = call("GET", "/_mock/\xff\xfe");
    EXPECT_EQ(path.http.status, 404u);
    EXPECT_FALSE(path.body.is_null()) << "answers stay valid UTF-8 JSON: " << path.http.body;
}

// A page of another site can send a form or a plain fetch, never `Content-Type: application/json`
// without the CORS preflight the emulator never grants: no state changes without it.
TEST_F(ControlPlaneTest, StateChangingRequestsMustSayTheySendJson) {
    const std::pair<const char*, const char*> refused[] = {
        {"POST", "/_mock/reset"}, {"POST", "/_mock/clock"}, {"POST", "/_mock/faults"}, {"DELETE", "/_mock/faults"},
        {"DELETE", "/_mock/faults/f1"}, {"DELETE", "/_mock/requests"}, {"PUT", "/_mock/state"},
    };
    for (const auto& [method, target] : refused) {
        for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            const auto answer = call(method, target, R"({"advance":"1d"})", {{"content-type", type}});
            EXPECT_EQ(answer.http.status, 415u) << method << " " << target << " " << type;
            EXPECT_EQ(answer.object().at("error"), "UnsupportedMediaType");
            EXPECT_NE(std::string(answer.object().at("message").as_string()).find("Content-Type: application/json"),
                      std::string::npos);
        }
        const auto bare = send({method, target, {}, "", "127.0.0.1"});
        EXPECT_EQ(bare.http.status, 415u) << method << " " << target << " without a Content-Type";
    }
    EXPECT_EQ(call("GET", "/_mock/clock").object().at("datetime"), "2026-11-28 12:00:00") << "nothing moved the clock";
    EXPECT_EQ(call("POST", "/_mock/clock", R"({"advance":"1d"})", {{"content-type", "Application/JSON; charset=utf-8"}}).http.status,
              200u);
    EXPECT_EQ(send({"POST", "/_mock/reset", {{"content-type", "application/json"}}, "", "127.0.0.1"}).http.status, 200u)
        << "an empty body is fine";
    EXPECT_EQ(send({"GET", "/_mock/faults", {}, "", "127.0.0.1"}).http.status, 200u) << "reading needs no Content-Type";

    // The preflight a page of another site needs before it may send JSON is never granted.
    const auto preflight = send({"OPTIONS", "/_mock/clock",
                                 {{"origin", "https://elsewhere.example"}, {"access-control-request-method", "POST"},
                                  {"access-control-request-headers", "content-type"}},
                                 "", "127.0.0.1"});
    EXPECT_EQ(preflight.http.status, 405u);
    EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), "");
    EXPECT_EQ(preflight.header("Access-Control-Allow-Headers"), "");
}

TEST_F(ControlPlaneTest, TheJournalIsPagedByTheNumbersOfItsEntries) {
    for (int i = 0; i < 5; ++i) api("DescribeSnapshots", R"({"ClusterId":"xx"})");
    const auto newest = call("GET", "/_mock/requests?limit=2").object();
    EXPECT_EQ(newest.at("total"), 5);
    const auto& entries = newest.at("requests").as_array();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].at("seq"), 5);
    EXPECT_EQ(entries[1].at("seq"), 4);
    const auto older = call("GET", "/_mock/requests?limit=2&before=4").object();
    EXPECT_EQ(older.at("requests").at(0).at("seq"), 3);
    EXPECT_EQ(older.at("total"), 5) << "the total counts the filter's entries, whatever the page";
    const auto newer = call("GET", "/_mock/requests?after=3").object();
    EXPECT_EQ(newer.at("requests").as_array().size(), 2u);
    for (const char* bad : {"before=x", "after=-1", "limit=0", "before=1&before=2"})
        EXPECT_EQ(call("GET", std::string("/_mock/requests?") + bad).http.status, 400u) << bad;
}

TEST_F(ControlPlaneTest, ResetClearsEverythingOrOneAccount) {
    ASSERT_EQ(api_code(api("CreateSnapshots", create_body("s"))), "");
    ASSERT_EQ(call("POST", "/_mock/faults", R"({"action":"DeleteSnapshots","effect":{"type":"drop"}})").http.status, 200u);
    EXPECT_EQ(call("POST", "/_mock/reset?account=nobody").http.status, 400u);
    const auto one = call("POST", "/_mock/reset?account=default");
    EXPECT_EQ(one.object().at("reset"), "default");
    EXPECT_TRUE(journal().empty()) << "the account's journal entries go with it";
    EXPECT_EQ(api_code(api("CreateSnapshots", create_body("s"))), "") << "the name is free again";

    const auto all = call("POST", "/_mock/reset");
    EXPECT_EQ(all.object().at("reset"), "all");
    EXPECT_TRUE(call("GET", "/_mock/faults").object().at("faults").as_array().empty());
    const auto created = api("CreateSnapshots", create_body("s"));
    EXPECT_EQ(created.object().at("Response").at("TableResults").at(0).at("TaskId"), "xx-1") << "counters restart";
}

TEST_F(ControlPlaneTest, TheJournalShowsWhyARequestWasRefused) {
    api("CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"TableGroupId":"1"}]})",
        {{"x-tc-traceid", "trace-42"}});
    const auto entries = journal();
    ASSERT_EQ(entries.size(), 1u);
    const auto& entry = entries[0].as_object();
    for (const char* field : {"time", "request_id", "trace_id", "action", "secret_id", "account", "signature",
                              "throttle", "code", "message", "items", "fault", "latency_us", "body"})
        EXPECT_TRUE(entry.contains(field)) << field;
    EXPECT_EQ(entry.at("trace_id"), "trace-42");
    EXPECT_EQ(entry.at("action"), "CreateSnapshots");
    EXPECT_EQ(entry.at("code"), "MissingParameter");
    EXPECT_EQ(entry.at("parameter"), "SelectedTables.0.TableName");
    EXPECT_EQ(entry.at("signature"), "off");
    EXPECT_EQ(entry.at("throttle"), "off");
    EXPECT_TRUE(entry.at("fault").is_null());
    EXPECT_NE(std::string(entry.at("body").as_string()).find("TableGroupId"), std::string::npos);
    EXPECT_TRUE(call("GET", "/_mock/requests?code=MissingParameter").object().at("requests").as_array().size() == 1);
    EXPECT_TRUE(call("GET", "/_mock/requests?action=DeleteSnapshots").object().at("requests").as_array().empty());
    EXPECT_EQ(call("DELETE", "/_mock/requests").object().at("cleared"), 1);
    EXPECT_TRUE(journal().empty());
}

TEST_F(ControlPlaneTest, ControlRequestsNeverEnterTheJournalAndItStaysAtCapacity) {
    config_.journal.capacity = 50;
    rebuild();
    for (int i = 0; i < 3000; ++i) api("DescribeSnapshots", R"({"ClusterId":"xx"})");
    for (int i = 0; i < 10; ++i) call("GET", "/_mock/clock");
    const auto entries = journal();
    EXPECT_EQ(entries.size(), 50u);
    for (const auto& entry : entries) EXPECT_EQ(entry.at("action"), "DescribeSnapshots");
}

TEST_F(ControlPlaneTest, AFaultRuleFailsExactlyTheNextTwoCallsThenTheThirdSucceeds) {
    const auto added =
        call("POST", "/_mock/faults", R"({"action":"CreateSnapshots","effect":{"type":"error","code":"InternalError"},"times":2})");
    ASSERT_EQ(added.http.status, 200u) << added.http.body;
    const std::string id(added.object().at("id").as_string());
    EXPECT_EQ(api_code(api("CreateSnapshots", create_body("a"))), "InternalError");
    EXPECT_EQ(api_code(api("CreateSnapshots", create_body("a"))), "InternalError");
    EXPECT_EQ(api_code(api("CreateSnapshots", create_body("a"))), "") << "nothing was stored by the failed calls";
    const auto rules = call("GET", "/_mock/faults").object().at("faults").as_array();
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0].at("fired"), 2);
    EXPECT_EQ(journal("?limit=1")[0].at("fault").is_null(), true);
    EXPECT_EQ(journal()[1].at("fault").at("id").as_string(), id);
    EXPECT_EQ(call("DELETE", "/_mock/faults/" + id).http.status, 200u);
    EXPECT_EQ(call("DELETE", "/_mock/faults/" + id).http.status, 404u);
}

TEST_F(ControlPlaneTest, AnItemFaultFailsOnlyTheItemsOfItsTableAndStoresNothingOfThem) {
    call("POST", "/_mock/faults",
         R"({"action":"CreateSnapshots","table":"t2","effect":{"type":"item_error","code":"ResourceUnavailable","message":"busy"}})");
    const std::string batch =
        R"({"ClusterId":"xx","SelectedTables":[)"
        R"({"TableGroupId":"1","TableName":"t1","SnapshotName":"s","SnapshotTime":"2026-11-01 00:00:00","SnapshotDeadTime":"2026-12-01 00:00:00"},)"
        R"({"TableGroupId":"1","TableName":"t2","SnapshotName":"s","SnapshotTime":"2026-11-01 00:00:00","SnapshotDeadTime":"2026-12-01 00:00:00"}]})";
    const auto reply = api("CreateSnapshots", batch);
    const auto& results = reply.object().at("Response").at("TableResults").as_array();
    EXPECT_EQ(results[0].at("Error").at("Code"), "");
    EXPECT_EQ(results[1].at("Error").at("Code"), "ResourceUnavailable");
    EXPECT_EQ(results[1].at("Error").at("Message"), "busy");
    const auto listed = api("DescribeSnapshots", R"({"ClusterId":"xx"})");
    EXPECT_EQ(listed.object().at("Response").at("TotalCount"), 1);
    EXPECT_EQ(journal()[1].at("items"), (json::array{"", "ResourceUnavailable"}));
}

TEST_F(ControlPlaneTest, NetworkFaultsAnswerOutsideTheApi) {
    call("POST", "/_mock/faults", R"({"action":"CreateSnapshots","effect":{"type":"http_status","status":503},"times":1})");
    call("POST", "/_mock/faults", R"({"action":"CreateSnapshots","effect":{"type":"garbage"},"times":1})");
    call("POST", "/_mock/faults", R"({"action":"CreateSnapshots","effect":{"type":"drop"},"times":1})");
    const auto status = api("CreateSnapshots", create_body("a"));
    EXPECT_EQ(status.http.status, 503u);
    const auto garbage = api("CreateSnapshots", create_body("a"));
    EXPECT_EQ(garbage.http.status, 200u);
    EXPECT_TRUE(garbage.body.is_null()) << "not JSON: " << garbage.http.body;
    const auto dropped = api("CreateSnapshots", create_body("a"));
    EXPECT_TRUE(dropped.http.drop_connection);
    EXPECT_EQ(api_code(api("CreateSnapshots", create_body("a"))), "") << "no fault stored anything";
    EXPECT_EQ(journal("?limit=1&code=Fault.Drop").size(), 1u);
}

TEST_F(ControlPlaneTest, ALatencyFaultDelaysTheAnswer) {
    call("POST", "/_mock/faults", R"({"action":"DescribeSnapshots","effect":{"type":"latency","ms":120}})");
    EXPECT_EQ(api_code(api("DescribeSnapshots", R"({"ClusterId":"xx"})")), "");
    EXPECT_GE(journal()[0].at("latency_us").to_number<long long>(), 120'000);
}

TEST_F(ControlPlaneTest, BadFaultRulesAreRefusedNamingTheProblem) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"effect":{"type":"drop"}})", "`action` is missing"},
        {R"({"action":"NoSuchAction","effect":{"type":"drop"}})", "`action`"},
        {R"({"action":"CreateSnapshots","effect":{"type":"explode"}})", "`effect.type`"},
        {R"({"action":"CreateSnapshots","effect":{"type":"error"}})", "`effect.code` is missing"},
        {R"({"action":"CreateSnapshots","effect":{"type":"http_status","status":200}})", "`effect.status`"},
        {R"({"action":"CreateSnapshots","effect":{"type":"drop","ms":5}})", "unknown field `effect.ms`"},
        {R"({"action":"CreateSnapshots","effect":{"type":"drop"},"probability":1.5})", "`probability`"},
        {R"({"action":"CreateSnapshots","effect":{"type":"drop"},"times":0})", "`times`"},
        {R"({"action":"CreateSnapshots","effect":{"type":"drop"},"colour":1})", "unknown field `colour`"},
        {R"({"action":)", "not valid JSON"},
        {R"([1])", "expected a JSON object"},
    };
    for (const auto& [body, named] : cases) {
        const auto answer = call("POST", "/_mock/faults", body);
        EXPECT_EQ(answer.http.status, 400u) << body;
        EXPECT_NE(std::string(answer.object().at("message").as_string()).find(named), std::string::npos)
            << body << " -> " << answer.http.body;
    }
}

TEST_F(ControlPlaneTest, TheClockMovesAndDrivesExpiry) {
    ASSERT_EQ(api_code(api("CreateSnapshots", create_body("s", "cl_generic", "2026-11-29 12:00:00"))), "");
    const auto before = call("GET", "/_mock/clock").object();
    EXPECT_EQ(before.at("datetime"), "2026-11-28 12:00:00");
    EXPECT_EQ(before.at("frozen"), true);
    const auto advanced = call("POST", "/_mock/clock", R"({"advance":"1d"})").object();
    EXPECT_EQ(advanced.at("datetime"), "2026-11-29 12:00:00");
    const auto listed = api("DescribeSnapshots", R"({"ClusterId":"xx"})");
    EXPECT_EQ(listed.object().at("Response").at("TableResults").at(0).at("SnapshotStatus"), 3);
    EXPECT_EQ(call("POST", "/_mock/clock", R"({"advance":"-1h"})").object().at("datetime"), "2026-11-29 11:00:00");
    EXPECT_EQ(call("POST", "/_mock/clock", R"({"set":"2030-01-01 00:00:00"})").object().at("now"), 1893427200);
    const auto running = call("POST", "/_mock/clock", R"({"freeze":false})").object();
    EXPECT_EQ(running.at("frozen"), false);
    const auto reset = call("POST", "/_mock/clock", R"({"reset":true})").object();
    EXPECT_EQ(reset.at("offset_seconds"), 0);
    for (const char* bad : {R"({"advance":"soon"})", R"({"set":"tomorrow"})", R"({"advance":"1d","freeze":true})",
                            R"({})", R"({"freeze":"yes"})", R"({"rewind":1})"})
        EXPECT_EQ(call("POST", "/_mock/clock", bad).http.status, 400u) << bad;
}

TEST_F(ControlPlaneTest, AnExportImportedElsewhereDescribesTheSame) {
    config_.snapshots.delete_after = std::chrono::seconds(3600);
    config_.snapshots.import_duration = std::chrono::seconds(3600);
    rebuild();
    api("CreateSnapshots", create_body("a"));
    api("CreateSnapshots", create_body("b"));
    api("CreateSnapshots", create_body("c"));
    api("DeleteSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"TableGroupId":"1","TableName":"cl_generic","SnapshotName":"b"}]})");
    api("ImportSnapshots", R"({"ClusterId":"xx","Snapshots":{"TableGroupId":"1","TableName":"cl_generic","SnapshotName":"c",)"
                           R"("SnapshotTime":"2026-11-01 00:00:00","SnapshotDeadTime":"2026-12-31 00:00:00"},)"
                           R"("ImportSpecialKey":"FALSE","ImportOriginTable":"TRUE"})");
    const auto exported = call("GET", "/_mock/state");
    ASSERT_EQ(exported.http.status, 200u);
    EXPECT_EQ(exported.object().at("version"), 2);
    const auto describe_body = [&] {
        auto text = api("DescribeSnapshots", R"({"ClusterId":"xx"})").http.body;
        return text.substr(0, text.find("\"RequestId\""));
    };
    const auto original = describe_body();

    rebuild();  // a fresh emulator (":memory:")
    EXPECT_NE(describe_body(), original);
    const auto imported = call("PUT", "/_mock/state", exported.http.body);
    ASSERT_EQ(imported.http.status, 200u) << imported.http.body;
    EXPECT_EQ(describe_body(), original);
    const auto next = api("CreateSnapshots", create_body("d"));
    EXPECT_EQ(next.object().at("Response").at("TableResults").at(0).at("TaskId"), "xx-5") << "the counters came along";
}

// A seed (the same document PUT /_mock/state takes) declares resources by their names: the table takes
// the schema of the file it names, new ids follow the seeded ones, and an export imported elsewhere
// describes the same resources.
TEST_F(ControlPlaneTest, ASeedDeclaresClustersGroupsFilesAndTables) {
    const std::string proto =
        "syntax = \"proto2\"; import \"tcaplusservice.optionv1.proto\";\n"
        "message players { option(tcaplusservice.tcaplus_primary_key) = \"uin\"; required int64 uin = 1; optional int32 level = 2; }\n";
    json::object file{{"cluster_id", "5674209986"}, {"file_id", 7}, {"name", "players"}, {"file_type", "PROTO"},
                      {"ext_type", "proto"}, {"content", proto}};
    const json::object seed{
        {"version", 2},
        {"accounts", json::array{json::object{
                         {"account", "default"},
                         {"clusters", json::array{json::object{{"cluster_id", "5674209986"}, {"name", "seeded"}}}},
                         {"table_groups", json::array{json::object{{"cluster_id", "5674209986"}, {"table_group_id", "1"}}}},
                         {"idl_files", json::array{file}},
                         {"tables", json::array{json::object{{"cluster_id", "5674209986"}, {"table_group_id", "1"},
                                                             {"table_name", "players"}, {"file_id", 7}}}}}}}};
    const auto loaded = call("PUT", "/_mock/state", json::serialize(seed));
    ASSERT_EQ(loaded.http.status, 200u) << loaded.http.body;
    const auto describe_tables = [&] {
        const auto text = api("DescribeTables", R"({"ClusterId":"5674209986"})").http.body;
        return text.substr(0, text.find("\"RequestId\""));
    };
    const auto tables = api("DescribeTables", R"({"ClusterId":"5674209986"})").object().at("Response").as_object();
    ASSERT_EQ(tables.at("TotalCount"), 1) << json::serialize(tables);
    const auto& table = tables.at("TableInfos").at(0).as_object();
    EXPECT_NE(std::string(table.at("KeyStruct").as_string()).find("\"uin\""), std::string::npos);
    EXPECT_EQ(table.at("IdlFiles").at(0).at("FileId"), 7);
    EXPECT_EQ(table.at("ClusterName"), "seeded");
    // The next upload is FileId 8.
    const auto uploaded = api("VerifyIdlFiles", json::serialize(json::object{
                                                    {"ClusterId", "5674209986"},
                                                    {"NewIdlFiles", json::array{json::object{{"FileName", "again"}, {"FileType", "PROTO"},
                                                                                             {"FileExtType", "proto"}, {"FileSize", proto.size()},
                                                                                             {"FileContent", proto}}}}}));
    EXPECT_EQ(uploaded.object().at("Response").at("IdlFiles").at(0).at("FileId"), 8) << uploaded.http.body;

    const auto exported = call("GET", "/_mock/state");
    const auto original = describe_tables();
    rebuild();
    const auto reimported = call("PUT", "/_mock/state", exported.http.body);
    ASSERT_EQ(reimported.http.status, 200u) << reimported.http.body;
    EXPECT_EQ(describe_tables(), original);
}

TEST_F(ControlPlaneTest, BadStateDocumentsAreRefusedNamingThePlace) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"accounts":[]})", "`version`"},
        {R"({"version":3})", "reads versions 1 and 2"},
        {R"({"version":1,"accounts":[{"account":"a","snapshots":[{"cluster_id":"x","table_group_id":"1","table_name":"t","snapshot_name":"s","snapshot_time":"soon","dead_time":"2026-01-01 00:00:00"}]}]})",
         "`accounts[0].snapshots[0].snapshot_time`"},
        {R"({"version":1,"accounts":[{"account":"a","snapshots":[{"cluster_id":"x"}]}]})", "table_group_id"},
        {R"({"version":1,"accounts":[{"account":"a","extra":[]}]})", "unknown field `accounts[0].extra`"},
        {R"({"version":1,"scope":"some"})", "`scope`"},
    };
    for (const auto& [body, named] : cases) {
        const auto answer = call("PUT", "/_mock/state", body);
        EXPECT_EQ(answer.http.status, 400u) << body;
        EXPECT_NE(std::string(answer.object().at("message").as_string()).find(named), std::string::npos)
            << body << " -> " << answer.http.body;
    }
    EXPECT_EQ(call("GET", "/_mock/state?account=nobody").http.status, 400u);
}

TEST_F(ControlPlaneTest, MetricsAreThePrometheusTextFormat) {
    api("DescribeSnapshots", R"({"ClusterId":"xx"})");
    const auto metrics = call("GET", "/_mock/metrics");
    EXPECT_EQ(metrics.http.status, 200u);
    EXPECT_EQ(metrics.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_NE(metrics.http.body.find("tcaplus_mock_requests_total{action=\"DescribeSnapshots\",code=\"Success\"} 1"),
              std::string::npos);
}

class SignedControlPlaneTest : public ControlPlaneTest {
protected:
    SignedControlPlaneTest() : ControlPlaneTest(signed_config()) {}
    static Config signed_config() {
        Config config = base_config();
        config.auth.mode = AuthMode::any;
        config.auth.credentials = {{"AKIDexample", "example-key", "", ""}};
        return config;
    }
};

TEST_F(SignedControlPlaneTest, MovingTheClockProvokesSignatureExpire) {
    auto request = EmulatorFixture::json_request(R"({"ClusterId":"xx"})", "DescribeSnapshots");
    sign_tc3(request, "AKIDexample", "example-key", unix_seconds(clock().now()));
    EXPECT_EQ(api_code(call("POST", "/", request.body, request.headers)), "");
    call("POST", "/_mock/clock", R"({"advance":"10m"})");
    EXPECT_EQ(api_code(call("POST", "/", request.body, request.headers)), "AuthFailure.SignatureExpire");
    const auto entry = journal("?limit=1")[0];
    EXPECT_EQ(entry.at("signature"), "refused");
    EXPECT_EQ(entry.at("secret_id"), "AKIDexample");
    for (const char* secret : {"example-key", "Signature="})
        EXPECT_EQ(json::serialize(entry).find(secret), std::string::npos) << secret;
}

TEST_F(SignedControlPlaneTest, AMismatchIsJournalledWithWhatWasSignedButNoSecret) {
    auto request = EmulatorFixture::json_request(R"({"ClusterId":"xx"})", "DescribeSnapshots");
    sign_tc3(request, "AKIDexample", "a-wrong-key", unix_seconds(clock().now()));
    EXPECT_EQ(api_code(call("POST", "/", request.body, request.headers)), "AuthFailure.SignatureFailure");
    const auto entry = journal()[0].as_object();
    EXPECT_EQ(entry.at("signature"), "mismatch");
    EXPECT_NE(std::string(entry.at("string_to_sign").as_string()).find("TC3-HMAC-SHA256"), std::string::npos);
    EXPECT_NE(std::string(entry.at("canonical_request").as_string()).find("content-type:application/json"),
              std::string::npos);
    const auto text = json::serialize(entry);
    std::string signature;
    for (const auto& [name, value] : request.headers)
        if (name == "authorization") signature = value.substr(value.find("Signature=") + 10);
    for (const std::string& secret : {std::string("a-wrong-key"), std::string("example-key"), signature})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

TEST(EmulatorSeed, ASeedFileIsLoadedAtStartUpWithItsIdsNumbered) {
    char folder[] = "/tmp/tcaplus-mock-seed-XXXXXX";
    ASSERT_NE(mkdtemp(folder), nullptr);
    const std::string path = std::string(folder) + "/seed.json";
    {
        std::ofstream file(path);
        file << R"({"version": 1, "accounts": [{"account": "default", "snapshots": [
            {"cluster_id": "xx", "table_group_id": "1", "table_name": "t", "snapshot_name": "kept",
             "snapshot_time": "2026-11-01 00:00:00", "dead_time": "2027-01-01 00:00:00", "task_id": "xx-7"},
            {"cluster_id": "xx", "table_group_id": "1", "table_name": "t", "snapshot_name": "new",
             "snapshot_time": "2026-11-01 00:00:00", "dead_time": "2027-01-01 00:00:00"}]}]})";
    }
    Config config = unsigned_config();
    config.seed = path;
    LineWriter sink{STDERR_FILENO};
    Emulator emulator(config, sink);
    std::vector<storage::SnapshotRecord> rows;
    emulator.services().store.read_now(
        [&](storage::Repository& repository) { rows = repository.snapshots().of_account("default"); });
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].key.snapshot_name, "kept");
    EXPECT_EQ(rows[0].task_id, "xx-7");
    EXPECT_EQ(rows[1].task_id, "xx-8") << "numbered after the highest id the seed uses";

    config.seed = std::string(folder) + "/missing.json";
    try {
        Emulator broken(config, sink);
        ADD_FAILURE() << "a missing seed must stop the start";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("missing.json"), std::string::npos) << error.what();
    }
    std::filesystem::remove_all(folder);
}

class ProtectedControlPlaneTest : public ControlPlaneTest {
protected:
    ProtectedControlPlaneTest() : ControlPlaneTest(protected_config()) {}
    static Config protected_config() {
        Config config = base_config();
        config.control.token = "s3cret-token";
        return config;
    }
};

TEST_F(ProtectedControlPlaneTest, EveryPathButHealthAndReadyNeedsTheBearerToken) {
    EXPECT_EQ(call("GET", "/_mock/health").http.status, 200u);
    EXPECT_EQ(call("GET", "/_mock/ready").http.status, 200u);
    const auto refused = call("GET", "/_mock/clock");
    EXPECT_EQ(refused.http.status, 401u);
    EXPECT_EQ(refused.object().at("error"), "Unauthorized");
    EXPECT_EQ(call("GET", "/_mock/clock", "", {{"authorization", "Bearer wrong"}}).http.status, 401u);
    EXPECT_EQ(call("GET", "/_mock/clock", "", {{"authorization", "Bearer s3cret-token"}}).http.status, 200u);
    EXPECT_EQ(refused.http.body.find("s3cret"), std::string::npos);
}

class DisabledControlPlaneTest : public ControlPlaneTest {
protected:
    DisabledControlPlaneTest() : ControlPlaneTest(disabled_config()) {}
    static Config disabled_config() {
        Config config = base_config();
        config.control.enabled = false;
        return config;
    }
};

TEST_F(DisabledControlPlaneTest, OnlyHealthAndReadyRemain) {
    EXPECT_EQ(call("GET", "/_mock/health").http.status, 200u);
    EXPECT_EQ(call("GET", "/_mock/ready").http.status, 200u);
    EXPECT_EQ(call("POST", "/_mock/reset").http.status, 404u);
    EXPECT_EQ(call("GET", "/_mock/metrics").http.status, 404u);
}

TEST(EmulatorWarnings, AnOpenControlPlaneBeyondLoopbackIsWarnedAbout) {
    LineWriter sink{STDERR_FILENO};
    Config config = unsigned_config();
    config.server.bind = "0.0.0.0";
    EXPECT_EQ(Emulator(config, sink).startup_warnings().size(), 1u);
    config.control.token = "t";
    EXPECT_TRUE(Emulator(config, sink).startup_warnings().empty());
    config.control.token.clear();
    config.server.bind = "127.0.0.1";
    EXPECT_TRUE(Emulator(config, sink).startup_warnings().empty());
}

}  // namespace
}  // namespace tcaplus_mock::testing
