#include "server/idl/builtin_files.hpp"

#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/stubs/logging.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace tcaplus_mock::idl {
namespace {

namespace pb = google::protobuf;

// As published with the SDKs (GoTcaplusSDK pb/example/PB/table/tcaplusservice.optionv1.proto).
constexpr std::string_view options_text = R"idl(// TcaplusService option Ver.1
syntax = "proto2";

package tcaplusservice;

import "google/protobuf/descriptor.proto";

extend google.protobuf.MessageOptions
{
    optional string tcaplus_primary_key             = 60000; //Tcaplus Primary Key
    repeated string tcaplus_index                   = 60001; //Tcaplus Index
    optional string tcaplus_field_cipher_suite      = 60002; //Tcaplus field crypto suite name
    optional string tcaplus_record_cipher_suite     = 60003; //Tcaplus record crypto suite name
    optional string tcaplus_cipher_md5              = 60004; //Tcaplus crypto key md5
    optional string tcaplus_sharding_key            = 60005; //Tcaplus sharding key
    optional string tcaplus_customattr              = 60006; //Tcaplus custom define attribute
}

extend google.protobuf.FieldOptions
{
    optional uint32 tcaplus_size                    = 60000; // Tcaplus field size
    optional string tcaplus_desc                    = 60001; // Tcaplus description
    optional bool tcaplus_crypto                    = 60002; // Tcaplus crypto
}
)idl";

// A built-in file that does not build is a defect of this program, not of an upload: the first
// error is kept and thrown once the protobuf library has returned.
class ErrorRecorder : public pb::io::ErrorCollector, public pb::DescriptorPool::ErrorCollector {
public:
    void AddError(int line, int column, const std::string& message) override {
        record(std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message);
    }
    void AddError(const std::string&, const std::string& element, const pb::Message*, ErrorLocation,
                  const std::string& message) override {
        record(element + ": " + message);
    }
    void throw_if_failed(std::string_view file) const {
        if (!first_.empty()) throw std::logic_error("built-in " + std::string(file) + ": " + first_);
    }

private:
    void record(std::string error) {
        if (first_.empty()) first_ = std::move(error);
    }
    std::string first_;
};

// The protobuf library writes warnings about user input to stderr ("No syntax specified..."):
// dropped. A FATAL message still throws (FatalException) after this returns, and parse_idl turns
// that into an IdlParseError.
void drop_protobuf_log(pb::LogLevel, const char*, int, const std::string&) {}

std::unique_ptr<pb::DescriptorPool> build_pool() {
    pb::SetLogHandler(&drop_protobuf_log);
    auto pool = std::make_unique<pb::DescriptorPool>();
    ErrorRecorder errors;
    pb::FileDescriptorProto descriptor_file;
    pb::FileDescriptorProto::descriptor()->file()->CopyTo(&descriptor_file);
    if (pool->BuildFileCollectingErrors(descriptor_file, &errors) == nullptr)
        errors.throw_if_failed(descriptor_file_name);

    pb::FileDescriptorProto options_file;
    {
        pb::io::ArrayInputStream input(options_text.data(), static_cast<int>(options_text.size()));
        pb::io::Tokenizer tokenizer(&input, &errors);
        pb::compiler::Parser parser;
        parser.RecordErrorsTo(&errors);
        parser.Parse(&tokenizer, &options_file);
    }
    errors.throw_if_failed(options_file_name);
    options_file.set_name(std::string(options_file_name));
    if (pool->BuildFileCollectingErrors(options_file, &errors) == nullptr) {
        errors.throw_if_failed(options_file_name);
        throw std::logic_error("built-in " + std::string(options_file_name) + " did not build");
    }
    return pool;
}

}  // namespace

std::string_view options_file_text() noexcept { return options_text; }

const pb::DescriptorPool& builtin_pool() {
    static const std::unique_ptr<pb::DescriptorPool> pool = build_pool();
    return *pool;
}

}  // namespace tcaplus_mock::idl
