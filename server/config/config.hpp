#pragma once
// Config: every setting of the emulator, already validated. Built once at start-up by
// load_config (config_loader.hpp) from defaults < JSON file < TCAPLUS_MOCK_* environment < flags,
// then shared read-only by every component. The defaults are the member initializers below, and
// nowhere else: the configuration reference (docs/configuration.md) is generated from them.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tcaplus_mock {

enum class AuthMode { off, any, strict };
enum class ResourcesMode { auto_accept, strict };
enum class LogFormat { text, json };

// The documented test credential, in the default configuration.
inline constexpr const char* default_test_secret_id = "AKIDTCAPLUSMOCKTESTSECRETID0000000";
inline constexpr const char* default_test_secret_key = "TcaplusMockTestSecretKey000000000";

// A SecretId/SecretKey pair the emulator verifies signatures with.
struct Credential {
    std::string secret_id;
    std::string secret_key;
    std::string token;        // when set, requests must carry it in X-TC-Token / `Token`
    std::string sub_account;  // frequency limits are counted per sub-account; "" = the SecretId itself

    bool operator==(const Credential&) const = default;
};

// Declared resources, used when resources.mode is strict.
struct TableGroupDeclaration {
    std::string id;
    std::vector<std::string> tables;

    bool operator==(const TableGroupDeclaration&) const = default;
};
struct ClusterDeclaration {
    std::string id;
    std::vector<TableGroupDeclaration> table_groups;

    bool operator==(const ClusterDeclaration&) const = default;
};

struct Config {
    struct Server {
        std::string bind = "127.0.0.1";
        std::uint16_t port = 8023;
        unsigned threads = 0;  // 0 = the machine's cores
        std::chrono::seconds idle_timeout{60};   // a kept-alive connection waiting for its next request
        std::chrono::seconds read_timeout{30};   // reading one request's body once its header arrived
        std::size_t header_limit = 64 * 1024;    // request line + headers, bytes
        std::size_t body_limit = 10 * 1024 * 1024;
        std::size_t body_memory = 64 * 1024 * 1024;  // request bodies held by all connections at once
        std::chrono::seconds shutdown_grace{5};  // requests being handled get this long after SIGTERM

        bool operator==(const Server&) const = default;
    } server;

    struct Storage {
        std::string path = "tcaplus-mock.db";  // ":memory:" keeps nothing across restarts
        bool synchronous_full = false;         // PRAGMA synchronous FULL instead of NORMAL
        std::chrono::milliseconds busy_timeout{5000};

        bool operator==(const Storage&) const = default;
    } storage;

    struct Api {
        std::vector<std::string> regions;     // regions the service is offered in; empty = every region
        std::chrono::seconds utc_offset{8 * 3600};  // zone of every datetime read and written

        bool operator==(const Api&) const = default;
    } api;

    struct Limits {
        std::size_t max_batch = 100;  // most items in one SelectedTables

        bool operator==(const Limits&) const = default;
    } limits;

    struct Snapshots {
        std::optional<std::chrono::seconds> max_age;  // oldest SnapshotTime accepted; nullopt = no limit
        std::optional<std::size_t> max_per_table;     // nullopt = no limit
        // The lifecycle on the emulator's clock: how long a new snapshot shows as creating (0), a
        // deleted one as deleting (2), and a snapshot an import reads as in use (4).
        std::chrono::seconds ready_after{0};
        std::chrono::seconds delete_after{0};
        std::chrono::seconds import_duration{0};

        bool operator==(const Snapshots&) const = default;
    } snapshots;

    struct Clusters {
        std::chrono::seconds ready_after{0};  // a new cluster shows ClusterStatus 4 (changing), then 0

        bool operator==(const Clusters&) const = default;
    } clusters;

    struct Tasks {
        std::chrono::seconds duration{0};  // a task's Progress runs from 0 to 100 over it; 0 = done at once

        bool operator==(const Tasks&) const = default;
    } tasks;

    struct Resources {
        ResourcesMode mode = ResourcesMode::auto_accept;
        std::vector<ClusterDeclaration> clusters;

        bool operator==(const Resources&) const = default;
    } resources;

    struct Auth {
        AuthMode mode = AuthMode::any;
        std::vector<Credential> credentials{{default_test_secret_id, default_test_secret_key, {}, {}}};
        std::chrono::seconds timestamp_window{300};
        bool debug = true;  // a failed signature's canonical request goes into a response header

        bool operator==(const Auth&) const = default;
    } auth;

    // Requests per second per action and sub-account; an action missing here uses its spec's
    // documented limit; 0 turns the limit off.
    std::map<std::string, unsigned> rate_limits;

    struct Log {
        LogFormat format = LogFormat::text;
        bool requests = true;  // one line per request

        bool operator==(const Log&) const = default;
    } log;

    struct Journal {
        std::size_t capacity = 1000;  // API requests kept for GET /_mock/requests; 0 = none
        std::size_t max_bytes = 8 * 1024 * 1024;  // and at most this much of their texts

        bool operator==(const Journal&) const = default;
    } journal;

    struct Control {
        bool enabled = true;  // false: /_mock/ answers only health and ready
        std::string token;    // non-empty: every /_mock/ path but health and ready needs it as a bearer token

        bool operator==(const Control&) const = default;
    } control;

    // A state document (as GET /_mock/state writes) loaded at start-up; "" = none.
    std::string seed;

    bool operator==(const Config&) const = default;
};

}  // namespace tcaplus_mock
