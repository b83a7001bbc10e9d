// The control plane's endpoints over the emulator's clock.

#include "server/control/control_plane.hpp"

#include "server/config/value_kind.hpp"
#include "server/core/datetime.hpp"

#include <boost/json/object.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

constexpr const char* duration_expected = "a duration such as `1d`, `90m` or `300` (seconds), `-` in front to go back";

// "1d", "90m", 300, or with a leading `-` (or a negative number) to go back.
JsonRead<std::chrono::seconds> read_duration(const JsonFields& fields, std::string_view key) {
    return read_json([&] {
        const auto kind = duration_kind(std::chrono::seconds(0), std::chrono::seconds(100LL * 365 * 86400));
        const auto& value = fields.value(key);
        try {
            if (value.is_string() && value.get_string().starts_with("-"))
                return -kind.read(json::string(std::string_view(value.get_string()).substr(1)));
            if (value.is_int64() && value.get_int64() < 0) return -kind.read(json::value(-value.get_int64()));
            return kind.read(value);
        } catch (const InvalidValue&) {
            fields.fail(key, duration_expected);
        }
    });
}

}  // namespace

HttpResponse ControlPlane::clock_answer() const {
    const auto reading = services_.clock.read();
    const auto now = unix_seconds(reading.now);
    return json_answer(200, json::object{{"now", now},
                                         {"datetime", format_datetime(now, services_.config.api.utc_offset)},
                                         {"offset_seconds", std::chrono::round<std::chrono::seconds>(reading.offset).count()},
                                         {"frozen", reading.frozen}});
}

boost::asio::awaitable<ControlReply> ControlPlane::read_clock(const HttpRequest&, std::string_view) {
    co_return clock_answer();
}

boost::asio::awaitable<ControlReply> ControlPlane::set_clock(const HttpRequest& http, std::string_view) {
    const auto body = body_of(http);
    if (!body) co_return body.error();
    auto& clock = services_.clock;
    const auto outcome = read_json([&]() -> bool {
        const JsonFields fields(*body, "", {"advance", "set", "freeze", "reset"});
        if (body->as_object().size() != 1) return false;
        if (fields.has("advance")) {
            clock.advance(read_duration(fields, "advance").value());
        } else if (fields.has("set")) {
            const auto when = parse_datetime(fields.text("set"), services_.config.api.utc_offset);
            if (!when) fields.fail("set", "a datetime `YYYY-MM-DD HH:MM:SS` in api.time_zone");
            clock.set(TimePoint(std::chrono::seconds(*when)));
        } else if (fields.has("freeze")) {
            clock.freeze(fields.boolean("freeze"));
        } else {
            if (!fields.boolean("reset")) fields.fail("reset", "true");
            clock.reset();
        }
        return true;
    });
    if (!outcome) co_return bad_request(outcome.error());
    if (!*outcome) co_return bad_request("give exactly one of `advance`, `set`, `freeze`, `reset`");
    co_return clock_answer();
}

}  // namespace tcaplus_mock
