#include "server/idl/proto_idl.hpp"

#include "server/idl/builtin_files.hpp"
#include "server/idl/proto_tables.hpp"
#include "server/idl/source_text.hpp"

#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

namespace tcaplus_mock::idl {
namespace {

namespace pb = google::protobuf;
using pb::compiler::SourceLocationTable;

// Reserved ranges, reserved names and extension ranges a message or enum may declare: the
// DescriptorPool compares them pairwise and with every field, so a hostile file of thousands of
// them would take minutes. Real schemas declare a handful.
constexpr int max_ranges_per_type = 100;

struct Located {
    std::string message;
    TextPosition at;
};

// The first error of the tokenizer and parser (they go on after one; the rest follow from it).
class SyntaxErrors : public pb::io::ErrorCollector {
public:
    explicit SyntaxErrors(std::string_view text) : text_(text) {}
    void AddError(int line, int column, const std::string& message) override {
        if (!first_) first_ = Located{message, position_from_tokenizer(text_, line, column)};
    }
    void AddWarning(int, int, const std::string&) override {}
    const std::optional<Located>& first() const { return first_; }

private:
    std::string_view text_;
    std::optional<Located> first_;
};

// The first error of the DescriptorPool, placed where the parser saw the element at fault.
class SemanticErrors : public pb::DescriptorPool::ErrorCollector {
public:
    SemanticErrors(std::string_view text, const SourceLocationTable& locations) : text_(text), locations_(locations) {}
    void AddError(const std::string&, const std::string& element, const pb::Message* descriptor, ErrorLocation location,
                  const std::string& message) override {
        if (first_) return;
        int line = -1, column = 0;
        // Some errors name a location the parser did not record for the element (the pool's
        // nesting limit); the element's name is the next best place.
        if (descriptor != nullptr && (locations_.Find(descriptor, location, &line, &column) ||
                                      locations_.Find(descriptor, NAME, &line, &column)))
            first_ = Located{message, position_from_tokenizer(text_, line, column)};
        else
            first_ = Located{element.empty() ? message : element + ": " + message, {}};
    }
    void AddWarning(const std::string&, const std::string&, const pb::Message*, ErrorLocation,
                    const std::string&) override {}
    const std::optional<Located>& first() const { return first_; }

private:
    std::string_view text_;
    const SourceLocationTable& locations_;
    std::optional<Located> first_;
};

// One file as the protobuf parser read it; `locations` points into `proto`, so both stay together.
struct ParsedFile {
    pb::FileDescriptorProto proto;
    SourceLocationTable locations;
};

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string pool_name_of(std::string_view file_name) {
    return ends_with(file_name, ".proto") ? std::string(file_name) : std::string(file_name) + ".proto";
}

// Parses `text` with the protobuf compiler's parser, after the checks that keep it safe.
boost::system::result<std::unique_ptr<ParsedFile>, IdlParseError> parse_file(std::string_view display_name,
                                                                             std::string_view text) {
    if (auto error = check_file_size(display_name, text)) return *error;
    if (auto error = check_no_nul_byte(display_name, text)) return *error;
    if (auto error = check_bracket_nesting(display_name, text, max_bracket_nesting)) return *error;
    auto parsed = std::make_unique<ParsedFile>();
    SyntaxErrors errors(text);
    pb::io::ArrayInputStream input(text.data(), static_cast<int>(text.size()));
    pb::io::Tokenizer tokenizer(&input, &errors);
    pb::compiler::Parser parser;
    parser.RecordErrorsTo(&errors);
    parser.RecordSourceLocationsTo(&parsed->locations);
    const bool parsed_well = parser.Parse(&tokenizer, &parsed->proto);
    if (errors.first()) return parse_error(display_name, errors.first()->message, errors.first()->at);
    if (!parsed_well) return parse_error(display_name, "The file could not be parsed.");
    return parsed;
}

class UploadReader {
public:
    UploadReader(pb::DescriptorPool& pool, const std::vector<ImportableFile>& importable)
        : pool_(pool), importable_(importable) {}

    // Parses and builds `text` as the pool file `pool_name`, after the files it imports.
    boost::system::result<const pb::FileDescriptor*, IdlParseError> load(const std::string& pool_name,
                                                                         std::string_view display_name,
                                                                         std::string_view text, int depth);

private:
    std::optional<IdlParseError> load_imports(const ParsedFile& file, std::string_view display_name,
                                              std::string_view text, int depth);
    const ImportableFile* find_importable(const std::string& import) const;

    pb::DescriptorPool& pool_;
    const std::vector<ImportableFile>& importable_;
    std::vector<std::string> loading_;  // the chain of files being loaded, for import cycles
};

TextPosition element_position(const ParsedFile& file, std::string_view text, const pb::Message& element,
                              pb::DescriptorPool::ErrorCollector::ErrorLocation location) {
    int line = -1, column = 0;
    if (!file.locations.Find(&element, location, &line, &column)) return {};
    return position_from_tokenizer(text, line, column);
}

std::optional<Located> check_range_counts(const ParsedFile& file, std::string_view text,
                                          const pb::DescriptorProto& message) {
    const auto too_many = [&](const pb::Message& element, const std::string& name, const char* what) {
        return Located{"The type " + quoted(name) + " declares more than " + std::to_string(max_ranges_per_type) + " " +
                           what + "; this reader accepts at most " + std::to_string(max_ranges_per_type) + ".",
                       element_position(file, text, element, pb::DescriptorPool::ErrorCollector::NAME)};
    };
    if (message.reserved_range_size() > max_ranges_per_type)
        return too_many(message, message.name(), "reserved ranges");
    if (message.reserved_name_size() > max_ranges_per_type) return too_many(message, message.name(), "reserved names");
    if (message.extension_range_size() > max_ranges_per_type)
        return too_many(message, message.name(), "extension ranges");
    for (const auto& enum_type : message.enum_type()) {
        if (enum_type.reserved_range_size() > max_ranges_per_type)
            return too_many(enum_type, enum_type.name(), "reserved ranges");
        if (enum_type.reserved_name_size() > max_ranges_per_type)
            return too_many(enum_type, enum_type.name(), "reserved names");
    }
    for (const auto& nested : message.nested_type())
        if (auto problem = check_range_counts(file, text, nested)) return problem;
    return std::nullopt;
}

std::optional<Located> check_range_counts(const ParsedFile& file, std::string_view text) {
    for (const auto& enum_type : file.proto.enum_type())
        if (enum_type.reserved_range_size() > max_ranges_per_type ||
            enum_type.reserved_name_size() > max_ranges_per_type)
            return Located{"The enum " + quoted(enum_type.name()) + " declares more than " +
                               std::to_string(max_ranges_per_type) +
                               " reserved ranges or names; this reader accepts at most " +
                               std::to_string(max_ranges_per_type) + ".",
                           element_position(file, text, enum_type, pb::DescriptorPool::ErrorCollector::NAME)};
    for (const auto& message : file.proto.message_type())
        if (auto problem = check_range_counts(file, text, message)) return problem;
    return std::nullopt;
}

bool names_builtin_symbol(const std::string& name) { return builtin_pool().FindFileContainingSymbol(name) != nullptr; }

// A pool over an underlay does not see clashes with the underlay's symbols, so an upload that
// redefines a built-in name (google.protobuf.MessageOptions, tcaplusservice.tcaplus_index) is
// refused here, before it can shadow one.
std::optional<Located> check_builtin_clashes(const ParsedFile& file, std::string_view text) {
    const pb::FileDescriptorProto& proto = file.proto;
    const auto& pool = builtin_pool();
    const std::string& package = proto.package();
    for (std::size_t end = package.find('.'); !package.empty(); end = package.find('.', end + 1)) {
        const std::string prefix = package.substr(0, end);
        if (pool.FindMessageTypeByName(prefix) || pool.FindEnumTypeByName(prefix) || pool.FindExtensionByName(prefix) ||
            pool.FindEnumValueByName(prefix) || pool.FindServiceByName(prefix))
            return Located{
                "The package " + quoted(package) + " clashes with " + quoted(prefix) + ", defined by a built-in file.",
                element_position(file, text, proto, pb::DescriptorPool::ErrorCollector::NAME)};
        if (end == std::string::npos) break;
    }
    const std::string scope = package.empty() ? "" : package + ".";
    const auto clash = [&](const pb::Message& element, const std::string& name) -> std::optional<Located> {
        if (!names_builtin_symbol(scope + name)) return std::nullopt;
        return Located{quoted(scope + name) + " is already defined in a built-in file (" +
                           std::string(options_file_name) + " or " + std::string(descriptor_file_name) + ").",
                       element_position(file, text, element, pb::DescriptorPool::ErrorCollector::NAME)};
    };
    for (const auto& message : proto.message_type())
        if (auto found = clash(message, message.name())) return found;
    for (const auto& enum_type : proto.enum_type()) {
        if (auto found = clash(enum_type, enum_type.name())) return found;
        for (const auto& value : enum_type.value())
            if (auto found = clash(value, value.name())) return found;
    }
    for (const auto& extension : proto.extension())
        if (auto found = clash(extension, extension.name())) return found;
    for (const auto& service : proto.service())
        if (auto found = clash(service, service.name())) return found;
    return std::nullopt;
}

// An upload's own extension of MessageOptions or FieldOptions with a number of the built-in
// options file would be read as a tcaplus option: refused.
std::optional<Located> check_extension_numbers(const ParsedFile& file, std::string_view text,
                                               const pb::FieldDescriptor& extension,
                                               const pb::FieldDescriptorProto& declared) {
    const pb::FieldDescriptor* taken =
        builtin_pool().FindExtensionByNumber(extension.containing_type(), extension.number());
    if (taken == nullptr || taken == &extension) return std::nullopt;
    return Located{"Extension number " + std::to_string(extension.number()) + " of " +
                       extension.containing_type()->full_name() + " is already used by " + taken->full_name() + " (" +
                       taken->file()->name() + ").",
                   element_position(file, text, declared, pb::DescriptorPool::ErrorCollector::NUMBER)};
}

std::optional<Located> check_extension_numbers(const ParsedFile& file, std::string_view text,
                                               const pb::Descriptor& message, const pb::DescriptorProto& declared) {
    for (int i = 0; i < message.extension_count() && i < declared.extension_size(); ++i)
        if (auto found = check_extension_numbers(file, text, *message.extension(i), declared.extension(i)))
            return found;
    for (int i = 0; i < message.nested_type_count() && i < declared.nested_type_size(); ++i)
        if (auto found = check_extension_numbers(file, text, *message.nested_type(i), declared.nested_type(i)))
            return found;
    return std::nullopt;
}

std::optional<Located> check_extension_numbers(const ParsedFile& file, std::string_view text,
                                               const pb::FileDescriptor& built) {
    for (int i = 0; i < built.extension_count() && i < file.proto.extension_size(); ++i)
        if (auto found = check_extension_numbers(file, text, *built.extension(i), file.proto.extension(i)))
            return found;
    for (int i = 0; i < built.message_type_count() && i < file.proto.message_type_size(); ++i)
        if (auto found = check_extension_numbers(file, text, *built.message_type(i), file.proto.message_type(i)))
            return found;
    return std::nullopt;
}

const ImportableFile* UploadReader::find_importable(const std::string& import) const {
    for (const auto& file : importable_)
        if (file.first == import || file.first + ".proto" == import) return &file;
    return nullptr;
}

std::optional<IdlParseError> UploadReader::load_imports(const ParsedFile& file, std::string_view display_name,
                                                        std::string_view text, int depth) {
    for (const auto& import : file.proto.dependency()) {
        if (pool_.FindFileByName(import) != nullptr) continue;
        int line = -1, column = 0;
        file.locations.FindImport(&file.proto, import, &line, &column);
        const TextPosition at = position_from_tokenizer(text, line, column);
        if (std::find(loading_.begin(), loading_.end(), import) != loading_.end())
            return parse_error(display_name,
                               "The import of " + quoted(import) + " makes a cycle: it imports this file.", at);
        const ImportableFile* found = find_importable(import);
        if (found == nullptr)
            return parse_error(display_name,
                               "The imported file " + quoted(import) +
                                   " was not found: it is neither built in (tcaplusservice.optionv1.proto) nor part of "
                                   "the upload.",
                               at);
        if (depth + 1 > max_import_depth)
            return parse_error(display_name,
                               "Imports nest more than " + std::to_string(max_import_depth) + " files deep here.", at);
        auto loaded = load(import, found->first, found->second, depth + 1);
        if (!loaded) return loaded.error();
    }
    return std::nullopt;
}

boost::system::result<const pb::FileDescriptor*, IdlParseError> UploadReader::load(const std::string& pool_name,
                                                                                   std::string_view display_name,
                                                                                   std::string_view text, int depth) {
    auto parsed = parse_file(display_name, text);
    if (!parsed) return parsed.error();
    ParsedFile& file = **parsed;
    file.proto.set_name(pool_name);
    if (auto problem = check_range_counts(file, text)) return parse_error(display_name, problem->message, problem->at);
    if (auto problem = check_builtin_clashes(file, text))
        return parse_error(display_name, problem->message, problem->at);

    loading_.push_back(pool_name);
    auto import_error = load_imports(file, display_name, text, depth);
    loading_.pop_back();
    if (import_error) return *import_error;

    SemanticErrors errors(text, file.locations);
    const pb::FileDescriptor* built = pool_.BuildFileCollectingErrors(file.proto, &errors);
    if (built == nullptr) {
        if (errors.first()) return parse_error(display_name, errors.first()->message, errors.first()->at);
        return parse_error(display_name, "The file's definitions are not valid.");
    }
    if (auto problem = check_extension_numbers(file, text, *built))
        return parse_error(display_name, problem->message, problem->at);
    return built;
}

}  // namespace

boost::system::result<ParsedIdl, IdlParseError> parse_proto_idl(std::string_view file_name, std::string_view text,
                                                                const std::vector<ImportableFile>& importable) {
    const std::string pool_name = pool_name_of(file_name);
    if (pool_name == options_file_name || pool_name == descriptor_file_name) {
        // The service has its own copy: an uploaded one is only checked for syntax.
        auto parsed = parse_file(file_name, text);
        if (!parsed) return parsed.error();
        return ParsedIdl{};
    }
    pb::DescriptorPool pool(&builtin_pool());
    pool.EnforceWeakDependencies(true);
    UploadReader reader(pool, importable);
    auto file = reader.load(pool_name, file_name, text, 0);
    if (!file) return file.error();
    return ParsedIdl{read_proto_tables(**file)};
}

}  // namespace tcaplus_mock::idl
