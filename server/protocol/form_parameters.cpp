#include "server/protocol/form_parameters.hpp"

#include "server/core/api_errors.hpp"
#include "server/core/encodings.hpp"
#include "server/core/text.hpp"

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

ApiError bad_percent_encoding(std::string_view name, std::string_view raw_value) {
    return errors::invalid_parameter_value(name, raw_value, "percent-encoded text (`%` followed by two hex digits)",
                                           "百分号编码的文本（`%` 后跟两位十六进制数字）");
}

// An array index is written canonically: `0`, `7`, `12`, never `07`.
bool is_index_segment(std::string_view segment) {
    if (segment.size() > 1 && segment.front() == '0') return false;
    return text::all_digits(segment);
}

std::vector<std::string_view> split_name(std::string_view name) {
    std::vector<std::string_view> segments;
    for (std::size_t start = 0;;) {
        const auto dot = name.find('.', start);
        segments.push_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) return segments;
        start = dot + 1;
    }
}

// The tree the pairs are collected into before it becomes JSON: arrays need all their indices
// before their order and completeness are known.
struct Node {
    enum class Kind { unset, leaf, object, array };

    Kind kind = Kind::unset;
    std::string text;  // leaf
    // object members or array elements (keyed by index text), looked up by name...
    std::unordered_map<std::string, std::unique_ptr<Node>> children;
    // ...and listed in arrival order; the key pointers stay valid because map nodes never move.
    std::vector<std::pair<const std::string*, Node*>> order;

    Node& child(std::string_view name) {
        auto [it, inserted] = children.try_emplace(std::string(name));
        if (inserted) {
            it->second = std::make_unique<Node>();
            order.emplace_back(&it->first, it->second.get());
        }
        return *it->second;
    }
};

std::string join_path(std::string_view path, std::string_view segment) {
    std::string joined;
    joined.reserve(path.size() + 1 + segment.size());
    if (!path.empty()) joined.append(path).push_back('.');
    joined.append(segment);
    return joined;
}

// Places one pair into the tree; `root` is the top-level object.
Result<void> insert_pair(Node& root, std::string_view name, const std::string& value) {
    if (static_cast<std::size_t>(std::count(name.begin(), name.end(), '.')) >= max_form_name_segments)
        return errors::unknown_parameter(name);
    const auto segments = split_name(name);

    Node* parent = &root;
    std::string path;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto wanted =
            parent != &root && is_index_segment(segments[i]) ? Node::Kind::array : Node::Kind::object;
        if (parent->kind == Node::Kind::unset) parent->kind = wanted;
        if (parent->kind != wanted) return errors::form_parameter_conflict(path);

        Node& node = parent->child(segments[i]);
        path = join_path(path, segments[i]);
        if (i + 1 == segments.size()) {
            if (node.kind != Node::Kind::unset) return errors::form_parameter_conflict(path);
            node.kind = Node::Kind::leaf;
            node.text = value;
        }
        parent = &node;
    }
    return {};
}

Result<json::value> to_json(Node& node, const std::string& path);

Result<json::value> array_to_json(Node& node, const std::string& path) {
    const std::size_t size = node.order.size();
    std::vector<Node*> slots(size, nullptr);
    for (const auto& [index_text, element] : node.order) {
        const auto index = text::parse_whole<std::size_t>(*index_text);
        // Keys are unique, so n indices all below n fill every slot exactly once.
        if (!index || *index >= size) return errors::form_parameter_conflict(path);
        slots[*index] = element;
    }
    json::array array;
    array.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        auto element = to_json(*slots[i], join_path(path, std::to_string(i)));
        if (element.has_error()) return element.error();
        array.push_back(std::move(*element));
    }
    return json::value(std::move(array));
}

Result<json::value> object_to_json(Node& node, const std::string& path) {
    json::object object;
    object.reserve(node.order.size());
    for (const auto& [name, member] : node.order) {
        auto value = to_json(*member, join_path(path, *name));
        if (value.has_error()) return value.error();
        object.emplace(*name, std::move(*value));
    }
    return json::value(std::move(object));
}

Result<json::value> to_json(Node& node, const std::string& path) {
    switch (node.kind) {
        case Node::Kind::leaf:
            return json::value(json::string(node.text));
        case Node::Kind::array:
            return array_to_json(node, path);
        case Node::Kind::object:
        case Node::Kind::unset:
            break;
    }
    return object_to_json(node, path);
}

}  // namespace

Result<FormPairs> parse_form_pairs(std::string_view encoded) {
    FormPairs pairs;
    for (std::size_t start = 0; start <= encoded.size();) {
        auto end = encoded.find('&', start);
        if (end == std::string_view::npos) end = encoded.size();
        const auto piece = encoded.substr(start, end - start);
        start = end + 1;
        if (piece.empty()) continue;

        const auto equals = piece.find('=');
        if (equals == std::string_view::npos) return errors::form_pair_without_equals();
        const auto raw_name = piece.substr(0, equals), raw_value = piece.substr(equals + 1);
        auto name = encodings::percent_decode(raw_name);
        if (!name) return bad_percent_encoding(raw_name, raw_name);
        auto value = encodings::percent_decode(raw_value);
        if (!value) return bad_percent_encoding(*name, raw_value);
        // As a JSON body's strings are; a name that is not UTF-8 names no parameter, and is
        // refused as unknown later.
        if (!text::is_valid_utf8(*value))
            return errors::invalid_parameter_value(*name, *value, "UTF-8 text", "UTF-8 文本");
        pairs.emplace_back(std::move(*name), std::move(*value));
    }
    return pairs;
}

std::string redacted_form(std::string_view encoded) {
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t start = 0; start <= encoded.size();) {
        auto end = encoded.find('&', start);
        if (end == std::string_view::npos) end = encoded.size();
        const auto piece = encoded.substr(start, end - start);
        const auto equals = piece.find('=');
        const auto name = encodings::percent_decode(piece.substr(0, equals));
        if (equals != std::string_view::npos && name && (*name == "Signature" || *name == "Token")) {
            out.append(piece.substr(0, equals + 1)).append("REDACTED");
        } else {
            out.append(piece);
        }
        if (end < encoded.size()) out.push_back('&');
        start = end + 1;
    }
    return out;
}

Result<json::object> unflatten_parameters(const FormPairs& pairs) {
    Node root;
    root.kind = Node::Kind::object;
    for (const auto& [name, value] : pairs) {
        auto inserted = insert_pair(root, name, value);
        if (inserted.has_error()) return inserted.error();
    }
    auto value = object_to_json(root, std::string());
    if (value.has_error()) return value.error();
    return std::move(value->as_object());
}

}  // namespace tcaplus_mock
