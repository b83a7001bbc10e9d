#pragma once
// BodyBudget: a bound on the bytes of request bodies held in memory by all connections at once
// (server.body_memory), so that memory stays bounded whatever clients do: a body that does not fit
// is refused before it is read. Thread safe, wait-free.

#include <atomic>
#include <cstddef>

namespace tcaplus_mock {

class BodyBudget {
public:
    explicit BodyBudget(std::size_t limit) : limit_(limit) {}

    std::size_t limit() const noexcept { return limit_; }

    // Room for `bytes` more, or false (nothing reserved) when the budget cannot hold them.
    bool try_reserve(std::size_t bytes) noexcept {
        std::size_t held = held_.load(std::memory_order_relaxed);
        do {
            if (bytes > limit_ || held > limit_ - bytes) return false;
        } while (!held_.compare_exchange_weak(held, held + bytes, std::memory_order_relaxed));
        return true;
    }
    void release(std::size_t bytes) noexcept { held_.fetch_sub(bytes, std::memory_order_relaxed); }
    std::size_t held() const noexcept { return held_.load(std::memory_order_relaxed); }

    // Returns its bytes when it ends.
    class Reservation {
    public:
        Reservation() = default;
        Reservation(BodyBudget& budget, std::size_t bytes) : budget_(&budget), bytes_(bytes) {}
        Reservation(Reservation&& other) noexcept : budget_(other.budget_), bytes_(other.bytes_) { other.budget_ = nullptr; }
        Reservation& operator=(Reservation&& other) noexcept {
            if (this != &other) {
                reset();
                budget_ = other.budget_;
                bytes_ = other.bytes_;
                other.budget_ = nullptr;
            }
            return *this;
        }
        ~Reservation() { reset(); }
        void reset() noexcept {
            if (budget_ != nullptr) budget_->release(bytes_);
            budget_ = nullptr;
        }

    private:
        BodyBudget* budget_ = nullptr;
        std::size_t bytes_ = 0;
    };

private:
    const std::size_t limit_;
    std::atomic<std::size_t> held_{0};
};

}  // namespace tcaplus_mock
