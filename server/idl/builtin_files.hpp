#pragma once
// The protobuf files every uploaded .proto may import without uploading them: the service's
// options file and the protobuf descriptor it extends. Internal to server/idl.

#include <string_view>

namespace google::protobuf {
class DescriptorPool;
}

namespace tcaplus_mock::idl {

inline constexpr std::string_view options_file_name = "tcaplusservice.optionv1.proto";
inline constexpr std::string_view descriptor_file_name = "google/protobuf/descriptor.proto";

// The text of tcaplusservice.optionv1.proto (package tcaplusservice, proto2): the extensions of
// MessageOptions 60000-60006 and FieldOptions 60000-60002 that mark tables and fields.
std::string_view options_file_text() noexcept;

// A pool holding descriptor.proto and tcaplusservice.optionv1.proto, built on first use and
// never changed after: the underlay of every pool that reads an upload. Thread safe. The first
// call also sets the protobuf library's log handler to drop its messages (nothing else in this
// program uses protobuf), so that user input never writes to stderr.
const google::protobuf::DescriptorPool& builtin_pool();

// Numbers of the tcaplusservice extensions.
namespace message_option {
inline constexpr int primary_key = 60000;
inline constexpr int index = 60001;
inline constexpr int sharding_key = 60005;
inline constexpr int custom_attributes = 60006;
}  // namespace message_option
namespace field_option {
inline constexpr int size = 60000;
inline constexpr int crypto = 60002;
}  // namespace field_option

}  // namespace tcaplus_mock::idl
