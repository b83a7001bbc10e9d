#pragma once
// The backup records a request sees, and how one is shown (BackupRecords), shared by
// DescribeBackupRecords and DeleteBackupRecords.

#include "server/actions/action_context.hpp"
#include "storage/repository.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// A record as listed, with its expiry.
struct ListedBackup {
    storage::BackupRecord record;
    std::int64_t expire_time = 0;
};

// The cluster's records listed at `now`: their task done, not expired, of the table group and table
// given ("-1": every one).
std::vector<ListedBackup> listed_backups(storage::Repository& repository, const ActionContext& context,
                                         std::string_view cluster_id, std::string_view table_group_id,
                                         std::string_view table_name, std::int64_t now);

// ZoneId: the record's TableGroupId as a number (0 for a group id that is not one).
std::uint64_t zone_id(const storage::BackupRecord& record);

// BackupRecords of a listed record.
boost::json::object backup_record_info(const ListedBackup& backup, const ActionContext& context);

}  // namespace tcaplus_mock
