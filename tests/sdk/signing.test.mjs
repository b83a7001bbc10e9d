// Every request form the SDK can send, verified against the configured test credential:
// TC3-HMAC-SHA256 and signature v1 (HmacSHA256, HmacSHA1), over POST and GET.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
    TEST_SECRET_ID,
    describeExchange,
    expectApiError,
    makeClient,
    nameForRun,
    recordSdkRequests,
    runId,
    snapshotInfo,
    startConfiguredServer,
    startServer,
    withClockOffset,
} from "./harness.mjs";

const VARIANTS = [
    { signMethod: "TC3-HMAC-SHA256", reqMethod: "POST" },
    { signMethod: "TC3-HMAC-SHA256", reqMethod: "GET" },
    { signMethod: "HmacSHA256", reqMethod: "POST" },
    { signMethod: "HmacSHA1", reqMethod: "POST" },
    { signMethod: "HmacSHA256", reqMethod: "GET" },
    { signMethod: "HmacSHA1", reqMethod: "GET" },
];

let server;
before(async () => {
    server = await startServer();
});
after(() => server?.stop());

// What the SDK put on the wire for this variant, so that a pass means that form was exercised.
function assertRequestForm(sent, { signMethod, reqMethod }) {
    assert.equal(sent.method, reqMethod);
    const query = new URL(sent.url).search;
    if (signMethod === "TC3-HMAC-SHA256") {
        assert.match(sent.headers.Authorization, /^TC3-HMAC-SHA256 Credential=/);
        if (reqMethod === "GET") {
            assert.equal(sent.headers["Content-Type"], "application/x-www-form-urlencoded");
            assert.match(query, /[?&]SelectedTables\.0\.SnapshotName=/);
        } else {
            assert.equal(sent.headers["Content-Type"], "application/json");
        }
        return;
    }
    assert.equal(sent.headers.Authorization, undefined);
    const params = new URLSearchParams(reqMethod === "GET" ? query : sent.body);
    assert.equal(params.get("SignatureMethod"), signMethod);
    assert.equal(params.get("SecretId"), TEST_SECRET_ID);
    assert.equal(params.get("Action"), "CreateSnapshots");
    assert.ok(params.get("Signature"));
    if (reqMethod === "POST") assert.equal(sent.headers["Content-Type"], "application/x-www-form-urlencoded");
}

test("requests and responses carry the documented headers", async () => {
    const client = makeClient(server);
    const recorder = recordSdkRequests();
    try {
        const table = snapshotInfo({ SnapshotName: nameForRun("headers") });
        await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [table] });
    } finally {
        recorder.restore();
    }
    const { headers } = recorder.requests[0];
    assert.equal(headers["X-TC-Action"], "CreateSnapshots");
    assert.equal(headers["X-TC-Version"], "2019-08-23");
    assert.equal(headers["X-TC-Region"], "ap-guangzhou");
    assert.equal(headers.Host, server.endpoint);
    // The Node SDK signs as service "<first label of the endpoint>" ("127" for 127.0.0.1:port).
    const service = server.endpoint.split(".")[0];
    const date = new Date(Number(headers["X-TC-Timestamp"]) * 1000).toISOString().slice(0, 10);
    assert.equal(
        headers.Authorization.replace(/Signature=[0-9a-f]{64}$/, "Signature=<hex>"),
        `TC3-HMAC-SHA256 Credential=${TEST_SECRET_ID}/${date}/${service}/tc3_request, ` +
            "SignedHeaders=content-type;host, Signature=<hex>",
    );

    const { response } = recorder.requests[0];
    assert.equal(response.status, 200);
    // Exactly this value: the Python SDK reads errors only under a bare application/json.
    assert.equal(response.headers["content-type"], "application/json");
    // node-fetch 2 fails a chunked reply on a reused keep-alive socket with "Premature close".
    assert.match(response.headers["content-length"] ?? "", /^\d+$/, "Content-Length, not chunked");
    assert.equal(response.headers["transfer-encoding"], undefined);
});

for (const variant of VARIANTS) {
    const label = `${variant.signMethod} over ${variant.reqMethod}`;

    test(`${label} creates a snapshot with the configured credential`, async () => {
        const client = makeClient(server, variant);
        const table = snapshotInfo({ SnapshotName: nameForRun(`sign-${variant.signMethod}-${variant.reqMethod}`) });
        const recorder = recordSdkRequests();
        let response;
        try {
            response = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [table] });
        } catch (error) {
            assert.fail(`${error.code ?? error.name}: ${error.message}\n${describeExchange(recorder.requests[0])}`);
        } finally {
            recorder.restore();
        }
        assertRequestForm(recorder.requests[0], variant);
        assert.equal(response.TotalCount, 1);
        const [result] = response.TableResults;
        assert.deepEqual(result.Error, { Code: "", Message: "" });
        assert.equal(result.SnapshotName, table.SnapshotName);
        assert.equal(result.SnapshotTime, table.SnapshotTime);
    });

    test(`${label} with a wrong key is AuthFailure.SignatureFailure`, async () => {
        const client = makeClient(server, { ...variant, secretKey: "not-the-documented-key" });
        await expectApiError(
            client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
            "AuthFailure.SignatureFailure",
        );
    });
}

test("auth.mode off accepts a wrong key", async (t) => {
    const open = await startConfiguredServer(t, "auth.mode off", { config: { auth: { mode: "off" } } });
    if (!open) return;
    const client = makeClient(open, { secretKey: "not-the-documented-key" });
    const response = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] });
    assert.equal(response.TableResults[0].Error.Code, "");
});

test("a credential with a token needs the token", async (t) => {
    const credential = { secret_id: `AKIDWITHTOKEN${runId}`, secret_key: "KeyWithToken", token: `token-${runId}` };
    const strict = await startConfiguredServer(t, "a credential with a token", {
        config: { auth: { mode: "strict", credentials: [credential] } },
    });
    if (!strict) return;
    const base = { secretId: credential.secret_id, secretKey: credential.secret_key };

    const withToken = makeClient(strict, { ...base, token: credential.token });
    const response = await withToken.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] });
    assert.equal(response.TableResults[0].Error.Code, "");

    await expectApiError(
        makeClient(strict, base).CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
        "AuthFailure.TokenFailure",
    );
});

test("auth.timestamp_window sets how old a signature may be", async (t) => {
    const narrow = await startConfiguredServer(t, "auth.timestamp_window 30", { set: { "auth.timestamp_window": 30 } });
    if (!narrow) return;
    const client = makeClient(narrow);
    await withClockOffset(-60_000, () =>
        expectApiError(
            client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
            "AuthFailure.SignatureExpire",
        ),
    );
    const fresh = await withClockOffset(-10_000, () =>
        client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
    );
    assert.equal(fresh.TableResults[0].Error.Code, "");
});
