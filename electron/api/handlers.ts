import { getAdvisory, listMatchSuggestions } from '../core/advisories/advisory-detail';
import { listAdvisories } from '../core/advisories/advisory-list';
import { listAffected } from '../core/advisories/affected';
import { confirmMatch, rejectModel, setPatchStatus } from '../core/advisories/decisions';
import { importAdvisory, type PreparedAdvisory, prepareAdvisory } from '../core/advisories/import-advisory';
import {
  type PreparedManualAdvisory,
  prepareManualAdvisory,
  saveManualAdvisory,
} from '../core/advisories/manual-advisory';
import { deleteMatchRule, deleteModelAlias, saveModelAlias } from '../core/advisories/model-table';
import { getProductCatalog } from '../core/advisories/product-catalog';
import type { AuditRecorder } from '../core/audit/audit-log';
import { listAudit } from '../core/audit/audit-log';
import type { CoreContext } from '../core/context';
import { getDashboardFigures } from '../core/dashboard/figures';
import { backupListOf, exportDatabase } from '../core/db/export';
import { bulkUpdateDevices } from '../core/devices/bulk-update';
import { deviceFacets, listDevices } from '../core/devices/device-query';
import { getDevice, updateDevice } from '../core/devices/device-repository';
import { setDeviceState } from '../core/devices/device-state';
import {
  deleteMappingTemplate,
  listImportBatches,
  listMappingTemplates,
  rejectedRowsOfBatch,
  renameMappingTemplate,
  saveMappingTemplate,
} from '../core/devices/import/batches';
import { commitImport, prepareImport, previewImport } from '../core/devices/import/service';
import { undoImport } from '../core/devices/import/undo';
import { deleteVendorAlias, saveVendorAlias } from '../core/devices/vendor-aliases';
import { AppError } from '../core/errors';
import type { JobRegistry } from '../core/jobs/job-registry';
import { exportIcs } from '../core/planning/ics';
import { applyPlan, previewPlan } from '../core/planning/plan-service';
import { getSiteModel, saveSiteModel } from '../core/planning/site-model';
import { completeTask, deleteWindow, listWindows, saveWindow, unlockWindow } from '../core/planning/windows';
import { exportReport, previewReport } from '../core/reports/service';
import { getSettings, updateSettings } from '../core/settings/settings';
import { getStatus } from '../core/status/status';
import type { OperationName, OutputOf, ParsedInputOf } from './contract';

/** A read, or a write that runs inside the router's transaction with an audit recorder. */
type Direct<K extends OperationName> = (
  ctx: CoreContext,
  input: ParsedInputOf<K>,
  audit: AuditRecorder,
) => OutputOf<K> | Promise<OutputOf<K>>;

/**
 * A write with slow asynchronous preparation (reading a workbook): `prepare` runs first, outside any transaction
 * and without writing; `apply` then runs synchronously inside the router's transaction.
 */
interface TwoPhase<K extends OperationName, P> {
  prepare(ctx: CoreContext, input: ParsedInputOf<K>): Promise<P>;
  apply(ctx: CoreContext, prepared: P, audit: AuditRecorder): OutputOf<K>;
}

export type Handler<K extends OperationName> = Direct<K> | TwoPhase<K, unknown>;

const twoPhase = <K extends OperationName, P>(handler: TwoPhase<K, P>) => handler as TwoPhase<K, unknown>;

/** Which core function serves which operation. Nothing else happens here: no SQL, no validation. */
export const handlers: { readonly [K in OperationName]: Handler<K> } = {
  getStatus: (ctx) => getStatus(ctx),
  getDashboard: (ctx) => getDashboardFigures(ctx),
  getSettings: (ctx) => getSettings(ctx),
  updateSettings: (ctx, input, audit) => updateSettings(ctx, input, audit),
  listAudit: (ctx, input) => listAudit(ctx, input),
  listBackups: (ctx) => backupListOf(ctx.databasePath, ctx.backupsDir),
  restoreBackup: () => {
    // It closes and reopens the session itself, so the router runs it (api/recovery.ts), never this table.
    throw new AppError('INTERNAL', 'restoreBackup runs through the router.');
  },
  exportDatabase: (ctx) => exportDatabase(ctx),

  previewDeviceImport: async (ctx, input) => previewImport(ctx, await prepareImport(ctx, input)),
  importDevices: twoPhase<
    'importDevices',
    { prepared: Awaited<ReturnType<typeof prepareImport>>; dryRun: boolean }
  >({
    prepare: async (ctx, input) => ({ prepared: await prepareImport(ctx, input), dryRun: input.dryRun }),
    apply: (ctx, { prepared, dryRun }, audit) => commitImport(ctx, prepared, audit, dryRun),
  }),
  undoImport: (ctx, input, audit) => undoImport(ctx, input.batchId, audit),
  listImportBatches: (ctx) => listImportBatches(ctx),
  getRejectedRows: (ctx, input) => rejectedRowsOfBatch(ctx, input.batchId),
  listMappingTemplates: (ctx) => listMappingTemplates(ctx),
  saveMappingTemplate: (ctx, input, audit) =>
    saveMappingTemplate(ctx, input.name, input.mapping, audit, input.replace),
  renameMappingTemplate: (ctx, input, audit) => renameMappingTemplate(ctx, input.id, input.name, audit),
  deleteMappingTemplate: (ctx, input, audit) => deleteMappingTemplate(ctx, input.id, audit),

  listDevices: (ctx, input) => listDevices(ctx, input),
  getDeviceFacets: (ctx) => deviceFacets(ctx),
  getDevice: (ctx, input) => getDevice(ctx, input.id),
  updateDevice: (ctx, input, audit) => updateDevice(ctx, input.id, input.changes, audit),
  bulkUpdateDevices: (ctx, input, audit) => bulkUpdateDevices(ctx, input, audit),

  startDevicePreview: (ctx, input) => jobsOf(ctx).start({ kind: 'device-preview', input }),
  startDeviceImport: (ctx, input) => jobsOf(ctx).start({ kind: 'device-import', input }),
  getJob: (ctx, input) => jobsOf(ctx).get(input.jobId),
  cancelJob: (ctx, input) => jobsOf(ctx).cancel(input.jobId),

  importAdvisory: twoPhase<'importAdvisory', PreparedAdvisory>({
    prepare: (_ctx, input) => prepareAdvisory(input),
    apply: (ctx, prepared, audit) => importAdvisory(ctx, prepared, audit),
  }),
  saveManualAdvisory: twoPhase<'saveManualAdvisory', PreparedManualAdvisory>({
    prepare: (_ctx, input) => prepareManualAdvisory(input),
    apply: (ctx, prepared, audit) => saveManualAdvisory(ctx, prepared, audit),
  }),
  listAdvisories: (ctx) => listAdvisories(ctx),
  listAffected: (ctx) => listAffected(ctx),
  confirmMatch: (ctx, input, audit) => confirmMatch(ctx, input.model, input.family, audit),
  setPatchStatus: (ctx, input, audit) => setPatchStatus(ctx, input, audit),
  getAdvisory: (ctx, input) => getAdvisory(ctx, input.id),
  listMatchSuggestions: (ctx) => listMatchSuggestions(ctx),
  rejectModel: (ctx, input, audit) => rejectModel(ctx, input.vendor, input.model, input.reason, audit),
  getProductCatalog: (ctx) => getProductCatalog(ctx),
  saveVendorAlias: (ctx, input, audit) => saveVendorAlias(ctx, input, audit),
  deleteVendorAlias: (ctx, input, audit) => deleteVendorAlias(ctx, input.alias, audit),
  saveModelAlias: (ctx, input, audit) => saveModelAlias(ctx, input, audit),
  deleteModelAlias: (ctx, input, audit) => deleteModelAlias(ctx, input, audit),
  deleteMatchRule: (ctx, input, audit) => deleteMatchRule(ctx, input, audit),

  getSiteModel: (ctx) => getSiteModel(ctx),
  saveSiteModel: (ctx, input, audit) => saveSiteModel(ctx, input.model, audit),
  previewPlan: (ctx, input) => previewPlan(ctx, input),
  applyPlan: (ctx, input, audit) => applyPlan(ctx, input, audit),
  listWindows: (ctx, input) => listWindows(ctx, input),
  saveWindow: (ctx, input, audit) => saveWindow(ctx, input, audit),
  deleteWindow: (ctx, input, audit) => deleteWindow(ctx, input.id, audit),
  unlockWindow: (ctx, input, audit) => unlockWindow(ctx, input.id, audit),
  completeTask: (ctx, input, audit) => completeTask(ctx, input, audit),
  setDeviceState: (ctx, input, audit) => setDeviceState(ctx, input, audit),
  exportIcs: (ctx, input) => exportIcs(ctx, input),
  previewReport: (ctx, input) => previewReport(ctx, input),
  exportReport: (ctx, input) => exportReport(ctx, input),
  savePdf: () => {
    throw new AppError(
      'NOT_FOUND',
      'Saving a PDF directly needs the desktop app; here, use Print and choose "Save as PDF" as the printer.',
    );
  },
  openDemo: () => notHere(),
  leaveDemo: () => notHere(),
  restartDemo: () => notHere(),
};

/** openDemo, leaveDemo and restartDemo: the app's transports switch the database (electron/demo-switch.ts). */
function notHere(): never {
  throw new AppError(
    'NOT_FOUND',
    'Only the app and the web mode switch to the demo hospital; elsewhere, use "isopatch demo --db FILE" and --db FILE.',
  );
}

function jobsOf(ctx: CoreContext): JobRegistry {
  if (!ctx.jobs)
    throw new AppError('NOT_FOUND', 'Background work is not available here; use the direct operation.');
  return ctx.jobs;
}
