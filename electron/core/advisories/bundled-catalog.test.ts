import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { FIXED_NOW, openTestSession, tempDir } from '../../testing/temp';
import { openSession } from '../session';

describe('the bundled catalog', () => {
  it('holds both 2017 Siemens advisories: four families each, the six CVEs at 9.8, ports and guidance', async () => {
    const { ctx } = await openTestSession();
    const products = ctx.db
      .prepare(
        `SELECT a.tracking_id, f.name AS family, p.os, p.status FROM advisory_product p
         JOIN advisory a ON a.id = p.advisory_id JOIN product_family f ON f.id = p.family_id ORDER BY a.tracking_id, f.name`,
      )
      .all();
    const families = ['PET/CT Systems', 'SPECT Systems', 'SPECT Workplaces/Symbia.net', 'SPECT/CT Systems'];
    expect(products).toEqual([
      ...families.map((family) => ({
        tracking_id: 'ICSMA-17-215-01',
        family,
        os: 'Windows XP',
        status: 'known-affected',
      })),
      ...families.map((family) => ({
        tracking_id: 'ICSMA-17-215-02',
        family,
        os: 'Windows 7',
        status: 'known-affected',
      })),
    ]);
    const cves = ctx.db
      .prepare(
        'SELECT cve, cvss_version, cvss_vector, cvss_score, services_json FROM vulnerability ORDER BY cve',
      )
      .all() as {
      cve: string;
      cvss_score: number;
      cvss_vector: string;
      services_json: string;
    }[];
    expect(cves.map((c) => c.cve)).toEqual([
      'CVE-2008-4250',
      'CVE-2015-1497',
      'CVE-2015-1635',
      'CVE-2015-7860',
      'CVE-2015-7861',
      'CVE-2017-7269',
    ]);
    expect(new Set(cves.map((c) => `${c.cvss_vector} ${c.cvss_score}`))).toEqual(
      new Set(['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H 9.8']),
    );
    expect(JSON.parse(cves.find((c) => c.cve === 'CVE-2015-1497')?.services_json ?? '[]')).toEqual([
      { service: 'HP Client Automation', ports: 'TCP 3465' },
    ]);
    const guidance = ctx.db
      .prepare("SELECT DISTINCT details FROM remediation WHERE category = 'mitigation'")
      .pluck()
      .all();
    expect(guidance).toHaveLength(1);
    expect(guidance[0]).toMatch(
      /dedicated network segment[\s\S]*stand-alone[\s\S]*firewalls[\s\S]*VPN[\s\S]*Reconnect[\s\S]*backups/,
    );
    const patches = ctx.db.prepare('SELECT DISTINCT status FROM patch_availability').pluck().all();
    expect(patches).toEqual(['announced']);
  });

  it('holds the model-to-family table as editable data', async () => {
    const { ctx } = await openTestSession();
    const family = (model: string) =>
      ctx.db
        .prepare(
          'SELECT f.name FROM model_alias m JOIN product_family f ON f.id = m.family_id WHERE m.model = ?',
        )
        .pluck()
        .get(model);
    expect(family('Symbia T16')).toBe('SPECT/CT Systems');
    expect(family('symbia intevo bold')).toBe('SPECT/CT Systems');
    expect(family('Biograph mCT Flow')).toBe('PET/CT Systems');
    expect(family('Symbia.net')).toBe('SPECT Workplaces/Symbia.net');
    expect(family('c.cam')).toBe('SPECT Systems');
  });

  it('is loaded once: opening the database again adds nothing', async () => {
    const path = join(tempDir(), 'isopatch.sqlite');
    const counts = async () => {
      const session = await openSession(path, { now: () => FIXED_NOW });
      if (session.state !== 'open') throw new Error('refused');
      const n = ['advisory', 'vulnerability', 'model_alias', 'patch_availability', 'audit_log'].map(
        (table) => session.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
      );
      session.ctx.db.close();
      return n;
    };
    expect(await counts()).toEqual(await counts());
  });
});

describe('a newer bundled catalog', () => {
  it('leaves out what a person removed, and brings back what went missing otherwise', async () => {
    const path = join(tempDir(), 'isopatch.sqlite');
    const open = async () => {
      const session = await openSession(path, { now: () => FIXED_NOW });
      if (session.state !== 'open') throw new Error('refused');
      return session;
    };
    const first = await open();
    const router = createRouter(first);
    for (const [name, input] of [
      ['deleteModelAlias', { family: 'SPECT/CT Systems', model: 'Symbia T16' }],
      ['deleteVendorAlias', { alias: 'Siemens Healthcare GmbH' }],
    ] as const) {
      const result = await router.dispatch(name, input);
      if (!result.ok) throw new Error(result.error.message);
    }
    // Lost some other way (not by a person through Isopatch): the catalog may put it back.
    first.ctx.db.prepare("DELETE FROM model_alias WHERE model = 'Symbia T2'").run();
    // As if a later Isopatch shipped new catalog versions.
    first.ctx.db.prepare("UPDATE app_state SET value = '0' WHERE key LIKE 'catalog.%.version'").run();
    first.ctx.db.close();

    const next = await open();
    const models = next.ctx.db.prepare('SELECT model FROM model_alias').pluck().all();
    const aliases = next.ctx.db.prepare('SELECT alias FROM vendor_alias').pluck().all();
    expect(models).not.toContain('Symbia T16');
    expect(models).toContain('Symbia T2');
    expect(aliases).not.toContain('Siemens Healthcare GmbH');
    expect(aliases).toContain('SIEMENS HEALTHINEERS AG');
    next.ctx.db.close();
  });
});
