// The control plane's read-only views for the dashboard: the accounts, and what the API shows one of
// them now (resource_view.hpp).

#include "server/control/control_plane.hpp"

#include "server/actions/store_calls.hpp"
#include "server/control/resource_view.hpp"
#include "server/core/text.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// The page of `kind` a query asks for; nullopt without `kind`.
ControlResult<std::optional<ResourcePage>> resource_page(const QueryParameters& query) {
    const auto kind_name = take(query, "kind");
    const auto offset = take(query, "offset");
    const auto limit = take(query, "limit");
    if (!kind_name) {
        if (offset || limit) return bad_request("`offset` and `limit` page a `kind`; give one");
        return std::nullopt;
    }
    const auto kind = resource_kind_named(*kind_name);
    if (!kind)
        return bad_request("`kind`: expected one of " + resource_kind_names() + ", got `" + *kind_name + "`");
    ResourcePage page{*kind};
    if (offset) {
        const auto value = text::parse_whole<std::size_t>(*offset);
        if (!value) return bad_request("`offset`: expected a whole number, got `" + *offset + "`");
        page.offset = *value;
    }
    if (limit) {
        const auto value = text::parse_whole<std::size_t>(*limit);
        if (!value || *value == 0 || *value > 1000)
            return bad_request("`limit`: expected a whole number from 1 to 1000, got `" + *limit + "`");
        page.limit = *value;
    }
    return std::optional(page);
}

}  // namespace

boost::asio::awaitable<ControlReply> ControlPlane::accounts(const HttpRequest& http, std::string_view) {
    if (auto query = query_of(http, {}); !query) co_return query.error();
    const auto known = co_await known_accounts();
    std::vector<std::string> stored;
    co_await store_read(services_.store, [&](storage::Repository& repository) { stored = repository.accounts(); });
    const auto journalled = services_.journal.accounts();
    json::array list;
    for (const auto& account : known) {
        const auto in = [&](const std::vector<std::string>& names) {
            return std::find(names.begin(), names.end(), account) != names.end();
        };
        list.push_back(json::object{{"account", account}, {"stored", in(stored)}, {"requests", in(journalled)}});
    }
    co_return json_answer(200, json::object{{"accounts", std::move(list)}});
}

boost::asio::awaitable<ControlReply> ControlPlane::resources(const HttpRequest& http, std::string_view) {
    const auto query = query_of(http, {"account", "kind", "offset", "limit"});
    if (!query) co_return query.error();
    const auto account = take(*query, "account");
    if (!account) co_return bad_request("`account` is missing: the account whose resources to show");
    const auto page = resource_page(*query);
    if (!page) co_return page.error();
    const auto known = co_await known_accounts();
    if (std::find(known.begin(), known.end(), *account) == known.end())
        co_return bad_request("unknown account `" + *account + "`");
    const ResourceViewRequest request{*account, services_.config, services_.started_at,
                                      unix_seconds(services_.clock.now()), *page};
    json::object view;
    co_await store_read(services_.store, [&](storage::Repository& repository) {
        view = read_resource_view(repository, request);
    });
    co_return json_answer(200, view);
}

}  // namespace tcaplus_mock
