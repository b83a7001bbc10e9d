// The rest of the API through the official SDK: a cluster under approval (applications filed,
// listed, approved with their task, rejected, withdrawn, never processed twice), backups listed at
// three levels and expiring on the emulator's clock, the REST proxy's statuses, and the answers of
// SetTableIndex, SetTableDataFlow and MergeTablesData. Time is moved with the control plane's clock
// rather than waited for.

import assert from "node:assert/strict";
import { test } from "node:test";

import {
    DATETIME,
    control,
    expectApiError,
    makeClient,
    nameForRun,
    startConfiguredServer,
    startServer,
} from "./harness.mjs";

// Every task takes this long (tasks.duration), so that each one is seen running first. The clock is
// moved, never waited for: long enough that a slow machine's real seconds do not finish a task.
const TASK_SECONDS = 10;
const TASK_STEP_SECONDS = TASK_SECONDS / 2;
// The clock is moved by more than a day under signed requests (docs/control-plane.md, the clock).
const TIMED_NEEDS = "tasks.duration and a wide auth.timestamp_window";
const TIMED_SETTINGS = { "tasks.duration": `${TASK_SECONDS}s`, "auth.timestamp_window": "3d" };

const isNullOrAbsent = (value) => value === null || value === undefined;
const shown = (value) => JSON.stringify(value);

// ---------------------------------------------------------------------------------------------
// The world: a cluster, table groups, one IDL file with two tables

// tb_example and tb_other differ in one value field (logintime / lastlogin), so they do not compare.
const TABLES_PROTO = `syntax = "proto2";
package myTcaplusTable;
import "tcaplusservice.optionv1.proto";
message tb_example {
    option(tcaplusservice.tcaplus_primary_key) = "uin,name";
    required int64 uin = 1;
    required string name = 2;
    required int32 region = 3;
    required int32 gamesvrid = 4;
    optional int32 logintime = 5 [default = 1];
}
message tb_other {
    option(tcaplusservice.tcaplus_primary_key) = "uin,name";
    required int64 uin = 1;
    required string name = 2;
    required int32 region = 3;
    required int32 gamesvrid = 4;
    optional int32 lastlogin = 5 [default = 1];
}
`;

async function createCluster(client, name) {
    const { ClusterId } = await client.CreateCluster({
        IdlType: "PROTO",
        ClusterName: nameForRun(name),
        VpcId: "vpc-approvals0",
        SubnetId: "subnet-approvals0",
        Password: "1qaA2k1wgvfa3ZZZ",
    });
    assert.ok(typeof ClusterId === "string" && ClusterId !== "", `a ClusterId: ${ClusterId}`);
    return ClusterId;
}

async function createGroup(client, clusterId, groupId) {
    const { TableGroupId } = await client.CreateTableGroup({
        ClusterId: clusterId,
        TableGroupName: `group_${groupId}`,
        TableGroupId: groupId,
    });
    assert.equal(TableGroupId, groupId, "the TableGroupId asked for");
}

// Uploads TABLES_PROTO into `groupId`; answers the file as CreateTables names it.
async function uploadTables(client, clusterId, groupId) {
    const file = {
        FileName: "approvals_tables",
        FileType: "PROTO",
        FileExtType: "proto",
        FileSize: Buffer.byteLength(TABLES_PROTO, "utf8"),
    };
    const { IdlFiles, TableInfos } = await client.VerifyIdlFiles({
        ClusterId: clusterId,
        TableGroupId: groupId,
        NewIdlFiles: [{ ...file, FileContent: TABLES_PROTO }],
    });
    assert.equal(IdlFiles?.length, 1, `one file: ${shown(IdlFiles)}`);
    assert.deepEqual(
        TableInfos.map((info) => info.TableName),
        ["tb_example", "tb_other"],
        `the file's tables: ${shown(TableInfos)}`,
    );
    return { ...file, FileId: IdlFiles[0].FileId };
}

function selectedTable(groupId, tableName) {
    return {
        TableGroupId: groupId,
        TableName: tableName,
        TableIdlType: "PROTO",
        TableType: "GENERIC",
        ReservedReadQps: 1000,
        ReservedWriteQps: 20,
        ReservedVolume: 1,
    };
}

// CreateTables of every [group, name] of `tables` from `idl`, run at once (no approval): the results.
async function createTables(client, clusterId, idl, tables) {
    const { TableResults } = await client.CreateTables({
        ClusterId: clusterId,
        IdlFiles: [idl],
        SelectedTables: tables.map(([groupId, name]) => selectedTable(groupId, name)),
    });
    assert.equal(TableResults?.length, tables.length, `a result per table: ${shown(TableResults)}`);
    for (const result of TableResults) {
        assert.ok(isNullOrAbsent(result.Error), `created without an error: ${shown(result)}`);
        assert.ok(typeof result.TaskId === "string" && result.TaskId !== "", `a TaskId: ${shown(result)}`);
    }
    return TableResults;
}

async function describeCluster(client, clusterId) {
    const { Clusters } = await client.DescribeClusters({ ClusterIds: [clusterId] });
    assert.equal(Clusters?.length, 1, `cluster ${clusterId}: ${shown(Clusters)}`);
    return Clusters[0];
}

async function describeTables(client, clusterId) {
    const response = await client.DescribeTables({ ClusterId: clusterId });
    assert.equal(response.TotalCount, response.TableInfos?.length, `TotalCount of ${shown(response)}`);
    return response.TableInfos;
}

// ---------------------------------------------------------------------------------------------
// Time and tasks

async function advanceClock(server, advance) {
    const { status, body } = await control(server, "POST", "clock", { advance });
    assert.equal(status, 200, `POST /_mock/clock {"advance": "${advance}"}: ${shown(body)}`);
    return body;
}

async function describeTask(client, clusterId, taskId) {
    const { TaskInfos, TotalCount } = await client.DescribeTasks({ ClusterIds: [clusterId], TaskIds: [taskId] });
    assert.equal(TotalCount, 1, `DescribeTasks of ${taskId}: ${shown(TaskInfos)}`);
    assert.equal(TaskInfos[0].TaskId, taskId);
    return TaskInfos[0];
}

// Follows tasks that have just started to Progress 100, moving the clock half a task at a time:
// each running first, never going back, done within the tasks' duration (and a step of slack).
async function followTasks(server, client, clusterId, taskIds, taskType) {
    const progressOf = async () => {
        const tasks = [];
        for (const taskId of taskIds) tasks.push(await describeTask(client, clusterId, taskId));
        return tasks;
    };
    const first = await progressOf();
    for (const task of first) {
        if (taskType) assert.equal(task.TaskType, taskType, `TaskType of ${shown(task)}`);
        assert.ok(task.Progress >= 0 && task.Progress < 100, `a task of ${TASK_SECONDS}s is running: ${shown(task)}`);
    }
    const progress = [first.map((task) => task.Progress)];
    const done = () => progress.at(-1).every((value) => value === 100);
    for (let step = 0; step <= TASK_SECONDS / TASK_STEP_SECONDS && !done(); step++) {
        await advanceClock(server, `${TASK_STEP_SECONDS}s`);
        progress.push((await progressOf()).map((task) => task.Progress));
    }
    const history = shown(progress);
    assert.ok(done(), `Progress of ${taskIds}, every ${TASK_STEP_SECONDS}s of the clock: ${history}`);
    for (let i = 1; i < progress.length; i++) {
        progress[i].forEach((value, j) => assert.ok(value >= progress[i - 1][j], `Progress goes back: ${history}`));
    }
}

// ---------------------------------------------------------------------------------------------
// Approvals

const APPROVE = 1;
const REJECT = 2;
const WITHDRAW = -1;
// ApplyType (server/actions/approvals/approval_policy.cpp)
const ADD_TABLE = 0;
const CLEAR_TABLE = 2;
const STORAGE_SCALING = 5;
const BACKUP = 9;

async function decide(client, clusterId, applicationId, applicationType, applicationStatus) {
    const response = await client.UpdateApply({
        ApplyStatus: [
            {
                ApplicationId: applicationId,
                ApplicationStatus: applicationStatus,
                ApplicationType: applicationType,
                ClusterId: clusterId,
            },
        ],
    });
    assert.equal(response.ApplyResults?.length, 1, `a result per application: ${shown(response)}`);
    return response;
}

async function applications(client, clusterId, filters = {}) {
    const response = await client.DescribeApplications({ ClusterId: clusterId, ...filters });
    assert.equal(response.TotalCount, response.Applications?.length, `one page: ${shown(response)}`);
    return response.Applications;
}

const applicationIds = (list) => list.map((application) => application.ApplicationId);

// The one item of a filed action's TableResults: an ApplicationId, no TaskId.
function filedApplication(response, clusterId, what) {
    assert.equal(response.TableResults?.length, 1, `${what}: one result: ${shown(response)}`);
    const [result] = response.TableResults;
    assert.ok(isNullOrAbsent(result.Error), `${what}: filed without an error: ${shown(result)}`);
    assert.ok(isNullOrAbsent(result.TaskId), `${what}: no TaskId while waiting for approval: ${shown(result)}`);
    assert.equal(typeof result.ApplicationId, "string", `${what}: an ApplicationId: ${shown(result)}`);
    assert.ok(result.ApplicationId.startsWith(`${clusterId}-`), `${what}: <ClusterId>-<n>: ${result.ApplicationId}`);
    return result.ApplicationId;
}

test("approval: a create filed, listed pending, approved with its task; others rejected and withdrawn", async (t) => {
    const server = await startConfiguredServer(t, TIMED_NEEDS, { set: TIMED_SETTINGS });
    if (!server) return;
    const client = makeClient(server);
    const clusterId = await createCluster(client, "approvals_cluster");
    await createGroup(client, clusterId, "1");
    const idl = await uploadTables(client, clusterId, "1");

    const approvers = ["100001", "100002"];
    const censored = await client.ModifyCensorship({ ClusterId: clusterId, Censorship: 1, Uins: approvers });
    assert.equal(censored.ClusterId, clusterId);
    assert.equal(censored.Censorship, 1, `Censorship on: ${shown(censored)}`);
    assert.deepEqual(censored.Uins, approvers, "the approvers as sent");
    assert.deepEqual((await describeCluster(client, clusterId)).DbaUins, approvers, "DescribeClusters DbaUins");

    // The create is filed, not carried out.
    const created = await client.CreateTables({
        ClusterId: clusterId,
        IdlFiles: [idl],
        SelectedTables: [selectedTable("1", "tb_example")],
    });
    const createId = filedApplication(created, clusterId, "CreateTables under approval");
    assert.deepEqual(await describeTables(client, clusterId), [], "no table before the approval");

    const pending = await applications(client, clusterId, { CensorStatus: 0 });
    assert.deepEqual(applicationIds(pending), [createId], "the one pending application");
    const [entry] = pending;
    assert.equal(entry.ApplicationType, ADD_TABLE, `ApplyType 0, add table: ${shown(entry)}`);
    assert.equal(entry.ApplicationStatus, 0, `pending: ${shown(entry)}`);
    assert.equal(entry.ClusterId, clusterId);
    assert.equal(entry.TableGroupId, "1");
    assert.equal(entry.TableName, "tb_example");
    assert.equal(entry.TaskId, "0", "no task before the approval");
    assert.equal(entry.CanCensor, true, `a pending application can be approved: ${shown(entry)}`);
    assert.match(entry.CreatedTime, DATETIME, "CreatedTime");

    // Approved: carried out now, its task answered and followed to the end.
    const approved = await decide(client, clusterId, createId, ADD_TABLE, APPROVE);
    assert.equal(approved.TotalCount, 1, `one application changed: ${shown(approved)}`);
    const [applied] = approved.ApplyResults;
    assert.ok(isNullOrAbsent(applied.Error), `approved without an error: ${shown(applied)}`);
    assert.equal(applied.ApplicationId, createId);
    assert.ok(typeof applied.TaskId === "string" && applied.TaskId.startsWith(`${clusterId}-`), shown(applied));
    await followTasks(server, client, clusterId, [applied.TaskId], "CreateTables");

    const tables = await describeTables(client, clusterId);
    assert.deepEqual(
        tables.map((table) => [table.TableGroupId, table.TableName]),
        [["1", "tb_example"]],
        "the approved table is there",
    );
    const done = await applications(client, clusterId, { CensorStatus: 1 });
    assert.deepEqual(applicationIds(done), [createId], "CensorStatus 1 lists the approved one");
    assert.equal(done[0].ApplicationStatus, 1);
    assert.equal(done[0].TaskId, applied.TaskId, "the application keeps its task");
    assert.equal(done[0].CanCensor, false, "a processed application can no longer be approved");

    // Two more: a clear (rejected) and a quota change (withdrawn).
    const existing = [{ TableGroupId: "1", TableName: "tb_example" }];
    const clearId = filedApplication(
        await client.ClearTables({ ClusterId: clusterId, SelectedTables: existing }),
        clusterId,
        "ClearTables under approval",
    );
    const quotaId = filedApplication(
        await client.ModifyTableQuotas({
            ClusterId: clusterId,
            TableQuotas: [{ ...existing[0], ReservedReadQps: 2000, ReservedWriteQps: 40, ReservedVolume: 2 }],
        }),
        clusterId,
        "ModifyTableQuotas under approval",
    );
    const bothPending = await applications(client, clusterId, { CensorStatus: 0 });
    assert.deepEqual(applicationIds(bothPending).sort(), [clearId, quotaId].sort(), "both pending");

    // Decided a minute later: UpdateTime says when.
    await advanceClock(server, "1m");

    const rejected = await decide(client, clusterId, clearId, CLEAR_TABLE, REJECT);
    assert.equal(rejected.TotalCount, 1, shown(rejected));
    assert.ok(isNullOrAbsent(rejected.ApplyResults[0].Error), `rejected: ${shown(rejected)}`);
    const wrongType = await decide(client, clusterId, quotaId, CLEAR_TABLE, WITHDRAW);
    assert.equal(wrongType.TotalCount, 0, shown(wrongType));
    assert.equal(wrongType.ApplyResults[0].Error?.Code, "InvalidParameterValue", `not its type: ${shown(wrongType)}`);
    const unknown = await decide(client, clusterId, `${clusterId}-999`, STORAGE_SCALING, APPROVE);
    assert.equal(unknown.TotalCount, 0, shown(unknown));
    assert.equal(unknown.ApplyResults[0].Error?.Code, "ResourceNotFound", `an unknown one: ${shown(unknown)}`);
    const withdrawn = await decide(client, clusterId, quotaId, STORAGE_SCALING, WITHDRAW);
    assert.equal(withdrawn.TotalCount, 1, shown(withdrawn));
    assert.ok(isNullOrAbsent(withdrawn.ApplyResults[0].Error), `withdrawn: ${shown(withdrawn)}`);

    assert.deepEqual(applicationIds(await applications(client, clusterId, { CensorStatus: 0 })), [], "none pending");
    const rejectedList = await applications(client, clusterId, { CensorStatus: REJECT });
    assert.deepEqual(applicationIds(rejectedList), [clearId], "CensorStatus 2 lists the rejected one");
    assert.equal(rejectedList[0].ApplicationType, CLEAR_TABLE);
    assert.equal(rejectedList[0].TaskId, "0", "a rejected application never gets a task");
    const withdrawnList = await applications(client, clusterId, { CensorStatus: WITHDRAW });
    assert.deepEqual(applicationIds(withdrawnList), [quotaId], "CensorStatus -1 lists the withdrawn one");
    assert.equal(withdrawnList[0].ApplicationType, STORAGE_SCALING);
    for (const decided of [rejectedList[0], withdrawnList[0]]) {
        assert.ok(decided.UpdateTime > decided.CreatedTime, `UpdateTime after CreatedTime: ${shown(decided)}`);
        assert.equal(decided.CanCensor, false, `processed: ${shown(decided)}`);
    }
    assert.equal((await applications(client, clusterId)).length, 3, "all three without a filter");
    for (const [applyType, id] of [
        [ADD_TABLE, createId],
        [CLEAR_TABLE, clearId],
        [STORAGE_SCALING, quotaId],
    ]) {
        const byType = await applications(client, clusterId, { ApplyType: applyType });
        assert.deepEqual(applicationIds(byType), [id], `the ApplyType ${applyType} filter`);
    }
    assert.equal(
        (await describeTables(client, clusterId))[0].ReservedVolume,
        1,
        "the withdrawn quota change was not carried out",
    );

    // Processed once, never again: a per-item error, nothing changed.
    const again = await decide(client, clusterId, clearId, CLEAR_TABLE, APPROVE);
    assert.equal(again.TotalCount, 0, `nothing changed: ${shown(again)}`);
    assert.deepEqual(
        { Code: again.ApplyResults[0].Error?.Code, Message: again.ApplyResults[0].Error?.Message },
        { Code: "OperationDenied", Message: "Application has been processed." },
        `the per-item Error: ${shown(again)}`,
    );
    assert.deepEqual(applicationIds(await applications(client, clusterId, { CensorStatus: REJECT })), [clearId]);
});

test("approval: an application about an existing table shows its TableInstanceId", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const clusterId = await createCluster(client, "approvals_instance");
    await createGroup(client, clusterId, "1");
    const idl = await uploadTables(client, clusterId, "1");
    const [{ TableInstanceId: instanceId }] = await createTables(client, clusterId, idl, [["1", "tb_example"]]);
    await client.ModifyCensorship({ ClusterId: clusterId, Censorship: 1, Uins: ["100001"] });

    // The table named by group and name, as the console and Terraform name it.
    const table = { TableGroupId: "1", TableName: "tb_example" };
    filedApplication(await client.ClearTables({ ClusterId: clusterId, SelectedTables: [table] }), clusterId, "clear");
    filedApplication(
        await client.ModifyTableQuotas({ ClusterId: clusterId, TableQuotas: [{ ...table, ReservedVolume: 2 }] }),
        clusterId,
        "quotas",
    );
    const backup = await client.CreateBackup({ ClusterId: clusterId, SelectedTables: [table] });
    assert.equal(backup.ApplicationIds?.length, 1, `CreateBackup under approval files one: ${shown(backup)}`);
    assert.deepEqual(backup.TaskIds, [], `and starts no task: ${shown(backup)}`);

    const pending = await applications(client, clusterId, { CensorStatus: 0 });
    assert.deepEqual(
        Object.fromEntries(pending.map((application) => [application.ApplicationType, application.TableInstanceId])),
        { [CLEAR_TABLE]: instanceId, [STORAGE_SCALING]: instanceId, [BACKUP]: instanceId },
        `ApplicationType -> TableInstanceId of the applications about ${instanceId}: ${shown(pending)}`,
    );
});

// ---------------------------------------------------------------------------------------------
// Backups

async function backupRecords(client, clusterId, groupId, tableName) {
    const response = await client.DescribeBackupRecords({
        ClusterId: clusterId,
        TableGroupId: groupId,
        TableName: tableName,
    });
    assert.equal(response.TotalCount, response.BackupRecords?.length, `one page: ${shown(response)}`);
    return response.BackupRecords;
}

const recordTables = (records) => records.map((record) => [record.ZoneId, record.TableName]).sort();

async function setExpireRules(client, clusterId, rules) {
    const response = await client.SetBackupExpireRule({ ClusterId: clusterId, BackupExpireRules: rules });
    assert.ok(typeof response.TaskId === "string" && response.TaskId !== "", `a TaskId: ${shown(response)}`);
    return response;
}

test("backups: created, listed at three levels, expired by a table rule, deleted; expiry days shown", async (t) => {
    const server = await startConfiguredServer(t, TIMED_NEEDS, { set: TIMED_SETTINGS });
    if (!server) return;
    const client = makeClient(server);
    const clusterId = await createCluster(client, "backups_cluster");
    await createGroup(client, clusterId, "1");
    await createGroup(client, clusterId, "2");
    const idl = await uploadTables(client, clusterId, "1");
    const tables = [
        ["1", "tb_example"],
        ["2", "tb_example"],
    ];
    const created = await createTables(client, clusterId, idl, tables);
    await advanceClock(server, `${TASK_SECONDS}s`);
    for (const { TaskId } of created) assert.equal((await describeTask(client, clusterId, TaskId)).Progress, 100);

    const backup = await client.CreateBackup({
        ClusterId: clusterId,
        Remark: "before change",
        SelectedTables: tables.map(([TableGroupId, TableName]) => ({ TableGroupId, TableName })),
    });
    assert.equal(backup.TaskIds?.length, 2, `a task per table: ${shown(backup)}`);
    assert.deepEqual(backup.ApplicationIds, [], "no applications without approval");
    assert.deepEqual(await backupRecords(client, clusterId, "-1", "-1"), [], "not listed while their tasks run");
    await followTasks(server, client, clusterId, backup.TaskIds, "CreateBackup");

    const all = await backupRecords(client, clusterId, "-1", "-1");
    assert.deepEqual(recordTables(all), [[1, "tb_example"], [2, "tb_example"]], `cluster level: ${shown(all)}`);
    const ofGroup = await backupRecords(client, clusterId, "2", "-1");
    assert.deepEqual(recordTables(ofGroup), [[2, "tb_example"]], `group level: ${shown(ofGroup)}`);
    const ofTable = await backupRecords(client, clusterId, "1", "tb_example");
    assert.deepEqual(recordTables(ofTable), [[1, "tb_example"]], `table level: ${shown(ofTable)}`);
    const [record] = ofTable;
    assert.equal(record.FileTag, "OSDATA", `a manual backup: ${shown(record)}`);
    assert.match(record.BackupBatchTime, DATETIME);
    assert.match(record.BackupExpireTime, DATETIME);
    const keptMs = Date.parse(`${record.BackupExpireTime}Z`) - Date.parse(`${record.BackupBatchTime}Z`);
    assert.equal(keptMs, 7 * 24 * 3600_000, `kept 7 days without a rule: ${shown(record)}`);

    // A table rule of a day: that record expires a day after its batch, the other one stays.
    await setExpireRules(client, clusterId, [
        { TableGroupId: "1", TableName: "tb_example", FileTag: 0, ExpireDay: 1, OperType: 0 },
    ]);
    const expiry = Object.fromEntries(
        (await describeTables(client, clusterId)).map((table) => [table.TableGroupId, table.TxhBackupExpireDay]),
    );
    assert.deepEqual(expiry, { 1: 1, 2: 7 }, "TxhBackupExpireDay of each table");
    await advanceClock(server, "1d");
    const left = await backupRecords(client, clusterId, "-1", "-1");
    assert.deepEqual(recordTables(left), [[2, "tb_example"]], `a day later: ${shown(left)}`);
    assert.deepEqual(await backupRecords(client, clusterId, "1", "tb_example"), [], "gone at table level too");

    // The listed record, passed back as it is, is deleted.
    const deleted = await client.DeleteBackupRecords({ ClusterId: clusterId, BackupRecords: left });
    assert.ok(typeof deleted.TaskId === "string" && deleted.TaskId !== "", `a TaskId: ${shown(deleted)}`);
    assert.deepEqual(await backupRecords(client, clusterId, "-1", "-1"), [], "nothing left");
    await expectApiError(client.DeleteBackupRecords({ ClusterId: clusterId, BackupRecords: left }), "ResourceNotFound");

    // The cluster's rules, of full backups and of logs, show in DescribeClusters.
    await setExpireRules(client, clusterId, [
        { TableGroupId: "-1", TableName: "-1", FileTag: 0, ExpireDay: 30, OperType: 0 },
        { TableGroupId: "-1", TableName: "-1", FileTag: 1, ExpireDay: 3, OperType: 0 },
    ]);
    const cluster = await describeCluster(client, clusterId);
    assert.deepEqual(
        { TxhBackupExpireDay: cluster.TxhBackupExpireDay, UlogBackupExpireDay: cluster.UlogBackupExpireDay },
        { TxhBackupExpireDay: 30, UlogBackupExpireDay: 3 },
        `the cluster's expiry days: ${shown(cluster)}`,
    );
    await expectApiError(
        setExpireRules(client, clusterId, [
            { TableGroupId: "1", TableName: "-1", FileTag: 1, ExpireDay: 3, OperType: 0 },
        ]),
        "InvalidParameterValue",
    );
});

// ---------------------------------------------------------------------------------------------
// The REST proxy

async function restProxyStatus(client, clusterId) {
    const cluster = await describeCluster(client, clusterId);
    assert.equal(typeof cluster.RestProxyStatus, "number", `RestProxyStatus: ${shown(cluster)}`);
    return cluster.RestProxyStatus;
}

test("REST proxy: off, enabling, on, disabling, off again, on the clock", async (t) => {
    const server = await startConfiguredServer(t, TIMED_NEEDS, { set: TIMED_SETTINGS });
    if (!server) return;
    const client = makeClient(server);
    const clusterId = await createCluster(client, "rest_proxy_cluster");

    assert.equal(await restProxyStatus(client, clusterId), 0, "off at first");
    await expectApiError(client.DisableRestProxy({ ClusterId: clusterId }), "FailedOperation");

    const enabled = await client.EnableRestProxy({ ClusterId: clusterId });
    assert.equal(enabled.RestProxyStatus, 1, `enabling: ${shown(enabled)}`);
    assert.ok(typeof enabled.TaskId === "string" && enabled.TaskId.startsWith(`${clusterId}-`), shown(enabled));
    assert.equal(await restProxyStatus(client, clusterId), 1, "enabling while its task runs");
    await expectApiError(client.EnableRestProxy({ ClusterId: clusterId }), "FailedOperation");
    await advanceClock(server, `${TASK_SECONDS + 1}s`);
    assert.equal(await restProxyStatus(client, clusterId), 2, "on once the task is done");
    await expectApiError(client.EnableRestProxy({ ClusterId: clusterId }), "FailedOperation");

    const disabled = await client.DisableRestProxy({ ClusterId: clusterId });
    assert.equal(disabled.RestProxyStatus, 3, `disabling: ${shown(disabled)}`);
    assert.ok(typeof disabled.TaskId === "string" && disabled.TaskId !== "", shown(disabled));
    assert.equal(await restProxyStatus(client, clusterId), 3, "disabling while its task runs");
    await advanceClock(server, `${TASK_SECONDS + 1}s`);
    assert.equal(await restProxyStatus(client, clusterId), 0, "off once the task is done");
});

// ---------------------------------------------------------------------------------------------
// Indexes, data flows, merges

function withFields(groupId, tableName, fieldNames, extra = {}) {
    return {
        TableGroupId: groupId,
        TableName: tableName,
        SelectedFields: fieldNames.map((FieldName) => ({ FieldName, IsPrimaryKey: "No" })),
        ...extra,
    };
}

function onlyResult(response, what) {
    assert.equal(response.TableResults?.length, 1, `${what}: one result: ${shown(response)}`);
    return response.TableResults[0];
}

test("SetTableIndex, SetTableDataFlow and MergeTablesData (IsOnlyCompare) answer per table", async (t) => {
    const server = await startServer();
    t.after(() => server.stop());
    const client = makeClient(server);
    const clusterId = await createCluster(client, "index_flow_merge");
    await createGroup(client, clusterId, "1");
    await createGroup(client, clusterId, "2");
    const idl = await uploadTables(client, clusterId, "1");
    const created = await createTables(client, clusterId, idl, [
        ["1", "tb_example"],
        ["2", "tb_example"],
        ["2", "tb_other"],
    ]);
    const instanceOf = (groupId, name) =>
        created.find((result) => result.TableGroupId === groupId && result.TableName === name)?.TableInstanceId;
    const tableInfo = async (groupId, name) =>
        (await describeTables(client, clusterId)).find((t) => t.TableGroupId === groupId && t.TableName === name);

    // A global index on two fields of the table, in 4 shards.
    const indexed = onlyResult(
        await client.SetTableIndex({
            ClusterId: clusterId,
            SelectedTables: [withFields("1", "tb_example", ["uin", "gamesvrid"], { ShardNum: 4 })],
        }),
        "SetTableIndex",
    );
    assert.ok(isNullOrAbsent(indexed.Error), `SetTableIndex without an error: ${shown(indexed)}`);
    const table = await tableInfo("1", "tb_example");
    assert.equal(table.ShardNum, 4, `ShardNum: ${shown(table)}`);
    assert.ok(table.IndexStruct.includes('"GlobalIndex"'), `IndexStruct: ${table.IndexStruct}`);
    const unknownField = onlyResult(
        await client.SetTableIndex({
            ClusterId: clusterId,
            SelectedTables: [withFields("1", "tb_example", ["nothing"])],
        }),
        "SetTableIndex of an unknown field",
    );
    assert.equal(unknownField.Error?.Code, "InvalidParameterValue", shown(unknownField));

    // A data flow to a Kafka topic.
    const kafka = { Address: "10.0.0.1:9092", Topic: "changes" };
    const flowing = onlyResult(
        await client.SetTableDataFlow({
            ClusterId: clusterId,
            SelectedTables: [withFields("1", "tb_example", ["uin", "logintime"], { KafkaInfo: kafka })],
        }),
        "SetTableDataFlow",
    );
    assert.ok(isNullOrAbsent(flowing.Error), `SetTableDataFlow without an error: ${shown(flowing)}`);
    const cluster = await describeCluster(client, clusterId);
    assert.equal(cluster.DataFlowStatus, 1, `DataFlowStatus: ${shown(cluster)}`);
    assert.equal(cluster.KafkaInfo?.Topic, "changes", `KafkaInfo: ${shown(cluster.KafkaInfo)}`);
    const noKafka = onlyResult(
        await client.SetTableDataFlow({
            ClusterId: clusterId,
            SelectedTables: [withFields("2", "tb_example", ["uin"])],
        }),
        "SetTableDataFlow without KafkaInfo",
    );
    assert.equal(noKafka.Error?.Code, "MissingParameter", shown(noKafka));

    // Compared only: the same schema compares, a different one does not; nothing is merged.
    const compare = (dstGroup, dstTable) =>
        client.MergeTablesData({
            IsOnlyCompare: true,
            SelectedTables: [
                {
                    CheckIndex: false,
                    MergeTables: {
                        SrcTableClusterId: clusterId,
                        SrcTableGroupId: "1",
                        SrcTableName: "tb_example",
                        DstTableClusterId: clusterId,
                        DstTableGroupId: dstGroup,
                        DstTableName: dstTable,
                    },
                },
            ],
        });
    const sizeBefore = (await tableInfo("2", "tb_example")).TableSize;
    const same = await compare("2", "tb_example");
    assert.equal(same.Results?.length, 1, shown(same));
    const [compared] = same.Results;
    assert.ok(isNullOrAbsent(compared.Error), `the same schema compares: ${shown(compared)}`);
    assert.ok(isNullOrAbsent(compared.TaskId), `nothing merged, no task: ${shown(compared)}`);
    assert.equal(compared.Table?.SrcTableInstanceId, instanceOf("1", "tb_example"), shown(compared));
    assert.equal(compared.Table?.DstTableInstanceId, instanceOf("2", "tb_example"), shown(compared));
    const different = await compare("2", "tb_other");
    assert.equal(different.Results?.[0]?.Error?.Code, "FailedOperation", shown(different));
    assert.equal((await tableInfo("2", "tb_example")).TableSize, sizeBefore, "a compare merges nothing");
});
