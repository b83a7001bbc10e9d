// The Terraform provider's TcaplusDB workflows (tencentcloudstack/terraform-provider-tencentcloud,
// tencentcloud/services/tcaplusdb; WHOLE-API.md c1) replayed request for request through the official
// SDK. Each test sends what the provider sends, in its order, and asserts what the provider checks or
// dereferences: a failure here is a `terraform apply` or `destroy` that would fail (or loop until its
// timeout, or show a diff on every plan) against the emulator.

import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import {
    DATETIME,
    TencentCloudSDKHttpException,
    expectApiError,
    formatUtc8,
    makeClient,
    nameForRun,
    snapshotInfo,
    startConfiguredServer,
    startTwoAccountServer,
    startServer,
} from "./harness.mjs";

// The provider pages every list with Limit 20 and stops at the first short page.
const PAGE_LIMIT = 20;
// Terraform waits minutes; the emulator's delays here are a second at most.
const POLL_INTERVAL_MS = 100;
const POLL_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// What the provider does between requests

class Retry {
    constructor(reason) {
        this.reason = reason;
    }
}
const retry = (reason) => new Retry(reason);

// resource.Retry: `attempt` returns retry(reason) to go round again, anything else to stop; a
// failed assertion inside it is the provider's NonRetryableError.
async function retryUntil(what, attempt) {
    const deadline = Date.now() + POLL_TIMEOUT_MS;
    for (;;) {
        const outcome = await attempt();
        if (!(outcome instanceof Retry)) return outcome;
        if (Date.now() > deadline) {
            assert.fail(`${what}: still waiting after ${POLL_TIMEOUT_MS} ms (${outcome.reason})`);
        }
        await sleep(POLL_INTERVAL_MS);
    }
}

// The provider turns ResourceNotFound into "gone" in most reads; every other error is an error.
async function unlessNotFound(promise) {
    try {
        return await promise;
    } catch (error) {
        if (error instanceof TencentCloudSDKHttpException && error.code === "ResourceNotFound") return null;
        throw error;
    }
}

// Offset 0, Limit 20, the next page until one comes back short (service DescribeClusters and the
// other list reads). A server that ignored Offset would page forever: cut off after 10 pages.
async function readAllPages(list, request, itemsOf) {
    const items = [];
    for (let page = 0; page < 10; page++) {
        const found = itemsOf(await list({ ...request, Offset: page * PAGE_LIMIT, Limit: PAGE_LIMIT }));
        assert.ok(Array.isArray(found), `a page without its list: ${JSON.stringify(request)}`);
        items.push(...found);
        if (found.length < PAGE_LIMIT) return { items, pages: page + 1 };
    }
    assert.fail(`still full pages after 10 of ${JSON.stringify(request)}: is Offset ignored?`);
}

const isNullOrAbsent = (value) => value === null || value === undefined;

// Go's url.QueryEscape over the UTF-8 bytes: unreserved characters kept, space as '+', every other
// byte %XX in upper case. The provider sends FileContent as base64 of this.
function goQueryEscape(text) {
    let escaped = "";
    for (const byte of Buffer.from(text, "utf8")) {
        const char = String.fromCharCode(byte);
        if (/[A-Za-z0-9\-_.~]/.test(char)) escaped += char;
        else if (char === " ") escaped += "+";
        else escaped += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return escaped;
}

// ---------------------------------------------------------------------------------------------
// Tasks (service DescribeTask and the loops of the table and table group resources)

// {ClusterIds, TaskIds} without paging; no task is a hard failure ("task has been deleted"), more
// than one an error; Progress is dereferenced: 100 done, >= 0 wait, < 0 failed.
async function waitForTask(client, clusterId, taskId) {
    assert.equal(typeof taskId, "string", "a TaskId to wait for");
    assert.notEqual(taskId, "", "an empty TaskId finds no task");
    return retryUntil(`task ${taskId}`, async () => {
        const { TaskInfos } = await client.DescribeTasks({ ClusterIds: [clusterId], TaskIds: [taskId] });
        assert.notEqual(TaskInfos.length, 0, `DescribeTasks does not find ${taskId}: "task has been deleted"`);
        assert.equal(TaskInfos.length, 1, `one task per TaskId: ${JSON.stringify(TaskInfos)}`);
        const { Progress } = TaskInfos[0];
        assert.equal(typeof Progress, "number", `Progress is dereferenced: ${JSON.stringify(TaskInfos[0])}`);
        assert.ok(Progress >= 0, `Progress ${Progress}: the provider reports the task failed`);
        return Progress === 100 ? TaskInfos[0] : retry(`Progress ${Progress}`);
    });
}

// ---------------------------------------------------------------------------------------------
// Clusters (resource_tc_tcaplus_cluster.go); configurations are written as Terraform attributes

// The provider's own test of a dedicated cluster (TestTcaplusClusterDedicatedCreate).
function dedicatedClusterConfig() {
    return {
        idl_type: "PROTO",
        cluster_name: nameForRun("tf_te1_guagua"),
        vpc_id: "vpc-tf0guagua",
        subnet_id: "subnet-tf0guagua",
        password: "1qaA2k1wgvfa3ZZZ",
        cluster_type: 2,
        server_list: { "S5.LARGE8": 2 },
        proxy_list: { "S5.LARGE8": 1 },
        resource_tags: { env: "prod", owner: "terraform" },
    };
}

// The acceptance tests' shared cluster: no cluster_type, machines or tags.
function sharedClusterConfig(name, idlType = "PROTO") {
    return {
        idl_type: idlType,
        cluster_name: nameForRun(name),
        vpc_id: "vpc-tf0guagua",
        subnet_id: "subnet-tf0guagua",
        password: "1qaA2k1wgvfa3ZZZ",
    };
}

const machineInfos = (counts) =>
    Object.entries(counts).map(([MachineType, MachineNum]) => ({ MachineType, MachineNum }));
const tagUnits = (tags) => Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));

// A change of resource_tags: new or changed keys replaced, removed keys deleted by key alone.
function tagChanges(oldTags, newTags) {
    const replaced = Object.entries(newTags).filter(([key, value]) => oldTags[key] !== value);
    const deleted = Object.keys(oldTags).filter((key) => !(key in newTags));
    return { ReplaceTags: tagUnits(Object.fromEntries(replaced)), DeleteTags: deleted.map((TagKey) => ({ TagKey })) };
}

// Optional members go in only when set, as the provider's GetOk does.
function createClusterRequest(config) {
    const request = {
        IdlType: config.idl_type,
        ClusterName: config.cluster_name,
        VpcId: config.vpc_id,
        SubnetId: config.subnet_id,
        Password: config.password,
    };
    if (config.cluster_type !== undefined) request.ClusterType = config.cluster_type;
    if (config.resource_tags) request.ResourceTags = tagUnits(config.resource_tags);
    if (config.server_list) request.ServerList = machineInfos(config.server_list);
    if (config.proxy_list) request.ProxyList = machineInfos(config.proxy_list);
    return request;
}

async function createCluster(client, config) {
    const { ClusterId } = await client.CreateCluster(createClusterRequest(config));
    assert.equal(typeof ClusterId, "string", "Create fails on a nil ClusterId");
    assert.notEqual(ClusterId, "", "Create fails on an empty ClusterId");
    return ClusterId;
}

// The wait after CreateCluster and ModifyClusterMachine: a nil or empty Clusters list, or a nil
// ClusterStatus, fails at once; any status but 0 is waited on.
function waitForClusterRunning(client, clusterId) {
    return retryUntil(`cluster ${clusterId} running`, async () => {
        const { Clusters } = await client.DescribeClusters({ ClusterIds: [clusterId] });
        assert.ok(Array.isArray(Clusters), "Clusters nil: the provider fails");
        assert.notEqual(Clusters.length, 0, "Clusters empty while waiting: the provider fails (\"Clusters is empty\")");
        const status = Clusters[0].ClusterStatus;
        assert.equal(typeof status, "number", `ClusterStatus nil: the provider fails: ${JSON.stringify(Clusters[0])}`);
        return status === 0 ? Clusters[0] : retry(`ClusterStatus ${status}`);
    });
}

// Service DescribeCluster: any error fails (ResourceNotFound too: the provider is left without a
// response), no cluster means gone, more than one is an error.
async function describeCluster(client, clusterId) {
    const { Clusters } = await client.DescribeClusters({ ClusterIds: [clusterId] });
    assert.ok(Clusters.length <= 1, `one ClusterId, ${Clusters.length} clusters`);
    return Clusters[0] ?? null;
}

// Service DescribeClusterTags: the tags of the rows whose ClusterId is the cluster's.
async function describeClusterTags(client, clusterId) {
    const { Rows } = await client.DescribeClusterTags({ ClusterIds: [clusterId] });
    return Rows.filter((row) => row?.ClusterId === clusterId).flatMap((row) => row.Tags ?? []);
}

// The provider records machine_num as the number of ServerList/ProxyList entries of each type.
function machineCounts(list) {
    const counts = {};
    for (const machine of list ?? []) {
        if (machine?.MachineType) counts[machine.MachineType] = (counts[machine.MachineType] ?? 0) + 1;
    }
    return counts;
}

const tagsAsMap = (tags) => Object.fromEntries(tags.map(({ TagKey, TagValue }) => [TagKey, TagValue]));

// Read: the state the provider records. Computed attributes are checked to be there; the configured
// ones are returned for comparison with the configuration (a difference is a plan that never settles).
async function readClusterState(client, clusterId) {
    const info = await describeCluster(client, clusterId);
    assert.ok(info, `cluster ${clusterId} read back`);
    assertClusterComputed(info);
    const tags = await describeClusterTags(client, clusterId);
    return {
        cluster_id: info.ClusterId,
        idl_type: info.IdlType,
        cluster_name: info.ClusterName,
        vpc_id: info.VpcId,
        subnet_id: info.SubnetId,
        cluster_type: info.ClusterType,
        server_list: machineCounts(info.ServerList),
        proxy_list: machineCounts(info.ProxyList),
        resource_tags: tagsAsMap(tags),
        password_status: info.PasswordStatus,
        old_password_expire_time: info.OldPasswordExpireTime === "" ? "-" : info.OldPasswordExpireTime,
    };
}

function assertClusterComputed(info) {
    const shown = JSON.stringify(info);
    assert.equal(typeof info.NetworkType, "string", `network_type: ${shown}`);
    assert.match(info.CreatedTime, DATETIME, "create_time");
    assert.ok(["modifiable", "unmodifiable"].includes(info.PasswordStatus), `password_status: ${shown}`);
    assert.ok(info.ApiAccessId, `api_access_id: ${shown}`);
    assert.ok(info.ApiAccessIp, `api_access_ip: ${shown}`);
    assert.equal(typeof info.ApiAccessPort, "number", `api_access_port: ${shown}`);
    assert.equal(typeof info.OldPasswordExpireTime, "string", `old_password_expire_time: ${shown}`);
}

// What a configuration reads back as, when nothing differs.
function expectedClusterState(clusterId, config) {
    return {
        cluster_id: clusterId,
        idl_type: config.idl_type,
        cluster_name: config.cluster_name,
        vpc_id: config.vpc_id,
        subnet_id: config.subnet_id,
        cluster_type: config.cluster_type,
        server_list: config.server_list ?? {},
        proxy_list: config.proxy_list ?? {},
        resource_tags: config.resource_tags ?? {},
    };
}

async function assertClusterMatches(client, clusterId, config) {
    const { password_status, old_password_expire_time, ...configured } = await readClusterState(client, clusterId);
    const expected = expectedClusterState(clusterId, config);
    assert.deepEqual(configured, expected, "the state read back differs from the configuration");
    return { password_status, old_password_expire_time };
}

// Update of the password: Mode "1" and OldPasswordExpireTime now + old_password_expire_last,
// "2006-01-02 15:04:05" in Asia/Shanghai.
function passwordChange(clusterId, oldPassword, newPassword, expireLastSeconds) {
    return {
        ClusterId: clusterId,
        OldPassword: oldPassword,
        NewPassword: newPassword,
        Mode: "1",
        OldPasswordExpireTime: formatUtc8(Date.now() + expireLastSeconds * 1000),
    };
}

// Delete: a TaskId is required (not waited on); then DescribeClusters until the cluster is gone.
async function deleteCluster(client, clusterId) {
    const { TaskId } = await client.DeleteCluster({ ClusterId: clusterId });
    assert.ok(typeof TaskId === "string" && TaskId !== "", `DeleteCluster without a TaskId fails: ${TaskId}`);
    await retryUntil(`cluster ${clusterId} gone`, async () =>
        (await describeCluster(client, clusterId)) ? retry("still listed") : null,
    );
}

// A cluster the way the other resources' acceptance tests have one: created and running.
async function runningCluster(client, name, idlType) {
    const clusterId = await createCluster(client, sharedClusterConfig(name, idlType));
    await waitForClusterRunning(client, clusterId);
    return clusterId;
}

// ---------------------------------------------------------------------------------------------
// Table groups (resource_tc_tcaplus_tablegroup.go, service CreateGroup and DescribeGroup)

async function createTableGroup(client, clusterId, { name, tableGroupId, tags }) {
    const request = { ClusterId: clusterId, TableGroupName: name };
    if (tableGroupId) request.TableGroupId = tableGroupId;
    if (tags) request.ResourceTags = tagUnits(tags);
    const { TableGroupId } = await client.CreateTableGroup(request);
    assert.ok(typeof TableGroupId === "string" && TableGroupId !== "", `an empty TableGroupId fails: ${TableGroupId}`);
    return TableGroupId;
}

// ResourceNotFound or no group means gone; more than one is an error; TableCount and TotalSize are
// dereferenced.
async function describeTableGroup(client, clusterId, groupId) {
    const request = { ClusterId: clusterId, TableGroupIds: [groupId] };
    const response = await unlessNotFound(client.DescribeTableGroups(request));
    const groups = response?.TableGroups ?? [];
    assert.ok(groups.length <= 1, `one TableGroupId, ${groups.length} groups`);
    const group = groups[0];
    if (!group) return null;
    assert.equal(typeof group.TableCount, "number", `table_count is dereferenced: ${JSON.stringify(group)}`);
    assert.equal(typeof group.TotalSize, "number", `total_size is dereferenced: ${JSON.stringify(group)}`);
    return group;
}

async function readTableGroupState(client, clusterId, groupId) {
    const group = await describeTableGroup(client, clusterId, groupId);
    assert.ok(group, `table group ${groupId} read back`);
    assert.match(group.CreatedTime, DATETIME, "create_time");
    const { Rows } = await client.DescribeTableGroupTags({ ClusterId: clusterId, TableGroupIds: [groupId] });
    return {
        table_group_id: group.TableGroupId,
        tablegroup_name: group.TableGroupName,
        table_count: group.TableCount,
        total_size: group.TotalSize,
        resource_tags: tagsAsMap(Rows[0]?.Tags ?? []),
    };
}

// Delete: the TaskId is ignored; DescribeTableGroups until the group is gone.
async function deleteTableGroup(client, clusterId, groupId) {
    await client.DeleteTableGroup({ ClusterId: clusterId, TableGroupId: groupId });
    await retryUntil(`table group ${groupId} gone`, async () =>
        (await describeTableGroup(client, clusterId, groupId)) ? retry("still listed") : null,
    );
}

// ---------------------------------------------------------------------------------------------
// IDL files (resource_tc_tcaplus_idl.go); an uploaded file is known by its TcaplusIdlId

// The acceptance test's file (testAccTcaplusIdl): tb_idle_test is a table, pay_info is not. The
// heredoc keeps the indentation.
const TERRAFORM_PROTO = `    syntax = "proto2";
    package myTcaplusTable;
    import "tcaplusservice.optionv1.proto";
    message tb_idle_test {
        option(tcaplusservice.tcaplus_primary_key) = "uin,name,region";
        required int64 uin = 1;
        required string name = 2;
        required int32 region = 3;
        required int32 gamesvrid = 4;
        optional int32 logintime = 5 [default = 1];
        repeated int64 lockid = 6 [packed = true];
        optional bool is_available = 7 [default = false];
        optional pay_info pay = 8;
    }

    message pay_info {
        required int64 pay_id = 1;
        optional uint64 total_money = 2;
        optional uint64 pay_times = 3;
        optional pay_auth_info auth = 4;
        message pay_auth_info {
            required string pay_keys = 1;
            optional int64 update_time = 2;
        }
    }
`;

// The TDR acceptance test's file (testAccTcaplusIdlTdr), byte for byte: encoding="GBK" declared but
// the text is UTF-8, spaces after the declaration, tabs inside the entries.
const TERRAFORM_TDR = [
    `<?xml version="1.0" encoding="GBK" standalone="yes" ?>        `,
    `<metalib name="user" tagsetversion="1" version="1">`,
    ` <struct name="user_info" version="1" primarykey="id" splittablekey="id">`,
    `    <entry name="id"       type="string"     size="100" \tdesc="id" />`,
    `    <entry name="username" type="string"     size="100" \tdesc="username" />`,
    `    <entry name="age"      type="int"    \t desc="age" />`,
    `    <entry name="createat" type="uint64"     desc="创建时间" />`,
    `    <entry name="updateat" type="uint64"     desc="更新时间" />`,
    ` </struct>`,
    `</metalib>`,
    ``,
].join("\n");

// The table acceptance test's table (testAccTcaplusTableBasic), optionally with one more field.
function onlineTableProto(extraField = "") {
    return TERRAFORM_PROTO.replace("tb_idle_test", "tb_online_guagua").replace(
        "        optional pay_info pay = 8;\n",
        `        optional pay_info pay = 8;\n${extraField}`,
    );
}

// A file's identity as the provider keeps it (its resource id, and how tables name their file).
const idlFileInfo = ({ FileName, FileType, FileExtType, FileSize, FileId }) => ({
    FileName,
    FileType,
    FileExtType,
    FileSize,
    FileId,
});

// Every member of an IdlFileInfo the provider dereferences to build an idl_id.
function assertIdlFileInfoSet(file) {
    const shown = JSON.stringify(file);
    for (const name of ["FileName", "FileType", "FileExtType"]) {
        assert.equal(typeof file[name], "string", `${name}: ${shown}`);
    }
    for (const name of ["FileSize", "FileId"]) assert.equal(typeof file[name], "number", `${name}: ${shown}`);
}

// Create: FileSize is the byte length of the text, FileContent base64(url.QueryEscape(text)); exactly
// one IdlFiles item with a FileId, and at least one table ("Illegal idl" otherwise).
async function uploadIdl(client, { clusterId, groupId, fileName, fileType, fileExtType, content }) {
    const size = Buffer.byteLength(content, "utf8");
    const file = { FileName: fileName, FileType: fileType, FileExtType: fileExtType, FileSize: size };
    const response = await client.VerifyIdlFiles({
        ClusterId: clusterId,
        TableGroupId: groupId,
        NewIdlFiles: [{ ...file, FileContent: Buffer.from(goQueryEscape(content), "utf8").toString("base64") }],
    });
    assert.equal(response.IdlFiles?.length, 1, `one file uploaded, IdlFiles: ${JSON.stringify(response.IdlFiles)}`);
    const { FileId } = response.IdlFiles[0];
    assert.equal(typeof FileId, "number", `FileId is dereferenced: ${JSON.stringify(response.IdlFiles[0])}`);
    assert.notEqual(response.TableInfos?.length ?? 0, 0, "no TableInfos: the provider fails (\"Illegal idl\")");
    return { idl: { ...file, FileId }, tableInfos: tableInfosState(response.TableInfos) };
}

// table_infos as the provider records them: a table with an Error keeps only its message.
function tableInfosState(tableInfos) {
    return tableInfos.map((info) =>
        isNullOrAbsent(info.Error)
            ? {
                  error: "",
                  table_name: info.TableName,
                  key_fields: info.KeyFields,
                  sum_key_field_size: info.SumKeyFieldSize,
                  value_fields: info.ValueFields,
                  sum_value_field_size: info.SumValueFieldSize,
                  index_key_set: info.IndexKeySet,
              }
            : { error: info.Error.Message },
    );
}

// The acceptance test's checks of one parsed table: every attribute set, no error.
function assertTableInfoSet(state, tableName) {
    const shown = JSON.stringify(state);
    assert.equal(state.error, "", `table_infos.0.error: ${shown}`);
    assert.equal(state.table_name, tableName, "table_infos.0.table_name");
    for (const name of ["key_fields", "value_fields", "index_key_set"]) {
        assert.ok(typeof state[name] === "string" && state[name] !== "", `table_infos.0.${name}: ${shown}`);
    }
    for (const name of ["sum_key_field_size", "sum_value_field_size"]) {
        assert.equal(typeof state[name], "number", `table_infos.0.${name}: ${shown}`);
    }
}

// Read (service DesOldIdlFiles): ExistingIdlFiles by FileId, no TableGroupId; ResourceNotFound reads
// as no tables, and no tables means the provider forgets the file.
async function readIdlTableInfos(client, clusterId, idl) {
    const request = { ClusterId: clusterId, ExistingIdlFiles: [idlFileInfo(idl)] };
    const response = await unlessNotFound(client.VerifyIdlFiles(request));
    return tableInfosState(response?.TableInfos ?? []);
}

// Delete: per-item errors are ignored; the acceptance test then lists the cluster's files and
// expects the FileId gone.
async function deleteIdl(client, clusterId, idl) {
    await client.DeleteIdlFiles({ ClusterId: clusterId, IdlFiles: [idlFileInfo(idl)] });
    const listed = await listIdlFiles(client, clusterId);
    const stillListed = listed.some((file) => file.FileId === idl.FileId);
    assert.ok(!stillListed, `file ${idl.FileId} still listed after DeleteIdlFiles`);
}

// Service DescribeIdlFileInfos (the _idls data source and the destroy check): every item's
// FileName, FileType, FileExtType, FileSize and FileId are dereferenced.
async function listIdlFiles(client, clusterId) {
    const describe = (request) => client.DescribeIdlFileInfos(request);
    const { items } = await readAllPages(describe, { ClusterId: clusterId }, (r) => r.IdlFileInfos);
    items.forEach(assertIdlFileInfoSet);
    return items;
}

// ---------------------------------------------------------------------------------------------
// Tables (resource_tc_tcaplus_table.go)

// The acceptance test's table (testAccTcaplusTable).
function onlineTableConfig(groupId) {
    return {
        tablegroup_id: groupId,
        table_name: "tb_online_guagua",
        table_type: "GENERIC",
        description: "test",
        table_idl_type: "PROTO",
        reserved_read_cu: 1000,
        reserved_write_cu: 20,
        reserved_volume: 1,
    };
}

function selectedTable(config) {
    return {
        TableIdlType: config.table_idl_type,
        ReservedReadQps: config.reserved_read_cu,
        ReservedWriteQps: config.reserved_write_cu,
        ReservedVolume: config.reserved_volume,
        TableGroupId: config.tablegroup_id,
        TableName: config.table_name,
        TableType: config.table_type,
        Memo: config.description,
    };
}

// Create: exactly one TableResults; any Error object fails, even {Code: ""}; TaskId and
// TableInstanceId are dereferenced without a check.
async function createTable(client, clusterId, idl, config) {
    const { TableResults } = await client.CreateTables({
        ClusterId: clusterId,
        IdlFiles: [idlFileInfo(idl)],
        SelectedTables: [selectedTable(config)],
    });
    assert.equal(TableResults?.length, 1, `one table created, TableResults: ${JSON.stringify(TableResults)}`);
    const [result] = TableResults;
    assert.ok(isNullOrAbsent(result.Error), `TableResults[0].Error must be null: ${JSON.stringify(result)}`);
    assert.equal(typeof result.TaskId, "string", `TaskId is dereferenced: ${JSON.stringify(result)}`);
    assert.equal(typeof result.TableInstanceId, "string", `TableInstanceId is dereferenced: ${JSON.stringify(result)}`);
    return { taskId: result.TaskId, tableInstanceId: result.TableInstanceId };
}

// Service DescribeTable: Filters [{Name, Value}] (Value, not Values); ResourceNotFound or no table
// means gone, more than one is an error.
async function describeTable(client, clusterId, tableInstanceId) {
    const response = await unlessNotFound(
        client.DescribeTables({ ClusterId: clusterId, Filters: [{ Name: "TableInstanceId", Value: tableInstanceId }] }),
    );
    const tables = response?.TableInfos ?? [];
    assert.ok(tables.length <= 1, `one TableInstanceId, ${tables.length} tables: ${JSON.stringify(tables)}`);
    return tables[0] ?? null;
}

// Read: ClusterId and TableGroupId are dereferenced (tablegroup_id is "cluster:group").
async function readTableState(client, clusterId, tableInstanceId) {
    const info = await describeTable(client, clusterId, tableInstanceId);
    assert.ok(info, `table ${tableInstanceId} read back`);
    assert.equal(typeof info.ClusterId, "string", `ClusterId is dereferenced: ${JSON.stringify(info)}`);
    assert.equal(typeof info.TableGroupId, "string", `TableGroupId is dereferenced: ${JSON.stringify(info)}`);
    assert.match(info.CreatedTime, DATETIME, "create_time");
    assert.ok(info.Status, "status is set");
    assert.notEqual(info.TableSize ?? null, null, "table_size is set");
    return {
        cluster_id: info.ClusterId,
        tablegroup_id: info.TableGroupId,
        table_name: info.TableName,
        table_type: info.TableType,
        description: info.Memo,
        table_idl_type: info.TableIdlType,
        reserved_volume: info.ReservedVolume,
        error: info.Error?.Message ?? "",
    };
}

function expectedTableState(clusterId, config) {
    return {
        cluster_id: clusterId,
        tablegroup_id: config.tablegroup_id,
        table_name: config.table_name,
        table_type: config.table_type,
        description: config.description,
        table_idl_type: config.table_idl_type,
        reserved_volume: config.reserved_volume,
        error: "",
    };
}

async function assertTableMatches(client, clusterId, tableInstanceId, config) {
    const state = await readTableState(client, clusterId, tableInstanceId);
    const expected = expectedTableState(clusterId, config);
    assert.deepEqual(state, expected, "the table read back differs from the configuration");
}

// Service DeleteTable: TableResults[0].TaskId is dereferenced, on both calls.
async function deleteTablesOnce(client, clusterId, tableInstanceId, config) {
    const { TableResults } = await client.DeleteTables({
        ClusterId: clusterId,
        SelectedTables: [
            { TableInstanceId: tableInstanceId, TableGroupId: config.tablegroup_id, TableName: config.table_name },
        ],
    });
    assert.notEqual(TableResults?.length ?? 0, 0, "DeleteTables without TableResults fails");
    assert.equal(typeof TableResults[0].TaskId, "string", `TaskId is dereferenced: ${JSON.stringify(TableResults[0])}`);
    return TableResults[0].TaskId;
}

// Delete: DeleteTables, DescribeTables until the table is gone (it is in the recycle bin), the same
// DeleteTables again (out of the recycle bin), then that task to Progress 100.
async function deleteTable(client, clusterId, tableInstanceId, config) {
    await deleteTablesOnce(client, clusterId, tableInstanceId, config);
    await retryUntil(`table ${tableInstanceId} gone from DescribeTables`, async () =>
        (await describeTable(client, clusterId, tableInstanceId)) ? retry("still listed") : null,
    );
    const taskId = await deleteTablesOnce(client, clusterId, tableInstanceId, config);
    await waitForTask(client, clusterId, taskId);
}

// A table the way the acceptance tests have one: its file uploaded, created, its task done.
async function createdTable(client, clusterId, groupId) {
    const config = onlineTableConfig(groupId);
    const upload = protoIdlUpload(clusterId, groupId, "tf_idl_test_guagua", onlineTableProto());
    const { idl } = await uploadIdl(client, upload);
    const { taskId, tableInstanceId } = await createTable(client, clusterId, idl, config);
    await waitForTask(client, clusterId, taskId);
    return { config, idl, tableInstanceId };
}

// A file of small tables, one per name.
function tablesProto(tableNames) {
    const table = (name) =>
        `message ${name} {\n` +
        `    option(tcaplusservice.tcaplus_primary_key) = "id";\n` +
        `    required int64 id = 1;\n` +
        `    optional string v = 2;\n` +
        `}\n`;
    const header = `syntax = "proto2";\npackage myTcaplusTable;\nimport "tcaplusservice.optionv1.proto";\n`;
    return header + tableNames.map(table).join("");
}

function protoIdlUpload(clusterId, groupId, fileName, content) {
    return { clusterId, groupId, fileName, fileType: "PROTO", fileExtType: "proto", content };
}

// =============================================================================================

test("cluster: create and wait, read, change machines, tags, name and password, delete", async (t) => {
    const server = await startConfiguredServer(t, "clusters.ready_after", { set: { "clusters.ready_after": "1s" } });
    if (!server) return;
    const client = makeClient(server);
    const created = dedicatedClusterConfig();

    const clusterId = await createCluster(client, created);
    await waitForClusterRunning(client, clusterId);
    const before = await assertClusterMatches(client, clusterId, created);
    assert.equal(before.old_password_expire_time, "-", "no old password yet");

    const updated = {
        ...created,
        server_list: { "S5.LARGE8": 3 },
        resource_tags: { owner: "tcaplus-mock" },
        cluster_name: nameForRun("tf_te1_guagua_2"),
        password: "aQQ2345677888",
    };
    // The update's order: machines (and the wait), tags, name, password.
    await client.ModifyClusterMachine({
        ClusterId: clusterId,
        ClusterType: updated.cluster_type,
        ServerList: machineInfos(updated.server_list),
        ProxyList: machineInfos(updated.proxy_list),
    });
    await waitForClusterRunning(client, clusterId);
    await client.ModifyClusterTags({
        ClusterId: clusterId,
        ...tagChanges(created.resource_tags, updated.resource_tags),
    });
    await client.ModifyClusterName({ ClusterId: clusterId, ClusterName: updated.cluster_name });
    const change = passwordChange(clusterId, created.password, updated.password, 3600);
    await client.ModifyClusterPassword(change);

    const after = await assertClusterMatches(client, clusterId, updated);
    assert.equal(after.password_status, "unmodifiable", "the old password is still valid");
    assert.equal(after.old_password_expire_time, change.OldPasswordExpireTime, "old_password_expire_time as sent");

    // Changing it again while the old one is in use: the provider's friendly non-retryable error.
    await expectApiError(
        client.ModifyClusterPassword(passwordChange(clusterId, updated.password, "bQQ2345677999", 300)),
        "FailedOperation.OldPasswordInUse",
    );

    await deleteCluster(client, clusterId);
    for (const gone of [clusterId, "1000000000"]) {
        const { Clusters } = await client.DescribeClusters({ ClusterIds: [gone] });
        assert.deepEqual(Clusters, [], `${gone}: a deleted or unknown id reads as an empty list, never an error`);
    }
});

test("table group: create, read with tags, rename, retag and wait for its task, delete", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const clusterId = await runningCluster(client, "tf_group_cluster");

    const name = "tf_test_group_name_guagua";
    const tags = { env: "test", owner: "terraform" };
    const groupId = await createTableGroup(client, clusterId, { name, tableGroupId: "10101", tags });
    assert.equal(groupId, "10101", "the TableGroupId asked for");
    assert.deepEqual(await readTableGroupState(client, clusterId, groupId), {
        table_group_id: "10101",
        tablegroup_name: name,
        table_count: 0,
        total_size: 0,
        resource_tags: tags,
    });

    await client.ModifyTableGroupName({ ClusterId: clusterId, TableGroupId: groupId, TableGroupName: `${name}_2` });
    const retagged = { env: "prod" };
    const { TaskId } = await client.ModifyTableGroupTags({
        ClusterId: clusterId,
        TableGroupId: groupId,
        ...tagChanges(tags, retagged),
    });
    await waitForTask(client, clusterId, TaskId);
    const renamed = await readTableGroupState(client, clusterId, groupId);
    assert.equal(renamed.tablegroup_name, `${name}_2`);
    assert.deepEqual(renamed.resource_tags, retagged);

    await deleteTableGroup(client, clusterId, groupId);
    await deleteCluster(client, clusterId);
});

test("IDL: upload Terraform's PROTO and TDR files, read them back by FileId, delete them", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);

    const protoCluster = await runningCluster(client, "tf_idl_proto");
    const protoGroup = await createTableGroup(client, protoCluster, { name: "tf_idl_group" });
    const protoUpload = protoIdlUpload(protoCluster, protoGroup, "tf_idl_test_guagua", TERRAFORM_PROTO);
    const proto = await uploadIdl(client, protoUpload);
    assert.equal(proto.tableInfos.length, 1, `table_infos.# = 1 (pay_info is no table): ${JSON.stringify(proto)}`);
    assertTableInfoSet(proto.tableInfos[0], "tb_idle_test");
    const protoRead = await readIdlTableInfos(client, protoCluster, proto.idl);
    assert.deepEqual(protoRead, proto.tableInfos, "the read keeps table_infos");

    const tdrCluster = await runningCluster(client, "tf_idl_tdr", "TDR");
    const tdrGroup = await createTableGroup(client, tdrCluster, { name: "tdr_group" });
    const tdr = await uploadIdl(client, {
        clusterId: tdrCluster,
        groupId: tdrGroup,
        fileName: "auth_info",
        fileType: "TDR",
        fileExtType: "xml",
        content: TERRAFORM_TDR,
    });
    assert.equal(tdr.tableInfos.length, 1, `table_infos.# = 1: ${JSON.stringify(tdr.tableInfos)}`);
    assertTableInfoSet(tdr.tableInfos[0], "user_info");
    const tdrRead = await readIdlTableInfos(client, tdrCluster, tdr.idl);
    assert.deepEqual(tdrRead, tdr.tableInfos, "the read keeps table_infos");

    await deleteIdl(client, protoCluster, proto.idl);
    await deleteIdl(client, tdrCluster, tdr.idl);
});

test("table: create and wait, read, change memo and schema, delete through the recycle bin", async (t) => {
    // A task that takes a second, so that every DescribeTasks loop goes round.
    const server = await startConfiguredServer(t, "tasks.duration", { set: { "tasks.duration": "1s" } });
    if (!server) return;
    const client = makeClient(server);
    const clusterId = await runningCluster(client, "tf_table_cluster");
    const groupId = await createTableGroup(client, clusterId, { name: "tf_table_group" });

    const { config, idl, tableInstanceId } = await createdTable(client, clusterId, groupId);
    await assertTableMatches(client, clusterId, tableInstanceId, config);
    // The IDL resource is refreshed too: a file whose table now exists must still show the table,
    // or the provider forgets the file.
    assert.notDeepEqual(await readIdlTableInfos(client, clusterId, idl), [], "table_infos of a file in use");

    const described = { ...config, description: "test_desc" };
    const { TableResults: memoResults } = await client.ModifyTableMemos({
        ClusterId: clusterId,
        TableMemos: [
            {
                TableGroupId: groupId,
                TableName: config.table_name,
                TableInstanceId: tableInstanceId,
                Memo: described.description,
            },
        ],
    });
    assert.equal(memoResults?.length, 1, `one memo result: ${JSON.stringify(memoResults)}`);
    await assertTableMatches(client, clusterId, tableInstanceId, described);

    // idl_id changes to a second file with one more field: ModifyTables, TableResults[0].TaskId, the wait.
    const grownText = onlineTableProto("        optional int32 add_v1 = 9;\n");
    const grown = await uploadIdl(client, protoIdlUpload(clusterId, groupId, "tf_idl_test_guagua_2", grownText));
    const { TableResults: modifyResults } = await client.ModifyTables({
        ClusterId: clusterId,
        IdlFiles: [idlFileInfo(grown.idl)],
        SelectedTables: [
            {
                TableInstanceId: tableInstanceId,
                TableGroupId: groupId,
                TableName: config.table_name,
                TableIdlType: config.table_idl_type,
            },
        ],
    });
    assert.equal(modifyResults?.length, 1, `one ModifyTables result: ${JSON.stringify(modifyResults)}`);
    await waitForTask(client, clusterId, modifyResults[0].TaskId);
    await assertTableMatches(client, clusterId, tableInstanceId, described);

    // Destroy, in the dependency order: the table, its files, the group, the cluster.
    await deleteTable(client, clusterId, tableInstanceId, described);
    const { TableInfos: recycled } = await client.DescribeTablesInRecycle({ ClusterId: clusterId });
    assert.deepEqual(recycled, [], "nothing left in the recycle bin");
    await deleteIdl(client, clusterId, idl);
    await deleteIdl(client, clusterId, grown.idl);
    await deleteTableGroup(client, clusterId, groupId);
    await deleteCluster(client, clusterId);
});

test("data sources: clusters, table groups, tables and IDL files, filtered and paged by 20", async (t) => {
    // More than a page of each; created faster than the documented 20 per second, which the
    // provider's own rate limiter would have spaced out.
    const server = await startConfiguredServer(t, "no rate limits on creation", {
        set: { "rate_limits.CreateCluster": 0, "rate_limits.CreateTableGroup": 0, "rate_limits.VerifyIdlFiles": 0 },
    });
    if (!server) return;
    const client = makeClient(server);
    const count = PAGE_LIMIT + 1;
    const names = Array.from({ length: count }, (_, i) => `tf_ds_${String(i).padStart(2, "0")}`);

    const clusterIds = [];
    for (const name of names) clusterIds.push(await createCluster(client, sharedClusterConfig(name)));
    await assertClustersDataSource(client, clusterIds, names);

    const [clusterId] = clusterIds;
    const groupIds = [];
    for (const name of names) groupIds.push(await createTableGroup(client, clusterId, { name }));
    await assertTableGroupsDataSource(client, clusterId, groupIds, names);

    const tableIds = await createTablesForListing(client, clusterId, groupIds[0], names);
    await assertTablesDataSource(client, clusterId, groupIds[0], tableIds, names);
    await assertIdlsDataSource(client, clusterId, groupIds[0], count);
});

async function assertClustersDataSource(client, clusterIds, names) {
    const describe = (request) => client.DescribeClusters(request);
    const all = await readAllPages(describe, {}, (r) => r.Clusters);
    assert.equal(all.pages, 2, "21 clusters take two pages of 20");
    assert.deepEqual(all.items.map((c) => c.ClusterId).sort(), [...clusterIds].sort(), "every cluster once");

    const filter = { Filters: [{ Name: "ClusterName", Value: names[7] }] };
    const byName = await readAllPages(describe, filter, (r) => r.Clusters);
    assert.deepEqual(byName.items.map((c) => c.ClusterName), [names[7]], "Filters ClusterName with Value");
    const byId = await readAllPages(describe, { ClusterIds: [clusterIds[3]] }, (r) => r.Clusters);
    assert.deepEqual(byId.items.map((c) => c.ClusterId), [clusterIds[3]], "ClusterIds");
}

// Service DescribeGroups: each item's TableGroupId is dereferenced.
async function assertTableGroupsDataSource(client, clusterId, groupIds, names) {
    const describe = (request) => client.DescribeTableGroups(request);
    const all = await readAllPages(describe, { ClusterId: clusterId }, (r) => r.TableGroups);
    assert.equal(all.pages, 2, "21 groups take two pages of 20");
    assert.deepEqual(all.items.map((g) => g.TableGroupId).sort(), [...groupIds].sort(), "every group once");

    const filter = { ClusterId: clusterId, Filters: [{ Name: "GroupName", Value: names[12] }] };
    const byName = await readAllPages(describe, filter, (r) => r.TableGroups);
    assert.deepEqual(
        byName.items.map((g) => [g.TableGroupId, g.TableGroupName]),
        [[groupIds[12], names[12]]],
        "Filters GroupName (the provider's name for TableGroupName)",
    );
}

// 21 tables from one file, for the listing (how they were made is not what is tested).
async function createTablesForListing(client, clusterId, groupId, names) {
    const { idl } = await uploadIdl(client, protoIdlUpload(clusterId, groupId, "tf_ds_tables", tablesProto(names)));
    const { TableResults } = await client.CreateTables({
        ClusterId: clusterId,
        IdlFiles: [idlFileInfo(idl)],
        SelectedTables: names.map((name) => selectedTable({ ...onlineTableConfig(groupId), table_name: name })),
    });
    assert.ok(TableResults.every((result) => isNullOrAbsent(result.Error)), JSON.stringify(TableResults));
    return TableResults.map((result) => result.TableInstanceId);
}

// Service DescribeTables with TableGroupIds; the data source dereferences IdlFiles[0]'s members to
// build each idl_id.
async function assertTablesDataSource(client, clusterId, groupId, tableIds, names) {
    const describe = (request) => client.DescribeTables(request);
    const base = { ClusterId: clusterId, TableGroupIds: [groupId] };
    const all = await readAllPages(describe, base, (r) => r.TableInfos);
    assert.equal(all.pages, 2, "21 tables take two pages of 20");
    assert.deepEqual(all.items.map((table) => table.TableInstanceId).sort(), [...tableIds].sort(), "every table once");
    for (const table of all.items) {
        assert.ok(table.IdlFiles?.[0], `IdlFiles[0] of ${table.TableName}`);
        assertIdlFileInfoSet(table.IdlFiles[0]);
    }

    const filtered = (Name, Value) =>
        readAllPages(describe, { ...base, Filters: [{ Name, Value }] }, (r) => r.TableInfos);
    const byName = await filtered("TableName", names[5]);
    assert.deepEqual(byName.items.map((table) => table.TableInstanceId), [tableIds[5]], "Filters TableName with Value");
    const byId = await filtered("TableInstanceId", tableIds[9]);
    assert.deepEqual(byId.items.map((table) => table.TableName), [names[9]], "Filters TableInstanceId with Value");
}

// The _idls data source: DescribeIdlFileInfos{ClusterId} paged; one file is there already (the
// tables'), 20 more make two pages.
async function assertIdlsDataSource(client, clusterId, groupId, count) {
    const uploaded = [];
    for (let i = 1; i < count; i++) {
        const upload = protoIdlUpload(clusterId, groupId, `tf_ds_file_${i}`, tablesProto([`tb_file_${i}`]));
        uploaded.push((await uploadIdl(client, upload)).idl);
    }
    const listed = await listIdlFiles(client, clusterId);
    assert.equal(listed.length, count, `every file once: ${JSON.stringify(listed.map((file) => file.FileId))}`);
    for (const idl of uploaded) {
        const found = listed.find((file) => file.FileId === idl.FileId) ?? {};
        assert.deepEqual(idlFileInfo(found), idl, `file ${idl.FileName} as uploaded`);
    }
}

test("a snapshot's TaskId is found by the provider's DescribeTasks loop, done", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const clusterId = await runningCluster(client, "tf_snapshot_cluster");
    const groupId = await createTableGroup(client, clusterId, { name: "tf_snapshot_group" });
    const { config } = await createdTable(client, clusterId, groupId);

    const now = Date.now();
    const { TableResults } = await client.CreateSnapshots({
        ClusterId: clusterId,
        SelectedTables: [
            snapshotInfo({
                TableGroupId: groupId,
                TableName: config.table_name,
                SnapshotName: nameForRun("tf_snapshot"),
                SnapshotTime: formatUtc8(now - 60_000),
                SnapshotDeadTime: formatUtc8(now + 24 * 3600_000),
            }),
        ],
    });
    const task = await waitForTask(client, clusterId, TableResults[0].TaskId);
    assert.equal(task.TaskType, "CreateSnapshots");
    assert.equal(task.Progress, 100);
});

test("two SecretIds never see each other's clusters", async (t) => {
    const accounts = await startTwoAccountServer(t);
    if (!accounts) return;
    const { server, one, two } = accounts;

    // The same name in both: a DuplicateClusterName (ResourceUnavailable.*) would make the provider
    // retry until its timeout.
    const ofOne = await runningCluster(one, "tf_same_name");
    const ofTwo = await runningCluster(two, "tf_same_name");

    for (const [client, own, other] of [
        [one, ofOne, ofTwo],
        [two, ofTwo, ofOne],
    ]) {
        const { items } = await readAllPages((request) => client.DescribeClusters(request), {}, (r) => r.Clusters);
        assert.deepEqual(items.map((cluster) => cluster.ClusterId), [own], "each account lists only its own");
        assert.equal(await describeCluster(client, other), null, "the other account's id reads as gone");
    }
    await deleteCluster(one, ofOne);
    assert.ok(await describeCluster(two, ofTwo), "the other account keeps its cluster");
});
