#include "server/auth/signature_diagnostics.hpp"

namespace tcaplus_mock {

std::string redact_token(std::string text, std::string_view marker, char end) {
    constexpr std::string_view replacement = "REDACTED";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + marker.size())) {
        const auto value_start = at + marker.size();
        auto value_end = text.find(end, value_start);
        if (value_end == std::string::npos) value_end = text.size();
        text.replace(value_start, value_end - value_start, replacement);
    }
    return text;
}

}  // namespace tcaplus_mock
