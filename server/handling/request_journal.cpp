#include "server/handling/request_journal.hpp"

#include "server/core/text.hpp"

#include <algorithm>
#include <set>

namespace tcaplus_mock {
namespace {

void cut(std::string& text, std::size_t limit) {
    if (text.size() > limit) text.resize(text::utf8_prefix(text, limit).size());
}

void cut_to_size(RequestRecord& record) {
    for (auto* field : {&record.request_id, &record.trace_id, &record.client_address, &record.method, &record.action,
                        &record.secret_id, &record.account, &record.result, &record.parameter, &record.fault_id})
        cut(*field, RequestJournal::max_field_bytes);
    cut(record.message, RequestJournal::max_text_bytes);
    cut(record.canonical_request, RequestJournal::max_text_bytes);
    cut(record.string_to_sign, RequestJournal::max_text_bytes);
    if (record.body.size() > RequestJournal::max_text_bytes) {
        record.body_truncated = true;
        cut(record.body, RequestJournal::max_text_bytes);
    }
    if (record.items.size() > 1000) record.items.resize(1000);
}

bool matches(const RequestRecord& record, const RequestJournal::Filter& filter) {
    if (filter.action && record.action != *filter.action) return false;
    if (filter.code && record.result != *filter.code) return false;
    if (filter.account && record.account != *filter.account) return false;
    if (filter.since && record.time < *filter.since) return false;
    return true;
}

}  // namespace

RequestJournal::RequestJournal(std::size_t capacity) : slots_(capacity) {}

void RequestJournal::record(RequestRecord record) {
    if (slots_.empty()) return;
    cut_to_size(record);
    std::lock_guard lock(mutex_);
    slots_[next_] = std::move(record);
    next_ = (next_ + 1) % slots_.size();
    count_ = std::min(count_ + 1, slots_.size());
}

std::vector<RequestRecord> RequestJournal::list(const Filter& filter) const {
    std::vector<RequestRecord> found;
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < count_; ++i) {
        const auto& record = slots_[(next_ + slots_.size() - 1 - i) % slots_.size()];
        if (!matches(record, filter)) continue;
        found.push_back(record);
        if (filter.limit != 0 && found.size() == filter.limit) break;
    }
    return found;
}

std::vector<std::string> RequestJournal::accounts() const {
    std::set<std::string> accounts;
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < count_; ++i) {
        const auto& account = slots_[(next_ + slots_.size() - 1 - i) % slots_.size()].account;
        if (!account.empty()) accounts.insert(account);
    }
    return {accounts.begin(), accounts.end()};
}

void RequestJournal::clear() {
    std::lock_guard lock(mutex_);
    for (auto& slot : slots_) slot = RequestRecord{};
    next_ = 0;
    count_ = 0;
}

void RequestJournal::clear_account(const std::string& account) {
    std::lock_guard lock(mutex_);
    if (slots_.empty()) return;
    std::vector<RequestRecord> kept;  // oldest first
    for (std::size_t i = count_; i > 0; --i) {
        auto& record = slots_[(next_ + slots_.size() - i) % slots_.size()];
        if (record.account != account) kept.push_back(std::move(record));
    }
    for (auto& slot : slots_) slot = RequestRecord{};
    for (std::size_t i = 0; i < kept.size(); ++i) slots_[i] = std::move(kept[i]);
    count_ = kept.size();
    next_ = count_ % slots_.size();
}

std::size_t RequestJournal::size() const {
    std::lock_guard lock(mutex_);
    return count_;
}

}  // namespace tcaplus_mock
