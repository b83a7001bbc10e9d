#pragma once
// A hash of text that is the same across runs, builds and machines (std::hash is not), for values
// derived from names: a snapshot's size, the TableInstanceId of a table only snapshots name.

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace tcaplus_mock {

// FNV-1a over each part in order, with a separator after each, so that ("ab", "c") and ("a", "bc")
// differ.
std::uint64_t stable_hash(std::initializer_list<std::string_view> parts) noexcept;

}  // namespace tcaplus_mock
