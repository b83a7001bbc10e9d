#include "server/throttle/rate_limiter.hpp"

#include <chrono>

namespace tcaplus_mock {
namespace {

long long whole_seconds(TimePoint when) {
    return std::chrono::floor<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace

std::size_t RateLimiter::KeyHash::operator()(KeyView key) const {
    const std::size_t action_hash = std::hash<std::string_view>{}(key.action);
    const std::size_t subject_hash = std::hash<std::string_view>{}(key.subject);
    return action_hash ^ (subject_hash + 0x9e3779b97f4a7c15ULL + (action_hash << 6) + (action_hash >> 2));
}

RateLimiter::RateLimiter(const Clock& clock, std::map<std::string, unsigned, std::less<>> limits)
    : clock_(clock), limits_(std::move(limits)), swept_second_(whole_seconds(clock.now())) {}

RateLimiter::Decision RateLimiter::try_acquire(std::string_view action, std::string_view subject) {
    const auto limit = limits_.find(action);
    if (limit == limits_.end() || limit->second == 0) return Decision{true, 0, 0};

    const KeyView key(action, subject);
    Shard& shard = shards_[KeyHash{}(key) % shard_count];
    long long second = 0;
    unsigned long long count = 0;
    {
        std::lock_guard lock(shard.mutex);
        // Read under the lock so that, within a key, windows are seen in clock order.
        second = whole_seconds(clock_.now());
        auto found = shard.windows.find(key);
        if (found == shard.windows.end())
            found = shard.windows.emplace(Key{std::string(action), std::string(subject)}, Window{second, 0}).first;
        Window& window = found->second;
        if (window.second != second) window = Window{second, 0};
        count = ++window.count;
    }
    // The first call of a new second sweeps; so does one after the clock was set back, or keys
    // would pile up until the clock caught up again. A one-second step back is only two calls
    // racing across a boundary and must not sweep the newer window.
    long long swept = swept_second_.load(std::memory_order_relaxed);
    const bool clock_set_back = second + 1 < swept;
    if ((second > swept || clock_set_back) &&
        swept_second_.compare_exchange_strong(swept, second, std::memory_order_relaxed))
        sweep(second);
    return Decision{count <= limit->second, count, limit->second};
}

std::size_t RateLimiter::tracked_keys() const {
    std::size_t total = 0;
    for (const Shard& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        total += shard.windows.size();
    }
    return total;
}

void RateLimiter::reset() {
    for (Shard& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        shard.windows.clear();
    }
}

void RateLimiter::reset(std::string_view subject) {
    for (Shard& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        std::erase_if(shard.windows, [subject](const auto& entry) { return entry.first.subject == subject; });
    }
}

void RateLimiter::sweep(long long second) {
    for (Shard& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        // A window one second ahead belongs to a call that read the clock after this one did.
        std::erase_if(shard.windows, [second](const auto& entry) {
            return entry.second.second < second || entry.second.second > second + 1;
        });
    }
}

}  // namespace tcaplus_mock
