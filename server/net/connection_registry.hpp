#pragma once
// ConnectionRegistry: the open connections of an HttpServer, so that stop() can reach each one and
// wait for them to finish. Thread safe.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace tcaplus_mock {

class Session;

class ConnectionRegistry {
public:
    void add(std::shared_ptr<Session> session);
    void remove(const Session* session);  // no-op when absent

    std::vector<std::shared_ptr<Session>> snapshot() const;

    // Returns true once no connection is left, false when `deadline` passes first.
    bool wait_until_empty(std::chrono::steady_clock::time_point deadline) const;

    // Drops every reference still held (after the worker threads have stopped).
    void clear();

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable emptied_;
    std::unordered_map<const Session*, std::shared_ptr<Session>> sessions_;
};

}  // namespace tcaplus_mock
