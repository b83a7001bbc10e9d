#include "server/faults/fault_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

FaultRule rule(std::string action = "CreateSnapshots") {
    FaultRule r;
    r.action = std::move(action);
    r.effect.type = FaultType::error;
    r.effect.code = "InternalError";
    return r;
}

FaultTarget target(std::string_view action = "CreateSnapshots", std::string_view secret_id = "AKID1",
                   std::string_view account = "acct", std::vector<std::string_view> tables = {"t1"}) {
    return {action, secret_id, account, std::move(tables)};
}

TEST(FaultRules, ARuleMatchesOnActionAndEveryConditionItSets) {
    FaultRules rules;
    auto narrow = rule();
    narrow.secret_id = "AKID1";
    narrow.account = "acct";
    narrow.table = "t2";
    rules.add(narrow);
    EXPECT_FALSE(rules.fire(target()).has_value()) << "t2 is not among the tables";
    EXPECT_TRUE(rules.fire(target("CreateSnapshots", "AKID1", "acct", {"t1", "t2"})).has_value());
    EXPECT_FALSE(rules.fire(target("DeleteSnapshots", "AKID1", "acct", {"t2"})).has_value());
    EXPECT_FALSE(rules.fire(target("CreateSnapshots", "AKID2", "acct", {"t2"})).has_value());
    EXPECT_FALSE(rules.fire(target("CreateSnapshots", "AKID1", "other", {"t2"})).has_value());
}

TEST(FaultRules, TimesFiresOnExactlyTheNextNMatches) {
    FaultRules rules;
    auto twice = rule();
    twice.times = 2;
    const auto id = rules.add(twice);
    EXPECT_EQ(id, "f1");
    EXPECT_FALSE(rules.fire(target("DescribeSnapshots")).has_value()) << "a request that does not match uses nothing";
    EXPECT_EQ(rules.fire(target())->rule_id, "f1");
    EXPECT_EQ(rules.fire(target())->rule_id, "f1");
    EXPECT_FALSE(rules.fire(target()).has_value());
    EXPECT_EQ(rules.list().at(0).fired, 2u);
}

TEST(FaultRules, RulesAreTriedInOrderAndEveryMatchFiresWithoutTimesOrProbability) {
    FaultRules rules;
    auto once = rule();
    once.times = 1;
    rules.add(once);
    auto always = rule();
    always.effect.code = "ResourceUnavailable";
    rules.add(always);
    EXPECT_EQ(rules.fire(target())->effect.code, "InternalError");
    for (int i = 0; i < 10; ++i) EXPECT_EQ(rules.fire(target())->effect.code, "ResourceUnavailable");
}

std::vector<bool> outcomes(std::uint64_t seed, int requests) {
    FaultRules rules;
    auto sometimes = rule();
    sometimes.probability = 0.3;
    sometimes.seed = seed;
    rules.add(sometimes);
    std::vector<bool> fired;
    for (int i = 0; i < requests; ++i) fired.push_back(rules.fire(target()).has_value());
    return fired;
}

TEST(FaultRules, AProbabilityRunRepeatsExactlyForTheSameSeed) {
    const auto first = outcomes(42, 400);
    EXPECT_EQ(outcomes(42, 400), first);
    EXPECT_NE(outcomes(43, 400), first);
    const auto count = std::count(first.begin(), first.end(), true);
    EXPECT_GT(count, 80);
    EXPECT_LT(count, 160);
}

TEST(FaultRules, ProbabilityZeroNeverFiresAndOneAlways) {
    FaultRules rules;
    auto never = rule();
    never.probability = 0.0;
    rules.add(never);
    auto always = rule();
    always.probability = 1.0;
    always.effect.code = "Always";
    rules.add(always);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(rules.fire(target())->effect.code, "Always");
}

TEST(FaultRules, RemoveAndClear) {
    FaultRules rules;
    const auto first = rules.add(rule());
    const auto second = rules.add(rule());
    EXPECT_EQ(second, "f2");
    EXPECT_TRUE(rules.remove(first));
    EXPECT_FALSE(rules.remove(first));
    EXPECT_EQ(rules.fire(target())->rule_id, "f2");
    rules.clear();
    EXPECT_TRUE(rules.list().empty());
    EXPECT_FALSE(rules.fire(target()).has_value());
    EXPECT_EQ(rules.add(rule()), "f1") << "ids start again after a clear";
}

}  // namespace
}  // namespace tcaplus_mock::testing
