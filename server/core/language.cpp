#include "server/core/language.hpp"

namespace tcaplus_mock {

Language parse_language(std::string_view value) { return value == "zh-CN" ? Language::zh_cn : Language::en_us; }

}  // namespace tcaplus_mock
