#include "server/faults/fault_rule_json.hpp"

#include "server/validation/action_spec.hpp"

#include <cstdint>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

FaultEffect read_error(const JsonFields& fields, FaultType type) {
    FaultEffect effect;
    effect.type = type;
    effect.code = fields.text("code");
    if (effect.code.empty()) fields.fail("code", "a Tencent error code such as `InternalError`");
    effect.message = fields.optional_text("message").value_or("");
    return effect;
}

FaultEffect read_effect(const json::value& value) {
    const JsonFields peek(value, "effect", {"type", "code", "message", "ms", "status"});
    const auto type = peek.text("type");
    FaultEffect effect;
    if (type == "error" || type == "item_error") {
        return read_error(JsonFields(value, "effect", {"type", "code", "message"}),
                          type == "error" ? FaultType::error : FaultType::item_error);
    }
    if (type == "latency") {
        const JsonFields fields(value, "effect", {"type", "ms"});
        const auto ms = fields.optional_integer("ms", 0, 600000);
        if (!ms) fields.fail("ms", "milliseconds from 0 to 600000");
        effect.type = FaultType::latency;
        effect.latency = std::chrono::milliseconds(*ms);
    } else if (type == "http_status") {
        const JsonFields fields(value, "effect", {"type", "status"});
        const auto status = fields.optional_integer("status", 400, 599);
        if (!status) fields.fail("status", "an HTTP status from 400 to 599");
        effect.type = FaultType::http_status;
        effect.status = static_cast<unsigned>(*status);
    } else if (type == "drop" || type == "garbage") {
        JsonFields(value, "effect", {"type"});
        effect.type = type == "drop" ? FaultType::drop : FaultType::garbage;
    } else {
        peek.fail("type", "one of `error`, `item_error`, `latency`, `drop`, `http_status`, `garbage`");
    }
    return effect;
}

FaultRule read_rule(const json::value& body) {
    const JsonFields fields(body, "", {"action", "secret_id", "account", "table", "effect", "times", "probability", "seed"});
    FaultRule rule;
    rule.action = fields.text("action");
    if (ApiSpec::builtin().find_action(rule.action) == nullptr)
        fields.fail("action", "an action of the API such as `CreateSnapshots`");
    rule.secret_id = fields.optional_text("secret_id");
    rule.account = fields.optional_text("account");
    rule.table = fields.optional_text("table");
    rule.effect = read_effect(fields.value("effect"));
    if (const auto times = fields.optional_integer("times", 1, INT64_MAX)) rule.times = static_cast<std::uint64_t>(*times);
    rule.probability = fields.optional_number("probability", 0.0, 1.0);
    rule.seed = static_cast<std::uint64_t>(fields.optional_integer("seed", 0, INT64_MAX).value_or(0));
    return rule;
}

json::object effect_json(const FaultEffect& effect) {
    json::object object{{"type", to_string(effect.type)}};
    switch (effect.type) {
        case FaultType::error:
        case FaultType::item_error:
            object["code"] = effect.code;
            object["message"] = effect.message;
            break;
        case FaultType::latency: object["ms"] = effect.latency.count(); break;
        case FaultType::http_status: object["status"] = effect.status; break;
        case FaultType::drop:
        case FaultType::garbage: break;
    }
    return object;
}

}  // namespace

std::string_view to_string(FaultType type) noexcept {
    switch (type) {
        case FaultType::error: return "error";
        case FaultType::item_error: return "item_error";
        case FaultType::latency: return "latency";
        case FaultType::drop: return "drop";
        case FaultType::http_status: return "http_status";
        case FaultType::garbage: return "garbage";
    }
    return "error";
}

JsonRead<FaultRule> fault_rule_from_json(const json::value& value) {
    return read_json([&] { return read_rule(value); });
}

json::object to_json(const FaultRule& rule) {
    json::object entry{{"id", rule.id}, {"action", rule.action}, {"effect", effect_json(rule.effect)}, {"fired", rule.fired}};
    if (rule.secret_id) entry["secret_id"] = *rule.secret_id;
    if (rule.account) entry["account"] = *rule.account;
    if (rule.table) entry["table"] = *rule.table;
    if (rule.times) entry["times"] = *rule.times;
    if (rule.probability) entry["probability"] = *rule.probability;
    entry["seed"] = rule.seed;
    return entry;
}

}  // namespace tcaplus_mock
