#pragma once
// Helpers shared by the config tests: a temporary config file and whole-file reads.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace tcaplus_mock::testing {

// A file in the temporary directory holding `content`, removed when the object goes away.
class TempFile {
public:
    explicit TempFile(const std::string& content, const std::string& suffix = ".jsonc") {
        static std::atomic<int> counter{0};
        path_ = (std::filesystem::temp_directory_path() /
                 ("tcaplus-mock-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + suffix))
                    .string();
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() { std::filesystem::remove(path_); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

inline std::string read_whole_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace tcaplus_mock::testing
