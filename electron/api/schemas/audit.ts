import { z } from 'zod';

export const auditAction = z.enum(['create', 'update', 'delete', 'import', 'undo', 'restore', 'initialize']);

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  osUser: z.string(),
  operation: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: auditAction,
  before: z.unknown(),
  after: z.unknown(),
  /** What the entry is about, in words: "device AUR-30001", "planned window 66 (AUR-30001)". */
  subject: z.string(),
  /** One line per field it changed, in words: "department: Cardiology → Nuclear Medicine". */
  changes: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAuditInput = z
  .object({
    limit: z.number().int().min(1).max(1000).default(100),
    entity: z.string().max(64).optional(),
    entityId: z.string().max(64).optional(),
  })
  .strict();
export type ListAuditInput = z.output<typeof listAuditInput>;
