import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Client as PgClient } from 'pg';

/** The long-running workflows whose histories guard against non-deterministic changes (see test/replay). */
export const REPLAYED_WORKFLOW_TYPES = ['obligationWorkflow', 'planCascadeWorkflow', 'planFollowUpWorkflow'] as const;

export const HISTORIES_DIR = join(__dirname, '..', 'replay', 'histories');

/**
 * Records, for each replayed workflow type, the longest history of a test run (most events: most branches taken)
 * into test/replay/histories/<type>.bin. Called by the e2e stack's teardown when CCHC_RECORD_HISTORIES is set
 * (`npm run record-histories`).
 */
export async function recordHistories(client: Client, databaseUrl: string, dir = HISTORIES_DIR): Promise<void> {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  let ids: string[];
  try {
    const { rows } = await pg.query<{ id: string }>(
      `SELECT workflow_id AS id FROM obligations
       UNION SELECT 'plan-cascade/' || id FROM plans
       UNION SELECT 'plan-follow-up/' || id FROM plans`,
    );
    ids = rows.map((r) => r.id);
  } finally {
    await pg.end();
  }
  const longest = new Map<string, { workflowId: string; history: temporal.api.history.v1.IHistory }>();
  for (const workflowId of ids) {
    const handle = client.workflow.getHandle(workflowId);
    let type: string;
    try {
      type = (await handle.describe()).type;
    } catch (e) {
      if ((e as Error).name === 'WorkflowNotFoundError') continue; // never started (e.g. a plan without children)
      throw e;
    }
    const history = await handle.fetchHistory();
    const current = longest.get(type);
    if (!current || (history.events?.length ?? 0) > (current.history.events?.length ?? 0))
      longest.set(type, { workflowId, history });
  }
  mkdirSync(dir, { recursive: true });
  for (const [type, { workflowId, history }] of longest) {
    if (!(REPLAYED_WORKFLOW_TYPES as readonly string[]).includes(type)) continue;
    const file = join(dir, `${type}.bin`);
    // Keep the longer of the recorded and the new history (several test files record into one folder).
    if (existsSync(file) && (readHistory(file).history.events?.length ?? 0) >= (history.events?.length ?? 0)) continue;
    // Protobuf binary (the SDK's JSON helpers need its own protobufjs copy); the workflow id rides in front.
    const bytes = temporal.api.history.v1.History.encode(history).finish();
    writeFileSync(file, Buffer.concat([Buffer.from(`${workflowId}\n`), bytes]));
  }
}

/** The recorded histories, ready for Worker.runReplayHistories. */
export function loadHistories(dir = HISTORIES_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => ({ file: f, ...readHistory(join(dir, f)) }));
}

function readHistory(file: string) {
  const buf = readFileSync(file);
  const nl = buf.indexOf(10);
  return {
    workflowId: buf.subarray(0, nl).toString('utf8'),
    history: temporal.api.history.v1.History.decode(buf.subarray(nl + 1)),
  };
}
