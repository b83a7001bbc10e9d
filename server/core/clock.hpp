#pragma once
// The server's one time source. Everything that depends on "now" (signature windows,
// frequency-limit windows, snapshot times, logs) reads it from a Clock, so tests can
// control time instead of sleeping.

#include <atomic>
#include <chrono>
#include <limits>
#include <mutex>

namespace tcaplus_mock {

using TimePoint = std::chrono::system_clock::time_point;

// Thread safety: now() may be called from any thread at any time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

// The wall clock.
class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that moves only when told to. Thread safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
    TimePoint now() const override { return TimePoint(TimePoint::duration(now_.load())); }
    void set(TimePoint when) { now_.store(when.time_since_epoch().count()); }
    void advance(TimePoint::duration by) { now_.fetch_add(by.count()); }

private:
    std::atomic<TimePoint::rep> now_;
};

// The emulator's clock: the wall clock moved by an offset, or frozen at one moment; the control
// plane sets it (`/_mock/clock`). Everything that reads "now" for the API reads it; log lines keep
// the wall clock. Thread safe: now() never waits; changes are serialized among themselves.
class VirtualClock final : public Clock {
public:
    TimePoint now() const override {
        const auto frozen = frozen_at_.load(std::memory_order_acquire);
        if (frozen != not_frozen) return TimePoint(TimePoint::duration(frozen));
        return std::chrono::system_clock::now() + TimePoint::duration(offset_.load(std::memory_order_acquire));
    }

    struct Reading {
        TimePoint now;
        TimePoint::duration offset;  // now - wall clock
        bool frozen;
    };
    Reading read() const {
        std::lock_guard lock(change_);
        const auto frozen = frozen_at_.load();
        if (frozen == not_frozen) {
            const TimePoint::duration offset(offset_.load());
            return {std::chrono::system_clock::now() + offset, offset, false};
        }
        const TimePoint at{TimePoint::duration(frozen)};
        return {at, at - std::chrono::system_clock::now(), true};
    }

    // Moves the clock by `by` (negative: back), frozen or not.
    void advance(TimePoint::duration by) {
        std::lock_guard lock(change_);
        const auto frozen = frozen_at_.load();
        if (frozen != not_frozen) {
            frozen_at_.store(frozen + by.count(), std::memory_order_release);
        } else {
            offset_.fetch_add(by.count(), std::memory_order_acq_rel);
        }
    }
    // Makes it `when` now (and still frozen there when frozen).
    void set(TimePoint when) {
        std::lock_guard lock(change_);
        if (frozen_at_.load() != not_frozen) {
            frozen_at_.store(when.time_since_epoch().count(), std::memory_order_release);
        } else {
            offset_.store((when - std::chrono::system_clock::now()).count(), std::memory_order_release);
        }
    }
    // Frozen: now() stays where it is until unfrozen; unfrozen, it runs on from where it stood.
    void freeze(bool frozen) {
        std::lock_guard lock(change_);
        const auto current = now();
        if (frozen) {
            frozen_at_.store(current.time_since_epoch().count(), std::memory_order_release);
            return;
        }
        offset_.store((current - std::chrono::system_clock::now()).count(), std::memory_order_release);
        frozen_at_.store(not_frozen, std::memory_order_release);
    }
    // Back to the wall clock, running.
    void reset() {
        std::lock_guard lock(change_);
        offset_.store(0, std::memory_order_release);
        frozen_at_.store(not_frozen, std::memory_order_release);
    }

private:
    static constexpr TimePoint::rep not_frozen = std::numeric_limits<TimePoint::rep>::min();
    mutable std::mutex change_;
    std::atomic<TimePoint::rep> offset_{0};
    std::atomic<TimePoint::rep> frozen_at_{not_frozen};
};

// Seconds since the UNIX epoch, the unit snapshot times are stored and compared in.
inline long long unix_seconds(TimePoint when) {
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace tcaplus_mock
