// profile.language: the SDK sends X-TC-Language (TC3) or `Language` (v1); messages follow it,
// codes never do.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { expectApiError, makeClient, snapshotInfo, startServer } from "./harness.mjs";

const CJK = /[\u4e00-\u9fff]/;

let server;
before(async () => {
    server = await startServer();
});
after(() => server?.stop());

const missingClusterId = (client) => client.CreateSnapshots({ SelectedTables: [snapshotInfo()] });
const unknownParameter = (client) =>
    client.CreateSnapshots({ ClusterId: "xx", SelectedTables: [snapshotInfo()], NotAParameter: "1" });
const wrongKey = { secretKey: "not-the-documented-key" };

const CASES = [
    { name: "MissingParameter", code: "MissingParameter", call: missingClusterId },
    { name: "UnknownParameter", code: "UnknownParameter", call: unknownParameter },
    {
        name: "AuthFailure.SignatureFailure",
        code: "AuthFailure.SignatureFailure",
        call: missingClusterId,
        client: wrongKey,
    },
];

for (const signMethod of ["TC3-HMAC-SHA256", "HmacSHA256"]) {
    for (const { name, code, call, client: options } of CASES) {
        test(`${name} with ${signMethod}: zh-CN gives a Chinese message, en-US an English one`, async () => {
            const chinese = await expectApiError(
                call(makeClient(server, { ...options, signMethod, language: "zh-CN" })),
                code,
            );
            assert.match(chinese.message, CJK, `zh-CN message: ${chinese.message}`);

            const english = await expectApiError(
                call(makeClient(server, { ...options, signMethod, language: "en-US" })),
                code,
            );
            assert.doesNotMatch(english.message, CJK, `en-US message: ${english.message}`);

            const unset = await expectApiError(call(makeClient(server, { ...options, signMethod })), code);
            assert.doesNotMatch(unset.message, CJK, `message without a language: ${unset.message}`);
        });
    }
}
