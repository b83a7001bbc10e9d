#include "server/core/encodings.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <openssl/evp.h>

namespace tcaplus_mock::encodings {

namespace urls = boost::urls;

namespace {

const unsigned char* bytes_of(std::string_view data) { return reinterpret_cast<const unsigned char*>(data.data()); }

bool is_base64_digit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// Well-formed base64: digits, then at most two `=`, in blocks of four.
bool is_base64(std::string_view text) {
    if (text.size() % 4 != 0) return false;
    std::size_t digits = text.find_last_not_of('=') + 1;
    if (text.size() - digits > 2) return false;
    for (std::size_t i = 0; i < digits; ++i)
        if (!is_base64_digit(text[i])) return false;
    return true;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    if (bytes.empty()) return out;
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes_of(bytes),
                                        static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (!is_base64(text)) return std::nullopt;
    if (text.empty()) return std::string();
    std::string out(text.size() / 4 * 3, '\0');
    const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes_of(text),
                                        static_cast<int>(text.size()));
    if (written < 0) return std::nullopt;
    // EVP_DecodeBlock counts the bytes the padding stands for.
    const auto padding = text.size() - (text.find_last_not_of('=') + 1);
    out.resize(static_cast<std::size_t>(written) - padding);
    return out;
}

std::optional<std::string> percent_decode(std::string_view encoded) {
    auto checked = urls::make_pct_string_view(urls::string_view(encoded.data(), encoded.size()));
    if (checked.has_error()) return std::nullopt;
    return checked->decode(urls::encoding_opts(/*space_as_plus=*/true));
}

std::string percent_encode(std::string_view bytes) {
    return urls::encode(urls::string_view(bytes.data(), bytes.size()), urls::unreserved_chars);
}

}  // namespace tcaplus_mock::encodings
