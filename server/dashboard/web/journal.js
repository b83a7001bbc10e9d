// The request journal: a page of entries at a time, newest first, read with GET /_mock/requests. The
// newest page follows new requests live; older pages are anchored on an entry's number (`before`),
// so they stay put while requests arrive. Only one page is ever fetched or drawn, however long the
// journal. A refused request shows its code and message; its details show, for a signature failure,
// what the emulator signed beside the problem it found.

import { call } from "./control_api.js";
import { byId, ChangeGate, el, formatNumber } from "./dom.js";

const PAGE_SIZE = 50;

export class JournalView {
    constructor() {
        this.account = "";
        this.anchors = [];  // the `before` of each page older than the newest, oldest last
        this.entries = [];
        this.gate = new ChangeGate();
        this.form = byId("journal-filters");
        this.form.addEventListener("submit", (event) => {
            event.preventDefault();
            this.applyFilters();
        });
        this.form.addEventListener("change", () => this.applyFilters());
        byId("journal-newest").addEventListener("click", () => this.page([]));
        byId("journal-newer").addEventListener("click", () => this.page(this.anchors.slice(0, -1)));
        byId("journal-older").addEventListener("click", () => this.olderPage());
        byId("journal-detail-close").addEventListener("click", () => this.closeDetail());
    }

    setAccount(account) {
        if (account === this.account) return;
        this.account = account;
        this.anchors = [];
    }

    get live() {
        return byId("journal-live").checked;
    }

    applyFilters() {
        this.anchors = [];
        this.refresh();
    }

    page(anchors) {
        this.anchors = anchors;
        this.refresh();
    }

    olderPage() {
        const oldest = this.entries.at(-1);
        if (oldest) this.page([...this.anchors, oldest.seq]);
    }

    // The query of the current filters and page. The code `Success` (any case) selects successes.
    path() {
        const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
        const action = byId("journal-action").value.trim();
        const code = byId("journal-code").value.trim();
        if (action) search.set("action", action);
        if (code) search.set("code", code.toLowerCase() === "success" ? "" : code);
        if (byId("journal-this-account").checked && this.account) search.set("account", this.account);
        if (this.anchors.length > 0) search.set("before", String(this.anchors.at(-1)));
        return `requests?${search}`;
    }

    // `automatic`: a timed refresh, which waits while Live is unchecked.
    async refresh({ automatic = false } = {}) {
        if (automatic && !this.live) return;
        const answer = await call("GET", this.path());
        this.entries = answer.requests;
        this.renderPager(answer.total);
        if (!this.gate.changed("rows", [this.path(), this.entries.map((entry) => entry.seq)])) return;
        byId("journal-table").tBodies[0].replaceChildren(...this.entries.map((entry) => this.row(entry)));
        byId("journal-empty").hidden = this.entries.length > 0;
    }

    renderPager(total) {
        const newest = this.anchors.length === 0;
        const page = this.anchors.length + 1;
        byId("journal-range").textContent = `Page ${page} · ${formatNumber(total)} matching ${total === 1 ? "entry" : "entries"}`;
        byId("journal-newest").disabled = newest;
        byId("journal-newer").disabled = newest;
        byId("journal-older").disabled = this.entries.length < PAGE_SIZE;
    }

    row(entry) {
        const refused = entry.code !== "";
        const details = el("button", {
            type: "button",
            class: "link-button",
            text: entry.action || "(no action)",
            "aria-label": `${entry.action || "(no action)"} at ${entry.emulator_time}: details`,
            onclick: () => this.openDetail(entry),
        });
        return el("tr", { class: refused ? "refused-row" : "", "data-seq": entry.seq },
            el("td", { class: "when", text: entry.emulator_time }),
            el("td", {}, details),
            el("td", { class: "account-cell", text: entry.account || "(none)", title: entry.account || null }),
            el("td", { class: "outcome-cell" },
                el("span", { class: refused ? "code refused" : "code success", text: refused ? entry.code : "Success" }),
                refused ? el("span", { class: "outcome-message", text: entry.message }) : null),
            el("td", { class: "number", text: `${(entry.latency_us / 1000).toFixed(1)} ms` }));
    }

    openDetail(entry) {
        const panel = byId("journal-detail");
        byId("journal-detail-heading").textContent = `${entry.action || "Request"} ${entry.request_id}`;
        byId("journal-detail-body").replaceChildren(...detailOf(entry));
        panel.hidden = false;
        byId("journal-detail-heading").focus();
    }

    closeDetail() {
        byId("journal-detail").hidden = true;
        byId("journal-heading").focus();
    }
}

function detailOf(entry) {
    const parts = [facts(entry)];
    if (entry.string_to_sign || entry.signature_problem) parts.push(signingDiagnosis(entry));
    parts.push(el("h4", { text: `Body (${formatNumber(entry.body_bytes)} bytes${entry.body_truncated ? ", cut" : ""})` }),
        el("pre", { class: "text-block", text: entry.body || "(empty)" }));
    return parts;
}

function facts(entry) {
    const rows = [
        ["Outcome", entry.code || "Success"],
        ["Message", entry.message],
        ["Parameter", entry.parameter],
        ["Items", entry.items.length ? entry.items.map((code) => code || "Success").join(", ") : ""],
        ["Fault rule", entry.fault ? `${entry.fault.id} (${entry.fault.type})` : ""],
        ["Time", `${entry.emulator_time} on the emulator's clock; ${entry.time} on the wall clock`],
        ["Account", entry.account],
        ["SecretId", entry.secret_id],
        ["Signature", entry.signature],
        ["Frequency limit", `${entry.throttle}${entry.throttle_count ? `, request ${entry.throttle_count} of its second` : ""}`],
        ["Client", `${entry.client} ${entry.method}`],
        ["Trace id", entry.trace_id],
        ["HTTP status", entry.http_status],
    ].filter(([, value]) => value !== "" && value !== undefined);
    return el("dl", { class: "facts" }, ...rows.flatMap(([name, value]) => [el("dt", { text: name }), el("dd", { text: value })]));
}

// What the emulator found wrong, in words, for the journal's `signature` value.
function problemFound(entry) {
    if (entry.signature_problem) return entry.signature_problem;
    if (entry.signature === "mismatch") {
        return `The signature sent is not the one the emulator computed over this string to sign with the key of ` +
            `SecretId ${entry.secret_id || "(none)"}. Compare it line by line with the string the client signed.`;
    }
    return entry.message;
}

// What the emulator found wrong beside what it signed, so the two can be compared with the client's.
function signingDiagnosis(entry) {
    const problem = el("div", { class: "diagnosis-part" },
        el("h5", { text: "The problem" }),
        el("p", { class: "code refused", text: entry.code || "Success" }),
        el("p", { class: "problem-found", text: problemFound(entry) }),
        entry.signature_problem || entry.signature === "mismatch" ? el("p", { class: "outcome-message", text: entry.message }) : null);
    const signed = el("div", { class: "diagnosis-part" },
        el("h5", { text: "What the emulator signed" }),
        entry.string_to_sign ? el("p", { class: "label", text: "String to sign" }) : null,
        entry.string_to_sign ? el("pre", { class: "text-block string-to-sign", text: entry.string_to_sign }) : null,
        entry.canonical_request ? el("p", { class: "label", text: "Canonical request" }) : null,
        entry.canonical_request ? el("pre", { class: "text-block", text: entry.canonical_request }) : null,
        entry.string_to_sign ? null : el("p", { text: "Nothing: the signature was refused before it was compared." }));
    return el("section", { class: "diagnosis", "aria-label": "Signing diagnosis" },
        el("h4", { text: "Signing diagnosis" }), el("div", { class: "diagnosis-columns" }, problem, signed));
}
