#pragma once
// The two languages the Tencent Cloud API answers in, and a text that carries both.

#include <string>
#include <string_view>

namespace tcaplus_mock {

enum class Language { en_us, zh_cn };

// Maps an X-TC-Language header or v1 `Language` parameter to a Language.
// Only "zh-CN" selects Chinese; anything else, absent included, is English.
Language parse_language(std::string_view value);

// A message in both languages; the envelope encoder picks one per request.
struct LocalizedText {
    std::string en;
    std::string zh;

    const std::string& in(Language language) const { return language == Language::zh_cn ? zh : en; }
    bool operator==(const LocalizedText&) const = default;
};

}  // namespace tcaplus_mock
