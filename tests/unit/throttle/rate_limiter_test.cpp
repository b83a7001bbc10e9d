#include "server/throttle/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

class RateLimiterTest : public ::testing::Test {
protected:
    // 1700000000 is a whole second; windows are whole UNIX seconds.
    ManualClock clock_{TimePoint(seconds(1700000000))};
    RateLimiter limiter_{clock_, {{"CreateSnapshots", 20}, {"DeleteSnapshots", 2}, {"DescribeSnapshots", 0}}};
};

TEST_F(RateLimiterTest, FirstNOfEachSecondPassAndRefusedRequestsAreCounted) {
    for (unsigned long long i = 1; i <= 20; ++i) {
        const auto decision = limiter_.try_acquire("CreateSnapshots", "AKID1");
        EXPECT_TRUE(decision.allowed) << i;
        EXPECT_EQ(decision.count, i);
        EXPECT_EQ(decision.limit, 20u);
    }
    for (unsigned long long i = 21; i <= 22; ++i) {
        const auto decision = limiter_.try_acquire("CreateSnapshots", "AKID1");
        EXPECT_FALSE(decision.allowed) << i;
        EXPECT_EQ(decision.count, i);
        EXPECT_EQ(decision.limit, 20u);
    }
}

TEST_F(RateLimiterTest, WindowsAreWholeSeconds) {
    clock_.advance(milliseconds(999));  // still the same second
    EXPECT_TRUE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);
    EXPECT_TRUE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);
    EXPECT_FALSE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);

    clock_.advance(milliseconds(1));  // the next second starts
    auto decision = limiter_.try_acquire("DeleteSnapshots", "AKID1");
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.count, 1u);
    EXPECT_TRUE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);
    decision = limiter_.try_acquire("DeleteSnapshots", "AKID1");
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.count, 3u);

    clock_.advance(seconds(5));  // idle seconds in between change nothing
    decision = limiter_.try_acquire("DeleteSnapshots", "AKID1");
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.count, 1u);
}

TEST_F(RateLimiterTest, TwentyFirstRefusedThenTheNextSecondPassesAgain) {
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(limiter_.try_acquire("CreateSnapshots", "AKID1").allowed);
    const auto refused = limiter_.try_acquire("CreateSnapshots", "AKID1");
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.count, 21u);
    clock_.advance(seconds(1));
    const auto next = limiter_.try_acquire("CreateSnapshots", "AKID1");
    EXPECT_TRUE(next.allowed);
    EXPECT_EQ(next.count, 1u);
}

TEST_F(RateLimiterTest, ActionsAndSubjectsAreCountedApart) {
    EXPECT_TRUE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);
    EXPECT_TRUE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);
    EXPECT_FALSE(limiter_.try_acquire("DeleteSnapshots", "AKID1").allowed);

    auto other_subject = limiter_.try_acquire("DeleteSnapshots", "AKID2");
    EXPECT_TRUE(other_subject.allowed);
    EXPECT_EQ(other_subject.count, 1u);
    auto other_action = limiter_.try_acquire("CreateSnapshots", "AKID1");
    EXPECT_TRUE(other_action.allowed);
    EXPECT_EQ(other_action.count, 1u);

    // The key is the pair, not a concatenation of its parts.
    RateLimiter limiter(clock_, {{"ab", 1}, {"a", 1}});
    EXPECT_TRUE(limiter.try_acquire("ab", "c").allowed);
    EXPECT_TRUE(limiter.try_acquire("a", "bc").allowed);
    EXPECT_TRUE(limiter.try_acquire("ab", "").allowed);
    EXPECT_TRUE(limiter.try_acquire("a", "").allowed);
    EXPECT_FALSE(limiter.try_acquire("ab", "c").allowed);
}

TEST_F(RateLimiterTest, ZeroOrAbsentLimitsAreUnlimitedAndNotTracked) {
    for (int i = 0; i < 1000; ++i) {
        const auto zero = limiter_.try_acquire("DescribeSnapshots", "AKID1");
        EXPECT_TRUE(zero.allowed);
        EXPECT_EQ(zero.limit, 0u);
        EXPECT_EQ(zero.count, 0u);
        EXPECT_TRUE(limiter_.try_acquire("ImportSnapshots", "AKID1").allowed);
    }
    EXPECT_EQ(limiter_.tracked_keys(), 0u);
}

TEST_F(RateLimiterTest, LimitOfOne) {
    RateLimiter limiter(clock_, {{"ModifySnapshots", 1}});
    EXPECT_TRUE(limiter.try_acquire("ModifySnapshots", "").allowed);
    EXPECT_FALSE(limiter.try_acquire("ModifySnapshots", "").allowed);
}

TEST_F(RateLimiterTest, MemoryStaysBoundedAcrossSeconds) {
    for (int second = 0; second < 50; ++second) {
        for (int subject = 0; subject < 200; ++subject)
            limiter_.try_acquire("CreateSnapshots", "AKID" + std::to_string(second * 1000 + subject));
        EXPECT_LE(limiter_.tracked_keys(), 200u) << second;
        clock_.advance(seconds(1));
    }
    limiter_.try_acquire("CreateSnapshots", "late");
    EXPECT_EQ(limiter_.tracked_keys(), 1u);
}

TEST_F(RateLimiterTest, SettingTheClockBackStartsAFreshWindowAndSweeps) {
    for (int subject = 0; subject < 100; ++subject) limiter_.try_acquire("CreateSnapshots", std::to_string(subject));
    limiter_.try_acquire("DeleteSnapshots", "AKID1");
    limiter_.try_acquire("DeleteSnapshots", "AKID1");
    clock_.advance(-seconds(3600));
    const auto decision = limiter_.try_acquire("DeleteSnapshots", "AKID1");
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.count, 1u);
    EXPECT_EQ(limiter_.tracked_keys(), 1u);
}

TEST_F(RateLimiterTest, ConcurrentCallersGetExactlyTheLimitPerWindow) {
    constexpr int threads = 8;
    constexpr int calls_per_thread = 50;
    for (int window = 0; window < 3; ++window) {
        std::atomic<int> allowed{0};
        std::atomic<unsigned long long> highest_count{0};
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&] {
                for (int i = 0; i < calls_per_thread; ++i) {
                    const auto decision = limiter_.try_acquire("CreateSnapshots", "shared");
                    if (decision.allowed) ++allowed;
                    unsigned long long seen = highest_count.load();
                    while (decision.count > seen && !highest_count.compare_exchange_weak(seen, decision.count)) {
                    }
                    // Other subjects churn at the same time.
                    limiter_.try_acquire("CreateSnapshots", "other" + std::to_string(i % 7));
                }
            });
        }
        for (auto& worker : workers) worker.join();
        EXPECT_EQ(allowed.load(), 20) << window;
        EXPECT_EQ(highest_count.load(), static_cast<unsigned long long>(threads * calls_per_thread)) << window;
        clock_.advance(seconds(1));
    }
}

TEST_F(RateLimiterTest, ResetForgetsWindowsOfOneSubjectOrAll) {
    for (int i = 0; i < 2; ++i) {
        limiter_.try_acquire("DeleteSnapshots", "alice");
        limiter_.try_acquire("DeleteSnapshots", "bob");
    }
    EXPECT_FALSE(limiter_.try_acquire("DeleteSnapshots", "alice").allowed);
    limiter_.reset("alice");
    EXPECT_EQ(limiter_.try_acquire("DeleteSnapshots", "alice").count, 1u);
    EXPECT_FALSE(limiter_.try_acquire("DeleteSnapshots", "bob").allowed) << "bob's window is kept";
    limiter_.reset();
    EXPECT_EQ(limiter_.tracked_keys(), 0u);
    EXPECT_TRUE(limiter_.try_acquire("DeleteSnapshots", "bob").allowed);
}

}  // namespace
}  // namespace tcaplus_mock::testing
