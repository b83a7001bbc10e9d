#pragma once
// The configuration reference, generated from the settings table (settings.hpp), so that every
// setting is documented once, in its row, with the default Config{} holds:
//   tcaplus-mock --help=markdown  -> docs/configuration.md
//   tcaplus-mock --help=config    -> config/tcaplus-mock.example.jsonc (every setting at its default)
// A unit test fails when either committed file differs from what these functions write.

#include <span>
#include <string>

namespace tcaplus_mock {

// An action's documented frequency limit: the default of its row rate_limits.<Action>. The
// configuration stage does not know the API; the caller (main, the tests) passes the spec's limits.
struct ActionLimit {
    std::string action;
    unsigned per_second = 0;
};

// Both list the family rate_limits.<Action> as one row per action of `limits`, in its order.
std::string configuration_markdown(std::span<const ActionLimit> limits);
std::string example_config_file(std::span<const ActionLimit> limits);

}  // namespace tcaplus_mock
