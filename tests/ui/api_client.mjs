// The TcaplusDB API as a test calls it beside the page: a request signed with TC3-HMAC-SHA256 (with
// the right key or a wrong one), sent with Node's fetch. Node's standard library only.

import { createHash, createHmac } from "node:crypto";

// The documented test credential of the default configuration (server/config/config.hpp).
export const TEST_SECRET_ID = "AKIDTCAPLUSMOCKTESTSECRETID0000000";
export const TEST_SECRET_KEY = "TcaplusMockTestSecretKey000000000";
// The account the emulator keeps the test credential's state in.
export const TEST_ACCOUNT = TEST_SECRET_ID;

const SERVICE = "tcaplusdb";

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const hmac = (key, text) => createHmac("sha256", key).update(text).digest();

// The Authorization header of a TC3 signature over `host` and `body` at `timestamp` (UNIX seconds).
export function tc3Authorization({ secretId, secretKey, host, body, timestamp }) {
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const scope = `${date}/${SERVICE}/tc3_request`;
    const canonical = ["POST", "/", "", `content-type:application/json\nhost:${host}\n`, "content-type;host", sha256(body)].join("\n");
    const stringToSign = ["TC3-HMAC-SHA256", String(timestamp), scope, sha256(canonical)].join("\n");
    const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), SERVICE), "tc3_request");
    const signature = createHmac("sha256", signing).update(stringToSign).digest("hex");
    return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

// Calls `action` on the emulator at `endpoint` ("127.0.0.1:<port>") and resolves to its Response.
export async function callApi(endpoint, action, params, { secretKey = TEST_SECRET_KEY, region = "ap-guangzhou" } = {}) {
    const body = JSON.stringify(params);
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`http://${endpoint}/`, {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            "X-TC-Action": action,
            "X-TC-Version": "2019-08-23",
            "X-TC-Region": region,
            "X-TC-Timestamp": String(timestamp),
            Authorization: tc3Authorization({ secretId: TEST_SECRET_ID, secretKey, host: endpoint, body, timestamp }),
        },
        body,
    });
    return (await response.json()).Response;
}

// One snapshot of `table` named `name` in cluster `clusterId`, as CreateSnapshots takes it.
export function snapshotRequest(clusterId, name, { table = "players", deadTime = "2030-01-01 00:00:00" } = {}) {
    return {
        ClusterId: clusterId,
        SelectedTables: [{ TableGroupId: "1", TableName: table, SnapshotName: name, SnapshotTime: "2026-01-01 00:00:00", SnapshotDeadTime: deadTime }],
    };
}
