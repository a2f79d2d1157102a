// Entry point of the workflow bundle. Workflow code imports only @temporalio/workflow,
// @cchc/domain (pure functions) and @cchc/contracts (types and names).
export * from './system.workflow';
export * from './obligation.workflow';
export * from './plan-cascade.workflow';
export * from './plan-follow-up.workflow';
export * from './remind-now.workflow';
