#include "server/core/stable_hash.hpp"

namespace tcaplus_mock {

std::uint64_t stable_hash(std::initializer_list<std::string_view> parts) noexcept {
    constexpr std::uint64_t offset = 14695981039346656037ULL;
    constexpr std::uint64_t prime = 1099511628211ULL;
    std::uint64_t hash = offset;
    for (const auto part : parts) {
        for (unsigned char byte : part) hash = (hash ^ byte) * prime;
        hash = (hash ^ 0x1f) * prime;
    }
    return hash;
}

}  // namespace tcaplus_mock
