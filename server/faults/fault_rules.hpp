#pragma once
// FaultRules: the failures a test asks the emulator to inject (`/_mock/faults`), and the choice,
// for each API request that passed authentication, the frequency limit and validation, of the
// rule that fires on it.
//
// A rule matches a request by action and, when set, by SecretId, account and table name (the
// request names the table in one of its items). Rules are tried in the order they were added; the
// first that matches and fires applies. A rule with `times` fires on the next `times` matching
// requests, then no more; with `probability`, each matching request fires with that probability,
// drawn from the rule's own generator seeded with `seed`, so that the same requests in the same
// order always give the same outcomes; with neither, on every match.
//
// Thread safety: every method may be called from any thread.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

enum class FaultType {
    error,        // a request-level Tencent error envelope with `code` and `message`
    item_error,   // each item of a matching table fails with `code` and `message` (the others succeed)
    latency,      // the request is carried out after `latency`
    drop,         // the connection is closed without an answer
    http_status,  // an answer with HTTP `status` and no Tencent envelope
    garbage,      // HTTP 200 with a body that is not JSON
};

struct FaultEffect {
    FaultType type = FaultType::error;
    std::string code;     // error, item_error
    std::string message;  // error, item_error
    std::chrono::milliseconds latency{0};
    unsigned status = 0;  // http_status
};

struct FaultRule {
    std::string id;  // given by add()
    std::string action;
    std::optional<std::string> secret_id;
    std::optional<std::string> account;
    std::optional<std::string> table;
    FaultEffect effect;
    std::optional<std::uint64_t> times;
    std::optional<double> probability;  // in [0, 1]
    std::uint64_t seed = 0;
    std::uint64_t fired = 0;  // how often it applied so far
};

// What a request is, as far as rules can tell.
struct FaultTarget {
    std::string_view action;
    std::string_view secret_id;
    std::string_view account;
    std::vector<std::string_view> tables;  // every TableName the request names
};

struct FiredFault {
    std::string rule_id;
    FaultEffect effect;
    std::optional<std::string> table;  // an item_error's table; nullopt = every item
};

class FaultRules {
public:
    // Adds `rule` after the others; returns its id ("f1", "f2", ...; never reused until clear()).
    std::string add(FaultRule rule);
    // Every rule in order, with how often each fired.
    std::vector<FaultRule> list() const;
    bool remove(const std::string& id);
    void clear();

    // The rule that applies to `target`, counting it as fired; nullopt when none does.
    std::optional<FiredFault> fire(const FaultTarget& target);

private:
    struct Entry {
        FaultRule rule;
        std::mt19937_64 generator;
    };

    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
    std::uint64_t next_id_ = 1;
};

}  // namespace tcaplus_mock
