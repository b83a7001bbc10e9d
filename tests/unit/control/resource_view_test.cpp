// The dashboard's read-only views, GET /_mock/resources and GET /_mock/accounts: what they list, the
// statuses they compute on the emulator's clock (the same the Describe actions answer), their paging
// and their refusals.

#include "tests/support/resource_fixture.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

class ResourceViewTest : public ResourceFixture {
protected:
    ResourceViewTest() : ResourceFixture(view_config()) {}

    static Config view_config() {
        Config config = unsigned_config();
        config.clusters.ready_after = std::chrono::seconds(60);
        config.snapshots.ready_after = std::chrono::seconds(60);
        config.tasks.duration = std::chrono::seconds(100);
        return config;
    }

    json::object view(const std::string& query) {
        const auto reply = call("GET", "/_mock/resources?" + query);
        EXPECT_EQ(reply.http.status, 200u) << reply.http.body;
        return reply.body.is_object() ? reply.object() : json::object{};
    }

    json::array items(const std::string& kind) { return view("account=default&kind=" + kind).at("items").as_array(); }

    void advance(const std::string& by) {
        ASSERT_EQ(call("POST", "/_mock/clock", R"({"advance":")" + by + R"("})").http.status, 200u);
    }

    void create_snapshot(const std::string& cluster, const std::string& table, const std::string& dead_time) {
        const auto params = json::object{{"ClusterId", cluster},
                                         {"SelectedTables", json::array{json::object{{"TableGroupId", "1"},
                                                                                     {"TableName", table},
                                                                                     {"SnapshotName", "nightly"},
                                                                                     {"SnapshotTime", "2026-11-28 00:00:00"},
                                                                                     {"SnapshotDeadTime", dead_time}}}}};
        const auto response = ok("CreateSnapshots", params);
        ASSERT_EQ(response.at("TableResults").at(0).at("Error").at("Code"), "") << json::serialize(response);
    }
};

TEST_F(ResourceViewTest, CountsEveryKindOfWhatTheApiShowsAndListsOneOnRequest) {
    const auto cluster = create_cluster("game");
    create_cluster("elsewhere", "ap-shanghai");
    create_table_group(cluster, "1");
    create_table(cluster, upload_idl(cluster, proto_table_idl()), "1");
    create_snapshot(cluster, "tb_example", "2026-11-28 14:00:00");

    const auto counts = view("account=default");
    EXPECT_EQ(counts.at("account"), "default");
    EXPECT_EQ(counts.at("datetime"), "2026-11-28 12:00:00");
    EXPECT_FALSE(counts.contains("items")) << "without a kind, the counts alone";
    const auto& count = counts.at("counts").as_object();
    EXPECT_EQ(count.at("clusters"), 2) << "the clusters of every region";
    EXPECT_EQ(count.at("table_groups"), 1);
    EXPECT_EQ(count.at("tables"), 1);
    EXPECT_EQ(count.at("snapshots"), 1);
    EXPECT_GE(number(count.at("tasks")), 2);

    const auto tables = items("tables");
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].at("table_name"), "tb_example");
    EXPECT_EQ(tables[0].at("status"), "RUNNING");
    EXPECT_EQ(tables[0].at("stored"), true);
    EXPECT_EQ(items("table_groups").at(0).at("table_count"), 1);
}

TEST_F(ResourceViewTest, StatusesFollowTheEmulatorsClockAsTheDescribeActionsDo) {
    const auto cluster = create_cluster("game");
    create_table_group(cluster, "1");
    create_table(cluster, upload_idl(cluster, proto_table_idl()), "1");
    create_snapshot(cluster, "tb_example", "2026-11-28 14:00:00");
    const auto described_status = [&] {
        return ok("DescribeSnapshots", {{"ClusterId", cluster}}).at("TableResults").at(0).at("SnapshotStatus");
    };

    auto clusters = items("clusters");
    EXPECT_EQ(clusters.at(0).at("status"), 4);
    EXPECT_EQ(clusters.at(0).at("status_name"), "changing");
    EXPECT_EQ(items("snapshots").at(0).at("status_name"), "creating");
    EXPECT_EQ(items("snapshots").at(0).at("status"), described_status());
    for (const auto& task : items("tasks")) EXPECT_EQ(task.at("progress"), 0) << json::serialize(task);

    advance("90s");
    EXPECT_EQ(items("clusters").at(0).at("status_name"), "running");
    EXPECT_EQ(items("snapshots").at(0).at("status_name"), "normal");
    EXPECT_EQ(items("snapshots").at(0).at("status"), described_status());
    for (const auto& task : items("tasks")) EXPECT_GT(number(task.at("progress")), 0) << json::serialize(task);

    advance("2h");
    EXPECT_EQ(items("snapshots").at(0).at("status_name"), "expired");
    EXPECT_EQ(items("snapshots").at(0).at("status"), described_status());
    for (const auto& task : items("tasks")) EXPECT_EQ(task.at("progress"), 100) << json::serialize(task);
}

TEST_F(ResourceViewTest, ApplicationsAndBackupsShowWhereTheyStandOnTheClock) {
    const auto cluster = create_cluster("game");
    create_table_group(cluster, "1");
    const auto file = upload_idl(cluster, proto_table_idl());
    create_table(cluster, file, "1");
    const json::object table{{"TableGroupId", "1"}, {"TableName", "tb_example"}};
    ok("CreateBackup", {{"ClusterId", cluster}, {"SelectedTables", json::array{table}}});
    ok("ModifyCensorship", {{"ClusterId", cluster}, {"Censorship", 1}});
    const auto filed = ok("ClearTables", {{"ClusterId", cluster}, {"SelectedTables", json::array{table}}});
    const auto application_id = filed.at("TableResults").at(0).at("ApplicationId");

    const auto counts = view("account=default").at("counts");
    EXPECT_EQ(counts.at("applications"), 1);
    EXPECT_EQ(counts.at("backups"), 1);
    const auto application = items("applications").at(0).as_object();
    EXPECT_EQ(application.at("application_id"), application_id);
    EXPECT_EQ(application.at("action"), "ClearTables");
    EXPECT_EQ(application.at("table_name"), "tb_example");
    EXPECT_EQ(application.at("status_name"), "pending");
    auto backup = items("backups").at(0).as_object();
    EXPECT_EQ(backup.at("table_name"), "tb_example");
    EXPECT_EQ(backup.at("file_tag"), "OSDATA");
    EXPECT_EQ(backup.at("status_name"), "creating") << "listed by DescribeBackupRecords once its task is done";
    EXPECT_EQ(backup.at("expire_time"), "2026-12-05 12:00:00") << "7 days without a rule";

    advance("200s");
    EXPECT_EQ(items("backups").at(0).at("status_name"), "available");
    advance("7d");
    EXPECT_EQ(items("backups").at(0).at("status_name"), "expired");
    EXPECT_EQ(number(ok("DescribeBackupRecords", {{"ClusterId", cluster}}).at("TotalCount")), 0);
}

TEST_F(ResourceViewTest, ResourcesNamedOnlyBySnapshotsAreListedAsNotStored) {
    create_snapshot("named-cluster", "t1", "2026-12-31 00:00:00");
    const auto clusters = items("clusters");
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].at("cluster_id"), "named-cluster");
    EXPECT_EQ(clusters[0].at("stored"), false);
    EXPECT_EQ(items("tables").at(0).at("stored"), false);
}

TEST_F(ResourceViewTest, OneKindIsPagedByOffsetAndLimit) {
    const auto cluster = create_cluster("game");
    for (const char* id : {"1", "2", "3"}) create_table_group(cluster, id);
    const auto page = view("account=default&kind=table_groups&offset=1&limit=1");
    EXPECT_EQ(page.at("total"), 3);
    EXPECT_EQ(page.at("offset"), 1);
    EXPECT_EQ(page.at("limit"), 1);
    ASSERT_EQ(page.at("items").as_array().size(), 1u);
    EXPECT_EQ(page.at("items").at(0).at("table_group_id"), "2");
    EXPECT_TRUE(view("account=default&kind=table_groups&offset=10").at("items").as_array().empty());
}

TEST_F(ResourceViewTest, BadQueriesAreRefusedNamingTheProblem) {
    const std::pair<const char*, const char*> cases[] = {
        {"", "`account` is missing"},
        {"account=nobody", "unknown account `nobody`"},
        {"account=default&kind=widgets", "`kind`"},
        {"account=default&kind=tables&limit=0", "`limit`"},
        {"account=default&kind=tables&limit=1001", "`limit`"},
        {"account=default&kind=tables&offset=-1", "`offset`"},
        {"account=default&offset=5", "page a `kind`"},
        {"account=default&colour=red", "`colour`"},
    };
    for (const auto& [query, named] : cases) {
        const auto answer = call("GET", std::string("/_mock/resources?") + query);
        EXPECT_EQ(answer.http.status, 400u) << query;
        EXPECT_NE(answer.http.body.find(named), std::string::npos) << query << " -> " << answer.http.body;
    }
}

TEST_F(ResourceViewTest, AccountsSayWhichStoreSomethingAndWhichSentRequests) {
    const auto find = [&](const std::string& name) {
        const auto reply = call("GET", "/_mock/accounts");
        for (const auto& entry : reply.object().at("accounts").as_array())
            if (entry.at("account").as_string() == name) return entry.as_object();
        return json::object{};
    };
    EXPECT_EQ(find("default").at("stored"), false);
    EXPECT_EQ(find("default").at("requests"), false);
    create_snapshot("xx", "t1", "2026-12-31 00:00:00");
    EXPECT_EQ(find("default").at("stored"), true);
    EXPECT_EQ(find("default").at("requests"), true);
}

}  // namespace
}  // namespace tcaplus_mock::testing
