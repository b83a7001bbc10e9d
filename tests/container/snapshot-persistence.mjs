// snapshot-persistence.mjs create|exists HOST:PORT SNAPSHOT_NAME
//
// The official Node.js SDK (installed in tests/sdk) checks that a snapshot outlives its container:
//   create  CreateSnapshots must create the snapshot (an empty per-item Error);
//   exists  CreateSnapshots of the same one must fail per item with FailedOperation "... already
//           exists."; DescribeSnapshots must list it (unless the server does not offer that action).
// Exit status 0 when the expectation holds, 1 otherwise (the reason on stderr).

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// The documented test credential of the default configuration.
const SECRET_ID = "AKIDTCAPLUSMOCKTESTSECRETID0000000";
const SECRET_KEY = "TcaplusMockTestSecretKey000000000";
const CLUSTER_ID = "1234567890";

const [mode, endpoint, snapshotName] = process.argv.slice(2);
if (!["create", "exists"].includes(mode) || !endpoint || !snapshotName) {
    console.error("usage: snapshot-persistence.mjs create|exists HOST:PORT SNAPSHOT_NAME");
    process.exit(2);
}

const sdkRequire = createRequire(fileURLToPath(new URL("../sdk/package.json", import.meta.url)));
const { Client } = sdkRequire("tencentcloud-sdk-nodejs").tcaplusdb.v20190823;

const client = new Client({
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: "ap-guangzhou",
    profile: { language: "en-US", httpProfile: { endpoint, protocol: "http://", reqTimeout: 10 } },
});

const table = {
    TableGroupId: "1",
    TableName: "container_persistence",
    SnapshotName: snapshotName,
    SnapshotTime: "2024-01-01 00:00:00",
    SnapshotDeadTime: "2099-01-01 00:00:00",
};

async function create() {
    const response = await client.CreateSnapshots({ ClusterId: CLUSTER_ID, SelectedTables: [table] });
    assert.equal(response.TableResults?.length, 1, `CreateSnapshots: ${JSON.stringify(response)}`);
    return response.TableResults[0];
}

async function expectCreated() {
    const result = await create();
    assert.equal(result.Error?.Code ?? "", "", `the first CreateSnapshots failed: ${JSON.stringify(result)}`);
    console.log(`created snapshot ${snapshotName} (TaskId ${result.TaskId})`);
}

// DescribeSnapshots must list the snapshot; a server that does not offer the action yet
// (InvalidAction) leaves the proof to CreateSnapshots alone.
async function expectListed() {
    let described;
    try {
        described = await client.DescribeSnapshots({
            ClusterId: CLUSTER_ID,
            TableGroupId: table.TableGroupId,
            TableName: table.TableName,
            SnapshotName: snapshotName,
        });
    } catch (error) {
        if (error.code !== "InvalidAction") throw error;
        console.log(`DescribeSnapshots not checked: ${error.message}`);
        return;
    }
    const listed = (described.TableResults ?? []).filter((r) => r.SnapshotName === snapshotName);
    assert.equal(listed.length, 1, `DescribeSnapshots does not list ${snapshotName}: ${JSON.stringify(described)}`);
    console.log(`DescribeSnapshots lists ${snapshotName}`);
}

async function expectExisting() {
    await expectListed();
    const result = await create();
    assert.equal(result.Error?.Code, "FailedOperation", `creating it again: ${JSON.stringify(result)}`);
    assert.match(result.Error.Message, /already exists/, `creating it again: ${JSON.stringify(result)}`);
    console.log(`creating it again: FailedOperation "${result.Error.Message}"`);
}

try {
    await (mode === "create" ? expectCreated() : expectExisting());
} catch (error) {
    console.error(`snapshot-persistence ${mode}: ${error.message}`);
    process.exit(1);
}
