/** Default task queue. The real name comes from config (TEMPORAL_TASK_QUEUE); tests use a unique one per file. */
export const DEFAULT_TASK_QUEUE = 'cchc-main';
