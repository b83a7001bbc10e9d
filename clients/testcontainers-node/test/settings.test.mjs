// What TcaplusMockContainer hands the container, checked without a container runtime.

import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_IMAGE, TcaplusMockContainer, settingEnvName } from "../index.js";

test("a setting key becomes its TCAPLUS_MOCK_* variable; names of the API keep their case", () => {
    const cases = [
        ["auth.mode", "TCAPLUS_MOCK_AUTH_MODE"],
        ["snapshots.ready_after", "TCAPLUS_MOCK_SNAPSHOTS_READY_AFTER"],
        ["seed", "TCAPLUS_MOCK_SEED"],
        ["rate_limits.CreateSnapshots", "TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots"],
    ];
    for (const [key, name] of cases) assert.equal(settingEnvName(key), name, key);
    for (const bad of ["", "auth..mode", "auth mode", ".auth", 42]) assert.throws(() => settingEnvName(bad), TypeError);
});

test("values are the text the emulator reads: lists and objects as JSON", () => {
    const container = new TcaplusMockContainer()
        .withSetting("limits.max_batch", 5)
        .withSetting("auth.debug", false)
        .withSetting("api.regions", ["ap-guangzhou", "ap-shanghai"])
        .withCredentials({ secretId: "AKIDci", secretKey: "ci-key", subAccount: "ci" });
    assert.deepEqual(container.environment, {
        TCAPLUS_MOCK_LIMITS_MAX_BATCH: "5",
        TCAPLUS_MOCK_AUTH_DEBUG: "false",
        TCAPLUS_MOCK_API_REGIONS: '["ap-guangzhou","ap-shanghai"]',
        TCAPLUS_MOCK_AUTH_CREDENTIALS: '[{"secret_id":"AKIDci","secret_key":"ci-key","sub_account":"ci"}]',
    });
});

test("the default image is the tag the documentation builds", () => {
    assert.equal(DEFAULT_IMAGE, "tcaplus-mock:0.1.0");
    assert.throws(() => new TcaplusMockContainer().withCredentials(), TypeError);
    assert.throws(() => new TcaplusMockContainer().withSeed(7), TypeError);
});
