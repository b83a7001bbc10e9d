#include "server/idl/proto_tables.hpp"

#include "server/core/text.hpp"
#include "server/idl/builtin_files.hpp"
#include "server/idl/declared_table.hpp"
#include "server/idl/source_text.hpp"
#include "server/idl/table_rules.hpp"
#include "server/idl/type_nesting.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/unknown_field_set.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tcaplus_mock::idl {
namespace {

namespace pb = google::protobuf;

// The tcaplusservice options of a message. The pool interprets them, but this program has no
// generated code for the options file, so their values stay unknown fields of MessageOptions.
struct TableOptions {
    std::optional<std::string> primary_key;
    std::vector<std::string> indexes;
    std::optional<std::string> sharding_key;
    std::string custom_attributes;
};

TableOptions table_options(const pb::Descriptor& message) {
    TableOptions options;
    const pb::UnknownFieldSet& fields = message.options().unknown_fields();
    for (int i = 0; i < fields.field_count(); ++i) {
        const pb::UnknownField& field = fields.field(i);
        if (field.type() != pb::UnknownField::TYPE_LENGTH_DELIMITED) continue;
        const std::string& value = field.length_delimited();
        switch (field.number()) {
            case message_option::primary_key:
                options.primary_key = value;
                break;
            case message_option::index:
                options.indexes.push_back(value);
                break;
            case message_option::sharding_key:
                options.sharding_key = value;
                break;
            case message_option::custom_attributes:
                options.custom_attributes = value;
                break;
            default:
                break;
        }
    }
    return options;
}

std::optional<std::uint64_t> field_option(const pb::FieldDescriptor& field, int number) {
    const pb::UnknownFieldSet& options = field.options().unknown_fields();
    std::optional<std::uint64_t> value;
    for (int i = 0; i < options.field_count(); ++i)
        if (options.field(i).number() == number && options.field(i).type() == pb::UnknownField::TYPE_VARINT)
            value = options.field(i).varint();
    return value;
}

bool is_map(const pb::FieldDescriptor& field) { return field.is_map(); }

std::string type_text(const pb::FieldDescriptor& field) {
    if (is_map(field)) {
        const pb::Descriptor& entry = *field.message_type();
        return "map<" + type_text(*entry.map_key()) + "," + type_text(*entry.map_value()) + ">";
    }
    if (field.cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) return field.message_type()->name();
    if (field.type() == pb::FieldDescriptor::TYPE_ENUM) return field.enum_type()->name();
    return field.type_name();
}

const char* label_text(const pb::FieldDescriptor& field) {
    if (field.is_required()) return "required";
    if (field.is_repeated()) return "repeated";
    return "optional";
}

DeclaredField declared_field(const pb::FieldDescriptor& field) {
    DeclaredField declared;
    FieldDefinition& definition = declared.definition;
    definition.name = field.name();
    definition.type = type_text(field);
    definition.label = label_text(field);
    definition.crypto = field_option(field, field_option::crypto).value_or(0) != 0;
    definition.string_like =
        field.type() == pb::FieldDescriptor::TYPE_STRING || field.type() == pb::FieldDescriptor::TYPE_BYTES;
    definition.size = static_cast<std::uint32_t>(field_option(field, field_option::size).value_or(0));
    definition.number = field.number();
    declared.composite = field.cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE;
    declared.repeated = field.is_repeated();
    return declared;
}

// The message type a field nests, seen through a map's entry to its value; null for scalars.
const pb::Descriptor* nested_type(const pb::FieldDescriptor& field) {
    if (is_map(field)) {
        const pb::FieldDescriptor* value = field.message_type()->map_value();
        return value != nullptr && value->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE ? value->message_type()
                                                                                             : nullptr;
    }
    return field.cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE ? field.message_type() : nullptr;
}

bool needs_packed(const pb::FieldDescriptor& field) {
    return field.file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO2 && field.is_packable() &&
           !field.options().packed();
}

// The message types the tables use, each once, with what the rules need of them: how deep they
// nest and the first repeated scalar without [packed = true] they reach.
class TypeGraph {
public:
    std::size_t add(const pb::Descriptor& root);
    void finish();
    int nesting_depth(std::size_t type) const { return depths_[type]; }
    const std::string& unpacked_field(std::size_t type) const { return unpacked_[type]; }

private:
    std::size_t index_of(const pb::Descriptor& type);

    std::unordered_map<const pb::Descriptor*, std::size_t> index_;
    std::vector<const pb::Descriptor*> types_;
    std::vector<std::vector<std::size_t>> uses_;
    std::vector<int> depths_;
    std::vector<std::string> unpacked_;
};

std::size_t TypeGraph::index_of(const pb::Descriptor& type) {
    const auto [found, added] = index_.try_emplace(&type, types_.size());
    if (added) {
        types_.push_back(&type);
        uses_.emplace_back();
    }
    return found->second;
}

std::size_t TypeGraph::add(const pb::Descriptor& root) {
    const std::size_t first_new = types_.size();
    const std::size_t root_index = index_of(root);
    // Breadth first over the types not seen before; each type's uses in field order.
    for (std::size_t next = first_new; next < types_.size(); ++next) {
        const pb::Descriptor& type = *types_[next];
        for (int i = 0; i < type.field_count(); ++i)
            if (const pb::Descriptor* nested = nested_type(*type.field(i))) {
                const std::size_t used = index_of(*nested);
                uses_[next].push_back(used);
            }
    }
    return root_index;
}

void TypeGraph::finish() {
    depths_ = nesting_depths(uses_, max_nesting_depth);
    // The first unpacked field a type reaches: its own, else that of the types it uses, in field
    // order. Types are finished uses-first (a cycle's back edge counts as reaching nothing);
    // iterative, like nesting_depths, for long chains of types.
    unpacked_.assign(types_.size(), std::string());
    std::vector<unsigned char> state(types_.size(), 0);  // 0 new, 1 open, 2 done
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (std::size_t root = 0; root < types_.size(); ++root) {
        if (state[root] != 0) continue;
        state[root] = 1;
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            auto& [type, next] = stack.back();
            if (next < uses_[type].size()) {
                const std::size_t used = uses_[type][next++];
                if (state[used] == 0) {
                    state[used] = 1;
                    stack.emplace_back(used, 0);
                }
                continue;
            }
            const pb::Descriptor& descriptor = *types_[type];
            for (int i = 0; i < descriptor.field_count() && unpacked_[type].empty(); ++i)
                if (needs_packed(*descriptor.field(i)))
                    unpacked_[type] = descriptor.name() + "." + descriptor.field(i)->name();
            for (std::size_t used : uses_[type])
                if (unpacked_[type].empty() && state[used] == 2) unpacked_[type] = unpacked_[used];
            state[type] = 2;
            stack.pop_back();
        }
    }
}

DeclaredTable declared_table(const pb::Descriptor& message, TableOptions options) {
    DeclaredTable declared;
    declared.format = IdlFormat::proto;
    declared.proto2 = message.file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO2;
    declared.name = message.name();
    declared.primary_key = std::move(*options.primary_key);
    for (auto& text : options.indexes) {
        DeclaredIndex index;
        const auto open = text.find('(');
        index.well_formed = open != std::string::npos && text.size() >= 2 && text.back() == ')' &&
                            text.find_first_of("()", open + 1) == text.size() - 1;
        if (index.well_formed) {
            index.name = std::string(text::trim_blanks(std::string_view(text).substr(0, open)));
            index.columns = split_list(std::string_view(text).substr(open + 1, text.size() - open - 2));
            index.well_formed = !index.name.empty();
        }
        index.text = std::move(text);
        declared.indexes.push_back(std::move(index));
    }
    if (options.sharding_key && !text::trim_blanks(*options.sharding_key).empty())
        declared.sharding_key = std::move(options.sharding_key);
    declared.custom_attributes = std::move(options.custom_attributes);
    for (int i = 0; i < message.field_count(); ++i) declared.fields.push_back(declared_field(*message.field(i)));
    return declared;
}

}  // namespace

std::vector<TableDefinition> read_proto_tables(const pb::FileDescriptor& file) {
    std::vector<std::pair<const pb::Descriptor*, TableOptions>> tables;
    for (int i = 0; i < file.message_type_count(); ++i) {
        TableOptions options = table_options(*file.message_type(i));
        if (options.primary_key) tables.emplace_back(file.message_type(i), std::move(options));
    }
    TypeGraph graph;
    std::vector<std::size_t> roots;
    for (const auto& table : tables) roots.push_back(graph.add(*table.first));
    graph.finish();

    std::vector<TableDefinition> definitions;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        DeclaredTable declared = declared_table(*tables[i].first, std::move(tables[i].second));
        declared.nesting_depth = graph.nesting_depth(roots[i]);
        declared.unpacked_field = graph.unpacked_field(roots[i]);
        definitions.push_back(apply_table_rules(declared));
    }
    return definitions;
}

}  // namespace tcaplus_mock::idl
