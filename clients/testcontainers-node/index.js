"use strict";
// TcaplusMockContainer: tcaplus-mock (the local emulator of Tencent Cloud's TcaplusDB API) as a
// Testcontainers module. Settings become TCAPLUS_MOCK_* environment variables of the container, a
// seed becomes a file in it, and the started container answers the official Node.js SDK through
// getClientConfig() and the emulator's control plane (/_mock/) through reset(), journal() and
// advanceClock().

const path = require("node:path");
const { AbstractStartedContainer, GenericContainer, Wait } = require("testcontainers");

const DEFAULT_IMAGE = "tcaplus-mock:0.1.0";
const PORT = 8023;
const DEFAULT_REGION = "ap-guangzhou";
const TEST_CREDENTIAL = Object.freeze({
    secretId: "AKIDTCAPLUSMOCKTESTSECRETID0000000",
    secretKey: "TcaplusMockTestSecretKey000000000",
});
const SEED_PATH = "/tcaplus-mock-seed.json";
const ENV_PREFIX = "TCAPLUS_MOCK_";

// "auth.mode" -> TCAPLUS_MOCK_AUTH_MODE. A part with capitals is a name of the API and keeps its
// case: "rate_limits.CreateSnapshots" -> TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots.
function settingEnvName(key) {
    if (typeof key !== "string" || !/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(key)) {
        throw new TypeError(`a setting key is dotted words such as "auth.mode", got ${JSON.stringify(key)}`);
    }
    const parts = key.split(".").map((part) => (/^[a-z0-9_]+$/.test(part) ? part.toUpperCase() : part));
    return ENV_PREFIX + parts.join("_");
}

// The emulator reads a variable as the JSON it spells, so lists and objects go as JSON text.
function settingText(value) {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (value !== null && typeof value === "object") return JSON.stringify(value);
    throw new TypeError(`a setting value is a string, number, boolean, list or object, got ${value}`);
}

function credentialSetting({ secretId, secretKey, token, subAccount }) {
    if (!secretId || !secretKey) throw new TypeError("a credential needs secretId and secretKey");
    const entry = { secret_id: secretId, secret_key: secretKey };
    if (token) entry.token = token;
    if (subAccount) entry.sub_account = subAccount;
    return entry;
}

// The credential the SDK signs with: the first of auth.credentials, however it was set.
function clientCredential(credentialsSetting) {
    if (credentialsSetting === undefined) return { ...TEST_CREDENTIAL };
    const list = typeof credentialsSetting === "string" ? JSON.parse(credentialsSetting) : credentialsSetting;
    const first = Array.isArray(list) ? list[0] : undefined;
    if (!first) throw new TypeError("auth.credentials must list at least one credential");
    const credential = { secretId: first.secret_id, secretKey: first.secret_key };
    if (first.token) credential.token = first.token;
    return credential;
}

class TcaplusMockContainer extends GenericContainer {
    constructor(image = DEFAULT_IMAGE) {
        super(image);
        this.settings = new Map();
        this.withExposedPorts(PORT).withWaitStrategy(Wait.forHttp("/_mock/ready", PORT).forStatusCode(200));
    }

    // Any setting of docs/configuration.md, by its key: withSetting("snapshots.ready_after", "60s").
    withSetting(key, value) {
        this.withEnvironment({ [settingEnvName(key)]: settingText(value) });
        this.settings.set(key, value);
        return this;
    }

    withAuthMode(mode) {
        return this.withSetting("auth.mode", mode);
    }

    // Replaces the test credential, as auth.credentials does; getClientConfig() signs with the first.
    withCredentials(...credentials) {
        const list = credentials.flat();
        if (list.length === 0) throw new TypeError("withCredentials needs at least one credential");
        return this.withSetting("auth.credentials", list.map(credentialSetting));
    }

    // A state document (docs/control-plane.md), as an object or as the path of a JSON file, loaded
    // before /_mock/ready answers 200.
    withSeed(seed) {
        if (typeof seed === "string") {
            this.withCopyFilesToContainer([{ source: path.resolve(seed), target: SEED_PATH, mode: 0o644 }]);
        } else if (seed !== null && typeof seed === "object") {
            this.withCopyContentToContainer([{ content: JSON.stringify(seed), target: SEED_PATH, mode: 0o644 }]);
        } else {
            throw new TypeError("withSeed takes a state document object or the path of a JSON file");
        }
        return this.withSetting("seed", SEED_PATH);
    }

    async start() {
        const options = {
            credential: clientCredential(this.settings.get("auth.credentials")),
            controlToken: String(this.settings.get("control.token") ?? ""),
        };
        return new StartedTcaplusMockContainer(await super.start(), options);
    }
}

class StartedTcaplusMockContainer extends AbstractStartedContainer {
    constructor(startedTestContainer, { credential, controlToken }) {
        super(startedTestContainer);
        this.credential = credential;
        this.controlToken = controlToken;
    }

    // host:port, as an SDK's endpoint setting takes it.
    getEndpoint() {
        return `${this.getHost()}:${this.getMappedPort(PORT)}`;
    }

    getUrl() {
        return `http://${this.getEndpoint()}`;
    }

    // What `new tencentcloud.tcaplusdb.v20190823.Client(config)` takes. The SDK speaks HTTPS unless
    // told otherwise, and would hang on the emulator's plain HTTP port until its timeout.
    getClientConfig({ region = DEFAULT_REGION, credential = this.credential } = {}) {
        return {
            credential: { ...credential },
            region,
            profile: { httpProfile: { endpoint: this.getEndpoint(), protocol: "http://" } },
        };
    }

    // Clears all state, or one account's (POST /_mock/reset).
    reset({ account } = {}) {
        const query = account === undefined ? "" : `?${new URLSearchParams({ account })}`;
        return this.control("POST", `/_mock/reset${query}`);
    }

    // The request journal, newest first; filters action, code, account, since, limit.
    async journal(filters = {}) {
        const query = new URLSearchParams(Object.entries(filters).map(([key, value]) => [key, String(value)]));
        const text = query.toString();
        return (await this.control("GET", `/_mock/requests${text ? `?${text}` : ""}`)).requests;
    }

    // Moves the emulator's clock (negative moves it back). Signed requests stay valid within
    // auth.timestamp_window (5 minutes by default) of the wall clock.
    advanceClock(seconds) {
        if (!Number.isInteger(seconds)) throw new TypeError(`advanceClock takes whole seconds, got ${seconds}`);
        return this.control("POST", "/_mock/clock", { advance: `${seconds}s` });
    }

    // Any control-plane request: control("POST", "/_mock/faults", rule). Resolves to the JSON answer.
    async control(method, pathAndQuery, body) {
        const headers = {};
        if (this.controlToken) headers.Authorization = `Bearer ${this.controlToken}`;
        if (method !== "GET" && method !== "HEAD") headers["Content-Type"] = "application/json";
        const response = await fetch(this.getUrl() + pathAndQuery, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) {
            throw new Error(`tcaplus-mock ${method} ${pathAndQuery}: HTTP ${response.status} ${text}`);
        }
        return text ? JSON.parse(text) : null;
    }
}

module.exports = {
    DEFAULT_IMAGE,
    DEFAULT_REGION,
    PORT,
    TEST_CREDENTIAL,
    TcaplusMockContainer,
    StartedTcaplusMockContainer,
    settingEnvName,
};
