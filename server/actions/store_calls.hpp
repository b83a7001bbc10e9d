#pragma once
// Awaiting the store from a request's coroutine. The job runs on a store thread (storage never
// runs on an I/O thread); the coroutine resumes on its own executor once the job is over.

#include "storage/store.hpp"

#include <boost/asio/awaitable.hpp>

namespace tcaplus_mock {

// Runs `job` as one write of the store's next transaction (group commit) and resumes once that
// transaction committed. Throws the job's own exception, or the transaction's (then nothing of the
// job was stored).
boost::asio::awaitable<void> store_write(storage::Store& store, storage::StoreJob job);

// Runs `job` on a reader connection (it sees every committed write) and resumes when it is done.
boost::asio::awaitable<void> store_read(storage::Store& store, storage::StoreJob job);

}  // namespace tcaplus_mock
