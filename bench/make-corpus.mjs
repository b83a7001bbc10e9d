#!/usr/bin/env node
// Writes the requests a benchmark replays: real API requests, each signed with TC3-HMAC-SHA256
// by the credential of its SecretId, timestamped now, spread over many SecretIds so that the
// per-sub-account frequency limit is honoured while the total rate is high.
//
//   node bench/make-corpus.mjs --scenario create|throttled|describe|create100|tables --out PREFIX
//        --port 8023 --requests N [--threads 2] [--secret-ids 4000] [--run ID]
//
// Writes PREFIX-<thread>.corpus for each wrk thread: records of "<byte count>\n<raw request>".
// The signing here is written from the public TC3 description, not taken from the emulator, so the
// emulator's verifier is checked against an independent signer on every request.

import { createHash, createHmac } from "node:crypto";
import { openSync, writeSync, closeSync } from "node:fs";

export const CLUSTER_ID = "1234567890";

// The SecretId and SecretKey of bench credential `i`.
export const secretId = (i) => `AKIDbench${String(i).padStart(6, "0")}`;
export const secretKey = (i) => `bench-secret-key-${i}`;

const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const hmac = (key, data) => createHmac("sha256", key).update(data).digest();

// "YYYY-MM-DD HH:MM:SS" in UTC+8, the API's zone.
const utc8 = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

function argumentsOf(argv) {
    const options = { threads: 2, "secret-ids": 4000, run: String(Date.now()) };
    for (let i = 0; i < argv.length; i += 2) options[argv[i].replace(/^--/, "")] = argv[i + 1];
    for (const required of ["scenario", "out", "port", "requests"]) {
        if (!options[required]) throw new Error(`--${required} is required`);
    }
    return options;
}

class Signer {
    constructor(host, timestamp) {
        this.host = host;
        this.timestamp = String(timestamp);
        this.date = new Date(timestamp * 1000).toISOString().slice(0, 10);
        this.keys = new Map();  // derived signing key per SecretKey (it depends on the date only)
    }

    signingKey(key) {
        let derived = this.keys.get(key);
        if (!derived) {
            derived = hmac(hmac(hmac(`TC3${key}`, this.date), "tcaplusdb"), "tc3_request");
            this.keys.set(key, derived);
        }
        return derived;
    }

    request(action, body, id, key) {
        const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${this.host}\n\ncontent-type;host\n${sha256(body)}`;
        const scope = `${this.date}/tcaplusdb/tc3_request`;
        const toSign = `TC3-HMAC-SHA256\n${this.timestamp}\n${scope}\n${sha256(canonical)}`;
        const signature = createHmac("sha256", this.signingKey(key)).update(toSign).digest("hex");
        return (
            `POST / HTTP/1.1\r\nHost: ${this.host}\r\nContent-Type: application/json\r\n` +
            `X-TC-Action: ${action}\r\nX-TC-Version: 2019-08-23\r\nX-TC-Region: ap-guangzhou\r\n` +
            `X-TC-Timestamp: ${this.timestamp}\r\nX-TC-RequestClient: tcaplus-mock-bench\r\n` +
            `Authorization: TC3-HMAC-SHA256 Credential=${id}/${scope}, SignedHeaders=content-type;host, ` +
            `Signature=${signature}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
        );
    }
}

function snapshotItem(table, name, now) {
    return {
        TableGroupId: "1",
        TableName: table,
        SnapshotName: name,
        SnapshotTime: utc8(now - 3600_000),
        SnapshotDeadTime: utc8(now + 7 * 86400_000),
    };
}

// The body and the credential of request `n` of `thread`.
function requestOf(scenario, options, thread, n, now) {
    const ids = Number(options["secret-ids"]);
    const oneAccount = scenario === "throttled" || scenario === "tables";
    const credential = oneAccount ? 0 : (n * Number(options.threads) + thread) % ids;
    const name = `r${options.run}-t${thread}-${n}`;
    let action = "CreateSnapshots";
    let params;
    if (scenario === "describe") {
        action = "DescribeSnapshots";
        params = { ClusterId: CLUSTER_ID };
    } else if (scenario === "tables") {
        // A page of 20 of the cluster's 1,000 tables, each request another page.
        action = "DescribeTables";
        params = { ClusterId: CLUSTER_ID, Offset: ((n * Number(options.threads) + thread) * 20) % 1000, Limit: 20 };
    } else if (scenario === "create100") {
        const tables = [];
        for (let k = 0; k < 100; ++k) tables.push(snapshotItem(`bench_table_${k}`, name, now));
        params = { ClusterId: CLUSTER_ID, SelectedTables: tables };
    } else {
        params = { ClusterId: CLUSTER_ID, SelectedTables: [snapshotItem("bench_table", name, now)] };
    }
    return { action, body: JSON.stringify(params), id: secretId(credential), key: secretKey(credential) };
}

function main() {
    const options = argumentsOf(process.argv.slice(2));
    const scenario = options.scenario;
    if (!["create", "throttled", "describe", "create100", "tables"].includes(scenario)) {
        throw new Error(`unknown scenario ${scenario}`);
    }
    const now = Date.now();
    const signer = new Signer(`127.0.0.1:${options.port}`, Math.floor(now / 1000));
    const threads = Number(options.threads);
    const perThread = Math.ceil(Number(options.requests) / threads);
    for (let thread = 0; thread < threads; ++thread) {
        const file = openSync(`${options.out}-${thread}.corpus`, "w");
        let chunk = "";
        for (let n = 0; n < perThread; ++n) {
            const { action, body, id, key } = requestOf(scenario, options, thread, n, now);
            const raw = signer.request(action, body, id, key);
            chunk += `${Buffer.byteLength(raw)}\n${raw}`;
            if (chunk.length > 1 << 20) {
                writeSync(file, chunk);
                chunk = "";
            }
        }
        writeSync(file, chunk);
        closeSync(file);
    }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
