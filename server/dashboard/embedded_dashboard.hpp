#pragma once
// The files of server/dashboard/web/, compiled into the binary at build time (see CMakeLists.txt).

#include <span>
#include <string_view>

namespace tcaplus_mock {

struct EmbeddedFile {
    std::string_view name;  // the file's name in web/: "index.html"
    std::string_view text;
};

// Every file, in the order CMakeLists.txt lists them. Points into static storage.
std::span<const EmbeddedFile> embedded_dashboard_files() noexcept;

}  // namespace tcaplus_mock
