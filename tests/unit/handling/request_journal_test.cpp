#include "server/handling/request_journal.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

RequestRecord record(std::string id, std::string action = "CreateSnapshots", std::string account = "a",
                     std::string code = "") {
    RequestRecord r;
    r.time = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
    r.request_id = std::move(id);
    r.action = std::move(action);
    r.account = std::move(account);
    r.code = std::move(code);
    return r;
}

constexpr std::size_t plenty = std::size_t{1} << 30;  // a byte budget no test reaches

std::vector<std::string> ids(const std::vector<RequestRecord>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.request_id);
    return out;
}

TEST(RequestJournal, KeepsTheNewestUpToItsCapacityNewestFirst) {
    RequestJournal journal(3, plenty);
    for (int i = 1; i <= 5000; ++i) journal.record(record(std::to_string(i)));
    EXPECT_EQ(journal.size(), 3u);
    EXPECT_EQ(ids(journal.list({})), (std::vector<std::string>{"5000", "4999", "4998"}));
}

TEST(RequestJournal, FiltersCombine) {
    RequestJournal journal(100, plenty);
    journal.record(record("1", "CreateSnapshots", "a"));
    journal.record(record("2", "DeleteSnapshots", "a", "ResourceNotFound"));
    journal.record(record("3", "CreateSnapshots", "b", "RequestLimitExceeded"));
    auto late = record("4", "CreateSnapshots", "a");
    late.time += std::chrono::seconds(10);
    journal.record(late);
    RequestJournal::Filter filter;
    filter.action = "CreateSnapshots";
    EXPECT_EQ(ids(journal.list(filter)), (std::vector<std::string>{"4", "3", "1"}));
    filter.account = "a";
    EXPECT_EQ(ids(journal.list(filter)), (std::vector<std::string>{"4", "1"}));
    filter.limit = 1;
    EXPECT_EQ(ids(journal.list(filter)), (std::vector<std::string>{"4"}));
    RequestJournal::Filter by_code;
    by_code.code = "ResourceNotFound";
    EXPECT_EQ(ids(journal.list(by_code)), (std::vector<std::string>{"2"}));
    by_code.code = "";
    EXPECT_EQ(ids(journal.list(by_code)), (std::vector<std::string>{"4", "1"})) << "\"\" selects the successes";
    RequestJournal::Filter since;
    since.since = late.time;
    EXPECT_EQ(ids(journal.list(since)), (std::vector<std::string>{"4"}));
}

TEST(RequestJournal, RecordsAreNumberedAndPagedByTheirNumbers) {
    RequestJournal journal(5, plenty);
    for (int i = 1; i <= 8; ++i) journal.record(record(std::to_string(i), i % 2 ? "CreateSnapshots" : "DeleteSnapshots"));
    const auto kept = journal.list({});
    ASSERT_EQ(kept.size(), 5u);
    EXPECT_EQ(kept.front().sequence, 8u);
    EXPECT_EQ(kept.back().sequence, 4u) << "the oldest went, their numbers with them";

    RequestJournal::Filter page;
    page.limit = 2;
    page.before = 7;
    EXPECT_EQ(ids(journal.list(page)), (std::vector<std::string>{"6", "5"}));
    page.before.reset();
    page.after = 6;
    EXPECT_EQ(ids(journal.list(page)), (std::vector<std::string>{"8", "7"}));
    page.action = "CreateSnapshots";
    EXPECT_EQ(ids(journal.list(page)), (std::vector<std::string>{"7"}));
    EXPECT_EQ(journal.count(page), 2u) << "counts what the filter selects, whatever the page";

    journal.clear();
    journal.record(record("9"));
    EXPECT_EQ(journal.list({}).at(0).sequence, 9u) << "numbers are never reused";
}

TEST(RequestJournal, ClearingOneAccountKeepsTheOthersInOrder) {
    RequestJournal journal(4, plenty);
    for (int i = 1; i <= 6; ++i) journal.record(record(std::to_string(i), "CreateSnapshots", i % 2 ? "odd" : "even"));
    journal.clear_account("odd");
    EXPECT_EQ(ids(journal.list({})), (std::vector<std::string>{"6", "4"}));
    journal.record(record("7"));
    journal.record(record("8"));
    journal.record(record("9"));
    EXPECT_EQ(ids(journal.list({})), (std::vector<std::string>{"9", "8", "7", "6"}));
    EXPECT_EQ(journal.accounts(), (std::vector<std::string>{"a", "even"}));
    journal.clear();
    EXPECT_EQ(journal.size(), 0u);
}

TEST(RequestJournal, TextsAreCutSoMemoryStaysFlat) {
    RequestJournal journal(2, plenty);
    auto big = record("1");
    big.body = std::string(10 * 1024 * 1024, 'b');
    big.body_bytes = big.body.size();
    big.action = std::string(100000, 'a');
    big.string_to_sign = std::string(100000, 's');
    journal.record(big);
    const auto kept = journal.list({}).at(0);
    EXPECT_EQ(kept.body.size(), RequestJournal::max_text_bytes);
    EXPECT_TRUE(kept.body_truncated);
    EXPECT_EQ(kept.body_bytes, 10u * 1024 * 1024);
    EXPECT_EQ(kept.action.size(), RequestJournal::max_field_bytes);
    EXPECT_EQ(kept.string_to_sign.size(), RequestJournal::max_text_bytes);
}

TEST(RequestJournal, TheByteBudgetDropsTheOldestFirst) {
    constexpr std::size_t budget = 100 * 1024;
    RequestJournal journal(1000, budget);
    for (int i = 1; i <= 50; ++i) {
        auto r = record(std::to_string(i));
        r.body = std::string(10 * 1024, 'b');
        journal.record(r);
        EXPECT_LE(journal.bytes(), budget);
    }
    const auto kept = ids(journal.list({}));
    ASSERT_GE(kept.size(), 5u);
    EXPECT_LT(kept.size(), 10u) << "ten 10 KiB bodies and their records do not fit in 100 KiB";
    EXPECT_EQ(kept.front(), "50");
    EXPECT_EQ(kept.back(), std::to_string(50 - kept.size() + 1)) << "the oldest went, in order";
    journal.clear_account("a");
    EXPECT_EQ(journal.bytes(), 0u);
}

TEST(RequestJournal, TheNewestRecordStaysEvenAloneOverTheBudget) {
    RequestJournal journal(10, 1024);
    auto r = record("big");
    r.body = std::string(8 * 1024, 'b');
    journal.record(record("small"));
    journal.record(r);
    EXPECT_EQ(ids(journal.list({})), (std::vector<std::string>{"big"}));
}

TEST(RequestJournal, CapacityZeroKeepsNothing) {
    RequestJournal journal(0, plenty);
    journal.record(record("1"));
    EXPECT_EQ(journal.size(), 0u);
    EXPECT_TRUE(journal.list({}).empty());
    journal.clear_account("a");
}

}  // namespace
}  // namespace tcaplus_mock::testing
