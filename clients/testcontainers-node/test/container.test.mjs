// TcaplusMockContainer against a real container runtime (DOCKER_HOST, or the default docker socket),
// with the official Node.js SDK as the client. TCAPLUS_MOCK_IMAGE names the image (default: the
// module's default tag, tcaplus-mock:0.1.0); TCAPLUS_MOCK_CONTAINER_LABEL=key=value labels every
// container, so that a caller can remove what a killed run left behind.
//
// Run:  npm ci && TCAPLUS_MOCK_IMAGE=localhost/tcaplus-mock:0.1.0 npm test
// (tests/container/run-container-test.sh runs it against the image it builds.)

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import tencentcloud from "tencentcloud-sdk-nodejs";
import { getContainerRuntimeClient } from "testcontainers";
import { TcaplusMockContainer, TEST_CREDENTIAL } from "../index.js";

const { Client } = tencentcloud.tcaplusdb.v20190823;
const image = process.env.TCAPLUS_MOCK_IMAGE || undefined;
const CLUSTER_ID = "1234567890";

function newContainer() {
    const container = new TcaplusMockContainer(image);
    const label = process.env.TCAPLUS_MOCK_CONTAINER_LABEL;
    if (!label) return container;
    const equals = label.indexOf("=");
    return container.withLabels({ [label.slice(0, equals)]: label.slice(equals + 1) });
}

// A snapshot the emulator reads as normal (status 1) until 2099.
function snapshotItem(name, table = "tc_table") {
    return {
        TableGroupId: "1",
        TableName: table,
        SnapshotName: name,
        SnapshotTime: "2026-01-01 00:00:00",
        SnapshotDeadTime: "2099-01-01 00:00:00",
    };
}

// A state document (docs/control-plane.md) holding one snapshot of `account`.
function seedWithSnapshot(account, name) {
    return {
        version: 1,
        scope: "all",
        accounts: [
            {
                account,
                snapshots: [
                    {
                        cluster_id: CLUSTER_ID,
                        table_group_id: "1",
                        table_name: "seeded",
                        snapshot_name: name,
                        snapshot_time: "2026-01-01 00:00:00",
                        dead_time: "2099-01-01 00:00:00",
                    },
                ],
            },
        ],
    };
}

async function snapshotsOf(client, table) {
    const described = await client.DescribeSnapshots({ ClusterId: CLUSTER_ID, TableGroupId: "1", TableName: table });
    return described.TableResults;
}

async function sdkErrorCode(call) {
    try {
        await call();
    } catch (error) {
        return error.code;
    }
    return "";
}

describe("a container with the default settings", () => {
    let container;
    let client;
    let clusterId;
    let removed = false;

    before(async () => {
        container = await newContainer().start();
        client = new Client(container.getClientConfig());
    });
    after(() => removed || container?.stop());

    test("getClientConfig() is the SDK client's configuration: test credential, region, plain-HTTP endpoint", () => {
        assert.match(container.getEndpoint(), /^[^:/]+:\d+$/);
        assert.deepEqual(container.getClientConfig(), {
            credential: { ...TEST_CREDENTIAL },
            region: "ap-guangzhou",
            profile: { httpProfile: { endpoint: container.getEndpoint(), protocol: "http://" } },
        });
        assert.equal(container.getClientConfig({ region: "ap-shanghai" }).region, "ap-shanghai");
    });

    test("the Node SDK creates a cluster and lists it (CreateCluster, DescribeClusters)", async () => {
        const created = await client.CreateCluster({
            IdlType: "PROTO",
            ClusterName: "testcontainers",
            VpcId: "vpc-1",
            SubnetId: "subnet-1",
            Password: "Passw0rd",
        });
        clusterId = created.ClusterId;
        assert.match(clusterId, /^\d{10}$/);
        const described = await client.DescribeClusters({ ClusterIds: [clusterId] });
        assert.deepEqual(
            described.Clusters.map((cluster) => [cluster.ClusterId, cluster.ClusterName]),
            [[clusterId, "testcontainers"]],
        );
    });

    test("the Node SDK creates a snapshot and lists it (CreateSnapshots, DescribeSnapshots)", async () => {
        const created = await client.CreateSnapshots({
            ClusterId: CLUSTER_ID,
            SelectedTables: [snapshotItem("first")],
        });
        assert.equal(created.TableResults[0].Error.Code, "");
        const listed = await snapshotsOf(client, "tc_table");
        assert.deepEqual(
            listed.map((snapshot) => [snapshot.SnapshotName, snapshot.SnapshotStatus]),
            [["first", 1]],
        );
    });

    test("journal() shows the SDK's calls, newest first, and takes filters", async () => {
        const entries = await container.journal();
        assert.deepEqual(
            entries.map((entry) => entry.action),
            ["DescribeSnapshots", "CreateSnapshots", "DescribeClusters", "CreateCluster"],
        );
        assert.ok(entries.every((entry) => entry.code === "" && entry.secret_id === TEST_CREDENTIAL.secretId));
        assert.equal((await container.journal({ action: "CreateCluster", limit: 5 })).length, 1);
    });

    test("reset() clears the state and the journal", async () => {
        assert.deepEqual(await container.reset(), { reset: "all" });
        const described = await client.DescribeClusters({ ClusterIds: [clusterId] });
        assert.equal(described.TotalCount, 0);
        assert.deepEqual(await snapshotsOf(client, "tc_table"), []);
        assert.deepEqual(
            (await container.journal()).map((entry) => entry.action),
            ["DescribeSnapshots", "DescribeClusters"],
        );
    });

    test("stop() stops and removes the container", async () => {
        const runtime = await getContainerRuntimeClient();
        const id = container.getId();
        await container.stop();
        removed = true;
        await assert.rejects(runtime.container.getById(id).inspect(), (error) => error.statusCode === 404);
    });
});

describe("settings, a seed object, the clock and a control token", () => {
    const token = randomBytes(8).toString("hex");
    let container;
    let client;

    before(async () => {
        container = await newContainer()
            .withSetting("snapshots.ready_after", "60s")
            .withSetting("rate_limits.DescribeClusters", 1)
            .withSetting("control.token", token)
            .withSeed(seedWithSnapshot(TEST_CREDENTIAL.secretId, "from-seed-object"))
            .start();
        client = new Client(container.getClientConfig());
    });
    after(() => container?.stop());

    test("withSeed(object): the seeded snapshot is there when the container is ready", async () => {
        const listed = await snapshotsOf(client, "seeded");
        assert.deepEqual(
            listed.map((snapshot) => snapshot.SnapshotName),
            ["from-seed-object"],
        );
    });

    test("advanceClock() turns a new snapshot from creating (0) to normal (1) past snapshots.ready_after", async () => {
        await client.CreateSnapshots({ ClusterId: CLUSTER_ID, SelectedTables: [snapshotItem("slow")] });
        assert.equal((await snapshotsOf(client, "tc_table"))[0].SnapshotStatus, 0);
        const clock = await container.advanceClock(61);
        assert.equal(clock.offset_seconds, 61);
        assert.equal((await snapshotsOf(client, "tc_table"))[0].SnapshotStatus, 1);
    });

    // Three calls in well under a second touch at most two one-second windows of one call each.
    test("withSetting(rate_limits.DescribeClusters, 1) keeps the action's case and limits it", async () => {
        const codes = [];
        for (let i = 0; i < 3; i++) codes.push(await sdkErrorCode(() => client.DescribeClusters({})));
        assert.ok(codes.includes("RequestLimitExceeded"), `codes: ${JSON.stringify(codes)}`);
    });

    test("with control.token set, the control plane needs it, and the container sends it", async () => {
        const refused = await fetch(`${container.getUrl()}/_mock/requests`);
        assert.equal(refused.status, 401);
        assert.ok((await container.journal({ action: "CreateSnapshots" })).length >= 1);
    });
});

describe("strict authentication with credentials of one's own, seeded from a file", () => {
    const own = { secretId: "AKIDtestcontainers", secretKey: "testcontainers-key" };
    const dir = mkdtempSync(join(tmpdir(), "tcaplus-mock-testcontainers-"));
    let container;

    before(async () => {
        const seedFile = join(dir, "seed.json");
        writeFileSync(seedFile, JSON.stringify(seedWithSnapshot(own.secretId, "from-seed-file")));
        container = await newContainer()
            .withAuthMode("strict")
            .withCredentials(own)
            .withSeed(seedFile)
            .start();
    });
    after(async () => {
        await container?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    test("getClientConfig() signs with the first credential, whose account holds the seed", async () => {
        assert.deepEqual(container.getClientConfig().credential, own);
        const client = new Client(container.getClientConfig());
        const listed = await snapshotsOf(client, "seeded");
        assert.deepEqual(
            listed.map((snapshot) => snapshot.SnapshotName),
            ["from-seed-file"],
        );
    });

    test("the test credential, no longer configured, is refused", async () => {
        const client = new Client(container.getClientConfig({ credential: TEST_CREDENTIAL }));
        assert.equal(await sdkErrorCode(() => snapshotsOf(client, "seeded")), "AuthFailure.SecretIdNotFound");
    });
});
