#pragma once
// The ids the emulator gives resources: a ClusterId (a numeric string of 10 digits, as real ones are),
// a TableInstanceId (`tcaplus-` and 8 lower-case letters or digits), both random and not yet taken;
// and the stable TableInstanceId of a table that only snapshots or the configuration name.

#include "storage/repository.hpp"

#include <string>
#include <string_view>

namespace tcaplus_mock {

// On a store job: an id no account has yet.
std::string new_cluster_id(storage::Repository& repository);
std::string new_table_instance_id(storage::Repository& repository);

// The same id for the same table every time (a hash of its names).
std::string named_table_instance_id(std::string_view account, std::string_view cluster_id,
                                    std::string_view table_group_id, std::string_view table_name);

}  // namespace tcaplus_mock
