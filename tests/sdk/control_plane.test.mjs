// The control plane as a test suite uses it beside the official SDK: a reset between tests,
// faults the SDK sees, the clock moved instead of waited for, state carried to a fresh emulator,
// the journal and the metrics.

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

import {
    TEST_SECRET_KEY,
    TencentCloudSDKHttpException,
    control,
    expectApiError,
    formatUtc8,
    makeClient,
    snapshotInfo,
    startConfiguredServer,
} from "./harness.mjs";

const parsePrometheus = createRequire(import.meta.url)("parse-prometheus-text-format");
const HOUR_MS = 3600_000;

// A server of its own for each case: these change the emulator's state for everyone on it.
async function emulator(t, options = {}) {
    return startConfiguredServer(t, "a control plane of its own", options);
}

function snapshot(name, { expiresInMs = 24 * HOUR_MS, table = "cl_generic" } = {}) {
    const now = Date.now();
    return snapshotInfo({
        TableName: table,
        SnapshotName: name,
        SnapshotTime: formatUtc8(now - HOUR_MS),
        SnapshotDeadTime: formatUtc8(now + expiresInMs),
    });
}

test("a reset between two tests leaves nothing behind", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    const client = makeClient(server);
    const first = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot("rerun")] });
    assert.equal(first.TableResults[0].Error.Code, "");

    const reset = await control(server, "POST", "reset");
    assert.deepEqual(reset, { status: 200, headers: reset.headers, body: { reset: "all" } });

    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 0);
    const again = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot("rerun")] });
    assert.equal(again.TableResults[0].Error.Code, "", "no FailedOperation for the last run's snapshot");
    assert.equal(again.TableResults[0].TaskId, "xx-1", "the counters restart too");
});

test("a fault rule fails exactly the next two CreateSnapshots with InternalError; the third succeeds", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    const added = await control(server, "POST", "faults", {
        action: "CreateSnapshots",
        effect: { type: "error", code: "InternalError", message: "the backend is down" },
        times: 2,
    });
    assert.equal(added.status, 200);
    const client = makeClient(server);
    const call = () => client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot("faulted")] });
    const error = await expectApiError(call(), "InternalError");
    assert.equal(error.message, "the backend is down");
    await expectApiError(call(), "InternalError");
    const third = await call();
    assert.equal(third.TableResults[0].Error.Code, "", "nothing was stored by the two failures");
    const rules = await control(server, "GET", "faults");
    assert.equal(rules.body.faults[0].fired, 2);
});

test("an item fault in a batch is seen as that item's Error", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    await control(server, "POST", "faults", {
        action: "CreateSnapshots",
        table: "t_failing",
        effect: { type: "item_error", code: "FailedOperation", message: "the table is busy" },
    });
    const client = makeClient(server);
    const response = await client.CreateSnapshots({
        ClusterId: "xx",
        SelectedTables: [snapshot("batch", { table: "t_fine" }), snapshot("batch", { table: "t_failing" })],
    });
    assert.deepEqual(
        response.TableResults.map((result) => result.Error.Code),
        ["", "FailedOperation"],
    );
    assert.equal(response.TableResults[1].Error.Message, "the table is busy");
    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 1, "the failed item was not stored");
});

test("an HTTP 503 fault surfaces as the SDK's network error", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    await control(server, "POST", "faults", { action: "DescribeSnapshots", effect: { type: "http_status", status: 503 }, times: 1 });
    const client = makeClient(server);
    const error = await client.DescribeSnapshots({ ClusterId: "xx" }).then(
        () => assert.fail("expected a network error"),
        (rejection) => rejection,
    );
    assert.ok(error instanceof TencentCloudSDKHttpException, `${error?.constructor?.name}: ${error}`);
    assert.equal(error.httpCode, 503);
    assert.equal(error.code, undefined, "no API error code: the SDK never read a Tencent envelope");
    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 0, "the next call is answered");
});

test("garbage and dropped connections reach the SDK as its own failures", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    await control(server, "POST", "faults", { action: "DescribeSnapshots", effect: { type: "garbage" }, times: 1 });
    await control(server, "POST", "faults", { action: "DeleteSnapshots", effect: { type: "drop" }, times: 1 });
    const client = makeClient(server);
    const garbage = await client.DescribeSnapshots({ ClusterId: "xx" }).then(() => null, (error) => error);
    assert.ok(garbage && !(garbage instanceof TencentCloudSDKHttpException && garbage.code), `${garbage}`);
    const dropped = await client
        .DeleteSnapshots({ ClusterId: "xx", SelectedTables: [{ TableGroupId: "1", TableName: "t", SnapshotName: "s" }] })
        .then(() => null, (error) => error);
    assert.ok(dropped, "a dropped connection must fail the call");
});

test("moving the clock provokes AuthFailure.SignatureExpire", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    const client = makeClient(server);
    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 0);
    const moved = await control(server, "POST", "clock", { advance: "10m" });
    assert.equal(moved.status, 200);
    assert.ok(moved.body.offset_seconds >= 599, JSON.stringify(moved.body));
    await expectApiError(client.DescribeSnapshots({ ClusterId: "xx" }), "AuthFailure.SignatureExpire");
    await control(server, "POST", "clock", { reset: true });
    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 0);
});

test("advancing the clock by a day turns a snapshot's status to 3", async (t) => {
    const server = await emulator(t, { set: { "auth.timestamp_window": "2d" } });
    if (!server) return;
    const client = makeClient(server);
    const created = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot("day", { expiresInMs: 12 * HOUR_MS })] });
    assert.equal(created.TableResults[0].Error.Code, "");
    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TableResults[0].SnapshotStatus, 1);
    await control(server, "POST", "clock", { advance: "1d" });
    assert.equal((await client.DescribeSnapshots({ ClusterId: "xx" })).TableResults[0].SnapshotStatus, 3);
});

test("a state export imported into a fresh emulator gives the same Describe output", async (t) => {
    const first = await emulator(t, { set: { "snapshots.import_duration": "1h", "snapshots.delete_after": "1h" } });
    if (!first) return;
    const client = makeClient(first);
    await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot("a"), snapshot("b"), snapshot("c")] });
    await client.DeleteSnapshots({ ClusterId: "xx", SelectedTables: [{ TableGroupId: "1", TableName: "cl_generic", SnapshotName: "b" }] });
    await client.ImportSnapshots({ ClusterId: "xx", Snapshots: snapshot("c"), ImportSpecialKey: "FALSE", ImportOriginTable: "TRUE" });
    const exported = await control(first, "GET", "state");
    assert.equal(exported.status, 200);
    const { RequestId: _first, ...before } = await client.DescribeSnapshots({ ClusterId: "xx" });

    const second = await emulator(t, { set: { "snapshots.import_duration": "1h", "snapshots.delete_after": "1h" } });
    const imported = await control(second, "PUT", "state", exported.body);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    const { RequestId: _second, ...after } = await makeClient(second).DescribeSnapshots({ ClusterId: "xx" });
    assert.deepEqual(after, before);
    assert.deepEqual(
        before.TableResults.map((result) => result.SnapshotStatus),
        [1, 2, 4],
    );
});

test("the journal shows why each request was refused, and no secret", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    const client = makeClient(server);
    const wrongKey = makeClient(server, { secretKey: "not-the-right-key" });
    await expectApiError(client.CreateSnapshots({ ClusterId: "xx" }), "MissingParameter");
    await expectApiError(wrongKey.DescribeSnapshots({ ClusterId: "xx" }), "AuthFailure.SignatureFailure");

    const journal = await control(server, "GET", "requests");
    assert.equal(journal.status, 200);
    const [mismatch, missing] = journal.body.requests;
    assert.equal(missing.code, "MissingParameter");
    assert.equal(missing.parameter, "SelectedTables");
    assert.match(missing.message, /`SelectedTables`/);
    assert.equal(mismatch.code, "AuthFailure.SignatureFailure");
    assert.equal(mismatch.signature, "mismatch");
    assert.match(mismatch.string_to_sign, /^TC3-HMAC-SHA256\n/);
    const text = JSON.stringify(journal.body);
    for (const secret of [TEST_SECRET_KEY, "not-the-right-key", "Signature="]) {
        assert.equal(text.includes(secret), false, `${secret} must not appear`);
    }
    const filtered = await control(server, "GET", "requests?code=MissingParameter&limit=5");
    assert.equal(filtered.body.requests.length, 1);
});

test("/_mock/metrics parses as Prometheus text", async (t) => {
    const server = await emulator(t);
    if (!server) return;
    const client = makeClient(server);
    await client.DescribeSnapshots({ ClusterId: "xx" });
    await expectApiError(client.CreateSnapshots({ ClusterId: "xx" }), "MissingParameter");
    const metrics = await control(server, "GET", "metrics");
    assert.equal(metrics.status, 200);
    assert.equal(metrics.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    const families = Object.fromEntries(parsePrometheus(metrics.body).map((family) => [family.name, family]));
    const requests = families.tcaplus_mock_requests_total;
    assert.equal(requests.type, "COUNTER");
    const count = (action, code) =>
        requests.metrics.find((m) => m.labels.action === action && m.labels.code === code)?.value;
    assert.equal(count("DescribeSnapshots", "Success"), "1");
    assert.equal(count("CreateSnapshots", "MissingParameter"), "1");
    const latency = families.tcaplus_mock_request_duration_seconds;
    assert.equal(latency.type, "HISTOGRAM");
    assert.ok(latency.metrics.every((m) => m.buckets["+Inf"] !== undefined), JSON.stringify(latency));
    for (const name of ["tcaplus_mock_throttled_requests_total", "tcaplus_mock_faults_fired_total",
                        "tcaplus_mock_snapshots_stored", "tcaplus_mock_journal_entries"]) {
        assert.ok(families[name], `${name} is exposed`);
    }
    assert.equal(families.tcaplus_mock_journal_entries.metrics[0].value, "2");
});

test("a control token keeps the control plane closed to others", async (t) => {
    const server = await emulator(t, { set: { "control.token": "suite-token" } });
    if (!server) return;
    assert.equal((await control(server, "GET", "health")).status, 200);
    const refused = await control(server, "POST", "reset");
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error, "Unauthorized");
    const allowed = await control(server, "POST", "reset", undefined, { Authorization: "Bearer suite-token" });
    assert.equal(allowed.status, 200);
});
