// Small DOM helpers the views share. Text always goes in as text (textContent, attributes), never as
// markup, so whatever a request carried cannot become part of the page.

// An element: `attributes` are set as attributes ("class", "aria-label"...), except `text` (its
// text) and `on<event>` (a listener); `children` are nodes or strings.
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    setAttributes(element, attributes);
    element.append(...children.filter((child) => child !== null && child !== undefined));
    return element;
}

// The same for SVG elements.
export function svg(tag, attributes = {}, ...children) {
    const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
    setAttributes(element, attributes);
    element.append(...children.filter((child) => child !== null && child !== undefined));
    return element;
}

function setAttributes(element, attributes) {
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) continue;
        if (name === "text") element.textContent = String(value);
        else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
        else element.setAttribute(name, value === true ? "" : String(value));
    }
}

export function byId(id) {
    const element = document.getElementById(id);
    if (!element) throw new Error(`the page has no element #${id}`);
    return element;
}

// Shows `message` in a status or alert element; "" clears it.
export function say(element, message, kind = "info") {
    element.textContent = message;
    element.dataset.kind = kind;
}

// A table body's rows for `items`: one cell per column, a column being [heading, cell(item), class?];
// a cell function returns text or a node.
export function tableRows(items, columns) {
    return items.map((item) =>
        el("tr", {}, ...columns.map(([, cell, className]) => {
            const value = cell(item);
            return el("td", { class: className }, value instanceof Node ? value : String(value ?? ""));
        })),
    );
}

export function headingRow(columns) {
    return el("tr", {}, ...columns.map(([heading, , className]) => el("th", { scope: "col", class: className, text: heading })));
}

// Calls `render()` only when `data` differs from what was last rendered under `key`, so that a refresh
// that changes nothing leaves the page (and the keyboard focus) as it was.
export class ChangeGate {
    constructor() {
        this.last = new Map();
    }
    changed(key, data) {
        const text = JSON.stringify(data);
        if (this.last.get(key) === text) return false;
        this.last.set(key, text);
        return true;
    }
}

export function formatNumber(value) {
    return Number(value).toLocaleString("en");
}

export function formatBytes(bytes) {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let value = Number(bytes);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
