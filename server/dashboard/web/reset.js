// Reset: one account's state (POST /_mock/reset?account=NAME) or everything (POST /_mock/reset),
// each after the user confirms it.

import { call, ControlError, query } from "./control_api.js";
import { byId, say } from "./dom.js";

export class ResetView {
    // `changed`: called after a reset.
    constructor(changed) {
        this.changed = changed;
        this.account = "";
        byId("reset-account").addEventListener("click", () =>
            this.reset(`Reset account ${this.account}? Its resources, snapshots, journal entries and frequency-limit windows go.`,
                `reset${query({ account: this.account })}`));
        byId("reset-all").addEventListener("click", () =>
            this.reset("Reset everything? Every account's state, the journal, the fault rules and the clock go back to the start.", "reset"));
    }

    setAccount(account) {
        this.account = account;
        byId("reset-account").textContent = `Reset account ${account}`;
    }

    async reset(question, path) {
        if (!window.confirm(question)) return;
        const message = byId("reset-message");
        try {
            const { reset } = await call("POST", path);
            say(message, reset === "all" ? "Everything was reset." : `Account ${reset} was reset.`);
            this.changed();
        } catch (error) {
            if (!(error instanceof ControlError)) throw error;
            say(message, `Not reset: ${error.message}`, "error");
        }
    }
}
