// The control plane as the dashboard calls it: its own origin only, JSON in and out, and the control
// token of this tab (sessionStorage: gone when the tab closes, never shared with other tabs).
// A request that changes state sends `Content-Type: application/json`, which the control plane
// requires of every POST, PUT and DELETE.

const TOKEN_KEY = "tcaplus-mock.control-token";

// The control plane refused the request for want of the right token (HTTP 401).
export class Unauthorized extends Error {}

// Any other refusal: `status` and the control plane's `{"error", "message"}`.
export class ControlError extends Error {
    constructor(status, body) {
        const message = typeof body === "object" && body?.message ? body.message : `HTTP ${status}`;
        super(message);
        this.status = status;
        this.body = body;
    }
}

export function savedToken() {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

export function saveToken(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
    sessionStorage.removeItem(TOKEN_KEY);
}

// `path` is relative to /_mock/ ("clock", "requests?limit=50"); `body` is sent as JSON.
// Resolves to the answer (parsed JSON, or the text of a text answer); rejects with Unauthorized,
// ControlError, or the fetch's own error when the emulator cannot be reached.
export async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    const token = savedToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const init = { method, headers, cache: "no-store", credentials: "same-origin", redirect: "error" };
    if (method !== "GET") {
        headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body ?? {});
    }
    const response = await fetch(`/_mock/${path}`, init);
    const text = await response.text();
    let answer = text;
    if ((response.headers.get("Content-Type") ?? "").startsWith("application/json")) answer = JSON.parse(text);
    if (response.status === 401) throw new Unauthorized(answer?.message ?? "the control plane needs its token");
    if (!response.ok) throw new ControlError(response.status, answer);
    return answer;
}

// `{name: value}` as a query string, leaving out empty values: "?a=1&b=x".
export function query(parameters) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
        if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
    }
    const text = search.toString();
    return text ? `?${text}` : "";
}
