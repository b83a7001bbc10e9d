// The dashboard: picks an account, refreshes every view once a second while the tab is visible (the
// journal only while Live is checked), refreshes at once after the page changed something, and asks
// for the control token when the control plane refuses the page without it.

import { call, forgetToken, saveToken, savedToken, Unauthorized } from "./control_api.js";
import { byId, el, say } from "./dom.js";
import { ClockView } from "./clock.js";
import { FaultsView } from "./faults.js";
import { JournalView } from "./journal.js";
import { MetricsChart } from "./metrics_chart.js";
import { ResetView } from "./reset.js";
import { ResourcesView } from "./resources.js";

const REFRESH_MS = 1000;
const ACCOUNT_KEY = "tcaplus-mock.account";

class Dashboard {
    constructor() {
        const changed = () => this.refreshNow();
        this.resources = new ResourcesView();
        this.journal = new JournalView();
        this.faults = new FaultsView(changed);
        this.clock = new ClockView(changed);
        this.reset = new ResetView(changed);
        this.metrics = new MetricsChart();
        this.account = sessionStorage.getItem(ACCOUNT_KEY) ?? "";
        this.chosen = this.account !== "";  // picked by the user: kept even when others get busier
        this.timer = null;
        this.running = null;
        this.again = false;
        this.waitingForToken = false;
        byId("account").addEventListener("change", (event) => this.choose(event.target.value));
        byId("token-form").addEventListener("submit", (event) => {
            event.preventDefault();
            this.useToken(byId("token").value);
        });
        document.addEventListener("visibilitychange", () => !document.hidden && this.refreshNow());
    }

    async start() {
        try {
            const index = await call("GET", "");
            byId("action-names").replaceChildren(...index.actions.map((action) => el("option", { value: action })));
        } catch (error) {
            say(byId("connection"), `Cannot read the control plane: ${error.message}`, "error");
        }
        this.refreshNow();
    }

    choose(account) {
        this.account = account;
        this.chosen = true;
        sessionStorage.setItem(ACCOUNT_KEY, account);
        this.applyAccount();
        this.refreshNow();
    }

    applyAccount() {
        this.resources.setAccount(this.account);
        this.journal.setAccount(this.account);
        this.reset.setAccount(this.account);
    }

    // Refreshes everything now, or as soon as the refresh under way is done.
    refreshNow() {
        clearTimeout(this.timer);
        if (this.running) {
            this.again = true;
            return;
        }
        this.running = this.tick().finally(() => {
            this.running = null;
            if (this.again) {
                this.again = false;
                this.refreshNow();
            } else if (!this.waitingForToken && !document.hidden) {
                this.timer = setTimeout(() => this.refreshNow(), REFRESH_MS);
            }
        });
    }

    async tick() {
        const connection = byId("connection");
        try {
            await this.refreshAccounts();
            const results = await Promise.allSettled([
                this.clock.refresh(),
                this.resources.refresh(),
                this.journal.refresh({ automatic: true }),
                this.faults.refresh(),
                this.metrics.refresh(),
            ]);
            const failure = results.find((result) => result.status === "rejected");
            if (failure) throw failure.reason;
            this.showDashboard();
            say(connection, `Live · updated ${new Date().toLocaleTimeString("en-GB")}`);
        } catch (error) {
            if (error instanceof Unauthorized) return this.askForToken();
            say(connection, `Cannot update: ${error.message}`, "error");
        }
    }

    async refreshAccounts() {
        const { accounts } = await call("GET", "accounts");
        const names = accounts.map((entry) => entry.account);
        if (!this.chosen || !names.includes(this.account)) {
            const busiest = accounts.find((entry) => entry.stored) ?? accounts.find((entry) => entry.requests && entry.account !== "default");
            this.account = busiest?.account ?? (names.includes(this.account) ? this.account : "default");
        }
        const select = byId("account");
        const current = [...select.options].map((option) => option.value);
        if (current.join("\n") !== names.join("\n")) {
            select.replaceChildren(...names.map((name) => el("option", { value: name, text: name })));
        }
        select.value = this.account;
        this.applyAccount();
    }

    showDashboard() {
        this.waitingForToken = false;
        byId("token-panel").hidden = true;
        byId("dashboard").hidden = false;
    }

    askForToken() {
        const hadToken = savedToken() !== "";
        this.waitingForToken = true;
        byId("dashboard").hidden = true;
        byId("token-panel").hidden = false;
        say(byId("connection"), "Waiting for the control token", "error");
        say(byId("token-error"), hadToken ? "The emulator refused this token." : "", "error");
        if (hadToken) forgetToken();
        byId("token").focus();
    }

    useToken(token) {
        saveToken(token.trim());
        byId("token").value = "";
        this.waitingForToken = false;
        this.refreshNow();
    }
}

new Dashboard().start();
