#pragma once
// Reads one uploaded IDL file (protobuf or TDR XML) into the tables it defines.

#include "server/idl/table_schema.hpp"

#include <boost/system/result.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock::idl {

// Files larger than this are refused before parsing (IdlParseError naming the size).
inline constexpr std::size_t max_idl_file_size = 1024 * 1024;

// A protobuf file whose brackets ({, [, (, <) nest deeper than this is refused before the
// protobuf parser sees it, which recurses on nesting. The documented limit on nested types is
// 30 levels (a table rule, table_rules.hpp); this leaves room for the brackets of options and
// map types at that depth. (The DescriptorPool itself refuses message declarations nested more
// than 32 deep, with its own error.)
inline constexpr int max_bracket_nesting = 64;

// A protobuf file may import files that import files, at most this deep.
inline constexpr int max_import_depth = 16;

// Another file of the same upload, which a protobuf file may import: its name and its text.
using ImportableFile = std::pair<std::string, std::string>;

// Reads `text`, the content of the file `file_name` of type `format`, and returns the tables it
// defines, each checked against the service's documented table rules (a broken rule is that
// table's `problem`, and the other tables are still read), or why the file cannot be read at all.
//
// PROTO (proto2 or proto3), read with the protobuf compiler's own parser and checked by a
// DescriptorPool:
//   - `tcaplusservice.optionv1.proto` is built in; `import "tcaplusservice.optionv1.proto"` and
//     `import "google/protobuf/descriptor.proto"` always resolve. Any other import resolves to an
//     `importable` file whose name is the import path, or the import path without its `.proto`
//     (uploaded file names carry no extension); a missing one is an IdlParseError at the import.
//   - A top-level message with `option (tcaplusservice.tcaplus_primary_key)` is a table.
//   - Syntax errors and semantic errors (unknown type, duplicate field number, an option without
//     its import...) are IdlParseErrors, with the line and column of the element at fault when the
//     parser recorded one, in the file where it was found.
//   - A file named like a built-in file (`tcaplusservice.optionv1.proto`) is only checked for
//     syntax and defines no table.
// TDR (XML, pugixml): root <metalib tagsetversion="1">; a <struct> with a `primarykey` attribute
//   is a table. The bytes are read as they are, whatever encoding the declaration names (GBK
//   included): names are matched byte for byte, nothing is converted. XML errors, a NUL byte, an
//   unknown entry type, an undefined macro are IdlParseErrors with a line and column.
//
// Lines and columns are 1-based; columns count bytes (a tab is one column).
//
// Never throws, never crashes and returns in time roughly linear in the input for any bytes:
// files over max_idl_file_size, protobuf nesting over max_bracket_nesting and import chains over
// max_import_depth are refused; failures of memory become an IdlParseError. Messages are valid
// UTF-8 (bytes of the input that are not are replaced). Thread safe: concurrent calls share only
// the immutable built-in files. The first PROTO call replaces the protobuf library's log handler
// with one that drops its messages, so that no input makes it write to stderr.
boost::system::result<ParsedIdl, IdlParseError> parse_idl(IdlFormat format, std::string_view file_name,
                                                          std::string_view text,
                                                          const std::vector<ImportableFile>& importable = {});

}  // namespace tcaplus_mock::idl
