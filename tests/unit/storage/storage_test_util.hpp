#pragma once
// Helpers shared by the storage tests.

#include "storage/snapshot_records.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace tcaplus_mock::storage::test_support {

inline SnapshotRecord make_record(std::string account, std::string cluster, std::string group, std::string table,
                                  std::string name) {
    SnapshotRecord record;
    record.key = {std::move(account), std::move(cluster), std::move(group), std::move(table), std::move(name)};
    record.snapshot_time = 1'700'000'000;
    record.dead_time = 1'700'086'400;
    record.create_time = 1'700'000'100;
    record.task_id = record.key.cluster_id + "-1";
    record.application_id = record.key.cluster_id + "-1";
    return record;
}

// "group/table/name" of each record, in order.
inline std::vector<std::string> names_of(const std::vector<SnapshotRecord>& records) {
    std::vector<std::string> names;
    for (const SnapshotRecord& record : records)
        names.push_back(record.key.table_group_id + "/" + record.key.table_name + "/" + record.key.snapshot_name);
    return names;
}

// EXPECT_TRUE(contains(error.what(), "...")) shows both strings when it fails.
inline ::testing::AssertionResult contains(std::string_view text, std::string_view part) {
    if (text.find(part) != std::string_view::npos) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "`" << text << "` does not contain `" << part << "`";
}

// A fresh directory under /tmp for tests where a real file is the point (durability, WAL,
// permissions); removed with everything in it when the TempDir dies.
class TempDir {
public:
    TempDir() {
        std::string pattern = "/tmp/tcaplus-mock-storage-XXXXXX";
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace tcaplus_mock::storage::test_support
