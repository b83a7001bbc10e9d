// CreateSnapshots through the SDK: the official example, a duplicate, a batch of two.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
    DATETIME,
    UUID_LOWER,
    makeClient,
    nameForRun,
    parseUtc8,
    snapshotInfo,
    startServer,
} from "./harness.mjs";

const RESULT_FIELDS = [
    "ApplicationId",
    "Error",
    "SnapshotCreateTime",
    "SnapshotDeadTime",
    "SnapshotName",
    "SnapshotSize",
    "SnapshotStatus",
    "SnapshotTime",
    "TableGroupId",
    "TableName",
    "TaskId",
];

let server;
before(async () => {
    server = await startServer();
});
after(() => server?.stop());

function assertCreated(result, table, startedAt) {
    assert.deepEqual(Object.keys(result).sort(), RESULT_FIELDS, `fields of ${JSON.stringify(result)}`);
    assert.equal(result.TableGroupId, table.TableGroupId);
    assert.equal(result.TableName, table.TableName);
    assert.match(result.TaskId, /^xx-\d+$/);
    assert.deepEqual(result.Error, { Code: "", Message: "" });
    assert.equal(result.SnapshotName, table.SnapshotName);
    assert.equal(result.SnapshotTime, table.SnapshotTime);
    assert.equal(result.SnapshotDeadTime, table.SnapshotDeadTime);
    assert.match(result.SnapshotCreateTime, DATETIME);
    // The server writes whole seconds in UTC+8.
    const created = parseUtc8(result.SnapshotCreateTime);
    assert.ok(
        created >= Math.floor(startedAt / 1000) * 1000 - 2000 && created <= Date.now() + 2000,
        `SnapshotCreateTime ${result.SnapshotCreateTime} is not now in UTC+8`,
    );
    assert.equal(result.SnapshotSize, 0);
    assert.equal(result.SnapshotStatus, 0);
    assert.equal(typeof result.ApplicationId, "string");
    assert.notEqual(result.ApplicationId, "");
}

test("the official example creates one snapshot", async () => {
    const client = makeClient(server);
    const table = snapshotInfo({ SnapshotName: nameForRun("666") });
    const startedAt = Date.now();

    const response = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [table] });

    assert.deepEqual(Object.keys(response).sort(), ["RequestId", "TableResults", "TotalCount"]);
    assert.match(response.RequestId, UUID_LOWER);
    assert.equal(response.TotalCount, 1);
    assert.equal(response.TableResults.length, 1);
    assertCreated(response.TableResults[0], table, startedAt);
});

test("the same snapshot again fails per item with FailedOperation", async () => {
    const client = makeClient(server);
    const table = snapshotInfo({ SnapshotName: nameForRun("666-again") });
    await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [table] });

    const response = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [table] });

    assert.match(response.RequestId, UUID_LOWER);
    assert.equal(response.TableResults.length, 1);
    const [result] = response.TableResults;
    assert.equal(result.Error?.Code, "FailedOperation", `item: ${JSON.stringify(result)}`);
    assert.equal(typeof result.Error.Message, "string");
    assert.notEqual(result.Error.Message, "");
    assert.equal(result.TableGroupId, table.TableGroupId);
    assert.equal(result.TableName, table.TableName);
    assert.equal(result.SnapshotName, table.SnapshotName);
});

test("two tables in one call give two results in order", async () => {
    const client = makeClient(server);
    const tables = [
        snapshotInfo({ TableGroupId: "2", TableName: "t_second", SnapshotName: nameForRun("pair") }),
        snapshotInfo({ TableGroupId: "1", TableName: "t_first", SnapshotName: nameForRun("pair") }),
    ];
    const startedAt = Date.now();

    const response = await client.CreateSnapshots({ ClusterId: "xx", SelectedTables: tables });

    assert.match(response.RequestId, UUID_LOWER);
    assert.equal(response.TotalCount, 2);
    assert.equal(response.TableResults.length, 2);
    assertCreated(response.TableResults[0], tables[0], startedAt);
    assertCreated(response.TableResults[1], tables[1], startedAt);
});
