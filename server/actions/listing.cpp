#include "server/actions/listing.hpp"

#include "server/core/api_errors.hpp"

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

Result<std::size_t> read_count(const json::object& params, std::string_view name, std::size_t absent) {
    const auto* value = params.if_contains(name);
    if (value == nullptr) return absent;
    const auto number = value->as_int64();  // validation proved it an integer
    if (number < 0)
        return errors::invalid_parameter_value(name, std::to_string(number), "a number not below 0", "不小于 0 的数");
    return static_cast<std::size_t>(number);
}

}  // namespace

Result<Page> read_page(const json::object& params, std::size_t default_limit) {
    const auto offset = read_count(params, "Offset", 0);
    if (!offset) return offset.error();
    const auto limit = read_count(params, "Limit", default_limit);
    if (!limit) return limit.error();
    return Page{*offset, *limit};
}

bool Filter::accepts(std::string_view value) const {
    return std::find(values.begin(), values.end(), value) != values.end();
}

Result<std::vector<Filter>> read_filters(const json::object& params, std::initializer_list<FilterName> names) {
    std::vector<Filter> filters;
    const auto* list = params.if_contains("Filters");
    if (list == nullptr) return filters;
    const auto& items = list->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i].as_object();
        const std::string path = "Filters." + std::to_string(i);
        const std::string_view given = item.at("Name").as_string();
        const FilterName* known = nullptr;
        for (const auto& name : names)
            if (name.name == given || std::find(name.aliases.begin(), name.aliases.end(), given) != name.aliases.end())
                known = &name;
        if (known == nullptr) {
            std::string expected;
            for (const auto& name : names) expected += (expected.empty() ? "`" : ", `") + std::string(name.name) + "`";
            return errors::invalid_parameter_value(path + ".Name", given, "one of " + expected, "以下之一：" + expected);
        }
        Filter filter{std::string(known->name), {}};
        if (const auto* value = item.if_contains("Value")) filter.values.emplace_back(value->as_string());
        if (const auto* values = item.if_contains("Values"))
            for (const auto& value : values->as_array()) filter.values.emplace_back(value.as_string());
        if (filter.values.empty()) return errors::missing_parameter(path + ".Values");
        filters.push_back(std::move(filter));
    }
    return filters;
}

const Filter* find_filter(const std::vector<Filter>& filters, std::string_view name) {
    for (const auto& filter : filters)
        if (filter.name == name) return &filter;
    return nullptr;
}

std::vector<std::string> read_strings(const json::object& params, std::string_view name) {
    std::vector<std::string> strings;
    if (const auto* list = params.if_contains(name))
        for (const auto& value : list->as_array()) strings.emplace_back(value.as_string());
    return strings;
}

}  // namespace tcaplus_mock
