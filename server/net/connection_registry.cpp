#include "server/net/connection_registry.hpp"

#include <utility>

namespace tcaplus_mock {

void ConnectionRegistry::add(std::shared_ptr<Session> session) {
    std::lock_guard lock(mutex_);
    const Session* key = session.get();
    sessions_.emplace(key, std::move(session));
}

void ConnectionRegistry::remove(const Session* session) {
    std::shared_ptr<Session> last_reference;  // destroyed after unlocking: it may close a socket
    {
        std::lock_guard lock(mutex_);
        auto found = sessions_.find(session);
        if (found == sessions_.end()) return;
        last_reference = std::move(found->second);
        sessions_.erase(found);
        if (sessions_.empty()) emptied_.notify_all();
    }
}

std::vector<std::shared_ptr<Session>> ConnectionRegistry::snapshot() const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<Session>> sessions;
    sessions.reserve(sessions_.size());
    for (const auto& [key, session] : sessions_) sessions.push_back(session);
    return sessions;
}

bool ConnectionRegistry::wait_until_empty(std::chrono::steady_clock::time_point deadline) const {
    std::unique_lock lock(mutex_);
    return emptied_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
}

void ConnectionRegistry::clear() {
    std::unordered_map<const Session*, std::shared_ptr<Session>> released;
    {
        std::lock_guard lock(mutex_);
        released.swap(sessions_);
        emptied_.notify_all();
    }
}

}  // namespace tcaplus_mock
