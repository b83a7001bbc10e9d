// API errors as the SDK reports them: a TencentCloudSDKHttpException carrying `code`,
// `message`, `requestId` (Response.RequestId) and `traceId` (the X-TC-TraceId response header).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
    UUID_LOWER,
    expectApiError,
    formatUtc8,
    makeClient,
    nameForRun,
    recordSdkRequests,
    runId,
    snapshotInfo,
    startConfiguredServer,
    startServer,
    withClockOffset,
} from "./harness.mjs";

const SIGNATURE_FAILURE_MESSAGE =
    "The provided credentials could not be validated. Please check your signature is correct.";

let server;
before(async () => {
    server = await startServer();
});
after(() => server?.stop());

test("a missing ClusterId is MissingParameter", async () => {
    const client = makeClient(server);
    const error = await expectApiError(
        client.CreateSnapshots({ SelectedTables: [snapshotInfo()] }),
        "MissingParameter",
    );
    assert.match(error.message, /`ClusterId`/);
});

test("an extra top-level field is UnknownParameter", async () => {
    const client = makeClient(server);
    const error = await expectApiError(
        client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()], NotAParameter: "1" }),
        "UnknownParameter",
    );
    assert.match(error.message, /`NotAParameter`/);
});

test("an impossible SnapshotTime is InvalidParameterValue", async () => {
    const client = makeClient(server);
    const error = await expectApiError(
        client.CreateSnapshots({
            ClusterId: "xx",
            SelectedTables: [snapshotInfo({ SnapshotTime: "2020-13-01 00:00:00" })],
        }),
        "InvalidParameterValue",
    );
    assert.match(error.message, /SnapshotTime/);
});

test("a SnapshotTime in the future fails that item with InvalidParameterValue", async () => {
    const client = makeClient(server);
    const future = formatUtc8(Date.now() + 24 * 3600_000);
    const table = snapshotInfo({ SnapshotName: nameForRun("future"), SnapshotTime: future, SnapshotDeadTime: future });

    const response = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [table] });

    assert.match(response.RequestId, UUID_LOWER);
    assert.equal(response.TableResults.length, 1);
    const [result] = response.TableResults;
    assert.equal(result.Error?.Code, "InvalidParameterValue", `item: ${JSON.stringify(result)}`);
    assert.notEqual(result.Error.Message, "");
});

test("the documented SecretId with a wrong key is AuthFailure.SignatureFailure", async () => {
    const client = makeClient(server, { secretKey: "not-the-documented-key" });
    const error = await expectApiError(
        client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
        "AuthFailure.SignatureFailure",
    );
    assert.equal(error.message, SIGNATURE_FAILURE_MESSAGE);
});

test("an unknown SecretId in strict mode is AuthFailure.SecretIdNotFound", async (t) => {
    const strict = await startConfiguredServer(t, "auth.mode strict", { config: { auth: { mode: "strict" } } });
    if (!strict) return;
    const unknown = makeClient(strict, { secretId: `AKIDUNKNOWN${runId}`, secretKey: "whatever" });
    await expectApiError(
        unknown.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
        "AuthFailure.SecretIdNotFound",
    );
    // The configured credential still works on that server.
    const known = await makeClient(strict).CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] });
    assert.equal(known.TableResults[0].Error.Code, "");
});

for (const signMethod of ["TC3-HMAC-SHA256", "HmacSHA256"]) {
    test(`a ${signMethod} signature made 10 minutes ago is AuthFailure.SignatureExpire`, async () => {
        const client = makeClient(server, { signMethod });
        const recorder = recordSdkRequests();
        let error;
        try {
            error = await withClockOffset(-10 * 60_000, () =>
                expectApiError(
                    client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()] }),
                    "AuthFailure.SignatureExpire",
                ),
            );
        } finally {
            recorder.restore();
        }
        // The request really carried the old timestamp.
        const [sent] = recorder.requests;
        const timestamp =
            signMethod === "TC3-HMAC-SHA256"
                ? Number(sent.headers["X-TC-Timestamp"])
                : Number(new URLSearchParams(sent.body).get("Timestamp"));
        const age = Date.now() / 1000 - timestamp;
        assert.ok(age > 590 && age < 620, `signed ${age} s ago`);
        assert.notEqual(error.message, "");
    });
}

test("an error's traceId is the X-TC-TraceId the SDK sent", async () => {
    const client = makeClient(server);
    const recorder = recordSdkRequests();
    let error;
    try {
        error = await expectApiError(client.CreateSnapshots({ SelectedTables: [snapshotInfo()] }), "MissingParameter");
    } finally {
        recorder.restore();
    }
    assert.equal(recorder.requests.length, 1);
    const sentTraceId = recorder.requests[0].headers["X-TC-TraceId"];
    assert.match(sentTraceId, UUID_LOWER, "the SDK generates a UUID");
    assert.equal(error.traceId, sentTraceId, "the server echoes X-TC-TraceId in its response");
});

test("a trace id chosen by the caller comes back, for v1 signatures too", async () => {
    for (const signMethod of ["TC3-HMAC-SHA256", "HmacSHA1"]) {
        const traceId = `trace-${runId}-${signMethod}`;
        const client = makeClient(server, { signMethod, headers: { "X-TC-TraceId": traceId } });
        const error = await expectApiError(
            client.CreateSnapshots({ SelectedTables: [snapshotInfo()] }),
            "MissingParameter",
        );
        assert.equal(error.traceId, traceId, signMethod);
    }
});

test("a body over 10 MB comes back as RequestSizeLimitExceeded, not a network error", async () => {
    const client = makeClient(server);
    const error = await expectApiError(
        client.CreateSnapshots({ ClusterId: "x".repeat(11 * 1024 * 1024), SelectedTables: [snapshotInfo()] }),
        "RequestSizeLimitExceeded",
    );
    assert.match(error.message, /`10485760`/);
});

test("a 70 KB v1 request with a wrong key comes back as SignatureFailure, not a network error", async () => {
    // Its string to sign is longer than a header field may be: the debug header is cut, the
    // answer still arrives.
    const client = makeClient(server, { signMethod: "HmacSHA256", secretKey: "not-the-documented-key" });
    const error = await expectApiError(
        client.CreateSnapshots({ ClusterId: "x".repeat(70 * 1024), SelectedTables: [snapshotInfo()] }),
        "AuthFailure.SignatureFailure",
    );
    assert.equal(error.message, SIGNATURE_FAILURE_MESSAGE);
});
