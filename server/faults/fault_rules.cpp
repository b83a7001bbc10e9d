#include "server/faults/fault_rules.hpp"

#include <algorithm>

namespace tcaplus_mock {
namespace {

bool names_table(const FaultTarget& target, const std::string& table) {
    return std::find(target.tables.begin(), target.tables.end(), table) != target.tables.end();
}

bool matches(const FaultRule& rule, const FaultTarget& target) {
    if (rule.action != target.action) return false;
    if (rule.secret_id && *rule.secret_id != target.secret_id) return false;
    if (rule.account && *rule.account != target.account) return false;
    if (rule.table && !names_table(target, *rule.table)) return false;
    return true;
}

}  // namespace

std::string FaultRules::add(FaultRule rule) {
    std::lock_guard lock(mutex_);
    rule.id = "f" + std::to_string(next_id_++);
    rule.fired = 0;
    const auto seed = rule.seed;
    entries_.push_back({std::move(rule), std::mt19937_64(seed)});
    return entries_.back().rule.id;
}

std::vector<FaultRule> FaultRules::list() const {
    std::lock_guard lock(mutex_);
    std::vector<FaultRule> rules;
    rules.reserve(entries_.size());
    for (const auto& entry : entries_) rules.push_back(entry.rule);
    return rules;
}

bool FaultRules::remove(const std::string& id) {
    std::lock_guard lock(mutex_);
    return std::erase_if(entries_, [&](const Entry& entry) { return entry.rule.id == id; }) > 0;
}

void FaultRules::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    next_id_ = 1;
}

std::optional<FiredFault> FaultRules::fire(const FaultTarget& target) {
    std::lock_guard lock(mutex_);
    for (auto& [rule, generator] : entries_) {
        if (!matches(rule, target)) continue;
        if (rule.times && rule.fired >= *rule.times) continue;
        if (rule.probability) {
            // One draw per matching request, in arrival order: the same run repeats exactly.
            const double draw = std::uniform_real_distribution<double>(0.0, 1.0)(generator);
            if (draw >= *rule.probability) continue;
        }
        ++rule.fired;
        return FiredFault{rule.id, rule.effect, rule.table};
    }
    return std::nullopt;
}

}  // namespace tcaplus_mock
