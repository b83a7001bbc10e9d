// The official Node.js SDK (npm `tencentcloud-sdk-nodejs`, pinned in package.json) as a real
// client of tcaplus-mock.
//
// Run:    cd tests/sdk && npm ci && TCAPLUS_MOCK_BIN=../../build/server/tcaplus-mock node --test
// ctest:  ctest -L sdk (tests/sdk/CMakeLists.txt passes TCAPLUS_MOCK_BIN)
//
// Every suite starts its own server (startServer, from tests/support/emulator_server.mjs, which says
// how) and stops it when done.
//
// With TCAPLUS_MOCK_ENDPOINT=host:port the suites talk to that already-running server instead
// (default configuration assumed) and skip the cases that need a server configured their way.
// Names are then made unique per run, since that server's database may outlive the run.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { control, externalEndpoint, startServer } from "../support/emulator_server.mjs";

export { control, externalEndpoint, startServer };

// The documented test credential of the default configuration (server/config/config.hpp).
export const TEST_SECRET_ID = "AKIDTCAPLUSMOCKTESTSECRETID0000000";
export const TEST_SECRET_KEY = "TcaplusMockTestSecretKey000000000";

export const REGION = "ap-guangzhou";
export const UUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export const runId = randomBytes(4).toString("hex");

// Required at run time rather than imported, so that a missing `npm ci` is reported as such.
const sdk = loadSdk();

function loadSdk() {
    const require = createRequire(import.meta.url);
    try {
        return {
            Client: require("tencentcloud-sdk-nodejs").tcaplusdb.v20190823.Client,
            TencentCloudSDKHttpException: require(
                "tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception",
            ).default,
            // The SDK's fetch wrapper, whose `default` export it reads at every call.
            fetchModule: require("tencentcloud-sdk-nodejs/tencentcloud/common/http/fetch"),
        };
    } catch (error) {
        if (error.code !== "MODULE_NOT_FOUND") throw error;
        throw new Error(
            "tencentcloud-sdk-nodejs is not installed: run `npm ci` in tests/sdk first\n" + error.message,
        );
    }
}

export const { TencentCloudSDKHttpException } = sdk;

// For a case that needs its own server configuration (`needs` says which, for the skip
// message): skips it and returns null when the suites run against TCAPLUS_MOCK_ENDPOINT, else
// starts the server and stops it after the case.
export async function startConfiguredServer(t, needs, options) {
    if (externalEndpoint) {
        t.skip(`needs a server with ${needs}; TCAPLUS_MOCK_ENDPOINT is set`);
        return null;
    }
    const server = await startServer(options);
    t.after(() => server.stop());
    return server;
}

// For a case about accounts: a server of its own with two credentials (the second a sub-account)
// and a client of each; null (the case skipped) against TCAPLUS_MOCK_ENDPOINT.
export async function startTwoAccountServer(t) {
    const server = await startConfiguredServer(t, "two credentials", {
        config: {
            auth: {
                credentials: [
                    { secret_id: "AKIDtwoaccountsone", secret_key: "two-accounts-one-key" },
                    { secret_id: "AKIDtwoaccountstwo", secret_key: "two-accounts-two-key", sub_account: "account-two" },
                ],
            },
        },
    });
    if (!server) return null;
    return {
        server,
        one: makeClient(server, { secretId: "AKIDtwoaccountsone", secretKey: "two-accounts-one-key" }),
        two: makeClient(server, { secretId: "AKIDtwoaccountstwo", secretKey: "two-accounts-two-key" }),
    };
}

// ---------------------------------------------------------------------------------------------
// The SDK client

// A tcaplusdb v20190823 client of the official SDK pointed at `server`.
export function makeClient(
    server,
    {
        secretId = TEST_SECRET_ID,
        secretKey = TEST_SECRET_KEY,
        token,
        signMethod = "TC3-HMAC-SHA256",
        reqMethod = "POST",
        language,
        region = REGION,
        agent,
        headers,
    } = {},
) {
    const httpProfile = { endpoint: server.endpoint, protocol: "http://", reqMethod, reqTimeout: 10 };
    if (agent) httpProfile.agent = agent;
    if (headers) httpProfile.headers = headers;
    const profile = { signMethod, httpProfile };
    if (language) profile.language = language;
    const credential = token ? { secretId, secretKey, token } : { secretId, secretKey };
    return new sdk.Client({ credential, region, profile });
}

// Records what the SDK hands to fetch (url, method, the headers it built, body) and the status
// and headers of each response, until restore().
export function recordSdkRequests() {
    const original = sdk.fetchModule.default;
    const requests = [];
    sdk.fetchModule.default = (url, options) => {
        const entry = { url, method: options.method, headers: { ...options.headers }, body: options.body };
        requests.push(entry);
        return original(url, options).then((response) => {
            entry.response = { status: response.status, headers: Object.fromEntries(response.headers.entries()) };
            return response;
        });
    };
    return {
        requests,
        restore() {
            sdk.fetchModule.default = original;
        },
    };
}

// A recorded exchange as text for a failure message, with the server's signature diagnostics
// (auth.debug) when it sent them.
export function describeExchange(entry) {
    if (!entry) return "(no request was recorded)";
    const lines = [`sent: ${entry.method} ${entry.url}`];
    for (const [name, value] of Object.entries(entry.headers)) lines.push(`  ${name}: ${value}`);
    if (typeof entry.body === "string") lines.push(`  body: ${entry.body}`);
    if (entry.response) {
        lines.push(`received: HTTP ${entry.response.status}`);
        for (const [name, value] of Object.entries(entry.response.headers)) {
            if (name.startsWith("x-tc-mock-")) lines.push(`  ${name}: ${JSON.stringify(value)}`);
        }
    }
    return lines.join("\n");
}

// Runs `fn` with the process's wall clock moved by `offsetMs`, as the SDK sees it: the TC3 signer
// reads `new Date()`, the v1 signer `Date.now()`.
export async function withClockOffset(offsetMs, fn) {
    const RealDate = globalThis.Date;
    class OffsetDate extends RealDate {
        constructor(...args) {
            if (args.length === 0) super(RealDate.now() + offsetMs);
            else super(...args);
        }
        static now() {
            return RealDate.now() + offsetMs;
        }
    }
    globalThis.Date = OffsetDate;
    try {
        return await fn();
    } finally {
        globalThis.Date = RealDate;
    }
}

// Settles with the SDK's exception for an API error, after checking its shape: the
// TencentCloudSDKHttpException the SDK throws for a `Response.Error` in an HTTP 200 reply.
export async function expectApiError(promise, code) {
    const error = await promise.then(
        (response) => {
            throw new assert.AssertionError({
                message: `expected API error ${code}, got a success: ${JSON.stringify(response)}`,
            });
        },
        (rejection) => rejection,
    );
    assert.ok(
        error instanceof TencentCloudSDKHttpException,
        `expected a TencentCloudSDKHttpException, got ${error?.constructor?.name}: ${error?.stack ?? error}`,
    );
    assert.equal(
        error.httpCode,
        undefined,
        `HTTP status ${error.httpCode} (${error.message}); API errors must be HTTP 200`,
    );
    assert.equal(error.code, code, `error code (message: ${error.message})`);
    assert.equal(typeof error.message, "string");
    assert.notEqual(error.message, "", "error message");
    assert.match(error.requestId, UUID_LOWER, "requestId of an error");
    return error;
}

// ---------------------------------------------------------------------------------------------
// Requests and time

// "YYYY-MM-DD HH:MM:SS" in UTC+8 (the zone of every datetime of the API).
export function formatUtc8(ms) {
    return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function parseUtc8(text) {
    return Date.parse(`${text.replace(" ", "T")}+08:00`);
}

// A unique name when the database is shared with earlier runs (TCAPLUS_MOCK_ENDPOINT), else `name`.
export function nameForRun(name) {
    return externalEndpoint ? `${name}-${runId}` : name;
}

// A folder for files that outlive one server (a database shared by a server and its restart);
// removed when the test ends.
export function temporaryFolder(t) {
    const dir = mkdtempSync(join(tmpdir(), "tcaplus-mock-sdk-files-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
}

export function snapshotInfo(overrides = {}) {
    return {
        TableGroupId: "1",
        TableName: "cl_generic",
        SnapshotName: "666",
        SnapshotTime: "2020-09-22 00:00:00",
        SnapshotDeadTime: "2020-09-22 00:00:00",
        ...overrides,
    };
}

// Resolves within the first `withinMs` milliseconds of the next wall-clock second (the server
// counts frequency limits in one-second windows of the same clock).
export async function nextSecond(withinMs = 20) {
    const current = Math.floor(Date.now() / 1000);
    for (;;) {
        const now = Date.now();
        if (Math.floor(now / 1000) > current && now % 1000 < withinMs) return;
        await sleep(1000 - (now % 1000));
    }
}

// Settles every promise, as {ok, value} or {ok: false, error}.
export function settleAll(promises) {
    return Promise.all(
        promises.map((p) =>
            p.then(
                (value) => ({ ok: true, value }),
                (error) => ({ ok: false, error }),
            ),
        ),
    );
}
