#pragma once
// RateLimiter: the frequency limit. Counts requests per (action, subject) in one-second windows
// of the clock (whole UNIX seconds): the first N of each second pass, the rest are refused.

#include "server/core/clock.hpp"

#include <array>
#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tcaplus_mock {

class RateLimiter {
public:
    // limits: action name -> requests per second; an action absent or mapped to 0 is not limited.
    // Keeps a reference to `clock`, which must outlive the limiter.
    RateLimiter(const Clock& clock, std::map<std::string, unsigned, std::less<>> limits);

    struct Decision {
        bool allowed;
        unsigned long long count;  // this request's number within its second, 1-based; 0 when not limited
        unsigned limit;            // the action's limit; 0 when not limited
    };

    // Counts one request for (action, subject) in the window of clock.now() and says whether it
    // passes. Refused requests are counted too, so the 21st and 22nd of a 20/s window report 21
    // and 22. Unlimited actions are neither counted nor remembered.
    // Memory stays bounded: the first call in a new second drops every key last used in an
    // earlier one (amortized over the calls that created them; no background thread).
    // Thread safe; allocates only for a key not yet tracked.
    Decision try_acquire(std::string_view action, std::string_view subject);

    // Keys currently remembered. Thread safe; meant for tests.
    std::size_t tracked_keys() const;

    // Forgets every window (a reset of the emulator), or those of one subject. Thread safe.
    void reset();
    void reset(std::string_view subject);

private:
    struct Key {
        std::string action;
        std::string subject;
    };
    struct KeyView {
        std::string_view action;
        std::string_view subject;
        KeyView(std::string_view a, std::string_view s) : action(a), subject(s) {}
        KeyView(const Key& key) : action(key.action), subject(key.subject) {}  // NOLINT: lookup by either
    };
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(KeyView key) const;
    };
    struct KeyEqual {
        using is_transparent = void;
        bool operator()(KeyView a, KeyView b) const { return a.action == b.action && a.subject == b.subject; }
    };
    struct Window {
        long long second = 0;
        unsigned long long count = 0;
    };
    struct Shard {
        mutable std::mutex mutex;
        std::unordered_map<Key, Window, KeyHash, KeyEqual> windows;
    };
    static constexpr std::size_t shard_count = 16;

    // Drops, in every shard, the keys whose window is neither `second` nor the one after it.
    void sweep(long long second);

    const Clock& clock_;
    const std::map<std::string, unsigned, std::less<>> limits_;
    std::array<Shard, shard_count> shards_;
    std::atomic<long long> swept_second_;
};

}  // namespace tcaplus_mock
