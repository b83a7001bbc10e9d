// Debian's chromium (never a downloaded build) driven by playwright-core, headless, for the
// dashboard's tests: one browser per suite, one fresh page per case, each recording its console
// errors, uncaught exceptions and every request that leaves the emulator's origin.
//
// TCAPLUS_MOCK_CHROMIUM names another chromium executable (default /usr/bin/chromium);
// TCAPLUS_MOCK_UI_ARTIFACTS the folder screenshots go to (default <tmp>/tcaplus-mock-ui).

import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.TCAPLUS_MOCK_CHROMIUM || "/usr/bin/chromium";
export const ARTIFACTS = process.env.TCAPLUS_MOCK_UI_ARTIFACTS || join(tmpdir(), "tcaplus-mock-ui");

// Required at run time rather than imported, so that a missing `npm ci` is reported as such.
function loadPlaywright() {
    try {
        return createRequire(import.meta.url)("playwright-core");
    } catch (error) {
        if (error.code !== "MODULE_NOT_FOUND") throw error;
        throw new Error(`playwright-core is not installed: run \`npm ci\` in tests/ui first\n${error.message}`);
    }
}

export async function launchBrowser() {
    if (!existsSync(CHROMIUM)) {
        throw new Error(`no chromium at ${CHROMIUM}: scripts/install-deps.sh --test installs Debian's \`chromium\``);
    }
    const { chromium } = loadPlaywright();
    return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

// A page of its own context (its own sessionStorage) at `viewport`, recording what went wrong.
export async function openPage(browser, server, { viewport = { width: 1280, height: 800 } } = {}) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const origin = `http://${server.endpoint}`;
    const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
    page.on("console", (message) => message.type() === "error" && problems.consoleErrors.push(message.text()));
    page.on("pageerror", (error) => problems.pageErrors.push(error.message));
    page.on("request", (request) => new URL(request.url()).origin !== origin && problems.foreignRequests.push(request.url()));
    page.on("dialog", (dialog) => dialog.accept());
    return { page, context, problems, origin };
}

export async function screenshot(page, name, options = {}) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path, ...options });
    return path;
}
