#include "server/actions/response_values.hpp"

#include "server/core/datetime.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

json::value error_or_null(const std::optional<ApiError>& error, Language language, const json::storage_ptr& memory) {
    if (!error) return json::value(nullptr, memory);
    return json::object({{"Code", error->code}, {"Message", error->message.in(language)}}, memory);
}

json::array tag_list(const std::vector<storage::TagRecord>& tags, const json::storage_ptr& memory) {
    json::array list(memory);
    for (const auto& tag : tags) list.push_back(json::object({{"TagKey", tag.key}, {"TagValue", tag.value}}, memory));
    return list;
}

json::value datetime_value(std::int64_t unix_seconds, std::chrono::seconds zone, const json::storage_ptr& memory) {
    return json::value(format_datetime(unix_seconds, zone), memory);
}

}  // namespace tcaplus_mock
