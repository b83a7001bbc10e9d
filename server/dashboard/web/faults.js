// The fault rules: the list with how often each fired (GET /_mock/faults), a form that adds one
// (POST /_mock/faults) and a button per rule that removes it (DELETE /_mock/faults/{id}).

import { call, ControlError } from "./control_api.js";
import { byId, ChangeGate, el, say } from "./dom.js";

export class FaultsView {
    // `changed`: called after the page added or removed a rule.
    constructor(changed) {
        this.changed = changed;
        this.gate = new ChangeGate();
        this.form = byId("fault-form");
        this.form.addEventListener("submit", (event) => {
            event.preventDefault();
            this.add();
        });
        byId("fault-effect").addEventListener("change", () => this.showEffectFields());
        this.showEffectFields();
    }

    // Only the fields the chosen effect takes are shown.
    showEffectFields() {
        const effect = byId("fault-effect").value;
        for (const label of this.form.querySelectorAll("[data-effects]")) {
            label.hidden = !label.dataset.effects.split(" ").includes(effect);
        }
    }

    async refresh() {
        const { faults } = await call("GET", "faults");
        if (!this.gate.changed("faults", faults)) return;
        byId("faults-table").tBodies[0].replaceChildren(...faults.map((rule) => this.row(rule)));
        byId("faults-empty").hidden = faults.length > 0;
    }

    row(rule) {
        const remove = el("button", {
            type: "button",
            class: "small",
            text: "Remove",
            "aria-label": `Remove fault rule ${rule.id}`,
            onclick: () => this.remove(rule.id),
        });
        const fired = rule.times ? `${rule.fired} of ${rule.times}` : String(rule.fired);
        return el("tr", { "data-fault": rule.id },
            el("td", { class: "rule" },
                el("span", { class: "rule-name" }, el("span", { class: "mono", text: rule.id }), " ", el("strong", { text: rule.action })),
                el("span", { class: "rule-match", text: `${effectText(rule.effect)} · ${matchText(rule)}` })),
            el("td", { class: "fired number", text: fired }),
            el("td", {}, remove));
    }

    async add() {
        const message = byId("fault-message-line");
        try {
            const { id } = await call("POST", "faults", this.ruleFromForm());
            say(message, `Added fault rule ${id}.`);
            this.changed();
        } catch (error) {
            if (!(error instanceof ControlError)) throw error;
            say(message, `Not added: ${error.message}`, "error");
        }
    }

    async remove(id) {
        const message = byId("fault-message-line");
        try {
            await call("DELETE", `faults/${encodeURIComponent(id)}`);
            say(message, `Removed fault rule ${id}.`);
            this.changed();
        } catch (error) {
            if (!(error instanceof ControlError)) throw error;
            say(message, `Not removed: ${error.message}`, "error");
        }
    }

    // The rule the form describes, in the JSON form POST /_mock/faults takes.
    ruleFromForm() {
        const value = (id) => byId(id).value.trim();
        const type = value("fault-effect");
        const effect = { type };
        if (type === "error" || type === "item_error") {
            effect.code = value("fault-code");
            if (value("fault-message")) effect.message = value("fault-message");
        }
        if (type === "latency") effect.ms = Number(value("fault-ms"));
        if (type === "http_status") effect.status = Number(value("fault-status"));
        const rule = { action: value("fault-action"), effect };
        if (value("fault-table")) rule.table = value("fault-table");
        if (value("fault-account")) rule.account = value("fault-account");
        if (value("fault-times")) rule.times = Number(value("fault-times"));
        if (value("fault-probability")) rule.probability = Number(value("fault-probability"));
        return rule;
    }
}

function effectText(effect) {
    switch (effect.type) {
        case "error":
        case "item_error":
            return `${effect.type} ${effect.code}${effect.message ? `: ${effect.message}` : ""}`;
        case "latency":
            return `latency ${effect.ms} ms`;
        case "http_status":
            return `HTTP ${effect.status}`;
        default:
            return effect.type;
    }
}

function matchText(rule) {
    const parts = [];
    if (rule.account) parts.push(`account ${rule.account}`);
    if (rule.secret_id) parts.push(`SecretId ${rule.secret_id}`);
    if (rule.table) parts.push(`table ${rule.table}`);
    if (rule.probability !== undefined) parts.push(`p ${rule.probability}`);
    return parts.length ? parts.join(", ") : "every request";
}
