#include "server/idl/table_schema.hpp"

#include <stdexcept>

namespace tcaplus_mock::idl {

std::string_view idl_format_text(IdlFormat format) noexcept { return format == IdlFormat::proto ? "PROTO" : "TDR"; }

std::string_view table_type_text(TableType type) noexcept {
    switch (type) {
        case TableType::list:
            return "LIST";
        case TableType::sortlist:
            return "SORTLIST";
        case TableType::generic:
            break;
    }
    return "GENERIC";
}

void throw_exception_from_error(const IdlParseError& error, const boost::source_location&) {
    throw std::runtime_error(error.file + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) + ": " +
                             error.message);
}

}  // namespace tcaplus_mock::idl
