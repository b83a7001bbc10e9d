// The emulator's clock: what it reads (GET /_mock/clock) and the four ways to move it (POST
// /_mock/clock with advance, set, freeze or reset).

import { call, ControlError } from "./control_api.js";
import { byId, say } from "./dom.js";

export class ClockView {
    // `changed`: called after the page moved the clock (statuses follow it).
    constructor(changed) {
        this.changed = changed;
        this.frozen = false;
        byId("clock-advance").addEventListener("submit", (event) => {
            event.preventDefault();
            this.move({ advance: durationValue(byId("clock-advance-by").value) }, "Advanced");
        });
        byId("clock-set").addEventListener("submit", (event) => {
            event.preventDefault();
            this.move({ set: byId("clock-set-to").value.trim() }, "Set");
        });
        byId("clock-freeze").addEventListener("click", () => this.move({ freeze: !this.frozen }, this.frozen ? "Running" : "Frozen"));
        byId("clock-reset").addEventListener("click", () => this.move({ reset: true }, "Back on the wall clock"));
    }

    async refresh() {
        this.render(await call("GET", "clock"));
    }

    render(clock) {
        this.frozen = clock.frozen;
        byId("clock-datetime").textContent = clock.datetime;
        byId("clock-state").textContent = clock.frozen ? "frozen" : "running";
        byId("clock-state").dataset.state = clock.frozen ? "frozen" : "running";
        byId("clock-offset").textContent = `${offsetText(clock.offset_seconds)} the wall clock`;
        byId("clock-freeze").textContent = clock.frozen ? "Run on" : "Freeze";
    }

    async move(body, done) {
        const message = byId("clock-message");
        try {
            const clock = await call("POST", "clock", body);
            this.render(clock);
            say(message, `${done}: ${clock.datetime}.`);
            this.changed();
        } catch (error) {
            if (!(error instanceof ControlError)) throw error;
            say(message, `Not moved: ${error.message}`, "error");
        }
    }
}

// "3600" is sent as a number of seconds, anything else ("1d", "-2h") as the text the clock reads.
function durationValue(text) {
    const trimmed = text.trim();
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function offsetText(seconds) {
    if (seconds === 0) return "On";
    const sign = seconds > 0 ? "ahead of" : "behind";
    let rest = Math.abs(seconds);
    const parts = [];
    for (const [unit, size] of [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return `${parts.join(" ")} ${sign}`;
}
