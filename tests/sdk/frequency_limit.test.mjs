// The frequency limit as the SDK meets it: the first 20 CreateSnapshots of a second per
// sub-account succeed, the rest are RequestLimitExceeded with the live API's message.

import assert from "node:assert/strict";
import { Agent } from "node:http";
import { after, before, test } from "node:test";

import {
    TEST_SECRET_ID,
    TEST_SECRET_KEY,
    TencentCloudSDKHttpException,
    UUID_LOWER,
    externalEndpoint,
    makeClient,
    nextSecond,
    runId,
    settleAll,
    snapshotInfo,
    startConfiguredServer,
    startServer,
} from "./harness.mjs";

const LIMIT_MESSAGE = new RegExp(
    "^Your current request times equals to `(\\d+)` in a second, " +
        "which exceeds the frequency limit `(\\d+)` for a second\\.",
);
const BURST_ATTEMPTS = 3;

let server;
before(async () => {
    server = await startServer();
});
after(() => server?.stop());

// A credential whose counters no other suite touches. Against a shared server (auth mode "any"
// by default) that is a fresh unconfigured SecretId; on our own server, the configured pair, so
// that signatures are verified too.
function ownCredential(label) {
    if (externalEndpoint) return { secretId: `AKIDRATE${label}${runId}`, secretKey: "unverified" };
    return { secretId: TEST_SECRET_ID, secretKey: TEST_SECRET_KEY };
}

let burstNumber = 0;

function createCall(client, label) {
    const name = `rate-${runId}-${label}`;
    return client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo({ SnapshotName: name })] });
}

// Fires the calls of makeCalls(burstId) together at the start of a second. A burst whose last
// reply came after that second ended may have been counted in two windows: it is retried.
async function burstWithinOneSecond(makeCalls) {
    for (let attempt = 1; ; attempt++) {
        const burstId = `${++burstNumber}`;
        await nextSecond();
        const second = Math.floor(Date.now() / 1000);
        const outcomes = await settleAll(makeCalls(burstId));
        if (Math.floor(Date.now() / 1000) === second) return outcomes;
        if (attempt === BURST_ATTEMPTS) {
            throw new Error(`no burst completed within one wall-clock second in ${BURST_ATTEMPTS} attempts`);
        }
    }
}

// Splits outcomes into created snapshots and frequency-limit rejections (the count each
// rejection reports, sorted); anything else fails the test.
function tally(outcomes, expectedLimit) {
    const created = [];
    const rejectedCounts = [];
    for (const outcome of outcomes) {
        if (outcome.ok) {
            const [result] = outcome.value.TableResults;
            assert.equal(result.Error.Code, "", `a success must be a real create: ${JSON.stringify(result)}`);
            created.push(result);
            continue;
        }
        const { error } = outcome;
        assert.ok(error instanceof TencentCloudSDKHttpException, `unexpected ${error?.stack ?? error}`);
        assert.equal(error.code, "RequestLimitExceeded", `message: ${error.message}`);
        assert.match(error.requestId, UUID_LOWER);
        const match = LIMIT_MESSAGE.exec(error.message);
        assert.ok(match, `message ${JSON.stringify(error.message)} does not match ${LIMIT_MESSAGE}`);
        assert.equal(Number(match[2]), expectedLimit, `limit in ${error.message}`);
        rejectedCounts.push(Number(match[1]));
    }
    rejectedCounts.sort((a, b) => a - b);
    return { created, rejectedCounts };
}

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test("25 calls in one second: 20 succeed, 5 are RequestLimitExceeded counted 21..25", async () => {
    const client = makeClient(server, ownCredential("A"));

    const outcomes = await burstWithinOneSecond((burst) =>
        range(1, 25).map((i) => createCall(client, `${burst}-${i}`)),
    );

    const { created, rejectedCounts } = tally(outcomes, 20);
    assert.equal(created.length, 20);
    assert.deepEqual(rejectedCounts, range(21, 25));

    await nextSecond();
    const again = await createCall(client, "next-second");
    assert.equal(again.TableResults[0].Error.Code, "");
});

test("a second SecretId has its own 20 in the same second", async () => {
    const first = makeClient(server, ownCredential("B"));
    const second = makeClient(server, { secretId: `AKIDUNCONFIGURED${runId}`, secretKey: "unverified" });

    const outcomes = await burstWithinOneSecond((burst) => [
        ...range(1, 21).map((i) => createCall(first, `${burst}-first-${i}`)),
        ...range(1, 21).map((i) => createCall(second, `${burst}-second-${i}`)),
    ]);

    const firstTally = tally(outcomes.slice(0, 21), 20);
    const secondTally = tally(outcomes.slice(21), 20);
    assert.equal(firstTally.created.length, 20);
    assert.deepEqual(firstTally.rejectedCounts, [21]);
    assert.equal(secondTally.created.length, 20);
    assert.deepEqual(secondTally.rejectedCounts, [21]);
});

test("rate_limits overrides the documented limit", async (t) => {
    const limited = await startConfiguredServer(t, "rate_limits.CreateSnapshots 3", {
        set: { "rate_limits.CreateSnapshots": 3 },
    });
    if (!limited) return;
    const client = makeClient(limited);

    const outcomes = await burstWithinOneSecond((burst) =>
        range(1, 5).map((i) => createCall(client, `${burst}-${i}`)),
    );

    const { created, rejectedCounts } = tally(outcomes, 3);
    assert.equal(created.length, 3);
    assert.deepEqual(rejectedCounts, [4, 5]);
});

test("SecretIds of one sub-account share its limit", async (t) => {
    const teamKey = `TeamKey${runId}`;
    const limited = await startConfiguredServer(t, "two credentials of one sub-account", {
        config: {
            auth: {
                credentials: [
                    { secret_id: "AKIDTEAMMEMBERONE", secret_key: teamKey, sub_account: "team" },
                    { secret_id: "AKIDTEAMMEMBERTWO", secret_key: teamKey, sub_account: "team" },
                ],
            },
            rate_limits: { CreateSnapshots: 4 },
        },
    });
    if (!limited) return;
    const one = makeClient(limited, { secretId: "AKIDTEAMMEMBERONE", secretKey: teamKey });
    const two = makeClient(limited, { secretId: "AKIDTEAMMEMBERTWO", secretKey: teamKey });

    const outcomes = await burstWithinOneSecond((burst) => [
        ...range(1, 3).map((i) => createCall(one, `${burst}-one-${i}`)),
        ...range(1, 3).map((i) => createCall(two, `${burst}-two-${i}`)),
    ]);

    const { created, rejectedCounts } = tally(outcomes, 4);
    assert.equal(created.length, 4);
    assert.deepEqual(rejectedCounts, [5, 6]);
});

test("parallel calls share one kept-alive connection", async () => {
    class CountingAgent extends Agent {
        connections = 0;
        createConnection(...args) {
            this.connections++;
            return super.createConnection(...args);
        }
    }
    const agent = new CountingAgent({ keepAlive: true, maxSockets: 1 });
    try {
        const client = makeClient(server, { ...ownCredential("C"), agent });
        // Fewer than one second's limit, in a second of their own.
        await nextSecond();
        const outcomes = await settleAll(range(1, 8).map((i) => createCall(client, `keepalive-${i}`)));
        for (const outcome of outcomes) {
            assert.ok(outcome.ok, `call failed: ${outcome.error?.stack ?? outcome.error}`);
            assert.equal(outcome.value.TableResults[0].Error.Code, "");
        }
        assert.equal(agent.connections, 1, "the server closed a kept-alive connection between requests");
    } finally {
        agent.destroy();
    }
});
