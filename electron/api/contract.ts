import { z } from 'zod';
import type { OperationName } from './operations';
import { auditEntry, listAuditInput } from './schemas/audit';
import { noInput } from './schemas/common';
import { settings, updateSettingsInput } from './schemas/settings';
import { dashboardFigures, databaseStatus } from './schemas/status';

/** Parts of the data a write can change; the renderer's stores refresh the parts named in a result. */
export type Domain = 'settings' | 'devices' | 'advisories' | 'planning' | 'audit';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DATABASE_REFUSED'
  | 'UNKNOWN_OPERATION'
  | 'FORBIDDEN'
  | 'INTERNAL';

interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'read' | 'write';
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

/** Every operation Isopatch offers, declared once. All three transports reach these and only these. */
export const contract = {
  getStatus: read('Database file, schema version and rows per table', noInput, databaseStatus),
  getDashboard: read('Figures for the dashboard', noInput, dashboardFigures),
  getSettings: read('Organization name and the site time zone', noInput, settings),
  updateSettings: write(
    'Change the organization name and the site time zone',
    updateSettingsInput,
    settings,
    ['settings'],
  ),
  listAudit: read('Newest entries of the audit log', listAuditInput, z.array(auditEntry)),
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
