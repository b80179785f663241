import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import { devices, importFile } from '../../../testing/devices';
import { call } from '../../../testing/router';
import { openTestSession } from '../../../testing/temp';

async function setup() {
  const session = await openTestSession();
  return { session, router: createRouter(session), db: session.ctx.db };
}

describe('undoing imports newest first', () => {
  it('undoes the later batch, then the earlier one, back to an empty register', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const first = await importFile(
      router,
      'Asset Tag,Model,Location\nU1,x,Room 1\nU2,y,Room 2\nU3,z,Room 3\n',
    );
    const second = await importFile(router, 'Asset Tag,Model,Location\nU2,y,Room 9\nU4,w,Room 4\n');
    const revisions = () =>
      session.ctx.db.prepare('SELECT asset_tag, revision FROM device ORDER BY id').raw().all();
    const afterFirst = [
      ['U1', 0],
      ['U2', 0],
      ['U3', 0],
    ];

    expect(await router.dispatch('undoImport', { batchId: second.batchId })).toMatchObject({
      ok: true,
      value: { removed: 1, restored: 1 },
    });
    // U2 is as the first batch left it, its revision included: nothing changed it after the first batch.
    expect(revisions()).toEqual(afterFirst);
    expect((await devices(router)).map((d) => [d.assetTag, d.location])).toEqual([
      ['U1', 'Room 1'],
      ['U2', 'Room 2'],
      ['U3', 'Room 3'],
    ]);
    expect(await router.dispatch('undoImport', { batchId: first.batchId })).toMatchObject({
      ok: true,
      value: { removed: 3, restored: 0 },
    });
    expect(await devices(router)).toEqual([]);
  });

  it('still refuses the earlier batch while an edit made after it remains', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const first = await importFile(router, 'Asset Tag,Model\nU1,x\n');
    const [u1] = await devices(router);
    await router.dispatch('updateDevice', { id: u1?.id, changes: { location: 'Room 7' } });
    const second = await importFile(router, 'Asset Tag,Model\nU1,y\n');
    expect(await router.dispatch('undoImport', { batchId: second.batchId })).toMatchObject({ ok: true });
    expect(await router.dispatch('undoImport', { batchId: first.batchId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('changed after it (U1)') },
    });
  });
});

describe('mapping templates', () => {
  it('refuses one that maps two columns to one field, and saves nothing', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const result = await router.dispatch('saveMappingTemplate', {
      name: 'German CMMS',
      mapping: { Hersteller: 'os', Bemerkung: 'os' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Columns "Hersteller" and "Bemerkung" are both mapped to Operating system; map one of them to another field or keep it as an extra attribute.',
      },
    });
    expect(session.ctx.db.prepare('SELECT count(*) FROM mapping_template').pluck().get()).toBe(0);
  });
});

describe('the audit trail of an undone import', () => {
  it('has a line for every device the undo removed, saying what it was', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const batch = await importFile(
      router,
      'Asset Tag,Model,Location\nU1,Symbia T16,Room 1\nU2,c.cam,Room 2\n',
    );
    const ids = (await devices(router)).map((d) => String(d.id));
    expect(await router.dispatch('undoImport', { batchId: batch.batchId })).toMatchObject({ ok: true });
    const lines = session.ctx.db
      .prepare(
        "SELECT entity_id, before_json, after_json FROM audit_log WHERE entity = 'device' AND action = 'undo' ORDER BY id",
      )
      .all() as { entity_id: string; before_json: string; after_json: string }[];
    expect(lines.map((l) => l.entity_id)).toEqual(ids);
    expect(JSON.parse(lines[0]?.before_json ?? '{}')).toMatchObject({ assetTag: 'U1', model: 'Symbia T16' });
    expect(JSON.parse(lines[0]?.after_json ?? '{}')).toEqual({ removed: 1, undoneBatch: batch.batchId });
  });
});

describe('columns named like JavaScript internals', () => {
  it('are columns like any other: "toString" and "constructor" stay extra attributes', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const result = await router.dispatch('previewDeviceImport', {
      fileName: 'export.csv',
      content: Buffer.from('Asset Tag,toString,constructor\nA-1,x,y\n').toString('base64'),
      options: { mapping: {} },
    });
    expect(result).toMatchObject({
      ok: true,
      value: { mapping: { 'Asset Tag': 'assetTag', toString: null, constructor: null }, added: 1 },
    });
    await importFile(router, 'Asset Tag,__proto__,toString\nA-2,x,y\n');
    const a2 = (await devices(router)).find((d) => d.assetTag === 'A-2');
    // JSON.parse, as an object literal's __proto__ would set the prototype instead of a key.
    expect(a2?.extra).toEqual(JSON.parse('{"__proto__": "x", "toString": "y"}'));
  });
});

describe('devices the file leaves out', () => {
  it('are kept, counted and named, first by asset tag', async () => {
    const router = createRouter(await openTestSession());
    await importFile(router, 'Asset Tag,Model\nC-3,x\nA-1,x\nB-2,x\nD-4,x\n');
    const result = await importFile(router, 'Asset Tag,Model\nB-2,x\nE-5,y\n');
    expect(result).toMatchObject({
      added: 1,
      unchanged: 1,
      notInFile: 3,
      notInFileNamed: ['A-1', 'C-3', 'D-4'],
    });
    expect(await devices(router)).toHaveLength(5);
  });
});

describe('undo import', () => {
  it('restores exactly the state before the batch', async () => {
    const { router, db } = await setup();
    // Siemens systems on Windows 7: the bundled advisories make them affected, which undo must not mistake for an edit.
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Location\nA-1,Siemens,Symbia T16,Windows 7,Room 1\n',
    );
    const snapshot = db.prepare('SELECT * FROM device ORDER BY id').all();
    expect(snapshot).toMatchObject([{ state: 'affected' }]);
    const second = await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Location,Notes\nA-1,Siemens,Symbia T16,Windows 7,Room 2,moved\nA-2,Siemens,c.cam,Windows 7,Room 3,\n',
    );
    const undo = await router.dispatch('undoImport', { batchId: second.batchId });
    expect(undo).toMatchObject({ ok: true, value: { removed: 1, restored: 1 } });
    // Everything but the bookkeeping of the change itself (when, and the revision counter) is as it was.
    type Row = { updated_at: string; revision: number };
    const content = (rows: Row[]) => rows.map(({ updated_at: _u, revision: _r, ...rest }) => rest);
    const after = db.prepare('SELECT * FROM device ORDER BY id').all() as Row[];
    expect(content(after)).toEqual(content(snapshot as Row[]));
    expect(await router.dispatch('undoImport', { batchId: second.batchId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already undone/) },
    });
  });

  it('explains which later edits prevent it, and changes nothing', async () => {
    const { router } = await setup();
    const batch = await importFile(router, 'Asset Tag,Model\nA-1,Symbia T16\nA-2,c.cam\n');
    const [a1] = await devices(router);
    await router.dispatch('updateDevice', { id: a1?.id, changes: { location: 'Room 7' } });
    const undo = await router.dispatch('undoImport', { batchId: batch.batchId });
    expect(undo).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/1 of its devices changed after it \(A-1\)\. Nothing was changed\./),
      },
    });
    expect(await devices(router)).toHaveLength(2);
  });
});

describe('rejected rows of an earlier import', () => {
  it('are kept with the batch, as the same CSV the wizard saved, after the wizard is gone', async () => {
    const { router } = await setup();
    const result = await importFile(router, 'Asset Tag,Model\nR1,x\n,no tag\nR1,again\n', {}, 'ward-4.csv');
    const clean = await importFile(router, 'Asset Tag,Model\nR2,y\n');
    const batches = await call<{ id: number; rejected: number; rejectedRowsKept: boolean }[]>(
      router,
      'listImportBatches',
    );
    expect(batches.map((b) => [b.id, b.rejected, b.rejectedRowsKept])).toEqual([
      [clean.batchId, 0, false],
      [result.batchId, 2, true],
    ]);

    const file = await call<{ fileName: string; csv: string }>(router, 'getRejectedRows', {
      batchId: result.batchId,
    });
    expect(file.fileName).toBe('ward-4-rejected-rows.csv');
    expect(file.csv).toBe(result.rejectedCsv);
    expect(file.csv).toContain('3,"has no asset tag, the key that identifies the device",,no tag');
    expect(await router.dispatch('getRejectedRows', { batchId: clean.batchId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `Import batch ${clean.batchId} kept no rejected rows.` },
    });
  });
});

describe('managing mapping templates', () => {
  const philips = { 'Asset Tag': 'assetTag', Model: 'model', Notes: null } as const;
  type Template = { id: number; name: string; mapping: Record<string, string | null> };
  type Entry = {
    operation: string;
    entity: string;
    entityId: string;
    action: string;
    before: unknown;
    after: unknown;
  };
  const templateAudit = async (router: Awaited<ReturnType<typeof setup>>['router']) =>
    (await call<Entry[]>(router, 'listAudit', { entity: 'mapping_template' }))
      .map(({ operation, entityId, action, before, after }) => ({
        operation,
        entityId,
        action,
        before,
        after,
      }))
      .reverse();

  it('refuses a name already taken unless asked to replace it, naming the template', async () => {
    const { router, db } = await setup();
    const saved = await call<Template>(router, 'saveMappingTemplate', {
      name: 'Philips CMMS',
      mapping: philips,
    });
    expect(
      await router.dispatch('saveMappingTemplate', { name: ' Philips CMMS ', mapping: { Serial: 'serial' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'A mapping template is already called "Philips CMMS": replace it, or choose another name.',
      },
    });
    expect(db.prepare('SELECT mapping_json FROM mapping_template').pluck().all()).toEqual([
      JSON.stringify(philips),
    ]);
    const replaced = await call<Template>(router, 'saveMappingTemplate', {
      name: 'Philips CMMS',
      mapping: { Serial: 'serial' },
      replace: true,
    });
    expect(replaced).toEqual({ id: saved.id, name: 'Philips CMMS', mapping: { Serial: 'serial' } });
    expect((await templateAudit(router)).map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(
      await router.dispatch('saveMappingTemplate', { name: 'X', mapping: {}, replace: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('renames and deletes a template, auditing each, and refuses a taken name or a missing template', async () => {
    const { router, db } = await setup();
    const first = await call<Template>(router, 'saveMappingTemplate', {
      name: 'Philips CMMS',
      mapping: philips,
    });
    await call(router, 'saveMappingTemplate', { name: 'GE export', mapping: { Serial: 'serial' } });

    expect(
      await call<Template>(router, 'renameMappingTemplate', { id: first.id, name: '  Philips CMMS 2024 ' }),
    ).toEqual({ id: first.id, name: 'Philips CMMS 2024', mapping: philips });
    expect(await router.dispatch('renameMappingTemplate', { id: first.id, name: 'GE export' })).toMatchObject(
      {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'A mapping template is already called "GE export": replace it, or choose another name.',
        },
      },
    );
    expect(await router.dispatch('renameMappingTemplate', { id: first.id, name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await router.dispatch('renameMappingTemplate', { id: first.id, name: 'Y', extra: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect(await call(router, 'deleteMappingTemplate', { id: first.id })).toEqual({
      id: first.id,
      name: 'Philips CMMS 2024',
    });
    expect(db.prepare('SELECT name FROM mapping_template').pluck().all()).toEqual(['GE export']);
    expect(await router.dispatch('deleteMappingTemplate', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no mapping template ${first.id}.` },
    });
    expect(await router.dispatch('deleteMappingTemplate', { id: 'one' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    const audit = (await templateAudit(router)).filter((entry) => entry.entityId === String(first.id));
    expect(audit).toEqual([
      expect.objectContaining({ operation: 'saveMappingTemplate', action: 'create' }),
      {
        operation: 'renameMappingTemplate',
        entityId: String(first.id),
        action: 'update',
        before: { name: 'Philips CMMS' },
        after: { name: 'Philips CMMS 2024' },
      },
      {
        operation: 'deleteMappingTemplate',
        entityId: String(first.id),
        action: 'delete',
        before: { name: 'Philips CMMS 2024', mapping: philips },
        after: null,
      },
    ]);
  });
});
