#include "server/actions/tables/table_fields.hpp"

#include "server/core/api_errors.hpp"

#include <boost/json/parse.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// The `Name` of each object of `list` in the schema string `text` ({"KeyField": [...]}).
void add_names(std::string_view text, std::string_view list, std::set<std::string>& names) {
    boost::system::error_code error;
    const auto schema = json::parse(text, error);
    if (error || !schema.is_object()) return;
    const auto* fields = schema.get_object().if_contains(list);
    if (fields == nullptr || !fields->is_array()) return;
    for (const auto& field : fields->get_array())
        if (const auto* name = field.is_object() ? field.get_object().if_contains("Name") : nullptr; name && name->is_string())
            names.emplace(name->get_string());
}

}  // namespace

std::optional<std::set<std::string>> field_names(const storage::TableRecord& table) {
    if (table.key_fields.empty()) return std::nullopt;
    std::set<std::string> names;
    add_names(table.key_fields, "KeyField", names);
    add_names(table.value_fields, "ValueField", names);
    return names;
}

Result<json::array> selected_fields(const json::object& item, const std::string& path, const storage::TableRecord& table) {
    const auto* fields = item.if_contains("SelectedFields");
    if (fields == nullptr || fields->as_array().empty()) return errors::missing_parameter(path + ".SelectedFields");
    const auto known = field_names(table);
    json::array names;
    const auto& list = fields->as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string_view name = list[i].at("FieldName").as_string();
        if (known && !known->contains(std::string(name)))
            return errors::invalid_parameter_value(path + ".SelectedFields." + std::to_string(i) + ".FieldName", name,
                                                   "a field of the table's IDL", "表的 IDL 中的字段");
        names.emplace_back(name);
    }
    return names;
}

}  // namespace tcaplus_mock
