#pragma once
// parse_idl for FileType PROTO (contract in parse_idl.hpp). Internal to server/idl.

#include "server/idl/parse_idl.hpp"

namespace tcaplus_mock::idl {

boost::system::result<ParsedIdl, IdlParseError> parse_proto_idl(std::string_view file_name, std::string_view text,
                                                                const std::vector<ImportableFile>& importable);

}  // namespace tcaplus_mock::idl
