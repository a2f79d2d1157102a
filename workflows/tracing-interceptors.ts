/**
 * Not a workflow: the workflow-side tracing interceptors, bundled with the workflows (`workflowInterceptorModules`
 * in apps/worker/src/bundle/build-workflow-bundle.ts) and installed in every workflow.
 *
 * A workflow started with a trace context — the Temporal client's OpenTelemetry interceptor put it in the start
 * headers, because the caller (an HTTP request of the API, an activity of the worker, a parent or the previous run)
 * was traced — gets the OpenTelemetry interceptors of @temporalio/interceptors-opentelemetry: a RunWorkflow span
 * child of the caller's StartWorkflow, StartActivity / StartChildWorkflow / SignalWorkflow / ContinueAsNew spans whose
 * context travels on in the headers, HandleSignal / HandleUpdate / HandleQuery spans, trace ids on the workflow's
 * log lines. The spans leave the sandbox through the worker's `exporter` sink (libs/temporal/src/tracing.ts).
 *
 * Any other workflow — tracing off, or started before it was turned on (every recorded history in
 * test/replay/histories) — runs exactly as without interceptors: each method below hands its input straight to
 * `next`, synchronously, adding no await and no command. The choice is made from the start event's headers, which
 * the history holds, so it is the same on every replay.
 *
 * The OpenTelemetry modules are loaded only for a traced workflow: module scope in a workflow bundle runs again for
 * every workflow the worker starts, and theirs (the semantic-conventions tables above all) was the largest part of
 * an untraced obligation's first workflow task.
 */
import type {
  ActivityInput,
  ContinueAsNewInput,
  DisposeInput,
  GetLogAttributesInput,
  LocalActivityInput,
  Next,
  QueryInput,
  SignalInput,
  SignalWorkflowInput,
  StartChildWorkflowExecutionInput,
  StartNexusOperationInput,
  UpdateInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';

/** The start header carrying the trace context (TRACE_HEADER of the interceptors package; a spec checks they agree). */
export const TRACE_HEADER = '_tracer-data';

interface Otel {
  inbound: OpenTelemetryInboundInterceptor;
  outbound: OpenTelemetryOutboundInterceptor;
  internals: OpenTelemetryInternalsInterceptor;
}

type In<K extends keyof WorkflowInboundCallsInterceptor> = Next<WorkflowInboundCallsInterceptor, K>;
type Out<K extends keyof WorkflowOutboundCallsInterceptor> = Next<WorkflowOutboundCallsInterceptor, K>;

export const interceptors = (): WorkflowInterceptors => {
  /** Set when the workflow's start carried a trace context; the OpenTelemetry tracer is made only then. */
  let otel: Otel | undefined;

  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input: WorkflowExecuteInput, next: In<'execute'>) {
      if (input.headers[TRACE_HEADER] === undefined) return next(input);
      const {
        OpenTelemetryInboundInterceptor,
        OpenTelemetryOutboundInterceptor,
        OpenTelemetryInternalsInterceptor,
      }: typeof import('@temporalio/interceptors-opentelemetry/lib/workflow') = require('@temporalio/interceptors-opentelemetry/lib/workflow');
      otel = {
        inbound: new OpenTelemetryInboundInterceptor(),
        outbound: new OpenTelemetryOutboundInterceptor(),
        internals: new OpenTelemetryInternalsInterceptor(),
      };
      return otel.inbound.execute(input, next);
    },
    handleSignal: (input: SignalInput, next: In<'handleSignal'>) =>
      otel ? otel.inbound.handleSignal(input, next) : next(input),
    handleUpdate: (input: UpdateInput, next: In<'handleUpdate'>) =>
      otel ? otel.inbound.handleUpdate(input, next) : next(input),
    validateUpdate: (input: UpdateInput, next: In<'validateUpdate'>) =>
      otel ? otel.inbound.validateUpdate(input, next) : next(input),
    handleQuery: (input: QueryInput, next: In<'handleQuery'>) =>
      otel ? otel.inbound.handleQuery(input, next) : next(input),
  };

  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input: ActivityInput, next: Out<'scheduleActivity'>) =>
      otel ? otel.outbound.scheduleActivity(input, next) : next(input),
    scheduleLocalActivity: (input: LocalActivityInput, next: Out<'scheduleLocalActivity'>) =>
      otel ? otel.outbound.scheduleLocalActivity(input, next) : next(input),
    startChildWorkflowExecution: (input: StartChildWorkflowExecutionInput, next: Out<'startChildWorkflowExecution'>) =>
      otel ? otel.outbound.startChildWorkflowExecution(input, next) : next(input),
    continueAsNew: (input: ContinueAsNewInput, next: Out<'continueAsNew'>) =>
      otel ? otel.outbound.continueAsNew(input, next) : next(input),
    signalWorkflow: (input: SignalWorkflowInput, next: Out<'signalWorkflow'>) =>
      otel ? otel.outbound.signalWorkflow(input, next) : next(input),
    startNexusOperation: (input: StartNexusOperationInput, next: Out<'startNexusOperation'>) =>
      otel ? otel.outbound.startNexusOperation(input, next) : next(input),
    getLogAttributes: (input: GetLogAttributesInput, next: Out<'getLogAttributes'>) =>
      otel ? otel.outbound.getLogAttributes(input, next) : next(input),
  };

  const internals: WorkflowInternalsInterceptor = {
    dispose(input: DisposeInput, next: Next<WorkflowInternalsInterceptor, 'dispose'>) {
      if (otel) void otel.internals.dispose(input, next);
      else next(input);
    },
  };

  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
