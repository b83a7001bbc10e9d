#pragma once
// Reading a file a user named (a config file, a seed), with the reason when it cannot be read.

#include <string>

namespace tcaplus_mock {

// The whole content of the file at `path`. Throws std::runtime_error whose what() is the reason
// alone, to follow the caller's "<what> <path>: " ("is a directory, expected a file", "cannot be
// opened: No such file or directory", "cannot be read: ...").
std::string read_whole_file(const std::string& path);

}  // namespace tcaplus_mock
