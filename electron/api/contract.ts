import { z } from 'zod';
import type { OperationName } from './operations';
import {
  advisoryDetail,
  advisoryId,
  advisoryImportResult,
  advisorySummary,
  affectedDevice,
  confirmMatchInput,
  confirmMatchResult,
  importAdvisoryInput,
  manualAdvisoryInput,
  manualAdvisoryResult,
  matchSuggestion,
  patchAvailability,
  rejectModelInput,
  setPatchStatusInput,
} from './schemas/advisories';
import { auditEntry, listAuditInput } from './schemas/audit';
import { noInput } from './schemas/common';
import { dashboard } from './schemas/dashboard';
import { backupList, databaseExport, restoreBackupInput, restoreResult } from './schemas/database-files';
import { databaseSwitch } from './schemas/demo';
import {
  deletedMappingTemplate,
  deleteMappingTemplateInput,
  importBatch,
  importDevicesInput,
  importFile,
  importPreview,
  importResult,
  mappingTemplate,
  rejectedRowsFile,
  renameMappingTemplateInput,
  saveMappingTemplateInput,
  undoImportInput,
  undoImportResult,
} from './schemas/device-import';
import {
  bulkUpdateDevicesInput,
  bulkUpdateResult,
  deviceDetail,
  deviceFacets,
  deviceId,
  devicePage,
  listDevicesInput,
  updateDeviceInput,
} from './schemas/devices';
import { jobId, jobStatus, startedJob } from './schemas/jobs';
import {
  completeTaskInput,
  exportIcsInput,
  icsFile,
  listWindowsInput,
  plan,
  planInput,
  plannedWindow,
  saveWindowInput,
  setDeviceStateInput,
  stateChange,
  windowId,
  windowList,
} from './schemas/planning';
import {
  catalogChange,
  deleteMatchRuleInput,
  deleteVendorAliasInput,
  modelAliasInput,
  productCatalog,
  vendorAliasInput,
} from './schemas/product-catalog';
import {
  exportReportInput,
  reportFile,
  reportInput,
  reportPreview,
  savedPdf,
  savePdfInput,
} from './schemas/reports';
import { settings, updateSettingsInput } from './schemas/settings';
import { saveSiteModelInput, siteModel, siteModelResult } from './schemas/site-model';
import { databaseStatus } from './schemas/status';

/** Parts of the data a write can change; the renderer's stores refresh the parts named in a result. */
export type Domain = 'settings' | 'devices' | 'advisories' | 'planning' | 'audit';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DATABASE_REFUSED'
  | 'UNKNOWN_OPERATION'
  | 'FORBIDDEN'
  | 'CANCELLED'
  /** The disk is full or the file hit a size limit; the write rolled back. */
  | 'DISK_FULL'
  | 'INTERNAL';

interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'read' | 'write' | 'job';
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  readonly changes: readonly Domain[];
}

const read = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) =>
  ({ kind: 'read', summary, input, output, changes: [] }) satisfies OperationSpec<I, O>;

/** Writes run in one transaction and are audited; `changes` names what the renderer must reload. */
const write = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  changes: readonly Domain[],
) =>
  ({ kind: 'write', summary, input, output, changes: [...changes, 'audit'] }) satisfies OperationSpec<I, O>;

/** Starts work in a worker thread, which writes (and audits) in its own transaction; getJob tells how it ends. */
const job = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) =>
  ({ kind: 'job', summary, input, output, changes: [] }) satisfies OperationSpec<I, O>;

/** Every operation Isopatch offers, declared once. All three transports reach these and only these. */
export const contract = {
  getStatus: read('Database file, schema version and rows per table', noInput, databaseStatus),
  getDashboard: read('Figures, burn-down, next windows and alerts for the dashboard', noInput, dashboard),
  getSettings: read('Organization name and the site time zone', noInput, settings),
  updateSettings: write(
    'Change the organization name and the site time zone',
    updateSettingsInput,
    settings,
    ['settings'],
  ),
  listAudit: read('Newest entries of the audit log', listAuditInput, z.array(auditEntry)),
  // listBackups and restoreBackup also answer while the database is refused (api/recovery.ts).
  listBackups: read('Backups of the database with their times, newest first', noInput, backupList),
  restoreBackup: write(
    'Put a backup in place of the database; the replaced file is kept aside, never deleted',
    restoreBackupInput,
    restoreResult,
    ['settings', 'devices', 'advisories', 'planning'],
  ),
  exportDatabase: read(
    'A consistent copy of the whole database, made while it is in use',
    noInput,
    databaseExport,
  ),

  previewDeviceImport: read(
    'Read an inventory file and show what importing it would do',
    importFile,
    importPreview,
  ),
  importDevices: write(
    'Import an inventory file (or rehearse it with dryRun)',
    importDevicesInput,
    importResult,
    ['devices'],
  ),
  undoImport: write(
    'Restore the devices of an import batch to their state before it',
    undoImportInput,
    undoImportResult,
    ['devices'],
  ),
  listImportBatches: read('Device imports, newest first', noInput, z.array(importBatch)),
  getRejectedRows: read(
    'The rows an import batch rejected, as the CSV to fix and import again',
    undoImportInput,
    rejectedRowsFile,
  ),
  listMappingTemplates: read('Saved column mappings', noInput, z.array(mappingTemplate)),
  saveMappingTemplate: write(
    'Save a column mapping under a name',
    saveMappingTemplateInput,
    mappingTemplate,
    [],
  ),
  renameMappingTemplate: write(
    'Give a saved column mapping another name',
    renameMappingTemplateInput,
    mappingTemplate,
    [],
  ),
  deleteMappingTemplate: write(
    'Delete a saved column mapping',
    deleteMappingTemplateInput,
    deletedMappingTemplate,
    [],
  ),

  listDevices: read('One page of the device register, filtered and sorted', listDevicesInput, devicePage),
  getDeviceFacets: read('The values the device register can be filtered by', noInput, deviceFacets),
  getDevice: read('One device with its extra attributes, import batches and history', deviceId, deviceDetail),
  updateDevice: write('Edit one device', updateDeviceInput, deviceDetail, ['devices']),
  bulkUpdateDevices: write(
    'Set the department or state of many devices',
    bulkUpdateDevicesInput,
    bulkUpdateResult,
    ['devices'],
  ),

  startDevicePreview: job('Preview an inventory file in the background', importFile, startedJob),
  startDeviceImport: job(
    'Import an inventory file in the background, with progress',
    importDevicesInput,
    startedJob,
  ),
  getJob: read('How far a background job is, and its result', jobId, jobStatus),
  cancelJob: read('Stop a background job; its changes roll back', jobId, jobStatus),

  importAdvisory: write(
    'Import a CSAF 2.0 advisory (or a newer version of one)',
    importAdvisoryInput,
    advisoryImportResult,
    ['advisories'],
  ),
  saveManualAdvisory: write(
    'Save an advisory typed in from a vendor letter or bulletin (saving it again makes a new version)',
    manualAdvisoryInput,
    manualAdvisoryResult,
    ['advisories', 'devices'],
  ),
  listAdvisories: read(
    'Advisories with their highest CVSS and review items',
    noInput,
    z.array(advisorySummary),
  ),
  listAffected: read(
    'Devices advisories affect, with reasons, patch state and priority',
    noInput,
    z.array(affectedDevice),
  ),
  confirmMatch: write(
    'Confirm that a model belongs to a product family (a rule)',
    confirmMatchInput,
    confirmMatchResult,
    ['advisories', 'devices'],
  ),
  setPatchStatus: write(
    'Set the patch availability of an advisory for a product family',
    setPatchStatusInput,
    patchAvailability,
    ['advisories'],
  ),
  getAdvisory: read(
    'One advisory with CVEs, products, remediation, matches and patches',
    advisoryId,
    advisoryDetail,
  ),
  listMatchSuggestions: read(
    'Suggested matches grouped by model, for a person to confirm',
    noInput,
    z.array(matchSuggestion),
  ),
  rejectModel: write(
    'Decide a vendor model is not affected (a rule, with the reason)',
    rejectModelInput,
    confirmMatchResult,
    ['advisories', 'devices'],
  ),
  getProductCatalog: read(
    'Vendor aliases, the model-to-family table and the model decisions people made',
    noInput,
    productCatalog,
  ),
  saveVendorAlias: write(
    'Add a spelling of a vendor; devices written that way follow',
    vendorAliasInput,
    catalogChange,
    ['advisories', 'devices'],
  ),
  deleteVendorAlias: write(
    'Remove a spelling of a vendor (a bundled one too)',
    deleteVendorAliasInput,
    catalogChange,
    ['advisories', 'devices'],
  ),
  saveModelAlias: write(
    'Add a model to a product family of the model-to-family table',
    modelAliasInput,
    catalogChange,
    ['advisories', 'devices'],
  ),
  deleteModelAlias: write(
    'Remove a model from a product family (a bundled one too)',
    modelAliasInput,
    catalogChange,
    ['advisories', 'devices'],
  ),
  deleteMatchRule: write("Undo a person's decision about a model", deleteMatchRuleInput, catalogChange, [
    'advisories',
    'devices',
  ]),

  getSiteModel: read(
    'Sites, departments, maintenance slots, blackouts, teams, durations and policies',
    noInput,
    siteModel,
  ),
  saveSiteModel: write(
    'Replace the site model (Settings > Planning, or a site JSON file)',
    saveSiteModelInput,
    siteModelResult,
    ['settings', 'planning'],
  ),
  previewPlan: read(
    'What the auto-planner would plan, move and breach, without changing anything',
    planInput,
    plan,
  ),
  applyPlan: write('Plan every affected device and save the plan', planInput, plan, ['planning', 'devices']),
  listWindows: read('Planned windows in a date range, with their conflicts', listWindowsInput, windowList),
  saveWindow: write(
    'Create, move or resize a window by hand (it becomes locked)',
    saveWindowInput,
    plannedWindow,
    ['planning', 'devices'],
  ),
  deleteWindow: write('Remove a planned window', windowId, windowId, ['planning', 'devices']),
  unlockWindow: write('Let the auto-planner move a window again', windowId, plannedWindow, ['planning']),
  completeTask: write(
    'Mark a task done with its actual times; the device moves on',
    completeTaskInput,
    plannedWindow,
    ['planning', 'devices'],
  ),
  setDeviceState: write(
    'Move a device to another state, if its lifecycle allows it',
    setDeviceStateInput,
    stateChange,
    ['devices', 'planning'],
  ),
  exportIcs: read('Planned windows as an iCalendar file', exportIcsInput, icsFile),
  previewReport: read(
    'A report as HTML with its stylesheet, to preview and print',
    reportInput,
    reportPreview,
  ),
  exportReport: read('A report as an HTML, CSV or XLSX file', exportReportInput, reportFile),
  // The desktop app answers this one itself (Electron's printToPDF); elsewhere the core says it cannot.
  savePdf: read('Print the report the window shows to a PDF file (desktop app)', savePdfInput, savedPdf),
  // The app's transports answer these three themselves (electron/demo-switch.ts): they change which database file
  // the app uses, and write nothing to the real one. Elsewhere (the CLI, tests) the core says it cannot.
  openDemo: read(
    "Switch to the demo hospital's own database file, creating it first if there is none",
    noInput,
    databaseSwitch,
  ),
  leaveDemo: read('Switch from the demo hospital back to the real database', noInput, databaseSwitch),
  restartDemo: read(
    "Replace the demo hospital's file with a newly generated one: today's dates, none of the changes made in it",
    noInput,
    databaseSwitch,
  ),
} satisfies Record<OperationName, OperationSpec>;

export type Contract = typeof contract;
/** What a caller sends (before defaults and trimming). */
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Contract[K]['output']>;

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** For INVALID_INPUT: which field, and what is wrong with it. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T; readonly changed: readonly Domain[] }
  | { readonly ok: false; readonly error: ApiError };

/** The shape of `window.isopatch` and of the web transport: one named function per operation. */
export type IsopatchApi = {
  readonly [K in OperationName]: (input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>>;
};

export type { OperationName } from './operations';
