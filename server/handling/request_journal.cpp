#include "server/handling/request_journal.hpp"

#include "server/core/text.hpp"

#include <algorithm>
#include <set>

namespace tcaplus_mock {
namespace {

void cut(std::string& text, std::size_t limit) {
    if (text.size() <= limit) return;
    text.resize(text::utf8_prefix(text, limit).size());
    text.shrink_to_fit();  // what is kept is what counts against the journal's bytes
}

void cut_to_size(RequestRecord& record) {
    for (auto* field : {&record.request_id, &record.trace_id, &record.client_address, &record.method, &record.action,
                        &record.secret_id, &record.account, &record.code, &record.parameter, &record.fault_id})
        cut(*field, RequestJournal::max_field_bytes);
    cut(record.message, RequestJournal::max_text_bytes);
    cut(record.canonical_request, RequestJournal::max_text_bytes);
    cut(record.string_to_sign, RequestJournal::max_text_bytes);
    cut(record.signature_problem, RequestJournal::max_text_bytes);
    if (record.body.size() > RequestJournal::max_text_bytes) {
        record.body_truncated = true;
        cut(record.body, RequestJournal::max_text_bytes);
    }
    if (record.items.size() > 1000) record.items.resize(1000);
}

// What a record's texts occupy: their characters (the heap blocks behind them, roughly).
std::size_t text_bytes(const RequestRecord& record) {
    std::size_t bytes = sizeof(RequestRecord);
    for (const auto* field : {&record.request_id, &record.trace_id, &record.client_address, &record.method,
                              &record.action, &record.secret_id, &record.account, &record.signature,
                              &record.canonical_request, &record.string_to_sign, &record.signature_problem,
                              &record.throttle, &record.code, &record.message, &record.parameter,
                              &record.fault_id, &record.fault_type, &record.body})
        bytes += field->capacity();
    for (const auto& item : record.items) bytes += sizeof(item) + item.capacity();
    return bytes;
}

// Whether `record` is one of the list `filter` selects, before it is paged (before, after, limit).
bool selected(const RequestRecord& record, const RequestJournal::Filter& filter) {
    if (filter.action && record.action != *filter.action) return false;
    if (filter.code && record.code != *filter.code) return false;
    if (filter.account && record.account != *filter.account) return false;
    if (filter.since && record.time < *filter.since) return false;
    return true;
}

bool on_page(const RequestRecord& record, const RequestJournal::Filter& filter) {
    if (filter.before && record.sequence >= *filter.before) return false;
    if (filter.after && record.sequence <= *filter.after) return false;
    return true;
}

}  // namespace

RequestJournal::RequestJournal(std::size_t capacity, std::size_t max_bytes)
    : capacity_(capacity), max_bytes_(max_bytes) {}

void RequestJournal::record(RequestRecord record) {
    if (capacity_ == 0) return;
    cut_to_size(record);
    const std::size_t bytes = text_bytes(record);
    std::lock_guard lock(mutex_);
    record.sequence = ++last_sequence_;
    records_.push_back({std::move(record), bytes});
    bytes_ += bytes;
    drop_oldest_while_over();
}

void RequestJournal::drop_oldest_while_over() {
    while (records_.size() > 1 && (records_.size() > capacity_ || bytes_ > max_bytes_)) {
        bytes_ -= records_.front().bytes;
        records_.pop_front();
    }
}

std::vector<RequestRecord> RequestJournal::list(const Filter& filter) const {
    std::vector<RequestRecord> found;
    std::lock_guard lock(mutex_);
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
        if (!on_page(it->record, filter) || !selected(it->record, filter)) continue;
        found.push_back(it->record);
        if (filter.limit != 0 && found.size() == filter.limit) break;
    }
    return found;
}

std::size_t RequestJournal::count(const Filter& filter) const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(
        std::count_if(records_.begin(), records_.end(), [&](const Kept& kept) { return selected(kept.record, filter); }));
}

std::vector<std::string> RequestJournal::accounts() const {
    std::set<std::string> accounts;
    std::lock_guard lock(mutex_);
    for (const auto& kept : records_)
        if (!kept.record.account.empty()) accounts.insert(kept.record.account);
    return {accounts.begin(), accounts.end()};
}

void RequestJournal::clear() {
    std::lock_guard lock(mutex_);
    records_.clear();
    bytes_ = 0;
}

void RequestJournal::clear_account(const std::string& account) {
    std::lock_guard lock(mutex_);
    std::erase_if(records_, [&](const Kept& kept) {
        if (kept.record.account != account) return false;
        bytes_ -= kept.bytes;
        return true;
    });
}

std::size_t RequestJournal::size() const {
    std::lock_guard lock(mutex_);
    return records_.size();
}

std::size_t RequestJournal::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace tcaplus_mock
