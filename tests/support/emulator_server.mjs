// The emulator as a process the JavaScript suites start (tests/sdk, tests/ui), and its control plane.
//
// startServer() runs `<TCAPLUS_MOCK_BIN> --port 0 --bind 127.0.0.1 --db <fresh temp file> [--config <temp
// json>] [--set key=value ...]`, reads the port from the line `tcaplus-mock listening on
// http://127.0.0.1:<port>` on stdout, and stop() ends it with SIGTERM, expecting exit status 0.
// With TCAPLUS_MOCK_ENDPOINT=host:port it returns that already-running server instead (default
// configuration assumed), which is never stopped.
//
// Node's standard library only, so that a suite can import it before its own packages are installed.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// Anything after the address (such as the database path) is ignored.
const READY_LINE = /^tcaplus-mock listening on http:\/\/([^\s/]+):(\d+)(?:[\s/]|$)/;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_TAIL_BYTES = 16_384;

export const externalEndpoint = process.env.TCAPLUS_MOCK_ENDPOINT || "";

// ---------------------------------------------------------------------------------------------
// The server process

class OutputTail {
    constructor() {
        this.text = "";
    }
    push(chunk) {
        this.text = (this.text + chunk).slice(-OUTPUT_TAIL_BYTES);
    }
}

// A running tcaplus-mock. `endpoint` is "127.0.0.1:<port>"; stop() sends SIGTERM and rejects
// unless the process exits with status 0.
class ServerProcess {
    constructor(child, endpoint, dir) {
        this.child = child;
        this.endpoint = endpoint;
        this.dir = dir;
        this.stdout = new OutputTail();
        this.stderr = new OutputTail();
        this.exited = new Promise((resolve) => {
            child.once("exit", (code, signal) => resolve({ code, signal }));
            // A process that could not be spawned emits "error" and never "exit".
            child.once("error", () => child.pid === undefined && resolve({ code: null, signal: null }));
        });
        this.stopped = null;
    }

    output() {
        return `--- server stdout (tail) ---\n${this.stdout.text}\n--- server stderr (tail) ---\n${this.stderr.text}`;
    }

    stop() {
        this.stopped ??= this.terminate();
        return this.stopped;
    }

    async terminate() {
        try {
            if (this.child.exitCode === null && this.child.signalCode === null) {
                this.child.kill("SIGTERM");
            }
            // Unreferenced: the wait must not keep the test process alive once the server is gone.
            const timeout = sleep(STOP_TIMEOUT_MS, null, { ref: false });
            const exit = await Promise.race([this.exited, timeout]);
            if (exit === null) {
                this.child.kill("SIGKILL");
                throw new Error(`tcaplus-mock did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM\n${this.output()}`);
            }
            if (exit.code !== 0) {
                throw new Error(
                    `tcaplus-mock exited with code ${exit.code} signal ${exit.signal} after SIGTERM, ` +
                        `expected 0\n${this.output()}`,
                );
            }
        } finally {
            rmSync(this.dir, { recursive: true, force: true });
        }
    }
}

// The already-running server of TCAPLUS_MOCK_ENDPOINT; never stopped by the suites.
class ExternalServer {
    constructor(endpoint) {
        this.endpoint = endpoint;
    }
    output() {
        return "(server output not available: TCAPLUS_MOCK_ENDPOINT)";
    }
    async stop() {}
}

// Starts a server with `config` (an object written as the --config JSON file) and `set`
// (an object of dotted key -> value, each passed as `--set key=value`). `database` names the
// database file to use (a server restarted on the same file sees what the last one stored); by
// default each server gets a fresh one. Without any of them, and with TCAPLUS_MOCK_ENDPOINT set,
// returns that server instead.
export async function startServer({ config, set, database } = {}) {
    if (externalEndpoint) {
        if (config || set || database) {
            throw new Error("a configured server was requested while TCAPLUS_MOCK_ENDPOINT is set");
        }
        return new ExternalServer(externalEndpoint);
    }
    const bin = process.env.TCAPLUS_MOCK_BIN;
    if (!bin) {
        throw new Error("set TCAPLUS_MOCK_BIN to the tcaplus-mock executable (or TCAPLUS_MOCK_ENDPOINT=host:port)");
    }

    const dir = mkdtempSync(join(tmpdir(), "tcaplus-mock-server-"));
    const args = ["--port", "0", "--bind", "127.0.0.1", "--db", database ?? join(dir, "tcaplus-mock.db")];
    if (config) {
        const path = join(dir, "config.json");
        writeFileSync(path, JSON.stringify(config, null, 2));
        args.push("--config", path);
    }
    for (const [key, value] of Object.entries(set ?? {})) args.push("--set", `${key}=${value}`);

    const child = spawn(bin, args, { env: serverEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
    const server = new ServerProcess(child, null, dir);
    child.stderr.setEncoding("utf8").on("data", (chunk) => server.stderr.push(chunk));
    try {
        const configText = config ? `\nconfig: ${JSON.stringify(config)}` : "";
        server.endpoint = await readEndpoint(child, server, `${bin} ${args.join(" ")}${configText}`);
    } catch (error) {
        child.kill("SIGKILL");
        await server.exited;
        rmSync(dir, { recursive: true, force: true });
        throw error;
    }
    return server;
}

// The caller's environment without TCAPLUS_MOCK_* variables: the server reads those as settings
// (and rejects names it does not know, such as TCAPLUS_MOCK_BIN), and every suite states its own.
function serverEnvironment() {
    return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TCAPLUS_MOCK_")));
}

function readEndpoint(child, server, commandLine) {
    return new Promise((resolve, reject) => {
        let pending = "";
        let ready = false;
        const fail = (why) => {
            clearTimeout(timer);
            reject(new Error(`${why}\ncommand: ${commandLine}\n${server.output()}`));
        };
        const timer = setTimeout(
            () => fail(`tcaplus-mock printed no ready line within ${START_TIMEOUT_MS} ms`),
            START_TIMEOUT_MS,
        );
        child.once("error", (error) => fail(`cannot start tcaplus-mock: ${error.message}`));
        child.once("exit", (code, signal) => {
            if (!ready) fail(`tcaplus-mock exited (code ${code}, signal ${signal}) before it was ready`);
        });
        child.stdout.setEncoding("utf8").on("data", (chunk) => {
            server.stdout.push(chunk);
            if (ready) return;
            pending += chunk;
            let newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                const line = pending.slice(0, newline);
                pending = pending.slice(newline + 1);
                const match = READY_LINE.exec(line);
                if (match) {
                    ready = true;
                    clearTimeout(timer);
                    resolve(`${match[1]}:${match[2]}`);
                    return;
                }
            }
        });
    });
}

// ---------------------------------------------------------------------------------------------
// The control plane (`/_mock/`)

// Calls the control plane of `server`: resolves to {status, headers, body} with the body parsed as
// JSON when it is JSON, else as text. A POST, PUT or DELETE says it sends JSON (the control plane
// refuses one that does not, with 415), with or without a body; `headers` may override that.
export async function control(server, method, path, body, headers = {}) {
    const json = method !== "GET" && method !== "HEAD" ? { "Content-Type": "application/json" } : {};
    const response = await fetch(`http://${server.endpoint}/_mock/${path}`, {
        method,
        headers: { ...json, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try {
        parsed = JSON.parse(text);
    } catch {
        // metrics and other text answers stay text
    }
    return { status: response.status, headers: response.headers, body: parsed };
}
