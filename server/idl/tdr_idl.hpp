#pragma once
// parse_idl for FileType TDR, XML read with pugixml (contract in parse_idl.hpp). Internal to
// server/idl.
//
// What is read: <metalib tagsetversion="1" [version]>, holding <macro name value> (also inside
// <macrosgroup>), <struct name [version] [primarykey] [splittablekey] [customattr2]> and
// <union name> with <entry name type [size] [count] [refer] ...> children, and <index name column>
// children of structs. Other elements and attributes (desc, defaultvalue, id, select, ...) are
// ignored.
//
// File errors (IdlParseError, at the element): malformed XML; a NUL byte; a root other than
// <metalib>, or a second root; tagsetversion missing or not 1; a version that is not a positive
// integer; a macro, struct/union or entry without a name, or defined twice in its scope; a macro
// value that is neither an integer (decimal or 0x hex) nor an earlier macro; an entry type that is
// neither a TDR basic type (matched ignoring case) nor a struct/union of the file; a size or
// count that is neither a positive integer (up to 2^32-1) nor a macro; a string entry without a
// size; a refer naming no entry of the same struct/union.
//
// TdrVersion is the struct's version, else the metalib's, else 1.

#include "server/idl/parse_idl.hpp"

namespace tcaplus_mock::idl {

boost::system::result<ParsedIdl, IdlParseError> parse_tdr_idl(std::string_view file_name, std::string_view text);

}  // namespace tcaplus_mock::idl
