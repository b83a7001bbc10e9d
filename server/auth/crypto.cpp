#include "server/auth/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace tcaplus_mock::crypto {
namespace {

// A message digest fetched once (OpenSSL 3 looks an implicit one up again on every call) and a
// context per thread to run it in, so that hashing allocates nothing.
class Digest {
public:
    explicit Digest(const char* name) : algorithm_(EVP_MD_fetch(nullptr, name, nullptr)) {
        if (algorithm_ == nullptr) throw std::runtime_error(std::string("OpenSSL has no ") + name);
        block_size_ = static_cast<std::size_t>(EVP_MD_get_block_size(algorithm_));
    }
    ~Digest() { EVP_MD_free(algorithm_); }
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;

    std::size_t block_size() const noexcept { return block_size_; }

    // The digest of the concatenation of `parts`, into `out`; returns its length.
    unsigned run(std::initializer_list<std::string_view> parts, unsigned char* out) const {
        thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                                          &EVP_MD_CTX_free);
        unsigned length = 0;
        bool ok = context && EVP_DigestInit_ex2(context.get(), algorithm_, nullptr) == 1;
        for (const auto part : parts) ok = ok && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
        ok = ok && EVP_DigestFinal_ex(context.get(), out, &length) == 1;
        if (!ok) throw std::runtime_error("digest computation failed");
        return length;
    }

private:
    EVP_MD* algorithm_;
    std::size_t block_size_ = 0;
};

const Digest& sha256() {
    static const Digest digest("SHA256");
    return digest;
}

const Digest& sha1() {
    static const Digest digest("SHA1");
    return digest;
}

// HMAC (RFC 2104) over one of the digests: H((K ^ opad) || H((K ^ ipad) || data)).
std::string hmac(const Digest& digest, std::string_view key, std::string_view data) {
    constexpr std::size_t max_block = 128;
    unsigned char hashed_key[EVP_MAX_MD_SIZE];
    const std::size_t block = digest.block_size();
    if (key.size() > block) {
        const unsigned length = digest.run({key}, hashed_key);
        key = std::string_view(reinterpret_cast<const char*>(hashed_key), length);
    }
    std::array<char, max_block> inner{}, outer{};
    std::memcpy(inner.data(), key.data(), key.size());
    std::memcpy(outer.data(), key.data(), key.size());
    for (std::size_t i = 0; i < block; ++i) {
        inner[i] = static_cast<char>(inner[i] ^ 0x36);
        outer[i] = static_cast<char>(outer[i] ^ 0x5c);
    }
    unsigned char inner_hash[EVP_MAX_MD_SIZE];
    const unsigned inner_length = digest.run({std::string_view(inner.data(), block), data}, inner_hash);
    unsigned char result[EVP_MAX_MD_SIZE];
    const unsigned length = digest.run(
        {std::string_view(outer.data(), block), std::string_view(reinterpret_cast<char*>(inner_hash), inner_length)},
        result);
    OPENSSL_cleanse(inner.data(), inner.size());
    OPENSSL_cleanse(outer.data(), outer.size());
    return std::string(reinterpret_cast<const char*>(result), length);
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    const unsigned length = sha256().run({data}, digest);
    return hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string hmac_sha256(std::string_view key, std::string_view data) { return hmac(sha256(), key, data); }

std::string hmac_sha1(std::string_view key, std::string_view data) { return hmac(sha1(), key, data); }

std::string hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(bytes.size() * 2, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = digits[byte >> 4];
        out[2 * i + 1] = digits[byte & 0x0f];
    }
    return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tcaplus_mock::crypto
