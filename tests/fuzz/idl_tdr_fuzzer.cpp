// Fuzzes the TDR IDL reader: any bytes as an uploaded XML file (parse_idl, TDR). Whatever the
// bytes, the outcome must pass the checks of tests/unit/idl/outcome_invariants.hpp: an error with
// a UTF-8 message and a position inside the file, or tables whose problems are sentences, whose
// JSON forms count their items, and which hold the documented limits when they name no problem.

#include "server/idl/parse_idl.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/unit/idl/outcome_invariants.hpp"

#include <string_view>

using namespace tcaplus_mock;
using namespace tcaplus_mock::idl;

namespace {

void require_none(const char* broken) {
    if (broken != nullptr) fuzz::require(false, broken);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_idl(IdlFormat::tdr, "fuzz.xml", input);
    if (parsed.has_error()) {
        fuzz::require(parsed.error().file == "fuzz.xml", "an error names the file");
        require_none(invariants::broken_by(parsed.error(), input));
        return 0;
    }
    for (const auto& table : parsed->tables) require_none(invariants::broken_by(table));
    return 0;
}
