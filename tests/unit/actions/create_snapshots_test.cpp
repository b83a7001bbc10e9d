#include "tests/support/emulator_fixture.hpp"

#include <filesystem>
#include <unistd.h>

namespace tcaplus_mock::testing {
namespace {

// One SelectedTables item; times in the default zone, UTC+8.
json::object table(const char* name, const char* time = "2020-09-22 00:00:00", const char* dead = "2020-09-23 00:00:00",
                   const char* table_name = "cl_generic", const char* group = "1") {
    return {{"TableGroupId", group}, {"TableName", table_name}, {"SnapshotName", name}, {"SnapshotTime", time},
            {"SnapshotDeadTime", dead}};
}

std::string create_body(std::initializer_list<json::object> tables, const char* cluster = "xx") {
    json::array list;
    for (const auto& t : tables) list.push_back(t);
    return json::serialize(json::object{{"ClusterId", cluster}, {"SelectedTables", std::move(list)}});
}

class CreateSnapshotsTest : public EmulatorFixture {};

TEST_F(CreateSnapshotsTest, ResultsFollowRequestOrderWithIncreasingTaskIds) {
    const auto reply = send_json(create_body({table("a"), table("b"), table("c")}));
    ASSERT_EQ(reply.error_code(), "");
    EXPECT_EQ(reply.response.at("TotalCount").to_number<std::uint64_t>(), 3u);
    const char* names[] = {"a", "b", "c"};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(reply.item(i).at("SnapshotName"), names[i]);
        EXPECT_EQ(reply.item(i).at("TaskId").as_string(), "xx-" + std::to_string(i + 1));
    }
    const auto other_cluster = send_json(create_body({table("a")}, "yy"));
    EXPECT_EQ(other_cluster.item(0).at("TaskId"), "yy-1");
    EXPECT_EQ(send_json(create_body({table("d")})).item(0).at("TaskId"), "xx-4");
}

struct ItemCase {
    const char* name;
    json::object item;
    const char* code;
    const char* path;
};

TEST_F(CreateSnapshotsTest, PerItemFailuresLeaveTheOthersToSucceed) {
    const ItemCase cases[] = {
        {"future time", table("f", "2026-11-28 12:00:01", "2026-11-29 00:00:00"), "InvalidParameterValue",
         "`SelectedTables.1.SnapshotTime`"},
        {"dead before time", table("d", "2020-09-22 00:00:00", "2020-09-21 23:59:59"), "InvalidParameterValue",
         "`SelectedTables.1.SnapshotDeadTime`"},
    };
    for (const auto& c : cases) {
        const auto reply = send_json(create_body({table((std::string("ok-") + c.name).c_str()), c.item}));
        ASSERT_EQ(reply.error_code(), "") << c.name;
        EXPECT_EQ(reply.response.at("TotalCount").to_number<std::uint64_t>(), 2u) << c.name;
        EXPECT_EQ(reply.item_code(0), "") << c.name;
        EXPECT_EQ(reply.item_code(1), c.code) << c.name;
        const std::string message(reply.item(1).at("Error").at("Message").as_string());
        EXPECT_NE(message.find(c.path), std::string::npos) << c.name << ": " << message;
        EXPECT_FALSE(reply.item(1).contains("TaskId")) << c.name;
    }
    EXPECT_EQ(stored_count(), 2u);
}

TEST_F(CreateSnapshotsTest, NowItselfIsNotTheFuture) {
    EXPECT_EQ(send_json(create_body({table("now", "2026-11-28 12:00:00", "2026-11-28 12:00:00")})).item_code(0), "");
}

TEST_F(CreateSnapshotsTest, DuplicatesInStoreOrInRequestFail) {
    ASSERT_EQ(send_json(create_body({table("dup")})).item_code(0), "");
    const auto again = send_json(create_body({table("dup"), table("new"), table("new")}));
    EXPECT_EQ(again.item_code(0), "FailedOperation");
    EXPECT_NE(std::string(again.item(0).at("Error").at("Message").as_string()).find("already exists"),
              std::string::npos);
    EXPECT_EQ(again.item_code(1), "");
    EXPECT_EQ(again.item_code(2), "FailedOperation");
    // Same name on another table or cluster is a different snapshot.
    EXPECT_EQ(send_json(create_body({table("dup", "2020-09-22 00:00:00", "2020-09-23 00:00:00", "other")})).item_code(0), "");
    EXPECT_EQ(send_json(create_body({table("dup")}, "zz")).item_code(0), "");
    EXPECT_EQ(stored_count(), 4u);
}

TEST_F(CreateSnapshotsTest, MaxAgeLimitsHowFarBack) {
    config_.snapshots.max_age = std::chrono::hours(24 * 7);
    rebuild();
    const auto reply = send_json(create_body({table("old", "2026-11-21 11:59:59", "2026-12-01 00:00:00"),
                                              table("recent", "2026-11-21 12:00:00", "2026-12-01 00:00:00")}));
    EXPECT_EQ(reply.item_code(0), "InvalidParameterValue");
    EXPECT_EQ(reply.item_code(1), "");
}

TEST_F(CreateSnapshotsTest, MaxPerTableCountsStoredAndRequested) {
    config_.snapshots.max_per_table = 2;
    rebuild();
    ASSERT_EQ(send_json(create_body({table("one")})).item_code(0), "");
    const auto reply = send_json(create_body({table("two"), table("three"), table("x", "2020-09-22 00:00:00",
                                                                                 "2020-09-23 00:00:00", "other")}));
    EXPECT_EQ(reply.item_code(0), "");
    EXPECT_EQ(reply.item_code(1), "LimitExceeded");
    EXPECT_EQ(reply.item_code(2), "");
}

TEST_F(CreateSnapshotsTest, StrictResourcesKnowOnlyWhatIsDeclared) {
    config_.resources.mode = ResourcesMode::strict;
    config_.resources.clusters = {{"xx", {{"1", {"cl_generic"}}}}};
    rebuild();
    const auto unknown_cluster = send_json(create_body({table("a")}, "nope"));
    EXPECT_EQ(unknown_cluster.error_code(), "ResourceNotFound");
    const auto mixed = send_json(create_body({table("a"), table("b", "2020-09-22 00:00:00", "2020-09-23 00:00:00", "ghost")}));
    EXPECT_EQ(mixed.error_code(), "");
    EXPECT_EQ(mixed.item_code(0), "");
    EXPECT_EQ(mixed.item_code(1), "ResourceNotFound");
}

TEST_F(CreateSnapshotsTest, TimesAreReadAndWrittenInTheConfiguredZone) {
    config_.api.utc_offset = std::chrono::seconds(0);
    rebuild();
    const auto reply = send_json(create_body({table("utc", "2026-11-28 04:00:00", "2026-11-28 04:00:00")}));
    EXPECT_EQ(reply.item_code(0), "");
    EXPECT_EQ(reply.item(0).at("SnapshotCreateTime"), "2026-11-28 04:00:00");
    const auto record = stored({shared, "xx", "1", "cl_generic", "utc"});
    ASSERT_TRUE(record);
    EXPECT_EQ(record->snapshot_time, unix_seconds(fixed_now()));
}

TEST_F(CreateSnapshotsTest, ItemMessagesFollowTheRequestLanguage) {
    auto request = json_request(create_body({table("f", "2030-01-01 00:00:00", "2030-01-02 00:00:00")}));
    set_header(request, "x-tc-language", "zh-CN");
    const auto reply = send(request);
    const std::string message(reply.item(0).at("Error").at("Message").as_string());
    EXPECT_NE(message.find("参数"), std::string::npos) << message;
}

TEST_F(CreateSnapshotsTest, SnapshotsSurviveARestart) {
    char folder[] = "/tmp/tcaplus-mock-handler-XXXXXX";
    ASSERT_NE(mkdtemp(folder), nullptr);
    config_.storage.path = std::string(folder) + "/snapshots.db";
    rebuild();
    ASSERT_EQ(send_json(create_body({table("kept")})).item_code(0), "");
    rebuild();  // a new store and handler over the same file
    EXPECT_EQ(send_json(create_body({table("kept")})).item_code(0), "FailedOperation");
    EXPECT_EQ(send_json(create_body({table("next")})).item(0).at("TaskId").as_string(), "xx-2");
    emulator_.reset();
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace tcaplus_mock::testing
