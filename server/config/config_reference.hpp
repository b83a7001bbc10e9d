#pragma once
// The configuration reference, generated from the settings table (settings.hpp), so that every
// setting is documented once, in its row, with the default Config{} holds:
//   tcaplus-mock --help=markdown  -> docs/configuration.md
//   tcaplus-mock --help=config    -> config/tcaplus-mock.example.jsonc (every setting at its default)
// A unit test fails when either committed file differs from what these functions write.

#include <string>

namespace tcaplus_mock {

std::string configuration_markdown();
std::string example_config_file();

}  // namespace tcaplus_mock
