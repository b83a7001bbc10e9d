// Requests per second by outcome over the last minute, from the counters of GET /_mock/metrics
// (tcaplus_mock_requests_total{action,code}), read once a second: successes, refusals (every
// other code, faults included) and throttled requests (RequestLimitExceeded*), drawn as lines. Until
// the page has read a minute of them, the chart spans what it has (at least 10 seconds).

import { call } from "./control_api.js";
import { byId, el, svg } from "./dom.js";

const SAMPLES = 60;
const FEWEST_SHOWN = 10;
const WIDTH = 320;
const HEIGHT = 140;
const LEFT = 34;
const BOTTOM = 18;

const SERIES = [
    { key: "success", label: "Succeeded" },
    { key: "refused", label: "Refused" },
    { key: "throttled", label: "Throttled" },
];

const REQUESTS_TOTAL = /^tcaplus_mock_requests_total\{action="(?:[^"\\]|\\.)*",code="((?:[^"\\]|\\.)*)"\} (\S+)$/;

// The request counters of the metrics text, summed by outcome.
export function countsByOutcome(text) {
    const counts = { success: 0, refused: 0, throttled: 0 };
    for (const line of text.split("\n")) {
        const match = REQUESTS_TOTAL.exec(line);
        if (!match) continue;
        const [, code, value] = match;
        const outcome = code === "Success" ? "success" : code.startsWith("RequestLimitExceeded") ? "throttled" : "refused";
        counts[outcome] += Number(value);
    }
    return counts;
}

export class MetricsChart {
    constructor() {
        this.previous = null;  // {time, counts}
        this.rates = [];       // oldest first, at most SAMPLES
        this.lines = new Map();
        this.labels = [];
        this.legend = new Map();
        this.build();
    }

    build() {
        const grid = [0, 0.5, 1].map((fraction) => {
            const y = this.y(fraction);
            const label = svg("text", { x: LEFT - 4, y: y + 4, class: "axis-label", "text-anchor": "end" });
            this.labels.push({ fraction, label });
            return [svg("line", { x1: LEFT, x2: WIDTH, y1: y, y2: y, class: "grid-line" }), label];
        }).flat();
        this.since = svg("text", { x: LEFT, y: HEIGHT - 4, class: "axis-label", text: `${FEWEST_SHOWN} s ago` });
        for (const series of SERIES) this.lines.set(series.key, svg("polyline", { class: `series series-${series.key}`, points: "" }));
        this.chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": "metrics-summary", class: "chart-svg" },
            svg("title", { id: "metrics-summary", text: "No requests yet" }),
            ...grid,
            this.since,
            svg("text", { x: WIDTH, y: HEIGHT - 4, class: "axis-label", "text-anchor": "end", text: "now" }),
            ...this.lines.values());
        byId("metrics-chart").replaceChildren(this.chart);
        byId("metrics-legend").replaceChildren(...SERIES.map((series) => {
            const value = el("span", { class: "legend-value", text: "0/s" });
            this.legend.set(series.key, value);
            return el("li", {}, el("span", { class: `swatch swatch-${series.key}`, "aria-hidden": "true" }), `${series.label} `, value);
        }));
    }

    y(fraction) {
        return (HEIGHT - BOTTOM) - fraction * (HEIGHT - BOTTOM - 6);
    }

    async refresh() {
        const counts = countsByOutcome(await call("GET", "metrics"));
        const time = performance.now();
        if (this.previous) {
            const seconds = Math.max((time - this.previous.time) / 1000, 0.001);
            const rate = {};
            for (const { key } of SERIES) rate[key] = Math.max(0, counts[key] - this.previous.counts[key]) / seconds;
            this.rates.push(rate);
            if (this.rates.length > SAMPLES) this.rates.shift();
            this.draw();
        }
        this.previous = { time, counts };
    }

    draw() {
        const top = niceCeiling(Math.max(1, ...this.rates.flatMap((rate) => SERIES.map(({ key }) => rate[key]))));
        for (const { fraction, label } of this.labels) label.textContent = formatRate(top * fraction);
        const shown = Math.max(this.rates.length, FEWEST_SHOWN);
        const step = (WIDTH - LEFT) / (shown - 1);
        const start = shown - this.rates.length;
        this.since.textContent = `${shown} s ago`;
        for (const { key } of SERIES) {
            const points = this.rates.map((rate, i) => `${(LEFT + (start + i) * step).toFixed(1)},${this.y(rate[key] / top).toFixed(1)}`);
            this.lines.get(key).setAttribute("points", points.join(" "));
        }
        const last = this.rates.at(-1);
        for (const { key } of SERIES) this.legend.get(key).textContent = `${formatRate(last[key])}/s`;
        this.chart.querySelector("title").textContent =
            `Requests per second in the last second: ${SERIES.map(({ key, label }) => `${label} ${formatRate(last[key])}`).join(", ")}`;
    }
}

function niceCeiling(value) {
    const power = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
    return 10 * power;
}

function formatRate(value) {
    return value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1);
}
