#pragma once
// What the list actions share: their paging (Offset, Limit) and their Filters ([{Name, Value | Values}]),
// read from validated parameters. A filter takes `Value` (what Terraform sends) and `Values` (what the
// API documents), both at once; an item matches a filter when it equals one of its values exactly, and
// matches every filter given.

#include "server/core/api_error.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

struct Page {
    std::size_t offset = 0;
    std::size_t limit = 20;

    // The items of `list` this page holds.
    template <class T>
    std::span<const T> of(const std::vector<T>& list) const {
        if (offset >= list.size()) return {};
        return std::span<const T>(list).subspan(offset, std::min(limit, list.size() - offset));
    }
};

// Offset (default 0) and Limit (default `default_limit`); a negative one is InvalidParameterValue.
Result<Page> read_page(const boost::json::object& params, std::size_t default_limit = 20);

struct Filter {
    std::string name;  // as the API spells it; an alias given to read_filters is turned into its name
    std::vector<std::string> values;

    bool accepts(std::string_view value) const;
};

// A filter name an action takes, and the other names it answers to (`GroupName` for `TableGroupName`).
struct FilterName {
    std::string_view name;
    std::initializer_list<std::string_view> aliases = {};
};

// The `Filters` parameter. A Name the action does not take is InvalidParameterValue naming
// `Filters.<i>.Name`; a filter without any value is MissingParameter `Filters.<i>.Values`.
Result<std::vector<Filter>> read_filters(const boost::json::object& params, std::initializer_list<FilterName> names);

// The filter of that name, or nullptr.
const Filter* find_filter(const std::vector<Filter>& filters, std::string_view name);

// The strings of a list parameter (`ClusterIds`), empty when absent.
std::vector<std::string> read_strings(const boost::json::object& params, std::string_view name);

}  // namespace tcaplus_mock
