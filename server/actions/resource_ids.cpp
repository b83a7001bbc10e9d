#include "server/actions/resource_ids.hpp"

#include "server/core/stable_hash.hpp"

#include <random>

namespace tcaplus_mock {
namespace {

constexpr std::string_view alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

std::mt19937_64& generator() {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return engine;
}

// `count` characters of `alphabet`'s first `base` from `value`.
std::string digits_of(std::uint64_t value, std::size_t count, std::uint64_t base) {
    std::string text(count, '0');
    for (auto& c : text) {
        c = alphabet[value % base];
        value /= base;
    }
    return text;
}

}  // namespace

std::string new_cluster_id(storage::Repository& repository) {
    for (;;) {
        const auto number = std::uniform_int_distribution<std::uint64_t>(1'000'000'000, 9'999'999'999)(generator());
        auto id = std::to_string(number);
        if (!repository.clusters().id_taken(id)) return id;
    }
}

std::string new_table_instance_id(storage::Repository& repository) {
    for (;;) {
        auto id = "tcaplus-" + digits_of(generator()(), 8, alphabet.size());
        if (!repository.tables().instance_id_taken(id)) return id;
    }
}

std::string named_table_instance_id(std::string_view account, std::string_view cluster_id,
                                    std::string_view table_group_id, std::string_view table_name) {
    return "tcaplus-" +
           digits_of(stable_hash({account, cluster_id, table_group_id, table_name}), 8, alphabet.size());
}

}  // namespace tcaplus_mock
