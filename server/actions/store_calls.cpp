#include "server/actions/store_calls.hpp"

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>
#include <utility>

namespace tcaplus_mock {
namespace {

namespace asio = boost::asio;

enum class Kind { write, read };

// A completion signature whose exception_ptr the awaiting coroutine rethrows.
using JobSignature = void(std::exception_ptr);

// The awaiting coroutine's handler, and a claim on its executor: while the job runs the coroutine
// is still outstanding work, so an io_context does not run out of work under it.
template <class Handler>
struct Waiter {
    explicit Waiter(Handler h) : handler(std::move(h)), work(asio::make_work_guard(asio::get_associated_executor(handler))) {}
    Handler handler;
    asio::executor_work_guard<asio::associated_executor_t<Handler>> work;
};

asio::awaitable<void> await_job(storage::Store& store, storage::StoreJob job, Kind kind) {
    auto initiate = [&store, kind, job = std::move(job)](auto handler) mutable {
        // The store keeps copyable callbacks; the coroutine's handler is move-only.
        auto waiter = std::make_shared<Waiter<decltype(handler)>>(std::move(handler));
        auto done = [waiter](std::exception_ptr failure) {
            // A claim of the store thread's own, given up only once post() has returned: asio wakes
            // the io_context's thread after queueing the handler, so without it run() could return
            // and the io_context be destroyed while post() is still signalling it (ThreadSanitizer
            // caught this in the handling tests, whose io_context lives for one request).
            const auto posting = asio::make_work_guard(waiter->work.get_executor());
            asio::post(waiter->work.get_executor(), [waiter, failure]() mutable {
                waiter->work.reset();
                std::move(waiter->handler)(failure);
            });
        };
        if (kind == Kind::write) {
            store.write(std::move(job), std::move(done));
        } else {
            store.read(std::move(job), std::move(done));
        }
    };
    co_await asio::async_initiate<const asio::use_awaitable_t<>&, JobSignature>(std::move(initiate),
                                                                                 asio::use_awaitable);
}

}  // namespace

asio::awaitable<void> store_write(storage::Store& store, storage::StoreJob job) {
    return await_job(store, std::move(job), Kind::write);
}

asio::awaitable<void> store_read(storage::Store& store, storage::StoreJob job) {
    return await_job(store, std::move(job), Kind::read);
}

}  // namespace tcaplus_mock
