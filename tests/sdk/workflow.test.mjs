// The whole snapshot workflow through the official SDK: create, read back, change the expiry,
// import, delete; statuses over time; per-item errors as the SDK shows them; two SecretIds kept
// apart; everything kept across a restart.

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";

import {
    DATETIME,
    expectApiError,
    formatUtc8,
    makeClient,
    nameForRun,
    snapshotInfo,
    startConfiguredServer,
    startTwoAccountServer,
    startServer,
    temporaryFolder,
} from "./harness.mjs";

const HOUR_MS = 3600_000;

// A snapshot taken an hour ago that expires in `expiresInMs`.
function recentSnapshot(name, { expiresInMs = 24 * HOUR_MS, table = "cl_generic" } = {}) {
    const now = Date.now();
    return snapshotInfo({
        TableName: table,
        SnapshotName: nameForRun(name),
        SnapshotTime: formatUtc8(now - HOUR_MS),
        SnapshotDeadTime: formatUtc8(now + expiresInMs),
    });
}

const identity = ({ TableGroupId, TableName, SnapshotName }) => ({ TableGroupId, TableName, SnapshotName });

async function describeOne(client, snapshot) {
    const response = await client.DescribeSnapshots({ ClusterId: "xx", SnapshotName: snapshot.SnapshotName });
    assert.ok(response.TotalCount <= 1, JSON.stringify(response));
    return response.TableResults[0];
}

test("create, describe, modify, delete: the lifecycle as the SDK sees it", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const snapshot = recentSnapshot("lifecycle");

    const created = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
    assert.equal(created.TableResults[0].SnapshotStatus, 0, "the create response shows creating");

    const read = await describeOne(client, snapshot);
    assert.equal(read.SnapshotStatus, 1, `normal once read: ${JSON.stringify(read)}`);
    assert.ok(read.SnapshotSize > 0, "a normal snapshot has a size");
    assert.deepEqual(read.Error, { Code: "", Message: "" });
    assert.equal(read.TaskId, created.TableResults[0].TaskId);
    assert.match(read.SnapshotCreateTime, DATETIME);

    const newExpiry = formatUtc8(Date.now() + 30 * 24 * HOUR_MS);
    const modified = await client.ModifySnapshots({
        ClusterId: "xx",
        SelectedTables: [{ ...identity(snapshot), SnapshotDeadTime: newExpiry }],
    });
    assert.equal(modified.TotalCount, 1);
    assert.deepEqual(modified.TableResults[0].Error, { Code: "", Message: "" });
    assert.equal((await describeOne(client, snapshot)).SnapshotDeadTime, newExpiry);

    const deleted = await client.DeleteSnapshots({ ClusterId: "xx", SelectedTables: [identity(snapshot)] });
    assert.equal(deleted.TableResults[0].SnapshotStatus, 2, "a deleted snapshot is shown deleting");
    assert.equal(await describeOne(client, snapshot), undefined, "gone after the delete");
});

test("a snapshot whose expiry has passed reads as status 3", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const snapshot = recentSnapshot("expired", { expiresInMs: -HOUR_MS / 2 });
    const created = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
    assert.equal(created.TableResults[0].Error.Code, "");
    assert.equal((await describeOne(client, snapshot)).SnapshotStatus, 3);
});

test("an import answers its ids, keeps its snapshot in use, and the delete meanwhile is ResourceInUse", async (t) => {
    const server = await startConfiguredServer(t, "snapshots.import_duration", {
        set: { "snapshots.import_duration": "1h" },
    });
    if (!server) return;
    const client = makeClient(server);
    const snapshot = recentSnapshot("imported");
    await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });

    const imported = await client.ImportSnapshots({
        ClusterId: "xx",
        Snapshots: snapshot,
        ImportSpecialKey: "FALSE",
        ImportOriginTable: "FALSE",
        NewTableGroupId: "2",
        NewTableName: "cl_generic_restored",
    });
    assert.match(imported.TaskId, /^xx-\d+$/);
    assert.match(imported.ApplicationId, /^xx-\d+$/);
    assert.equal((await describeOne(client, snapshot)).SnapshotStatus, 4);

    const refused = await client.DeleteSnapshots({ ClusterId: "xx", SelectedTables: [identity(snapshot)] });
    assert.equal(refused.TableResults[0].Error.Code, "ResourceInUse", JSON.stringify(refused));
    assert.equal((await describeOne(client, snapshot)).SnapshotStatus, 4, "still there");
});

test("per-item errors of ModifySnapshots and DeleteSnapshots", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const snapshot = recentSnapshot("items");
    await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
    const missing = { ...identity(snapshot), SnapshotName: nameForRun("no-such-snapshot") };

    const modified = await client.ModifySnapshots({
        ClusterId: "xx",
        SelectedTables: [
            identity(snapshot),
            { ...missing, SnapshotDeadTime: formatUtc8(Date.now() + HOUR_MS) },
            { ...identity(snapshot), SnapshotDeadTime: formatUtc8(Date.now() - 2 * HOUR_MS) },
        ],
    });
    const codes = modified.TableResults.map((result) => result.Error.Code);
    assert.deepEqual(codes, ["MissingParameter", "ResourceNotFound", "InvalidParameterValue"]);
    assert.match(modified.TableResults[0].Error.Message, /`SelectedTables\.0\.SnapshotDeadTime`/);
    assert.match(modified.TableResults[2].Error.Message, /`SelectedTables\.2\.SnapshotDeadTime`/);

    const deleted = await client.DeleteSnapshots({ ClusterId: "xx", SelectedTables: [missing, identity(snapshot)] });
    assert.deepEqual(
        deleted.TableResults.map((result) => result.Error.Code),
        ["ResourceNotFound", ""],
    );
});

test("ImportSnapshots refuses what its rules forbid, as SDK exceptions", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const snapshot = recentSnapshot("import-rules");
    await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
    const base = { ClusterId: "xx", Snapshots: snapshot, ImportSpecialKey: "FALSE", ImportOriginTable: "TRUE" };

    let error = await expectApiError(client.ImportSnapshots({ ...base, ImportSpecialKey: "yes" }), "InvalidParameterValue");
    assert.match(error.message, /`ImportSpecialKey`/);
    error = await expectApiError(client.ImportSnapshots({ ...base, ImportSpecialKey: "TRUE" }), "MissingParameter");
    assert.match(error.message, /`KeyFile`/);
    error = await expectApiError(client.ImportSnapshots({ ...base, ImportOriginTable: "FALSE" }), "MissingParameter");
    assert.match(error.message, /`NewTableGroupId`/);
    await expectApiError(
        client.ImportSnapshots({ ...base, Snapshots: { ...snapshot, SnapshotName: nameForRun("absent") } }),
        "ResourceNotFound",
    );
    await expectApiError(client.ImportSnapshots({ ...base, Snapshots: [snapshot] }), "InvalidParameter");
});

test("two SecretIds on one emulator never see each other's snapshots", async (t) => {
    const accounts = await startTwoAccountServer(t);
    if (!accounts) return;
    const { server, one, two } = accounts;
    const snapshot = recentSnapshot("shared-name");

    const first = await one.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
    const second = await two.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
    assert.equal(second.TableResults[0].Error.Code, "", "the same name in another account does not collide");
    assert.equal(second.TableResults[0].TaskId, first.TableResults[0].TaskId, "each account counts on its own");

    await one.DeleteSnapshots({ ClusterId: "xx", SelectedTables: [identity(snapshot)] });
    assert.equal((await one.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 0);
    assert.equal((await two.DescribeSnapshots({ ClusterId: "xx" })).TotalCount, 1, "the other account keeps its own");
});

test("snapshots, expiries and imports survive a restart", async (t) => {
    if (process.env.TCAPLUS_MOCK_ENDPOINT) return t.skip("needs servers of its own; TCAPLUS_MOCK_ENDPOINT is set");
    const database = join(temporaryFolder(t), "kept.db");
    const snapshot = recentSnapshot("kept");
    const newExpiry = formatUtc8(Date.now() + 7 * 24 * HOUR_MS);
    let before;
    {
        const server = await startServer({ database });
        const client = makeClient(server);
        await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshot] });
        await client.ModifySnapshots({ ClusterId: "xx", SelectedTables: [{ ...identity(snapshot), SnapshotDeadTime: newExpiry }] });
        await client.ImportSnapshots({ ClusterId: "xx", Snapshots: snapshot, ImportSpecialKey: "FALSE", ImportOriginTable: "TRUE" });
        before = (await client.DescribeSnapshots({ ClusterId: "xx" })).TableResults;
        await server.stop();
    }
    const server = await startServer({ database });
    t.after(() => server.stop());
    const client = makeClient(server);
    const after = (await client.DescribeSnapshots({ ClusterId: "xx" })).TableResults;
    assert.deepEqual(after, before);
    assert.equal(after[0].SnapshotDeadTime, newExpiry);
    const next = await client.ImportSnapshots({ ClusterId: "xx", Snapshots: snapshot, ImportSpecialKey: "FALSE", ImportOriginTable: "TRUE" });
    assert.equal(next.TaskId, "xx-3", "the counters carry on after the restart");
});
