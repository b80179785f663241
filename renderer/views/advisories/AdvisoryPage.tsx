import { useState } from 'react';
import { call } from '../../api';
import { SeverityBadge } from '../../components/SeverityBadge';
import { useLiveQuery } from '../../live-query';
import { dateTime } from '../../site-time';
import { hrefOf } from '../../stores/navigation';
import { DeviceStages } from './DeviceStages';
import { ManualAdvisoryForm } from './ManualAdvisoryForm';
import { PatchEditor } from './PatchEditor';

/** One advisory as a person reads it: what is vulnerable, how badly, what to do, which devices, which patches. */
export function AdvisoryPage({ id }: { id: string }) {
  const { value: detail, problem } = useLiveQuery(
    () => call('getAdvisory', { id }),
    ['advisories', 'devices'],
    id,
  );
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  if (problem)
    return (
      <p role="alert" className="problem">
        {problem}
      </p>
    );
  if (!detail) return <p>Loading…</p>;
  return (
    <>
      <p className="breadcrumb">
        <a href={hrefOf('advisories')}>Advisories</a> / {detail.id}
      </p>
      <h1>
        {detail.id}: {detail.title}
      </h1>
      <p className="view-intro">
        Version {detail.version}
        {detail.publisher && `, ${detail.publisher}`}
        {detail.initialRelease && `, published ${detail.initialRelease.slice(0, 10)}`}.{' '}
        {SOURCES[detail.source]} Matched devices: {detail.matchedDevices.confirmed} confirmed,{' '}
        {detail.matchedDevices.needsReview} to review, {detail.matchedDevices.suggested} suggested.
      </p>
      {detail.manual && (
        <section className="panel" aria-labelledby="manual-edit-heading">
          <h2 id="manual-edit-heading">Typed in</h2>
          <p className="field-help">
            Correct it, or follow the vendor's next letter: saving makes version {Number(detail.version) + 1},
            and the earlier versions stay in its history.
          </p>
          <ul className="issue-list" aria-label="Versions">
            {detail.revisions.map((r) => (
              <li key={r.version}>
                Version {r.version}, saved {dateTime(r.importedAt)}
              </li>
            ))}
          </ul>
          <p role="status">{saved}</p>
          {editing ? (
            <ManualAdvisoryForm
              key={detail.version}
              initial={detail.manual}
              onCancel={() => setEditing(false)}
              onSaved={(result) => {
                setEditing(false);
                setSaved(result.message);
              }}
            />
          ) : (
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                setSaved('');
                setEditing(true);
              }}
            >
              Edit {detail.id}
            </button>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="stages-heading">
        <h2 id="stages-heading">Where the work stands</h2>
        <DeviceStages counts={detail.deviceStates} />
      </section>
      <section className="panel" aria-labelledby="cve-heading">
        <h2 id="cve-heading">Vulnerabilities</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">CVE</th>
              <th scope="col">What</th>
              <th scope="col">CVSS</th>
              <th scope="col">Vector</th>
              <th scope="col">Services and ports</th>
            </tr>
          </thead>
          <tbody>
            {detail.vulnerabilities.map((v) => (
              <tr key={v.cve ?? v.title}>
                <th scope="row">{v.cve ?? '—'}</th>
                <td>{v.title}</td>
                <td>
                  <SeverityBadge score={v.score ?? null} />{' '}
                  {v.cvssVersion && <span className="field-help">(CVSS {v.cvssVersion})</span>}
                </td>
                <td>
                  <code>{v.vector}</code>
                </td>
                <td>{v.services.map((s) => `${s.service}: ${s.ports}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PatchEditor advisory={detail.id} patches={detail.patches} />
      {detail.patchHistory.length > 0 && (
        <section className="panel" aria-labelledby="patch-history-heading">
          <h2 id="patch-history-heading">Patch availability history</h2>
          <ul className="issue-list">
            {detail.patchHistory.map((h) => (
              <li key={`${h.at}${h.family}`}>
                {dateTime(h.at)}, {h.osUser}, {h.family}: {describePatch(h.before)} → {describePatch(h.after)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="products-heading">
        <h2 id="products-heading">Affected products</h2>
        <ul className="issue-list">
          {detail.products.map((p) => (
            <li key={p.name}>
              {p.name} {p.family && `(${p.family}${p.os ? `, ${p.os}` : ''})`} — {p.status.replace(/-/g, ' ')}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="remediation-heading">
        <h2 id="remediation-heading">What to do</h2>
        {detail.remediations.map((r) => (
          <div key={r.details} className="remediation">
            <h3>{r.category.replace(/_/g, ' ')}</h3>
            <p className="remediation-text">{r.details}</p>
            {r.url && <p className="field-help">Source: {r.url}</p>}
          </div>
        ))}
      </section>
      {(detail.reviewItems.length > 0 || detail.findings.length > 0) && (
        <section className="panel" aria-labelledby="advisory-review-heading">
          <h2 id="advisory-review-heading">To review</h2>
          <ul className="issue-list">
            {detail.findings.map((f) => (
              <li key={`${f.test}${f.path}`}>
                Validation test {f.test} failed at <code>{f.path}</code>: {f.message}
              </li>
            ))}
            {detail.reviewItems.map((r) => (
              <li key={`${r.kind}${r.path}`}>{r.message}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

const SOURCES = {
  bundled: 'Bundled with Isopatch.',
  csaf: 'Imported from a CSAF file.',
  manual: "Typed in from the vendor's advisory.",
} as const;

function describePatch(value: unknown): string {
  if (!value || typeof value !== 'object') return 'not set';
  const patch = value as {
    status?: string;
    available_from?: string | null;
    expected_date?: string | null;
    update_id?: string | null;
    delivery?: string | null;
  };
  return [
    patch.status?.replace(/-/g, ' '),
    patch.expected_date && `expected ${patch.expected_date}`,
    patch.available_from && `from ${patch.available_from}`,
    patch.update_id,
    patch.delivery && `(${patch.delivery.replace(/-/g, ' ')})`,
  ]
    .filter(Boolean)
    .join(' ');
}
