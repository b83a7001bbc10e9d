#pragma once
// The state document's JSON form of a kind of record, declared once as a list of fields from which
// both its reader and its writer work. A field is text, an integer, a time (UNIX seconds shown as
// `YYYY-MM-DD HH:MM:SS` in the document's zone; 0 or none is left out), or JSON kept as text in the
// record. A hand-written
// document may leave out every field but the required ones; a left-out field keeps the default record's
// value. Readers throw JsonFieldError (json_fields.hpp) naming the field.

#include "server/core/datetime.hpp"
#include "server/core/json_fields.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace tcaplus_mock {

enum class FieldKind { text, integer, time, json };

template <class Record>
struct RecordField {
    std::string_view name;
    FieldKind kind;
    std::variant<std::string Record::*, std::int64_t Record::*, std::optional<std::int64_t> Record::*> member;
    bool required = false;
};

template <class Record>
boost::json::object write_record(const Record& record, std::span<const RecordField<Record>> fields,
                                 std::chrono::seconds zone) {
    boost::json::object object;
    for (const auto& field : fields) {
        std::visit(
            [&](auto member) {
                const auto& value = record.*member;
                using Value = std::remove_cvref_t<decltype(value)>;
                if constexpr (std::is_same_v<Value, std::string>) {
                    object[field.name] = field.kind == FieldKind::json ? boost::json::parse(value)
                                                                       : boost::json::value(value);
                } else if constexpr (std::is_same_v<Value, std::int64_t>) {
                    if (field.kind != FieldKind::time) {
                        object[field.name] = value;
                    } else if (value != 0) {
                        object[field.name] = format_datetime(value, zone);
                    }
                } else if (value) {
                    object[field.name] = format_datetime(*value, zone);
                }
            },
            field.member);
    }
    return object;
}

// Reads the object at `path`; fields left out keep `defaults`' values.
template <class Record>
Record read_record(const boost::json::value& value, const std::string& path, Record defaults,
                   std::span<const RecordField<Record>> fields, std::chrono::seconds zone) {
    std::vector<std::string_view> names;
    for (const auto& field : fields) names.push_back(field.name);
    const JsonFields object(value, path, names);
    Record record = std::move(defaults);
    for (const auto& field : fields) {
        if (!object.has(field.name)) {
            if (field.required) object.value(field.name);  // throws: missing
            continue;
        }
        std::visit(
            [&](auto member) {
                using Value = std::remove_cvref_t<decltype(record.*member)>;
                if constexpr (std::is_same_v<Value, std::string>) {
                    record.*member = field.kind == FieldKind::json ? boost::json::serialize(object.value(field.name))
                                                                   : object.text(field.name);
                } else if (field.kind == FieldKind::time) {
                    const auto when = parse_datetime(object.text(field.name), zone);
                    if (!when) object.fail(field.name, "a datetime `YYYY-MM-DD HH:MM:SS`");
                    record.*member = *when;
                } else {
                    const auto number = object.optional_integer(field.name, INT64_MIN, INT64_MAX);
                    if (!number) object.fail(field.name, "an integer");
                    record.*member = *number;
                }
            },
            field.member);
    }
    return record;
}

}  // namespace tcaplus_mock
