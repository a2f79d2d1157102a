// Shared between api, worker and workflow code: names, IDs and types only (no runtime dependencies).
export * from './task-queues';
export * from './system';
