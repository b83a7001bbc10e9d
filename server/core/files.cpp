#include "server/core/files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace tcaplus_mock {

std::string read_whole_file(const std::string& path) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) throw std::runtime_error("is a directory, expected a file");
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error(std::string("cannot be opened: ") + std::strerror(errno));
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) throw std::runtime_error(std::string("cannot be read: ") + std::strerror(errno));
    return std::move(text).str();
}

}  // namespace tcaplus_mock
