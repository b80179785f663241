// The views that later features fill; each already says what it will hold and what to do first.

export { ReportsView } from './reports/ReportsView';
export { ScheduleView } from './schedule/ScheduleView';
