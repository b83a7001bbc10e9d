#pragma once
// The server's one time source. Everything that depends on "now" (signature windows,
// frequency-limit windows, snapshot times, logs) reads it from a Clock, so tests can
// control time instead of sleeping.

#include <atomic>
#include <chrono>

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

// Seconds since the UNIX epoch, the unit snapshot times are stored and compared in.
inline long long unix_seconds(TimePoint when) {
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace tcaplus_mock
