import type { AuditRecorder } from '../core/audit/audit-log';
import { listAudit } from '../core/audit/audit-log';
import type { CoreContext } from '../core/context';
import { getDashboardFigures } from '../core/dashboard/figures';
import { getSettings, updateSettings } from '../core/settings/settings';
import { getStatus } from '../core/status/status';
import type { OperationName, OutputOf, ParsedInputOf } from './contract';

type Handler<K extends OperationName> = (
  ctx: CoreContext,
  input: ParsedInputOf<K>,
  audit: AuditRecorder,
) => OutputOf<K>;

/** Which core function serves which operation. Nothing else happens here: no SQL, no validation. */
export const handlers: { readonly [K in OperationName]: Handler<K> } = {
  getStatus: (ctx) => getStatus(ctx),
  getDashboard: (ctx) => getDashboardFigures(ctx),
  getSettings: (ctx) => getSettings(ctx),
  updateSettings: (ctx, input, audit) => updateSettings(ctx, input, audit),
  listAudit: (ctx, input) => listAudit(ctx, input),
};
