#include "server/idl/tdr_idl.hpp"

#include "server/core/text.hpp"
#include "server/idl/declared_table.hpp"
#include "server/idl/source_text.hpp"
#include "server/idl/table_rules.hpp"
#include "server/idl/type_nesting.hpp"

#include <pugixml.hpp>

#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tcaplus_mock::idl {
namespace {

struct BasicType {
    std::string_view name;
    bool one_byte;
};

// TDR's basic types (GoTcaplusSDK table_common.xml and the TDR type list), matched ignoring case.
constexpr BasicType basic_types[] = {
    {"char", true},       {"uchar", true},      {"byte", true},    {"tinyint", true}, {"tinyuint", true},
    {"int8", true},       {"uint8", true},      {"bool", true},    {"short", false},  {"ushort", false},
    {"smallint", false},  {"smalluint", false}, {"int16", false},  {"uint16", false}, {"int", false},
    {"uint", false},      {"int32", false},     {"uint32", false}, {"long", false},   {"ulong", false},
    {"bigint", false},    {"biguint", false},   {"int64", false},  {"uint64", false}, {"longlong", false},
    {"ulonglong", false}, {"float", false},     {"double", false}, {"date", false},   {"time", false},
    {"datetime", false},  {"ip", false},        {"wchar", false},  {"string", false}, {"wstring", false},
};

const BasicType* find_basic_type(std::string_view name) {
    for (const auto& type : basic_types)
        if (text::iequals(type.name, name)) return &type;
    return nullptr;
}

bool has_attribute(pugi::xml_node node, const char* name) { return !node.attribute(name).empty(); }

std::string attribute(pugi::xml_node node, const char* name) { return node.attribute(name).value(); }

// An integer as TDR macros write them: optional minus, decimal or 0x hexadecimal digits.
std::optional<std::int64_t> parse_integer(std::string_view text) {
    text = text::trim_blanks(text);
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    }
    std::uint64_t magnitude = 0;
    if (text.empty()) return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), magnitude, base);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return negative ? -static_cast<std::int64_t>(magnitude) : static_cast<std::int64_t>(magnitude);
}

struct Composite {
    pugi::xml_node node;
    std::vector<DeclaredField> fields;
    std::vector<std::size_t> uses;  // composites its entries have as type
};

using Error = std::optional<IdlParseError>;

class TdrReader {
public:
    TdrReader(std::string_view file, std::string_view text) : file_(file), text_(text) {}
    boost::system::result<ParsedIdl, IdlParseError> read();

private:
    IdlParseError error_at(pugi::xml_node node, const std::string& message) const;
    Error read_metalib(pugi::xml_document& document);
    Error read_version(pugi::xml_node node, std::int64_t& version) const;
    Error read_macro(pugi::xml_node macro);
    Error read_macros();
    Error find_composites();
    Error read_entries(Composite& composite);
    Error read_entry(pugi::xml_node entry, Composite& composite);
    Error read_number(pugi::xml_node entry, const char* name, std::uint32_t& value) const;
    DeclaredTable declared_table(const Composite& composite, int nesting_depth) const;

    std::string_view file_;
    std::string_view text_;
    pugi::xml_node metalib_;
    std::int64_t metalib_version_ = 1;
    std::unordered_map<std::string, std::int64_t> macros_;
    std::unordered_map<std::string, std::size_t> composite_index_;
    std::vector<Composite> composites_;
};

IdlParseError TdrReader::error_at(pugi::xml_node node, const std::string& message) const {
    const std::ptrdiff_t name_offset = node.offset_debug();
    // offset_debug() is where the element's name starts; the element starts at its '<'.
    if (name_offset <= 0) return parse_error(file_, message);
    return parse_error(file_, message, position_at(text_, static_cast<std::size_t>(name_offset - 1)));
}

Error TdrReader::read_version(pugi::xml_node node, std::int64_t& version) const {
    if (!has_attribute(node, "version")) return std::nullopt;
    std::int64_t parsed = 0;
    if (!parse_decimal(text::trim_blanks(node.attribute("version").value()), parsed) || parsed < 1)
        return error_at(node, "The version " + quoted(attribute(node, "version")) + " of <" + node.name() +
                                  "> is not a positive integer.");
    version = parsed;
    return std::nullopt;
}

Error TdrReader::read_metalib(pugi::xml_document& document) {
    int roots = 0;
    for (pugi::xml_node child : document.children()) {
        if (child.type() != pugi::node_element) continue;
        if (++roots > 1)
            return error_at(child, "The document has a second root element <" + std::string(child.name()) +
                                       ">; a TDR file has one <metalib>.");
    }
    metalib_ = document.document_element();
    if (std::strcmp(metalib_.name(), "metalib") != 0)
        return error_at(metalib_,
                        "The root element is <" + sanitized(metalib_.name()) + ">; a TDR file's root is <metalib>.");
    if (text::trim_blanks(metalib_.attribute("tagsetversion").value()) != "1")
        return error_at(metalib_, "The metalib's tagsetversion is " + quoted(attribute(metalib_, "tagsetversion")) +
                                      "; it must be 1.");
    return read_version(metalib_, metalib_version_);
}

Error TdrReader::read_macro(pugi::xml_node macro) {
    const std::string name(text::trim_blanks(macro.attribute("name").value()));
    if (name.empty()) return error_at(macro, "A <macro> has no name.");
    const std::string value = attribute(macro, "value");
    std::optional<std::int64_t> number = parse_integer(value);
    if (!number) {
        const auto earlier = macros_.find(std::string(text::trim_blanks(value)));
        if (earlier != macros_.end()) number = earlier->second;
    }
    if (!number)
        return error_at(macro, "The value " + quoted(value) + " of the macro " + quoted(name) +
                                   " is neither an integer nor an earlier macro.");
    if (!macros_.emplace(name, *number).second)
        return error_at(macro, "The macro " + quoted(name) + " is defined twice.");
    return std::nullopt;
}

Error TdrReader::read_macros() {
    for (pugi::xml_node child : metalib_.children()) {
        if (std::strcmp(child.name(), "macro") == 0) {
            if (auto error = read_macro(child)) return error;
        } else if (std::strcmp(child.name(), "macrosgroup") == 0) {
            for (pugi::xml_node macro : child.children("macro"))
                if (auto error = read_macro(macro)) return error;
        }
    }
    return std::nullopt;
}

Error TdrReader::find_composites() {
    for (pugi::xml_node child : metalib_.children()) {
        const bool is_struct = std::strcmp(child.name(), "struct") == 0;
        if (!is_struct && std::strcmp(child.name(), "union") != 0) continue;
        const std::string name(text::trim_blanks(child.attribute("name").value()));
        if (name.empty()) return error_at(child, "A <" + std::string(child.name()) + "> has no name.");
        if (!composite_index_.emplace(name, composites_.size()).second)
            return error_at(child, "The type " + quoted(name) + " is defined twice.");
        composites_.push_back(Composite{child, {}, {}});
    }
    return std::nullopt;
}

Error TdrReader::read_number(pugi::xml_node entry, const char* name, std::uint32_t& value) const {
    if (!has_attribute(entry, name)) return std::nullopt;
    const std::string written(text::trim_blanks(entry.attribute(name).value()));
    std::optional<std::int64_t> number = parse_integer(written);
    if (!number) {
        const auto macro = macros_.find(written);
        if (macro != macros_.end()) number = macro->second;
    }
    if (!number || *number < 1 || *number > std::numeric_limits<std::uint32_t>::max())
        return error_at(entry, "The " + std::string(name) + " " + quoted(written) + " of the entry " +
                                   quoted(attribute(entry, "name")) +
                                   " is neither a positive integer (at most 4294967295) nor a macro.");
    value = static_cast<std::uint32_t>(*number);
    return std::nullopt;
}

Error TdrReader::read_entry(pugi::xml_node entry, Composite& composite) {
    DeclaredField field;
    FieldDefinition& definition = field.definition;
    definition.name = std::string(text::trim_blanks(entry.attribute("name").value()));
    if (definition.name.empty()) return error_at(entry, "An <entry> has no name.");
    definition.type = std::string(text::trim_blanks(entry.attribute("type").value()));
    const BasicType* basic = find_basic_type(definition.type);
    const auto composite_type = composite_index_.find(definition.type);
    if (basic == nullptr && composite_type == composite_index_.end())
        return error_at(entry, "The entry " + quoted(definition.name) + " has the type " + quoted(definition.type) +
                                   ", which is neither a TDR basic type nor a struct or union of this file.");
    if (auto error = read_number(entry, "size", definition.size)) return error;
    if (auto error = read_number(entry, "count", definition.count)) return error;
    definition.string_like =
        basic != nullptr && (text::iequals(basic->name, "string") || text::iequals(basic->name, "wstring"));
    if (definition.string_like && definition.size == 0)
        return error_at(entry, "The string entry " + quoted(definition.name) + " has no size; TDR strings need one.");
    field.composite = basic == nullptr;
    field.repeated = has_attribute(entry, "count");
    field.byte_array = field.repeated && basic != nullptr && basic->one_byte;
    if (field.composite) composite.uses.push_back(composite_type->second);
    composite.fields.push_back(std::move(field));
    return std::nullopt;
}

Error TdrReader::read_entries(Composite& composite) {
    std::unordered_set<std::string> names;
    for (pugi::xml_node entry : composite.node.children("entry")) {
        if (auto error = read_entry(entry, composite)) return error;
        if (!names.insert(composite.fields.back().definition.name).second)
            return error_at(entry, "The entry " + quoted(composite.fields.back().definition.name) + " of " +
                                       quoted(attribute(composite.node, "name")) + " is defined twice.");
    }
    for (pugi::xml_node entry : composite.node.children("entry")) {
        const std::string refer(text::trim_blanks(entry.attribute("refer").value()));
        if (has_attribute(entry, "refer") && !names.contains(refer))
            return error_at(entry, "The entry " + quoted(attribute(entry, "name")) + " refers to " + quoted(refer) +
                                       ", which is not an entry of " + quoted(attribute(composite.node, "name")) + ".");
    }
    return std::nullopt;
}

DeclaredTable TdrReader::declared_table(const Composite& composite, int nesting_depth) const {
    const pugi::xml_node node = composite.node;
    DeclaredTable declared;
    declared.format = IdlFormat::tdr;
    declared.name = std::string(text::trim_blanks(node.attribute("name").value()));
    declared.primary_key = attribute(node, "primarykey");
    if (has_attribute(node, "splittablekey") && !text::trim_blanks(node.attribute("splittablekey").value()).empty())
        declared.sharding_key = attribute(node, "splittablekey");
    declared.custom_attributes = attribute(node, "customattr2");
    declared.fields = composite.fields;
    declared.nesting_depth = nesting_depth;
    declared.tdr_version = metalib_version_;
    read_version(node, declared.tdr_version);  // checked already
    for (pugi::xml_node index_node : node.children("index")) {
        DeclaredIndex index;
        index.name = std::string(text::trim_blanks(index_node.attribute("name").value()));
        index.columns = split_list(index_node.attribute("column").value());
        index.text =
            "name=\"" + attribute(index_node, "name") + "\" column=\"" + attribute(index_node, "column") + "\"";
        index.well_formed = !index.name.empty() && has_attribute(index_node, "column");
        declared.indexes.push_back(std::move(index));
    }
    return declared;
}

boost::system::result<ParsedIdl, IdlParseError> TdrReader::read() {
    if (auto error = check_no_nul_byte(file_, text_)) return *error;
    pugi::xml_document document;
    // encoding_utf8 whatever the declaration says: the bytes are kept as they are (GBK included).
    const pugi::xml_parse_result loaded =
        document.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!loaded)
        return parse_error(file_, std::string("The XML is not well-formed: ") + loaded.description() + ".",
                           position_at(text_, loaded.offset < 0 ? 0 : static_cast<std::size_t>(loaded.offset)));
    if (auto error = read_metalib(document)) return *error;
    if (auto error = read_macros()) return *error;
    if (auto error = find_composites()) return *error;
    for (auto& composite : composites_) {
        std::int64_t version = 1;
        if (auto error = read_version(composite.node, version)) return *error;
        if (auto error = read_entries(composite)) return *error;
    }
    std::vector<std::vector<std::size_t>> uses;
    for (const auto& composite : composites_) uses.push_back(composite.uses);
    const std::vector<int> depths = nesting_depths(uses, max_nesting_depth);

    ParsedIdl parsed;
    for (std::size_t i = 0; i < composites_.size(); ++i) {
        const pugi::xml_node node = composites_[i].node;
        if (std::strcmp(node.name(), "struct") != 0 || !has_attribute(node, "primarykey")) continue;
        parsed.tables.push_back(apply_table_rules(declared_table(composites_[i], depths[i])));
    }
    return parsed;
}

}  // namespace

boost::system::result<ParsedIdl, IdlParseError> parse_tdr_idl(std::string_view file_name, std::string_view text) {
    return TdrReader(file_name, text).read();
}

}  // namespace tcaplus_mock::idl
