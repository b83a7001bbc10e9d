import { AbstractStartedContainer, GenericContainer, StartedTestContainer } from "testcontainers";

/** The image the repository's docs build: `docker build -f docker/Dockerfile -t tcaplus-mock:0.1.0 .` */
export declare const DEFAULT_IMAGE: string;
/** The emulator's port inside the container. */
export declare const PORT: 8023;
/** The region getClientConfig() names unless told otherwise: "ap-guangzhou". */
export declare const DEFAULT_REGION: string;
/** The documented test credential the emulator accepts by default. */
export declare const TEST_CREDENTIAL: Readonly<Credential>;

export interface Credential {
    secretId: string;
    secretKey: string;
    /** Then required in X-TC-Token; the SDK sends it. */
    token?: string;
}

export interface ConfiguredCredential extends Credential {
    /** Frequency limits and stored resources count per sub-account (default: the SecretId). */
    subAccount?: string;
}

/** Exactly what `new tencentcloud.tcaplusdb.v20190823.Client(config)` takes. */
export interface ClientConfig {
    credential: Credential;
    region: string;
    profile: { httpProfile: { endpoint: string; protocol: "http://" } };
}

export type SettingValue = string | number | boolean | readonly unknown[] | Record<string, unknown>;

/** A setting key's environment variable: "rate_limits.CreateSnapshots" -> TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots. */
export declare function settingEnvName(key: string): string;

export declare class TcaplusMockContainer extends GenericContainer {
    constructor(image?: string);
    /** Any setting of docs/configuration.md by its key, e.g. withSetting("snapshots.ready_after", "60s"). */
    withSetting(key: string, value: SettingValue): this;
    /** auth.mode: "off", "any" (the default) or "strict". */
    withAuthMode(mode: "off" | "any" | "strict"): this;
    /** Replaces the test credential (auth.credentials); getClientConfig() signs with the first. */
    withCredentials(...credentials: Array<ConfiguredCredential | ConfiguredCredential[]>): this;
    /** A state document object, or the path of a JSON file holding one, loaded before the container is ready. */
    withSeed(seed: string | Record<string, unknown>): this;
    start(): Promise<StartedTcaplusMockContainer>;
}

export interface JournalFilters {
    action?: string;
    /** "" for successes. */
    code?: string;
    account?: string;
    /** UNIX seconds or an ISO 8601 time. */
    since?: string | number;
    limit?: number;
}

/** One request of the journal (docs/control-plane.md, "The request journal"). */
export interface JournalEntry {
    time: string;
    emulator_time: string;
    request_id: string;
    action: string;
    secret_id: string;
    account: string;
    code: string;
    message: string;
    http_status: number;
    body: string;
    [field: string]: unknown;
}

export interface Clock {
    now: number;
    datetime: string;
    offset_seconds: number;
    frozen: boolean;
}

export declare class StartedTcaplusMockContainer extends AbstractStartedContainer {
    constructor(
        startedTestContainer: StartedTestContainer,
        options: { credential: Credential; controlToken: string },
    );
    /** host:port of the API and the control plane. */
    getEndpoint(): string;
    /** http://host:port */
    getUrl(): string;
    getClientConfig(options?: { region?: string; credential?: Credential }): ClientConfig;
    /** POST /_mock/reset, of everything or of one account. */
    reset(options?: { account?: string }): Promise<{ reset: string }>;
    /** GET /_mock/requests: the request journal, newest first. */
    journal(filters?: JournalFilters): Promise<JournalEntry[]>;
    /** POST /_mock/clock {"advance": "<seconds>s"}, in whole seconds; negative moves it back. */
    advanceClock(seconds: number): Promise<Clock>;
    /** Any control-plane request; resolves to the JSON answer, rejects on an HTTP error. */
    control(method: string, pathAndQuery: string, body?: unknown): Promise<any>;
}
