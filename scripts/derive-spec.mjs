#!/usr/bin/env node
// Derives server/validation/api_spec.json, the spec of every action built into the server, from the
// official tccli spec of the TcaplusDB API (the `actions` and `objects` entries of tccli's api.json).
//
//   node scripts/derive-spec.mjs <tcaplusdb-api.json> [output.json]
//   node scripts/derive-spec.mjs --check <tcaplusdb-api.json> [output.json]
//
// The output keeps tccli's vocabulary (`type`: string/int/list/object/bool/float, `member`:
// string/datetime/int64/uint64/bool/float/<ObjectName>), with each member's two flags: `required` (tccli's
// `required`: the request must carry it) and `output_required` (tccli's `output_required`: a response
// always carries it); either is false when tccli leaves it out, as objects used only one way do. Every
// object an action's input or output reaches is kept. Output order is stable: actions as the source
// lists them, objects in depth-first order of first use (each action's input, then its output), members
// in spec order. Each action carries its documented frequency limit (FREQUENCY_LIMITS). `--check` exits 1
// when the output file is out of date.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Requests per second: 20 for every action, but the three the current documentation gives 200
// (CreateTables, DeleteTables, ModifyTables); DescribeTableTags and SetTableDataFlow, undocumented, get 20.
const FREQUENCY_LIMIT = 20;
const FREQUENCY_LIMITS = { CreateTables: 200, DeleteTables: 200, ModifyTables: 200 };
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

function reduceMember(objectName, member, objects) {
  const where = `${objectName}.${member.name}`;
  const { name, type } = member;
  const kind = member.member;
  if (typeof name !== "string" || typeof type !== "string" || typeof kind !== "string") {
    fail(`${where}: name, type and member must be strings`);
  }
  const required = member.required ?? false;
  const outputRequired = member.output_required ?? false;
  if (typeof required !== "boolean" || typeof outputRequired !== "boolean") {
    fail(`${where}: \`required\` and \`output_required\` must be booleans when given`);
  }
  const isPrimitive = Object.values(PRIMITIVE_MEMBERS).some((members) => members.includes(kind));
  if (type === "object" || (type === "list" && !isPrimitive)) {
    if (!(kind in objects)) fail(`${where}: refers to the unknown object ${kind}`);
  } else if (type !== "list" && !(PRIMITIVE_MEMBERS[type] ?? []).includes(kind)) {
    fail(`${where}: unsupported type/member pair ${type}/${kind}`);
  }
  return { name, type, member: kind, required, output_required: outputRequired };
}

// Adds `objectName` and every object it reaches to `out`, depth first, each once.
function collectObject(objectName, objects, out) {
  if (objectName in out) return;
  const object = objects[objectName];
  if (!object || !Array.isArray(object.members)) fail(`object ${objectName} is missing or has no members`);
  const entry = { members: [] };
  out[objectName] = entry;
  for (const member of object.members) {
    if (member.disabled === true) continue;  // tccli hides disabled members; the API does not take them
    const reduced = reduceMember(objectName, member, objects);
    entry.members.push(reduced);
    if (reduced.member in objects) collectObject(reduced.member, objects, out);
  }
}

function derive(source) {
  const version = source.metadata?.apiVersion;
  if (typeof version !== "string") fail("metadata.apiVersion is missing");
  const actions = {};
  const objects = {};
  for (const [name, action] of Object.entries(source.actions ?? {})) {
    if (typeof action.input !== "string") fail(`action ${name} has no input`);
    if (typeof action.output !== "string") fail(`action ${name} has no output`);
    const limit = FREQUENCY_LIMITS[name] ?? FREQUENCY_LIMIT;
    actions[name] = { input: action.input, output: action.output, frequency_limit: limit };
    collectObject(action.input, source.objects ?? {}, objects);
    collectObject(action.output, source.objects ?? {}, objects);
  }
  if (Object.keys(actions).length === 0) fail("the source defines no action");
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
  if (!specPath) fail("usage: derive-spec.mjs [--check] <tcaplusdb-api.json> [output.json]");
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const outputPath = outputArg ?? join(repoRoot, "server", "validation", "api_spec.json");

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
