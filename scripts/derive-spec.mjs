#!/usr/bin/env node
// Derives server/validation/snapshot_actions.json, the action spec built into the server, from the
// official tccli spec of the snapshot actions (the `actions` and `objects` entries of tccli's api.json).
//
//   node scripts/derive-spec.mjs <tcaplusdb-snapshot-spec.json> [output.json]
//   node scripts/derive-spec.mjs --check <tcaplusdb-snapshot-spec.json> [output.json]
//
// The output keeps tccli's vocabulary (`type`: string/int/list/object/bool/float, `member`:
// string/datetime/int64/uint64/bool/float/<ObjectName>, `required`), so a future action is added by
// pasting its tccli entries in the same shape. Every object an action's input or output reaches is
// kept, members reduced to those four keys: for input members `required` is tccli's `required`, for
// output members its `output_required` (false when absent, as for RequestId). Output order is stable:
// actions as the source lists them, objects in depth-first order of first use (each action's input,
// then its output), members in spec order. `--check` exits 1 when the output file is out of date.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Documented for every snapshot action: 20 requests per second.
const FREQUENCY_LIMIT = 20;
const ACTIONS = ["CreateSnapshots", "DescribeSnapshots", "DeleteSnapshots", "ModifySnapshots", "ImportSnapshots"];
const PRIMITIVE_MEMBERS = {
  string: ["string", "datetime"],
  int: ["int64", "uint64"],
  bool: ["bool"],
  float: ["float", "double"],
};

function fail(message) {
  console.error(`derive-spec: ${message}`);
  process.exit(2);
}

function reduceMember(objectName, member, objects, usage) {
  const where = `${objectName}.${member.name}`;
  const { name, type } = member;
  const kind = member.member;
  if (typeof name !== "string" || typeof type !== "string" || typeof kind !== "string") {
    fail(`${where}: name, type and member must be strings`);
  }
  const required = usage === "input" ? member.required : (member.output_required ?? false);
  if (typeof required !== "boolean") fail(`${where}: ${usage} member without a boolean \`required\``);
  const isPrimitive = Object.values(PRIMITIVE_MEMBERS).some((members) => members.includes(kind));
  if (type === "object" || (type === "list" && !isPrimitive)) {
    if (!(kind in objects)) fail(`${where}: refers to the unknown object ${kind}`);
  } else if (type !== "list" && !(PRIMITIVE_MEMBERS[type] ?? []).includes(kind)) {
    fail(`${where}: unsupported type/member pair ${type}/${kind}`);
  }
  return { name, type, member: kind, required };
}

// Adds `objectName` and every object it reaches to `out`, depth first, each once. `usage` says
// which required flag the members carry: "input" (`required`) or "output" (`output_required`).
function collectObject(objectName, objects, out, usage) {
  if (objectName in out) return;
  const object = objects[objectName];
  if (!object || !Array.isArray(object.members)) fail(`object ${objectName} is missing or has no members`);
  const entry = { members: [] };
  out[objectName] = entry;
  for (const member of object.members) {
    if (member.disabled === true) continue;  // tccli hides disabled members; the API does not take them
    const reduced = reduceMember(objectName, member, objects, usage);
    entry.members.push(reduced);
    if (reduced.member in objects) collectObject(reduced.member, objects, out, usage);
  }
}

function derive(source) {
  const version = source.metadata?.apiVersion;
  if (typeof version !== "string") fail("metadata.apiVersion is missing");
  const actions = {};
  const objects = {};
  for (const name of ACTIONS) {
    const action = source.actions?.[name];
    if (!action || typeof action.input !== "string") fail(`action ${name} or its input is missing`);
    if (typeof action.output !== "string") fail(`action ${name} has no output`);
    actions[name] = { input: action.input, output: action.output, frequency_limit: FREQUENCY_LIMIT };
    collectObject(action.input, source.objects ?? {}, objects, "input");
    collectObject(action.output, source.objects ?? {}, objects, "output");
  }
  const origin = source._source ?? {};
  return {
    service: source.metadata.serviceShortName ?? "tcaplusdb",
    version,
    derived_from: {
      repository: origin.repository ?? "",
      path: origin.api_json_path ?? "",
      commit: origin.api_json_last_changed_commit ?? "",
    },
    actions,
    objects,
  };
}

function main(argv) {
  const check = argv[0] === "--check";
  const [specPath, outputArg] = check ? argv.slice(1) : argv;
  if (!specPath) fail("usage: derive-spec.mjs [--check] <tcaplusdb-snapshot-spec.json> [output.json]");
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const outputPath = outputArg ?? join(repoRoot, "server", "validation", "snapshot_actions.json");

  let source;
  try {
    source = JSON.parse(readFileSync(specPath, "utf8"));
  } catch (error) {
    fail(`cannot read ${specPath}: ${error.message}`);
  }
  const text = `${JSON.stringify(derive(source), null, 2)}\n`;

  if (!check) {
    writeFileSync(outputPath, text);
    return;
  }
  let current = "";
  try {
    current = readFileSync(outputPath, "utf8");
  } catch {
    // a missing file is out of date
  }
  if (current !== text) {
    console.error(`derive-spec: ${outputPath} is out of date; run: node scripts/derive-spec.mjs ${specPath}`);
    process.exit(1);
  }
}

main(process.argv.slice(2));
