// The resources panel: one tab per kind (clusters, table groups, tables, snapshots, tasks,
// applications, backups), a page of the selected kind at a time, with the statuses GET
// /_mock/resources computes on the emulator's clock.

import { call, query } from "./control_api.js";
import { byId, ChangeGate, el, formatBytes, formatNumber, headingRow, tableRows } from "./dom.js";

const PAGE_SIZE = 50;

const status = (item) => el("span", { class: `status status-${String(item.status_name ?? item.status).replace(/\W+/g, "-").toLowerCase()}`, text: item.status_name ?? item.status });
const stored = (item) => (item.stored ? "stored" : "by name");

function progress(item) {
    return el("span", { class: "progress" },
        el("progress", { max: 100, value: item.progress, "aria-label": `Progress of task ${item.task_id}` }),
        ` ${item.progress}%`);
}

const KINDS = [
    {
        kind: "clusters",
        label: "Clusters",
        columns: [
            ["Cluster", (c) => c.cluster_id],
            ["Name", (c) => c.name],
            ["Region", (c) => c.region || "every region"],
            ["IDL", (c) => c.idl_type],
            ["Status", status],
            ["Created", (c) => c.created_time, "when"],
            ["Kept", stored],
        ],
    },
    {
        kind: "table_groups",
        label: "Table groups",
        columns: [
            ["Cluster", (g) => g.cluster_id],
            ["Group", (g) => g.table_group_id],
            ["Name", (g) => g.name],
            ["Tables", (g) => formatNumber(g.table_count), "number"],
            ["Created", (g) => g.created_time, "when"],
            ["Kept", stored],
        ],
    },
    {
        kind: "tables",
        label: "Tables",
        columns: [
            ["Cluster", (t) => t.cluster_id],
            ["Group", (t) => t.table_group_id],
            ["Table", (t) => t.table_name],
            ["Instance", (t) => t.instance_id],
            ["IDL file", (t) => t.file_id || ""],
            ["Size", (t) => formatBytes(t.table_size), "number"],
            ["Status", (t) => status({ status_name: t.status.toLowerCase() })],
            ["Kept", stored],
        ],
    },
    {
        kind: "snapshots",
        label: "Snapshots",
        columns: [
            ["Snapshot", (s) => s.snapshot_name],
            ["Table", (s) => el("span", { class: "mono", text: `${s.cluster_id}/${s.table_group_id}/${s.table_name}` })],
            ["Status", status],
            ["Expires", (s) => s.dead_time, "when"],
            ["Created", (s) => s.create_time, "when"],
            ["Size", (s) => formatBytes(s.size), "number"],
            ["Task", (s) => s.task_id],
        ],
    },
    {
        kind: "tasks",
        label: "Tasks",
        columns: [
            ["Task", (t) => t.task_id],
            ["Type", (t) => t.type],
            ["Group", (t) => t.table_group_id],
            ["Table", (t) => t.table_name],
            ["Progress", progress],
            ["Started", (t) => t.start_time, "when"],
            ["Updated", (t) => t.update_time, "when"],
        ],
    },
    {
        kind: "applications",
        label: "Applications",
        columns: [
            ["Application", (a) => a.application_id],
            ["Action", (a) => a.action],
            ["Table", (a) => (a.table_name ? `${a.table_group_id}/${a.table_name}` : a.table_group_id)],
            ["Status", status],
            ["Filed", (a) => a.created_time, "when"],
            ["Task", (a) => a.task_id],
        ],
    },
    {
        kind: "backups",
        label: "Backups",
        columns: [
            ["Table", (b) => el("span", { class: "mono", text: `${b.cluster_id}/${b.table_group_id}/${b.table_name}` })],
            ["Kind", (b) => b.file_tag],
            ["Status", status],
            ["Taken", (b) => b.batch_time, "when"],
            ["Expires", (b) => b.expire_time, "when"],
            ["Size", (b) => formatBytes(b.size), "number"],
            ["Task", (b) => b.task_id],
        ],
    },
];

export class ResourcesView {
    constructor() {
        this.account = "";
        this.selected = 0;
        this.offset = 0;
        this.gate = new ChangeGate();
        this.tabs = KINDS.map((kind, index) => this.makeTab(kind, index));
        byId("resource-tabs").replaceChildren(...this.tabs);
        byId("resources-previous").addEventListener("click", () => this.turn(-PAGE_SIZE));
        byId("resources-next").addEventListener("click", () => this.turn(PAGE_SIZE));
        this.showSelectedTab();
    }

    makeTab(kind, index) {
        const tab = el("button", {
            type: "button",
            role: "tab",
            id: `tab-${kind.kind}`,
            "aria-controls": "resource-panel",
            text: kind.label,
            onclick: () => this.select(index),
            onkeydown: (event) => this.moveBetweenTabs(event, index),
        });
        return tab;
    }

    // Left and right arrows, Home and End move between the tabs, as in every tab list.
    moveBetweenTabs(event, index) {
        const last = KINDS.length - 1;
        const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        this.select(next);
        this.tabs[next].focus();
    }

    select(index) {
        if (index === this.selected) return;
        this.selected = index;
        this.offset = 0;
        this.showSelectedTab();
        this.refresh();
    }

    showSelectedTab() {
        this.tabs.forEach((tab, index) => {
            tab.setAttribute("aria-selected", String(index === this.selected));
            tab.tabIndex = index === this.selected ? 0 : -1;
        });
        byId("resource-panel").setAttribute("aria-labelledby", this.tabs[this.selected].id);
    }

    setAccount(account) {
        if (account === this.account) return;
        this.account = account;
        this.offset = 0;
    }

    turn(by) {
        this.offset = Math.max(0, this.offset + by);
        this.refresh();
    }

    async refresh() {
        if (!this.account) return;
        const kind = KINDS[this.selected];
        const view = await call("GET", `resources${query({ account: this.account, kind: kind.kind, offset: this.offset, limit: PAGE_SIZE })}`);
        if (view.kind !== KINDS[this.selected].kind) return;  // another tab was chosen meanwhile
        if (this.offset > 0 && this.offset >= view.total) {
            this.offset = Math.max(0, Math.floor((view.total - 1) / PAGE_SIZE) * PAGE_SIZE);
            return this.refresh();
        }
        this.render(kind, view);
    }

    render(kind, view) {
        byId("resources-time").textContent = view.datetime;
        KINDS.forEach((each, index) => {
            this.tabs[index].textContent = `${each.label} (${formatNumber(view.counts[each.kind] ?? 0)})`;
        });
        const first = view.total === 0 ? 0 : view.offset + 1;
        const last = view.offset + view.items.length;
        byId("resources-range").textContent = `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(view.total)}`;
        byId("resources-previous").disabled = view.offset === 0;
        byId("resources-next").disabled = last >= view.total;
        if (!this.gate.changed("items", { kind: kind.kind, account: view.account, items: view.items })) return;
        const table = byId("resource-table");
        byId("resource-caption").textContent = `${kind.label} of account ${view.account}`;
        table.tHead.replaceChildren(headingRow(kind.columns));
        table.tBodies[0].replaceChildren(...tableRows(view.items, kind.columns));
        byId("resource-empty").hidden = view.items.length > 0;
    }
}
