#include "server/idl/schema_json.hpp"

#include "server/idl/source_text.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <vector>

namespace tcaplus_mock::idl {
namespace {

namespace json = boost::json;

// Members are added in name order: boost::json::object keeps insertion order when serialized.
json::object field_json(const FieldDefinition& field, IdlFormat format) {
    json::object object;
    if (field.count > 0) object["Count"] = field.count;
    if (field.string_like) object["Crypto"] = field.crypto;
    if (format == IdlFormat::proto) object["Label"] = sanitized(field.label);
    object["Name"] = sanitized(field.name);
    if (field.size > 0) object["Size"] = field.size;
    object["Type"] = sanitized(field.type);
    return object;
}

json::array fields_json(const std::vector<FieldDefinition>& fields, IdlFormat format) {
    json::array array;
    array.reserve(fields.size());
    for (const auto& field : fields) array.push_back(field_json(field, format));
    return array;
}

}  // namespace

std::string key_fields_json(const TableDefinition& table) {
    json::object object;
    object["KeyField"] = fields_json(table.key_fields, table.format);
    object["Num"] = table.key_fields.size();
    return json::serialize(object);
}

std::string value_fields_json(const TableDefinition& table) {
    json::object object;
    object["Num"] = table.value_fields.size();
    object["ValueField"] = fields_json(table.value_fields, table.format);
    return json::serialize(object);
}

std::string index_key_set_json(const TableDefinition& table) {
    json::object object;
    if (!table.indexes.empty()) {
        json::array indexes;
        for (const auto& index : table.indexes) {
            json::array fields;
            for (const auto& column : index.columns) fields.emplace_back(sanitized(column));
            indexes.push_back(json::object{{"Fields", std::move(fields)}, {"Name", sanitized(index.name)}});
        }
        object["IndexKey"] = std::move(indexes);
    }
    object["Num"] = table.indexes.size();
    return json::serialize(object);
}

std::string sharding_key_set(const TableDefinition& table) {
    std::string joined;
    for (const auto& field : table.sharding_key) {
        if (!joined.empty()) joined += ',';
        joined += field;
    }
    return sanitized(joined);
}

}  // namespace tcaplus_mock::idl
