#pragma once
// The tables of a protobuf file built in a DescriptorPool. Internal to server/idl.

#include "server/idl/table_schema.hpp"

#include <vector>

namespace google::protobuf {
class FileDescriptor;
}

namespace tcaplus_mock::idl {

// The top-level messages of `file` that carry option (tcaplusservice.tcaplus_primary_key), in
// file order, with the table rules applied (table_rules.hpp). `file` must come from a pool whose
// MessageOptions/FieldOptions extensions 60000-60006 are those of the built-in options file
// (proto_idl.cpp refuses uploads that redefine them). Linear in the types the tables use.
std::vector<TableDefinition> read_proto_tables(const google::protobuf::FileDescriptor& file);

}  // namespace tcaplus_mock::idl
