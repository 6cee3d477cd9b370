export { evaluateAllAlerts, evaluateProjectAlerts, type PassReport } from './engine.js';
export { onAlertCreated, type AlertEvent } from './events.js';
export { AlertScheduler, defaultAlertSchedulerOptions, type AlertSchedulerOptions } from './scheduler.js';
export { alertRoutes } from './routes.js';
export { deliverDueWebhooks } from './webhooks/queue.js';
