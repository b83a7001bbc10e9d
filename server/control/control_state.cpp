// The control plane's endpoints over the stored state: reset, export and replace.

#include "server/control/control_plane.hpp"

#include "server/actions/store_calls.hpp"
#include "server/auth/authenticator.hpp"
#include "server/control/state_document.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <set>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<std::vector<std::string>> ControlPlane::known_accounts() {
    std::set<std::string> accounts{shared_account};
    for (const auto& credential : services_.config.auth.credentials)
        accounts.insert(credential.sub_account.empty() ? credential.secret_id : credential.sub_account);
    for (auto& account : services_.journal.accounts()) accounts.insert(std::move(account));
    std::vector<std::string> stored;
    co_await store_read(services_.store, [&](storage::Repository& repository) { stored = repository.accounts(); });
    accounts.insert(stored.begin(), stored.end());
    co_return std::vector<std::string>(accounts.begin(), accounts.end());
}

boost::asio::awaitable<ControlReply> ControlPlane::reset(const HttpRequest& http, std::string_view) {
    const auto query = query_of(http, {"account"});
    if (!query) co_return query.error();
    const auto account = take(*query, "account");
    if (!account) {
        co_await store_write(services_.store, [](storage::Repository& repository) { repository.erase_everything(); });
        services_.rate_limiter.reset();
        services_.journal.clear();
        services_.faults.clear();
        services_.clock.reset();
        co_return json_answer(200, json::object{{"reset", "all"}});
    }
    const auto known = co_await known_accounts();
    if (std::find(known.begin(), known.end(), *account) == known.end())
        co_return bad_request("unknown account `" + *account + "`; the accounts known are those of the configured "
                              "credentials, `default`, and any that stored something or sent a request");
    co_await store_write(services_.store, [&](storage::Repository& repository) { repository.erase_account(*account); });
    services_.rate_limiter.reset(*account);
    // With authentication off, frequency limits count per client address, and everyone is `default`.
    if (*account == shared_account && services_.config.auth.mode == AuthMode::off) services_.rate_limiter.reset();
    services_.journal.clear_account(*account);
    co_return json_answer(200, json::object{{"reset", *account}});
}

boost::asio::awaitable<ControlReply> ControlPlane::export_state(const HttpRequest& http, std::string_view) {
    const auto query = query_of(http, {"account"});
    if (!query) co_return query.error();
    const auto account = take(*query, "account");
    if (account) {
        const auto known = co_await known_accounts();
        if (std::find(known.begin(), known.end(), *account) == known.end())
            co_return bad_request("unknown account `" + *account + "`");
    }
    StateDocument state;
    co_await store_read(services_.store, [&](storage::Repository& repository) { state = read_state(repository, account); });
    co_return json_answer(200, write_state_document(state, services_.config.api.utc_offset));
}

boost::asio::awaitable<ControlReply> ControlPlane::import_state(const HttpRequest& http, std::string_view) {
    const auto body = body_of(http);
    if (!body) co_return body.error();
    const auto state =
        parse_state_document(*body, services_.config.api.utc_offset, unix_seconds(services_.clock.now()));
    if (!state) co_return bad_request(state.error());
    co_await store_write(services_.store, [&](storage::Repository& repository) { replace_state(repository, *state); });
    std::size_t snapshots = 0;
    for (const auto& account : state->accounts) snapshots += account.snapshots.size();
    co_return json_answer(200, json::object{{"scope", state->whole ? "all" : "accounts"},
                                            {"accounts", state->accounts.size()},
                                            {"snapshots", snapshots}});
}

}  // namespace tcaplus_mock
