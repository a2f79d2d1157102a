/**
 * The replay guard: histories of the long-running workflows (obligation, cascade, follow-up), recorded from the
 * e2e tests (`npm run record-histories`), are replayed against the current workflow bundle. A change to workflow
 * code that would alter the commands an already-running workflow emits (without `patched()`) fails here.
 */
import { Worker } from '@temporalio/worker';
import { Tracing } from '../../libs/temporal/src';
import { loadHistories, REPLAYED_WORKFLOW_TYPES } from '../support/histories';
import { testEnv } from '../support/test-env';

describe('workflow replay guard', () => {
  const histories = loadHistories();

  it('has a recorded history for each long-running workflow type', () => {
    expect(histories.map((h) => h.file).sort()).toEqual(REPLAYED_WORKFLOW_TYPES.map((t) => `${t}.bin`).sort());
    for (const h of histories) expect(h.history.events?.length).toBeGreaterThan(10);
  });

  it('replays every recorded history deterministically with the current code', async () => {
    const results: Array<{ workflowId: string; error?: unknown }> = [];
    for await (const r of Worker.runReplayHistories(
      // The bundle carries the tracing interceptors (workflows/tracing-interceptors.ts); the worker's sinks as well.
      { workflowBundle: { codePath: testEnv().workflowBundlePath }, sinks: Tracing.off().workerOptions().sinks },
      histories.map((h) => ({ workflowId: h.workflowId, history: h.history })),
    )) {
      results.push({ workflowId: r.workflowId, error: r.error });
    }
    expect(results).toHaveLength(histories.length);
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String(r.error)}`)).toEqual([]);
  });
});
