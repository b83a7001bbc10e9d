#include "server/core/regions.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace tcaplus_mock::testing {
namespace {

class KnownRegion : public ::testing::TestWithParam<const char*> {};

TEST_P(KnownRegion, IsARegionId) {
    EXPECT_TRUE(is_region_id(GetParam()));
    const auto& ids = all_region_ids();
    EXPECT_NE(std::find(ids.begin(), ids.end(), GetParam()), ids.end());
}

INSTANTIATE_TEST_SUITE_P(Cases, KnownRegion,
                         ::testing::Values("ap-guangzhou", "ap-shanghai", "ap-nanjing", "ap-beijing", "ap-chengdu",
                                         "ap-chongqing", "ap-hongkong", "ap-singapore", "ap-tokyo", "ap-seoul",
                                         "ap-bangkok", "ap-mumbai", "ap-jakarta", "ap-taipei", "na-siliconvalley",
                                         "na-ashburn", "na-toronto", "eu-frankfurt", "eu-moscow", "sa-saopaulo",
                                         "ap-shanghai-fsi", "ap-shenzhen-fsi", "ap-beijing-fsi"));

class NotARegion : public ::testing::TestWithParam<const char*> {};

TEST_P(NotARegion, IsRejected) { EXPECT_FALSE(is_region_id(GetParam())); }

INSTANTIATE_TEST_SUITE_P(Cases, NotARegion,
                         ::testing::Values("", "gz", "guangzhou", "AP-GUANGZHOU", "Ap-Guangzhou", "ap-guangzhou-3",
                                         " ap-guangzhou", "ap-guangzhou ", "ap_guangzhou", "cn-hangzhou",
                                         "us-east-1"));

TEST(AllRegionIds, AreUniqueAndWellFormed) {
    const auto& ids = all_region_ids();
    EXPECT_GE(ids.size(), 23u);
    const std::set<std::string_view> unique(ids.begin(), ids.end());
    EXPECT_EQ(unique.size(), ids.size());
    const std::regex shape("^(ap|na|sa|eu)-[a-z]+(-fsi)?$");
    for (auto id : ids) EXPECT_TRUE(std::regex_match(std::string(id), shape)) << id;
}

TEST(AllRegionIds, IsTheSameListOnEveryCall) { EXPECT_EQ(&all_region_ids(), &all_region_ids()); }

}  // namespace
}  // namespace tcaplus_mock::testing
