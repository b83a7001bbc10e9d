#pragma once
// RequestJournal: the most recent API requests, kept in memory for the control plane
// (`GET /_mock/requests`). At most `capacity` records and `max_bytes` bytes of their texts: the
// oldest records go first, and every text of a record is cut to a fixed size, so memory stays
// flat however long the emulator runs and however large the requests are.
//
// Thread safety: every method may be called from any thread.

#include "server/handling/request_record.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tcaplus_mock {

class RequestJournal {
public:
    // The most a record's body or signature diagnostics keep; longer ones are cut (body_truncated).
    static constexpr std::size_t max_text_bytes = 16 * 1024;
    // The most any other text of a record keeps (an action name, a SecretId...).
    static constexpr std::size_t max_field_bytes = 256;

    // capacity 0 keeps nothing. The newest record is always kept, even alone over max_bytes.
    RequestJournal(std::size_t capacity, std::size_t max_bytes);

    // Keeps a copy of `record`, its texts cut to size, numbered (RequestRecord::sequence) after the
    // last one kept; numbers are never reused, not even after clear().
    void record(RequestRecord record);

    struct Filter {
        std::optional<std::string> action;
        std::optional<std::string> code;  // an error code, "" for successes
        std::optional<std::string> account;
        std::optional<std::chrono::system_clock::time_point> since;  // arrived at or after
        std::optional<std::uint64_t> before;                         // numbered below this
        std::optional<std::uint64_t> after;                          // numbered above this
        std::size_t limit = 0;                                       // 0 = no limit
    };
    // Matching records, newest first.
    std::vector<RequestRecord> list(const Filter& filter) const;
    // How many records match `filter`'s action, code, account and since (its before, after and limit
    // aside): the size of the list a client pages through.
    std::size_t count(const Filter& filter) const;
    // Accounts of the records kept.
    std::vector<std::string> accounts() const;

    void clear();
    void clear_account(const std::string& account);

    std::size_t size() const;
    std::size_t capacity() const noexcept { return capacity_; }
    // Bytes of text the records kept hold (what max_bytes bounds).
    std::size_t bytes() const;

private:
    struct Kept {
        RequestRecord record;
        std::size_t bytes;
    };
    void drop_oldest_while_over();

    const std::size_t capacity_;
    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::deque<Kept> records_;  // oldest first
    std::size_t bytes_ = 0;
    std::uint64_t last_sequence_ = 0;
};

}  // namespace tcaplus_mock
