// The dashboard (`/_mock/ui`) in a real browser, beside a client of the API: what the API does shows
// in the page, and what the page does changes what the API answers.
//
// Run:    cd tests/ui && npm ci && TCAPLUS_MOCK_BIN=../../build/server/tcaplus-mock node --test
// ctest:  ctest -L ui (tests/ui/CMakeLists.txt passes TCAPLUS_MOCK_BIN and the screenshot folder)
// TCAPLUS_MOCK_UI_README_SCREENSHOT=docs/images/dashboard.png also writes the README's picture.

import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";

import { control, startServer } from "../support/emulator_server.mjs";
import { callApi, snapshotRequest, TEST_ACCOUNT } from "./api_client.mjs";
import { launchBrowser, openPage, screenshot } from "./browser.mjs";

const WAIT = { timeout: 8_000 };
const CLUSTER = "5674209986";

let browser;

before(async () => {
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
});

// A server of its own (`set`: settings) and a fresh page of its dashboard, once the page shows live
// data; both closed when the case ends.
async function dashboard(t, { set, viewport } = {}) {
    const server = await startServer({ set });
    t.after(() => server.stop());
    const opened = await openPage(browser, server, { viewport });
    t.after(() => opened.context.close());
    opened.server = server;
    opened.response = await opened.page.goto(`${opened.origin}/_mock/ui`);
    await opened.page.locator("#connection", { hasText: "Live" }).waitFor(WAIT);
    return opened;
}

async function showSnapshots(page) {
    await page.getByRole("tab", { name: /^Snapshots/ }).click();
    await page.locator("#resource-panel[aria-labelledby='tab-snapshots']").waitFor(WAIT);
}

// "YYYY-MM-DD HH:MM:SS" in UTC+8, the API's zone, of UNIX seconds.
function apiDatetime(seconds) {
    return new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 19).replace("T", " ");
}

// Every case has a server of its own, so the cases run side by side: most of their time is spent
// waiting for the page's next refresh.
describe("the dashboard", { concurrency: 4 }, () => {
    test("the page loads with its headers, no console error and no request beyond the emulator", async (t) => {
        const { page, problems, response } = await dashboard(t);
        const headers = response.headers();
        assert.equal(headers["content-type"], "text/html; charset=utf-8");
        assert.match(headers["content-security-policy"], /default-src 'self'/);
        assert.equal(headers["x-content-type-options"], "nosniff");
        // A rate drawn: the page has read the metrics twice.
        await page.waitForFunction(() => document.querySelector("#metrics-chart polyline")?.getAttribute("points") !== "", null, WAIT);
        assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
        await screenshot(page, "dashboard-empty");
    });

    test("the control plane's index links the dashboard", async (t) => {
        const { page, problems, origin } = await dashboard(t);
        const index = await page.goto(`${origin}/_mock/`);
        assert.equal(index.headers()["content-type"], "text/html; charset=utf-8");
        assert.match(index.headers()["content-security-policy"], /default-src 'self'/);
        await page.getByRole("link", { name: "Open the dashboard" }).click();
        await page.waitForURL(`${origin}/_mock/ui`, WAIT);
        await page.locator("#connection", { hasText: "Live" }).waitFor(WAIT);
        assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    });

    test("a snapshot created through the API appears, with its status and its task", async (t) => {
        const { page, server } = await dashboard(t);
        const created = await callApi(server.endpoint, "CreateSnapshots", snapshotRequest(CLUSTER, "nightly"));
        assert.equal(created.TableResults?.[0].Error.Code, "", JSON.stringify(created));
        await page.waitForFunction((account) => document.querySelector("#account").value === account, TEST_ACCOUNT, WAIT);
        await showSnapshots(page);
        const row = page.locator("#resource-table tbody tr", { hasText: "nightly" });
        await row.waitFor(WAIT);
        assert.match(await row.innerText(), new RegExp(`${CLUSTER}/1/players`));
        assert.match(await row.innerText(), /normal|creating/);
        await page.getByRole("tab", { name: /^Tasks/ }).click();
        await page.locator("#resource-table tbody tr", { hasText: `${CLUSTER}-1` }).waitFor(WAIT);
    });

    test("a request signed with a wrong key shows its code and the signing diagnosis", async (t) => {
        const { page, server } = await dashboard(t);
        const refused = await callApi(server.endpoint, "DescribeSnapshots", { ClusterId: CLUSTER }, { secretKey: "not-the-key" });
        assert.equal(refused.Error?.Code, "AuthFailure.SignatureFailure");
        const row = page.locator("#journal-table tbody tr", { hasText: "AuthFailure.SignatureFailure" });
        await row.waitFor(WAIT);
        assert.match(await row.innerText(), /could not be validated/);
        await row.getByRole("button", { name: /DescribeSnapshots/ }).click();
        const diagnosis = page.getByRole("region", { name: "Signing diagnosis" });
        await diagnosis.waitFor(WAIT);
        const text = await diagnosis.innerText();
        assert.match(text, /The problem[\s\S]*AuthFailure\.SignatureFailure/);
        assert.match(text, /not the one the emulator computed over this string to sign/);
        assert.match(text, /What the emulator signed[\s\S]*TC3-HMAC-SHA256\n\d+\n\d{4}-\d{2}-\d{2}\/tcaplusdb\/tc3_request/);
        assert.match(text, /content-type:application\/json/);
        assert.doesNotMatch(text, /not-the-key/);
        await screenshot(page, "dashboard-signature-failure", { fullPage: true });
    });

    test("a fault rule added in the page fails the next API call and shows it fired", async (t) => {
        const { page, server } = await dashboard(t);
        const form = page.locator("#fault-form");
        await form.getByLabel("Action").fill("DescribeSnapshots");
        await form.getByLabel("Effect").selectOption("error");
        await form.getByLabel("Code").fill("ResourceUnavailable");
        await form.getByLabel("Times").fill("1");
        await form.getByRole("button", { name: "Add rule" }).click();
        const rule = page.locator("#faults-table tbody tr", { hasText: "DescribeSnapshots" });
        await rule.waitFor(WAIT);
        assert.match(await rule.innerText(), /0 of 1/);

        const failed = await callApi(server.endpoint, "DescribeSnapshots", { ClusterId: CLUSTER });
        assert.equal(failed.Error?.Code, "ResourceUnavailable");
        await rule.locator(".fired", { hasText: "1 of 1" }).waitFor(WAIT);
        const next = await callApi(server.endpoint, "DescribeSnapshots", { ClusterId: CLUSTER });
        assert.equal(next.Error, undefined, "the rule fired its one time");

        await rule.getByRole("button", { name: /Remove/ }).click();
        await page.locator("#faults-empty").waitFor({ state: "visible", ...WAIT });
    });

    test("advancing the clock in the page turns a snapshot expired", async (t) => {
        const { page, server } = await dashboard(t);
        const clock = (await control(server, "GET", "clock")).body;
        const request = snapshotRequest(CLUSTER, "short-lived", { deadTime: apiDatetime(clock.now + 3600) });
        assert.equal((await callApi(server.endpoint, "CreateSnapshots", request)).TableResults?.[0].Error.Code, "");
        await showSnapshots(page);
        const row = page.locator("#resource-table tbody tr", { hasText: "short-lived" });
        await row.locator(".status", { hasText: /normal|creating/ }).waitFor(WAIT);

        await page.getByLabel("Advance by").fill("2h");
        await page.getByRole("button", { name: "Advance", exact: true }).click();
        await row.locator(".status", { hasText: "expired" }).waitFor(WAIT);
        const moved = (await control(server, "GET", "clock")).body;
        assert.ok(moved.offset_seconds >= 7200, JSON.stringify(moved));
    });

    test("a reset in the page empties what the API then reads", async (t) => {
        const { page, server } = await dashboard(t);
        assert.equal((await callApi(server.endpoint, "CreateSnapshots", snapshotRequest(CLUSTER, "doomed"))).TableResults?.[0].Error.Code, "");
        await control(server, "POST", "faults", { action: "DeleteCluster", effect: { type: "drop" } });
        await showSnapshots(page);
        await page.locator("#resource-table tbody tr", { hasText: "doomed" }).waitFor(WAIT);

        await page.getByRole("button", { name: `Reset account ${TEST_ACCOUNT}` }).click();
        await page.locator("#reset-message", { hasText: `Account ${TEST_ACCOUNT} was reset` }).waitFor(WAIT);
        const listed = await callApi(server.endpoint, "DescribeSnapshots", { ClusterId: CLUSTER });
        assert.equal(listed.TotalCount, 0, JSON.stringify(listed));
        assert.equal((await control(server, "GET", "faults")).body.faults.length, 1, "an account's reset keeps the fault rules");

        await page.getByRole("button", { name: "Reset everything" }).click();
        await page.locator("#reset-message", { hasText: "Everything was reset" }).waitFor(WAIT);
        assert.deepEqual((await control(server, "GET", "faults")).body.faults, []);
        await page.locator("#faults-empty").waitFor({ state: "visible", ...WAIT });
    });

    test("a journal of thousands of entries is read and drawn a page at a time", async (t) => {
        const { page, server } = await dashboard(t, { set: { "journal.capacity": 5000 } });
        const unsigned = (i) => fetch(`http://${server.endpoint}/`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-TC-Action": "DescribeSnapshots", "X-TC-Version": "2019-08-23", "X-TC-Region": "ap-guangzhou" },
            body: JSON.stringify({ ClusterId: `c${i}` }),
        }).then((response) => response.arrayBuffer());
        for (let start = 0; start < 2000; start += 100) {
            await Promise.all(Array.from({ length: 100 }, (_, i) => unsigned(start + i)));
        }
        await page.locator("#journal-range", { hasText: "2,000 matching entries" }).waitFor(WAIT);
        const rows = page.locator("#journal-table tbody tr");
        assert.equal(await rows.count(), 50);
        const newest = Number(await rows.first().getAttribute("data-seq"));
        await page.getByRole("button", { name: "Older" }).click();
        await page.locator("#journal-range", { hasText: "Page 2" }).waitFor(WAIT);
        await page.waitForFunction((below) => Number(document.querySelector("#journal-table tbody tr")?.dataset.seq) === below - 50, newest, WAIT);
        assert.equal(await rows.count(), 50);
    });

    test("every control has a visible label and an accessible name, and the page works by keyboard", async (t) => {
        const { page } = await dashboard(t);
        const unlabelled = await page.evaluate(() => {
            const visible = (element) => element.offsetParent !== null && element.getClientRects().length > 0;
            const problems = [];
            for (const control of document.querySelectorAll("input, select, textarea, button")) {
                if (!visible(control)) continue;
                const shown = control.tagName === "BUTTON" ? control.textContent.trim()
                    : [...(control.labels ?? [])].filter(visible).map((label) => label.textContent.trim()).join(" ");
                const name = control.getAttribute("aria-label") ?? shown;
                if (!shown || !name.includes(shown.split("\n")[0].trim())) problems.push(control.outerHTML.slice(0, 120));
            }
            return problems;
        });
        assert.deepEqual(unlabelled, []);

        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to the request journal");
        await page.keyboard.press("Enter");
        assert.equal(await page.evaluate(() => document.activeElement.id), "journal-heading");

        await page.getByRole("tab", { name: /^Clusters/ }).focus();
        await page.keyboard.press("ArrowRight");
        assert.equal(await page.evaluate(() => document.activeElement.id), "tab-table_groups");
        assert.equal(await page.getByRole("tab", { name: /^Table groups/ }).getAttribute("aria-selected"), "true");
        await page.keyboard.press("End");
        assert.equal(await page.evaluate(() => document.activeElement.id), "tab-backups");
    });

    test("on a narrow window nothing runs off the side", async (t) => {
        const { page } = await dashboard(t, { viewport: { width: 400, height: 900 } });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the window`);
        await screenshot(page, "dashboard-narrow", { fullPage: true });
    });

    // A page of another origin (a server of the test's own on another port) tries what a hostile site
    // could: a form and a no-cors fetch, which go out as text/plain, and a JSON fetch, which needs a
    // CORS preflight. The browser's own record of the traffic shows each was refused.
    test("a page of another site cannot change the emulator", async (t) => {
        const server = await startServer();
        t.after(() => server.stop());
        const target = `http://${server.endpoint}/_mock/clock`;
        const site = createServer((request, response) => {
            response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
            response.end(hostilePage(target));
        });
        await new Promise((resolve) => site.listen(0, "127.0.0.1", resolve));
        t.after(() => site.close());
        const context = await browser.newContext();
        t.after(() => context.close());
        const page = await context.newPage();
        const reached = [];
        page.on("response", (response) => response.url() === target && reached.push(`${response.request().method()} ${response.status()}`));

        await page.goto(`http://127.0.0.1:${site.address().port}/`);
        const outcomes = await page.evaluate(() => window.outcomes);
        assert.equal(outcomes.json, "blocked", "the JSON fetch never passed its preflight");
        await Promise.all([page.waitForURL(target, WAIT), page.evaluate(() => document.forms[0].submit())]);
        assert.match(await page.locator("body").innerText(), /UnsupportedMediaType/);

        assert.equal(reached.filter((entry) => entry === "POST 415").length, 2, reached.join(", "));
        assert.deepEqual(reached.filter((entry) => entry.startsWith("POST") && entry !== "POST 415"), [], "no POST was taken");
        const clock = (await control(server, "GET", "clock")).body;
        assert.equal(clock.offset_seconds, 0, JSON.stringify(clock));
    });

    test("with control.token set, the page is refused until it is given the token, kept for the tab only", async (t) => {
        const guarded = await startServer({ set: { "control.token": "ui-suite-token" } });
        t.after(() => guarded.stop());
        const { page, context, origin } = await openPage(browser, guarded);
        t.after(() => context.close());
        await page.goto(`${origin}/_mock/ui`);
        await page.locator("#token-panel").waitFor({ state: "visible", ...WAIT });
        assert.equal(await page.locator("#dashboard").isHidden(), true);
        assert.equal((await control(guarded, "GET", "clock")).status, 401);

        await page.getByLabel("Control token").fill("a-wrong-token");
        await page.getByRole("button", { name: "Use token" }).click();
        await page.locator("#token-error", { hasText: "refused" }).waitFor(WAIT);
        assert.equal(await page.locator("#dashboard").isHidden(), true);

        await page.getByLabel("Control token").fill("ui-suite-token");
        await page.getByRole("button", { name: "Use token" }).click();
        await page.locator("#connection", { hasText: "Live" }).waitFor(WAIT);
        assert.equal(await page.locator("#dashboard").isVisible(), true);
        await page.reload();
        await page.locator("#connection", { hasText: "Live" }).waitFor(WAIT);

        const other = await context.browser().newContext();
        t.after(() => other.close());
        const stranger = await other.newPage();
        await stranger.goto(`${origin}/_mock/ui`);
        await stranger.locator("#token-panel").waitFor({ state: "visible", ...WAIT });
    });

    // The picture of the README: a dashboard with something in every panel.
    test("a busy dashboard, for the picture", async (t) => {
        const { page, server } = await dashboard(t);
        await control(server, "PUT", "state", seedDocument());
        for (const name of ["hourly", "nightly", "weekly"]) {
            await callApi(server.endpoint, "CreateSnapshots", snapshotRequest(CLUSTER, name, { table: "players" }));
        }
        await control(server, "POST", "faults", { action: "DeleteSnapshots", effect: { type: "error", code: "InternalError" }, times: 3 });
        // Traffic until the chart has drawn ten seconds of it: reads, some refused by their signature,
        // two deletes failed by the rule.
        const samples = () => page.evaluate(() =>
            (document.querySelector("#metrics-chart .series-success")?.getAttribute("points") ?? "").split(" ").filter(Boolean).length);
        for (let i = 0; i < 120 && (i < 24 || (await samples()) < 10); i += 1) {
            await callApi(server.endpoint, "DescribeTables", { ClusterId: CLUSTER });
            if (i % 5 === 2) await callApi(server.endpoint, "DescribeSnapshots", { ClusterId: CLUSTER }, { secretKey: "not-the-key" });
            if (i === 9 || i === 19) {
                await callApi(server.endpoint, "DeleteSnapshots", {
                    ClusterId: CLUSTER, SelectedTables: [{ TableGroupId: "1", TableName: "players", SnapshotName: "hourly" }],
                });
            }
            await sleep(150);
        }
        await showSnapshots(page);
        await page.locator("#resource-table tbody tr", { hasText: "weekly" }).waitFor(WAIT);
        await page.locator("#faults-table .fired", { hasText: "2 of 3" }).waitFor(WAIT);
        assert.ok((await samples()) >= 10, "the chart has ten seconds of traffic");
        const path = await screenshot(page, "dashboard");
        if (process.env.TCAPLUS_MOCK_UI_README_SCREENSHOT) copyFileSync(path, process.env.TCAPLUS_MOCK_UI_README_SCREENSHOT);
    });
});

// The page of another site: it tries to move the clock a day as soon as it loads, and says how each
// attempt ended in window.outcomes.
function hostilePage(target) {
    const body = JSON.stringify({ advance: "1d" });
    return `<!doctype html><title>another site</title>
<form method="post" action="${target}" enctype="text/plain"><input name='{"advance":"1d","pad":"' value='"}'></form>
<script>
window.outcomes = (async () => {
    const attempt = (init) => fetch(${JSON.stringify(target)}, { method: "POST", body: ${JSON.stringify(body)}, ...init })
        .then(() => "sent", () => "blocked");
    return {
        plain: await attempt({ mode: "no-cors", headers: { "Content-Type": "text/plain" } }),
        json: await attempt({ headers: { "Content-Type": "application/json" } }),
    };
})();
</script>`;
}

function seedDocument() {
    const proto = 'syntax = "proto2"; import "tcaplusservice.optionv1.proto";\n' +
        'message players { option(tcaplusservice.tcaplus_primary_key) = "uin"; required int64 uin = 1; optional int32 level = 2; }\n' +
        'message guilds { option(tcaplusservice.tcaplus_primary_key) = "id"; required int64 id = 1; optional string name = 2; }\n';
    return {
        version: 2,
        accounts: [{
            account: TEST_ACCOUNT,
            clusters: [{ cluster_id: CLUSTER, name: "game-prod", region: "ap-guangzhou", idl_type: "PROTO" }],
            table_groups: [
                { cluster_id: CLUSTER, table_group_id: "1", name: "players" },
                { cluster_id: CLUSTER, table_group_id: "2", name: "social" },
            ],
            idl_files: [{ cluster_id: CLUSTER, file_id: 7, name: "game", file_type: "PROTO", ext_type: "proto", content: proto }],
            tables: [
                { cluster_id: CLUSTER, table_group_id: "1", table_name: "players", file_id: 7 },
                { cluster_id: CLUSTER, table_group_id: "2", table_name: "guilds", file_id: 7 },
            ],
        }],
    };
}
