#include "server/idl/parse_idl.hpp"

#include "server/idl/proto_idl.hpp"
#include "server/idl/source_text.hpp"
#include "server/idl/tdr_idl.hpp"

#include <exception>
#include <new>

namespace tcaplus_mock::idl {

boost::system::result<ParsedIdl, IdlParseError> parse_idl(IdlFormat format, std::string_view file_name,
                                                          std::string_view text,
                                                          const std::vector<ImportableFile>& importable) {
    try {
        if (auto too_big = check_file_size(file_name, text)) return *too_big;
        if (format == IdlFormat::tdr) return parse_tdr_idl(file_name, text);
        return parse_proto_idl(file_name, text, importable);
    } catch (const std::bad_alloc&) {
        return IdlParseError{"Not enough memory to read the file.", std::string(file_name), 0, 0};
    } catch (const std::exception& error) {
        return IdlParseError{sanitized(std::string("The file could not be read: ") + error.what()),
                             std::string(file_name), 0, 0};
    }
}

}  // namespace tcaplus_mock::idl
