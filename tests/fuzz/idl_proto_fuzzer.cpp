// Fuzzes the protobuf IDL reader: any bytes as an uploaded .proto file (parse_idl, PROTO). A line
// `//== common.proto ==` splits the input: what follows is another file of the upload, named
// `common`, which the first may import. Whatever the bytes, the outcome must pass the checks of
// tests/unit/idl/outcome_invariants.hpp: an error with a UTF-8 message and a position inside the
// file it names, or tables whose problems are sentences, whose JSON forms count their items, and
// which hold the documented limits when they name no problem.

#include "server/idl/parse_idl.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/unit/idl/outcome_invariants.hpp"

#include <string>
#include <string_view>
#include <vector>

using namespace tcaplus_mock;
using namespace tcaplus_mock::idl;

namespace {

constexpr std::string_view file_marker = "\n//== common.proto ==\n";

void require_none(const char* broken) {
    if (broken != nullptr) fuzz::require(false, broken);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto split = input.find(file_marker);
    const std::string_view main_file = input.substr(0, split);
    std::vector<ImportableFile> upload;
    if (split != std::string_view::npos)
        upload.emplace_back("common", std::string(input.substr(split + file_marker.size())));

    const auto parsed = parse_idl(IdlFormat::proto, "fuzz.proto", main_file, upload);
    if (parsed.has_error()) {
        const IdlParseError& error = parsed.error();
        fuzz::require(error.file == "fuzz.proto" || (error.file == "common" && !upload.empty()),
                      "an error names a file of the upload");
        require_none(
            invariants::broken_by(error, error.file == "common" ? std::string_view(upload[0].second) : main_file));
        return 0;
    }
    for (const auto& table : parsed->tables) require_none(invariants::broken_by(table));
    return 0;
}
