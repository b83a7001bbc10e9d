#include "server/config/settings.hpp"

#include <algorithm>

namespace tcaplus_mock {

using std::chrono::seconds;

namespace {

constexpr std::int64_t max_rate = 1'000'000;
constexpr seconds one_day{86400};
constexpr seconds ten_years{3650 * 86400};
constexpr std::int64_t gibibyte = 1024 * 1024 * 1024;

std::vector<Setting> server_settings() {
    return {
        make_setting("server.bind", "bind ADDR",
                     "IP address to listen on; 0.0.0.0 or :: listens on every interface (needed in a container)",
                     address_kind(), [](Config& c) -> auto& { return c.server.bind; }),
        make_setting("server.port", "port N", "TCP port to listen on; 0 picks any free port",
                     integer_kind<std::uint16_t>(0, 65535), [](Config& c) -> auto& { return c.server.port; }),
        make_setting("server.threads", "threads N", "threads serving requests; 0 = one per CPU core",
                     integer_kind<unsigned>(0, 1024), [](Config& c) -> auto& { return c.server.threads; }),
        make_setting("server.idle_timeout", "",
                     "how long a kept-alive connection may wait for its next request before it is closed",
                     duration_kind(seconds{1}, one_day), [](Config& c) -> auto& { return c.server.idle_timeout; }),
        make_setting("server.read_timeout", "", "how long reading one request may take once its header has arrived",
                     duration_kind(seconds{1}, one_day), [](Config& c) -> auto& { return c.server.read_timeout; }),
        make_setting("server.header_limit", "", "largest request line plus headers, in bytes",
                     integer_kind<std::size_t>(1024, 16 * 1024 * 1024),
                     [](Config& c) -> auto& { return c.server.header_limit; }),
        make_setting("server.body_limit", "",
                     "largest request body, in bytes; larger requests get RequestSizeLimitExceeded",
                     integer_kind<std::size_t>(1024, gibibyte), [](Config& c) -> auto& { return c.server.body_limit; }),
        make_setting("server.body_memory", "",
                     "bytes of request bodies all connections may hold at once (at least server.body_limit); "
                     "a body that does not fit gets RequestSizeLimitExceeded before it is read",
                     integer_kind<std::size_t>(1024, 64 * gibibyte),
                     [](Config& c) -> auto& { return c.server.body_memory; }),
        make_setting("server.shutdown_grace", "",
                     "how long the requests being handled may take to finish after SIGTERM or SIGINT; "
                     "connections without a whole request close at once",
                     duration_kind(seconds{0}, seconds{3600}), [](Config& c) -> auto& { return c.server.shutdown_grace; }),
    };
}

std::vector<Setting> storage_settings() {
    return {
        make_setting("storage.path", "db PATH", "SQLite database file; :memory: keeps nothing across restarts",
                     text_kind("a file path or :memory:"), [](Config& c) -> auto& { return c.storage.path; }),
        make_setting("storage.synchronous", "",
                     "SQLite synchronous mode: normal, or full to survive a power loss at some speed cost",
                     choice_kind<bool>({{"normal", false}, {"full", true}}),
                     [](Config& c) -> auto& { return c.storage.synchronous_full; }),
        make_setting("storage.busy_timeout_ms", "", "how long a write waits for a locked database file",
                     milliseconds_kind(2'147'483'647), [](Config& c) -> auto& { return c.storage.busy_timeout; }),
    };
}

std::vector<Setting> api_and_snapshot_settings() {
    return {
        make_setting("api.regions", "",
                     "regions the service is offered in (others get UnsupportedRegion); empty = every region",
                     region_list_kind(), [](Config& c) -> auto& { return c.api.regions; }),
        make_setting("api.time_zone", "",
                     "UTC offset of every datetime the API reads and writes (Tencent Cloud shows China time)",
                     utc_offset_kind(), [](Config& c) -> auto& { return c.api.utc_offset; }),
        make_setting("limits.max_batch", "", "most items one list parameter of a request may carry (SelectedTables, ClusterIds, IdlFiles...)",
                     integer_kind<std::size_t>(1, 1'000'000), [](Config& c) -> auto& { return c.limits.max_batch; }),
        make_setting("snapshots.max_age", "", "how far in the past SnapshotTime may lie, e.g. 7d",
                     optional_duration_kind(ten_years), [](Config& c) -> auto& { return c.snapshots.max_age; }),
        make_setting("snapshots.max_per_table", "", "most snapshots kept per table", optional_count_kind(1'000'000),
                     [](Config& c) -> auto& { return c.snapshots.max_per_table; }),
        make_setting("snapshots.ready_after", "",
                     "how long a new snapshot shows SnapshotStatus 0 (creating) before 1 (normal); 0 = the next "
                     "read shows 1",
                     duration_kind(seconds{0}, ten_years), [](Config& c) -> auto& { return c.snapshots.ready_after; }),
        make_setting("snapshots.delete_after", "",
                     "how long a deleted snapshot shows SnapshotStatus 2 (deleting) before it is gone; 0 = at once",
                     duration_kind(seconds{0}, ten_years), [](Config& c) -> auto& { return c.snapshots.delete_after; }),
        make_setting("snapshots.import_duration", "",
                     "how long an import runs: its snapshot shows SnapshotStatus 4 (in use) and cannot be deleted "
                     "meanwhile; 0 = imports finish at once",
                     duration_kind(seconds{0}, ten_years),
                     [](Config& c) -> auto& { return c.snapshots.import_duration; }),
    };
}

std::vector<Setting> resource_settings() {
    return {
        make_setting("clusters.ready_after", "",
                     "how long a new cluster shows ClusterStatus 4 (changing) before 0 (running); 0 = running at once",
                     duration_kind(seconds{0}, ten_years), [](Config& c) -> auto& { return c.clusters.ready_after; }),
        make_setting("tasks.duration", "",
                     "how long a task runs: its Progress in DescribeTasks goes from 0 to 100 over it; 0 = done at once",
                     duration_kind(seconds{0}, ten_years), [](Config& c) -> auto& { return c.tasks.duration; }),
        make_setting("resources.mode", "",
                     "auto: a cluster, table group or table a snapshot action names exists from its first use on; "
                     "strict: only those created through the API, seeded, or declared in resources.clusters exist, "
                     "others get ResourceNotFound",
                     choice_kind<ResourcesMode>({{"auto", ResourcesMode::auto_accept}, {"strict", ResourcesMode::strict}}),
                     [](Config& c) -> auto& { return c.resources.mode; }),
        make_setting("resources.clusters", "",
                     "clusters, table groups and tables that exist for every account, in every region (ids unique in "
                     "their list); as text the same JSON",
                     clusters_kind(), [](Config& c) -> auto& { return c.resources.clusters; }),
    };
}

std::vector<Setting> auth_settings() {
    return {
        make_setting("auth.mode", "auth-mode MODE",
                     "off: nothing is checked; any: requests must be signed and on time, any SecretId is "
                     "accepted, and the signature of a SecretId in auth.credentials is verified; strict: as any, "
                     "but a SecretId not in auth.credentials gets AuthFailure.SecretIdNotFound",
                     choice_kind<AuthMode>({{"off", AuthMode::off}, {"any", AuthMode::any}, {"strict", AuthMode::strict}}),
                     [](Config& c) -> auto& { return c.auth.mode; }),
        make_setting("auth.credentials", "",
                     "the SecretId/SecretKey pairs whose signatures are verified, each with an optional token "
                     "(then required in X-TC-Token) and sub_account (frequency limits count per sub-account); "
                     "as text the same JSON; setting it replaces the documented test pair",
                     credentials_kind(), [](Config& c) -> auto& { return c.auth.credentials; }),
        make_setting("auth.timestamp_window", "",
                     "how far X-TC-Timestamp may be from the emulator's clock before AuthFailure.SignatureExpire "
                     "(widen it to move the clock further than 5 minutes under signed requests)",
                     duration_kind(seconds{1}, ten_years), [](Config& c) -> auto& { return c.auth.timestamp_window; }),
        make_setting("auth.debug", "",
                     "a failed signature's canonical request and string to sign go into the response headers "
                     "X-TC-Mock-Canonical-Request and X-TC-Mock-String-To-Sign",
                     boolean_kind(), [](Config& c) -> auto& { return c.auth.debug; }),
    };
}

std::vector<Setting> other_settings() {
    return {
        make_family("rate_limits.<Action>",
                    "requests per second per sub-account for one action (e.g. rate_limits.CreateSnapshots); "
                    "0 = no limit; an action not set keeps its documented limit",
                    integer_kind<unsigned>(0, max_rate),
                    [](Config& c, std::string_view action) -> auto& { return c.rate_limits[std::string(action)]; }),
        make_setting("log.format", "log-format FMT", "log lines as text or as one JSON object per line",
                     choice_kind<LogFormat>({{"text", LogFormat::text}, {"json", LogFormat::json}}),
                     [](Config& c) -> auto& { return c.log.format; }),
        make_setting("log.requests", "", "log one line per request", boolean_kind(),
                     [](Config& c) -> auto& { return c.log.requests; }),
        make_setting("journal.capacity", "",
                     "API requests the request journal keeps in memory for GET /_mock/requests; 0 = none",
                     integer_kind<std::size_t>(0, 1'000'000), [](Config& c) -> auto& { return c.journal.capacity; }),
        make_setting("journal.max_bytes", "",
                     "bytes of request texts (bodies, diagnostics) the journal may hold; the oldest entries go first",
                     integer_kind<std::size_t>(0, 64 * gibibyte), [](Config& c) -> auto& { return c.journal.max_bytes; }),
        make_setting("control.enabled", "",
                     "serve the control plane under /_mock/; false leaves only /_mock/health and /_mock/ready",
                     boolean_kind(), [](Config& c) -> auto& { return c.control.enabled; }),
        make_setting("control.token", "",
                     "when set, every /_mock/ path but health and ready needs `Authorization: Bearer <token>`",
                     any_text_kind("a string; \"\" for none"), [](Config& c) -> auto& { return c.control.token; }),
        make_setting("seed", "seed FILE",
                     "a state document (the JSON GET /_mock/state answers) loaded at start-up; \"\" = none",
                     any_text_kind("a file path; \"\" for none"), [](Config& c) -> auto& { return c.seed; }),
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
        names.push_back(setting.key);
        names.push_back(setting.key.substr(0, setting.key.find('.')));
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
        if (!setting.is_family() && setting.key == key) return SettingMatch{&setting, {}};
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
                       [&](const Setting& setting) { return setting.key.starts_with(prefix); });
}

std::string unknown_key_hint(std::string_view key) {
    for (const auto& setting : settings())
        if (setting.is_family() && key.starts_with(setting.family_prefix()))
            return "`" + setting.key + "` takes a name of letters, such as " + setting.family_prefix() +
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
