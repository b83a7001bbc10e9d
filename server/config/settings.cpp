#include "server/config/settings.hpp"

#include <algorithm>

namespace tcaplus_mock {

using std::chrono::seconds;

namespace {

constexpr std::int64_t max_rate = 1'000'000;
constexpr seconds one_day{86400};
constexpr seconds ten_years{3650 * 86400};

std::string default_credentials_text() {
    return std::string("[{\"secret_id\": \"") + default_test_secret_id + "\", \"secret_key\": \"" +
           default_test_secret_key + "\"}]";
}

std::vector<Setting> server_settings() {
    return {
        make_setting({"server.bind", "127.0.0.1", "bind ADDR",
                      "IP address to listen on; 0.0.0.0 or :: listens on every interface (needed in a container)"},
                     address_kind(), [](Config& c, std::string v) { c.server.bind = std::move(v); }),
        make_setting({"server.port", "8023", "port N", "TCP port to listen on; 0 picks any free port"},
                     integer_kind(0, 65535),
                     [](Config& c, std::int64_t v) { c.server.port = static_cast<std::uint16_t>(v); }),
        make_setting({"server.threads", "0", "threads N", "threads serving requests; 0 = one per CPU core"},
                     integer_kind(0, 1024),
                     [](Config& c, std::int64_t v) { c.server.threads = static_cast<unsigned>(v); }),
        make_setting({"server.idle_timeout", "60", "",
                      "seconds a kept-alive connection may wait for its next request before it is closed"},
                     duration_kind(seconds{1}, one_day), [](Config& c, seconds v) { c.server.idle_timeout = v; }),
        make_setting(
            {"server.read_timeout", "30", "", "seconds reading one request may take once its header has arrived"},
            duration_kind(seconds{1}, one_day), [](Config& c, seconds v) { c.server.read_timeout = v; }),
        make_setting({"server.header_limit", "65536", "", "largest request line plus headers, in bytes"},
                     integer_kind(1024, 16 * 1024 * 1024),
                     [](Config& c, std::int64_t v) { c.server.header_limit = static_cast<std::size_t>(v); }),
        make_setting({"server.body_limit", "10485760", "",
                      "largest request body, in bytes; larger requests get RequestSizeLimitExceeded"},
                     integer_kind(1024, 1024 * 1024 * 1024),
                     [](Config& c, std::int64_t v) { c.server.body_limit = static_cast<std::size_t>(v); }),
        make_setting({"server.body_memory", "67108864", "",
                      "bytes of request bodies all connections may hold at once (at least server.body_limit); "
                      "a body that does not fit gets RequestSizeLimitExceeded before it is read"},
                     integer_kind(1024, std::int64_t{64} * 1024 * 1024 * 1024),
                     [](Config& c, std::int64_t v) { c.server.body_memory = static_cast<std::size_t>(v); }),
        make_setting({"server.shutdown_grace", "5", "",
                      "seconds the requests being handled may take to finish after SIGTERM or SIGINT; "
                      "connections without a whole request close at once"},
                     duration_kind(seconds{0}, seconds{3600}),
                     [](Config& c, seconds v) { c.server.shutdown_grace = v; }),
    };
}

std::vector<Setting> storage_settings() {
    return {
        make_setting({"storage.path", "tcaplus-mock.db", "db PATH",
                      "SQLite database file; :memory: keeps nothing across restarts"},
                     text_kind("a file path or :memory:"),
                     [](Config& c, std::string v) { c.storage.path = std::move(v); }),
        make_setting({"storage.synchronous", "normal", "",
                      "SQLite synchronous mode: normal, or full to survive a power loss at some speed cost"},
                     choice_kind<bool>({{"normal", false}, {"full", true}}),
                     [](Config& c, bool v) { c.storage.synchronous_full = v; }),
        make_setting({"storage.busy_timeout_ms", "5000", "", "milliseconds a write waits for a locked database file"},
                     integer_kind(0, 2'147'483'647),
                     [](Config& c, std::int64_t v) { c.storage.busy_timeout = std::chrono::milliseconds{v}; }),
    };
}

std::vector<Setting> api_and_snapshot_settings() {
    return {
        make_setting({"api.regions", "", "",
                      "regions the service is offered in (others get UnsupportedRegion); empty = every region"},
                     region_list_kind(), [](Config& c, std::vector<std::string> v) { c.api.regions = std::move(v); }),
        make_setting({"api.time_zone", "+08:00", "",
                      "UTC offset of every datetime the API reads and writes (Tencent Cloud shows China time)"},
                     utc_offset_kind(), [](Config& c, seconds v) { c.api.utc_offset = v; }),
        make_setting({"limits.max_batch", "100", "", "most items one request may carry in SelectedTables"},
                     integer_kind(1, 1'000'000),
                     [](Config& c, std::int64_t v) { c.limits.max_batch = static_cast<std::size_t>(v); }),
        make_setting(
            {"snapshots.max_age", "0", "", "how far in the past SnapshotTime may lie, e.g. 7d; 0 or \"\" = no limit"},
            duration_kind(seconds{0}, ten_years, true),
            [](Config& c, seconds v) {
                c.snapshots.max_age = v.count() == 0 ? std::nullopt : std::optional<seconds>(v);
            }),
        make_setting({"snapshots.max_per_table", "0", "", "most snapshots kept per table; 0 = no limit"},
                     integer_kind(0, 1'000'000),
                     [](Config& c, std::int64_t v) {
                         c.snapshots.max_per_table = v == 0 ? std::nullopt : std::optional<std::size_t>(v);
                     }),
        make_setting({"snapshots.ready_after", "0", "",
                      "how long a new snapshot shows SnapshotStatus 0 (creating) before 1 (normal); 0 = the "
                      "next read shows 1"},
                     duration_kind(seconds{0}, ten_years), [](Config& c, seconds v) { c.snapshots.ready_after = v; }),
        make_setting({"snapshots.delete_after", "0", "",
                      "how long a deleted snapshot shows SnapshotStatus 2 (deleting) before it is gone; 0 = at once"},
                     duration_kind(seconds{0}, ten_years), [](Config& c, seconds v) { c.snapshots.delete_after = v; }),
        make_setting({"snapshots.import_duration", "0", "",
                      "how long an import runs: its snapshot shows SnapshotStatus 4 (in use) and cannot be deleted "
                      "meanwhile; 0 = imports finish at once"},
                     duration_kind(seconds{0}, ten_years),
                     [](Config& c, seconds v) { c.snapshots.import_duration = v; }),
    };
}

std::vector<Setting> resource_settings() {
    return {
        make_setting(
            {"resources.mode", "auto", "",
             "auto: every cluster, table group and table exists on first use; "
             "strict: only those in resources.clusters exist, others get ResourceNotFound"},
            choice_kind<ResourcesMode>({{"auto", ResourcesMode::auto_accept}, {"strict", ResourcesMode::strict}}),
            [](Config& c, ResourcesMode v) { c.resources.mode = v; }),
        make_setting({"resources.clusters", "[]", "",
                      "the clusters, table groups and tables of strict mode; as text the same JSON"},
                     clusters_kind(),
                     [](Config& c, std::vector<ClusterDeclaration> v) { c.resources.clusters = std::move(v); }),
    };
}

std::vector<Setting> auth_settings() {
    return {
        make_setting(
            {"auth.mode", "any", "auth-mode MODE",
             "off: nothing is checked; any: requests must be signed and on time, any SecretId is "
             "accepted, and the signature of a SecretId in auth.credentials is verified; strict: as any, "
             "but a SecretId not in auth.credentials gets AuthFailure.SecretIdNotFound"},
            choice_kind<AuthMode>({{"off", AuthMode::off}, {"any", AuthMode::any}, {"strict", AuthMode::strict}}),
            [](Config& c, AuthMode v) { c.auth.mode = v; }),
        make_setting({"auth.credentials", default_credentials_text(), "",
                      "the SecretId/SecretKey pairs whose signatures are verified, each with an optional token "
                      "(then required in X-TC-Token) and sub_account (frequency limits count per sub-account); "
                      "as text the same JSON; setting it replaces the test pair"},
                     credentials_kind(),
                     [](Config& c, std::vector<Credential> v) { c.auth.credentials = std::move(v); }),
        make_setting({"auth.timestamp_window", "300", "",
                      "seconds X-TC-Timestamp may differ from the emulator's clock before AuthFailure.SignatureExpire "
                      "(widen it to move the clock further than 5 minutes under signed requests)"},
                     duration_kind(seconds{1}, ten_years), [](Config& c, seconds v) { c.auth.timestamp_window = v; }),
        make_setting({"auth.debug", "true", "",
                      "a failed signature's canonical request and string to sign go into the response headers "
                      "X-TC-Mock-Canonical-Request and X-TC-Mock-String-To-Sign"},
                     boolean_kind(), [](Config& c, bool v) { c.auth.debug = v; }),
    };
}

std::vector<Setting> other_settings() {
    return {
        make_family({"rate_limits.<Action>", "", "",
                     "requests per second per sub-account for one action (e.g. rate_limits.CreateSnapshots); "
                     "0 = no limit; an action not set keeps its documented limit (20)"},
                    integer_kind(0, max_rate),
                    [](Config& c, std::string_view action, std::int64_t v) {
                        c.rate_limits[std::string(action)] = static_cast<unsigned>(v);
                    }),
        make_setting({"log.format", "text", "log-format FMT", "log lines as text or as one JSON object per line"},
                     choice_kind<LogFormat>({{"text", LogFormat::text}, {"json", LogFormat::json}}),
                     [](Config& c, LogFormat v) { c.log.format = v; }),
        make_setting({"log.requests", "true", "", "log one line per request"}, boolean_kind(),
                     [](Config& c, bool v) { c.log.requests = v; }),
        make_setting({"journal.capacity", "1000", "",
                      "API requests the request journal keeps in memory for GET /_mock/requests; 0 = none"},
                     integer_kind(0, 1'000'000),
                     [](Config& c, std::int64_t v) { c.journal.capacity = static_cast<std::size_t>(v); }),
        make_setting({"journal.max_bytes", "8388608", "",
                      "bytes of request texts (bodies, diagnostics) the journal may hold; the oldest entries go first"},
                     integer_kind(0, std::int64_t{64} * 1024 * 1024 * 1024),
                     [](Config& c, std::int64_t v) { c.journal.max_bytes = static_cast<std::size_t>(v); }),
        make_setting({"control.enabled", "true", "",
                      "serve the control plane under /_mock/; false leaves only /_mock/health and /_mock/ready"},
                     boolean_kind(), [](Config& c, bool v) { c.control.enabled = v; }),
        make_setting({"control.token", "", "",
                      "when set, every /_mock/ path but health and ready needs `Authorization: Bearer <token>`"},
                     any_text_kind("a string; \"\" for none"),
                     [](Config& c, std::string v) { c.control.token = std::move(v); }),
        make_setting({"seed", "", "seed FILE",
                      "a state document (the JSON GET /_mock/state answers) loaded at start-up; \"\" = none"},
                     any_text_kind("a file path; \"\" for none"),
                     [](Config& c, std::string v) { c.seed = std::move(v); }),
    };
}

std::vector<Setting> build_table() {
    std::vector<Setting> table;
    for (auto part : {server_settings(), storage_settings(), api_and_snapshot_settings(), resource_settings(),
                      auth_settings(), other_settings()})
        std::move(part.begin(), part.end(), std::back_inserter(table));
    return table;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The known name a typo away from `name`, if any.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& known) {
    std::optional<std::string> closest;
    std::size_t best = 3;  // this many edits or more is a different word, not a typo
    for (const auto& candidate : known) {
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best) {
            best = distance;
            closest = candidate;
        }
    }
    return closest;
}

// Every key and every section ("server.port", "server"), for suggestions.
std::vector<std::string> known_keys() {
    std::vector<std::string> names;
    for (const auto& setting : settings()) {
        if (setting.is_family()) continue;
        names.push_back(setting.key());
        names.push_back(setting.key().substr(0, setting.key().find('.')));
    }
    return names;
}

std::vector<std::string> known_env_names() {
    std::vector<std::string> names;
    for (const auto& setting : settings())
        if (!setting.is_family()) names.push_back(setting.env_name());
    return names;
}

}  // namespace

const std::vector<Setting>& settings() {
    static const std::vector<Setting> table = build_table();
    return table;
}

bool is_entry_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(),
                                        [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::optional<SettingMatch> find_setting(std::string_view key) {
    for (const auto& setting : settings()) {
        if (!setting.is_family() && setting.key() == key) return SettingMatch{&setting, {}};
        const auto prefix = setting.family_prefix();
        if (!prefix.empty() && key.starts_with(prefix) && is_entry_name(key.substr(prefix.size())))
            return SettingMatch{&setting, std::string(key.substr(prefix.size()))};
    }
    return std::nullopt;
}

std::optional<SettingMatch> find_setting_by_env(std::string_view env_name) {
    for (const auto& setting : settings()) {
        if (!setting.is_family() && setting.env_name() == env_name) return SettingMatch{&setting, {}};
        const auto prefix = setting.env_prefix();
        if (!prefix.empty() && env_name.starts_with(prefix) && is_entry_name(env_name.substr(prefix.size())))
            return SettingMatch{&setting, std::string(env_name.substr(prefix.size()))};
    }
    return std::nullopt;
}

const Setting* find_setting_by_flag(std::string_view flag) {
    for (const auto& setting : settings())
        if (!flag.empty() && setting.flag_name() == flag) return &setting;
    return nullptr;
}

bool is_section(std::string_view path) {
    const std::string prefix = std::string(path) + ".";
    return std::any_of(settings().begin(), settings().end(),
                       [&](const Setting& setting) { return setting.key().starts_with(prefix); });
}

std::string unknown_key_hint(std::string_view key) {
    for (const auto& setting : settings())
        if (setting.is_family() && key.starts_with(setting.family_prefix()))
            return "`" + setting.key() + "` takes a name of letters, such as " + setting.family_prefix() +
                   "CreateSnapshots";
    const auto closest = closest_name(key, known_keys());
    return closest ? "did you mean `" + *closest + "`?" : "run tcaplus-mock --help for the list of settings";
}

std::string unknown_env_hint(std::string_view env_name) {
    for (const auto& setting : settings())
        if (setting.is_family() && env_name.starts_with(setting.env_prefix()))
            return setting.env_name() + " takes a name of letters, such as " + setting.env_prefix() + "CreateSnapshots";
    const auto closest = closest_name(env_name, known_env_names());
    return closest ? "did you mean " + *closest + "?" : "run tcaplus-mock --help for the list of settings";
}

}  // namespace tcaplus_mock
