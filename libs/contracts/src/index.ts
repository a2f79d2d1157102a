// Shared between api, worker and workflow code: names, IDs, types and Temporal message definitions only.
export * from './task-queues';
export * from './system';
export * from './obligations';
export * from './remind-now';
export * from './activities';
export * from './workflow-ids';
