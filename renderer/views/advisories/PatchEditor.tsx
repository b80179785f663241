import { type FormEvent, useId, useState } from 'react';
import type { AdvisoryDetail } from '../../../electron/api/schemas/advisories';
import { call } from '../../api';
import { hrefOf } from '../../stores/navigation';

const STATUSES = [
  ['none-available', 'None available'],
  ['announced', 'Announced'],
  ['available', 'Available'],
  ['superseded', 'Superseded'],
  ['no-fix-planned', 'No fix planned'],
] as const;
const DELIVERIES = [
  ['', 'Not known'],
  ['on-site', 'On-site field service'],
  ['remote', 'Remote'],
  ['customer-installable', 'Customer-installable'],
] as const;
type Patch = AdvisoryDetail['patches'][number];
type Status = Patch['status'];
type Delivery = Exclude<(typeof DELIVERIES)[number][0], ''>;

/** The details each status has: a release for a patch that is out, an expected date for one announced. */
const isReleased = (status: Status) => status === 'available' || status === 'superseded';

/** "SPECT/CT Systems" for all versions, "SPECT/CT Systems, versions < VB22A" for a range. */
const rowName = (family: string, versionRange: string) =>
  versionRange ? `${family}, versions ${versionRange}` : family;

/**
 * One row of patch availability. Without `patch` it adds a row for a version range the person types, for a
 * vendor that ships a fix for some versions only.
 */
function PatchRow({ advisory, family, patch }: { advisory: string; family: string; patch?: Patch }) {
  const [versionRange, setVersionRange] = useState('');
  const [status, setStatus] = useState<Status>(patch?.status ?? 'available');
  const [availableFrom, setAvailableFrom] = useState(patch?.availableFrom ?? '');
  const [updateId, setUpdateId] = useState(patch?.updateId ?? '');
  const [expectedDate, setExpectedDate] = useState(patch?.expectedDate ?? '');
  const [delivery, setDelivery] = useState<Delivery | ''>((patch?.delivery as Delivery | null) ?? '');
  const [sourceNote, setSourceNote] = useState(patch?.sourceNote ?? '');
  const [message, setMessage] = useState('');
  const ids = {
    range: useId(),
    status: useId(),
    from: useId(),
    update: useId(),
    expected: useId(),
    delivery: useId(),
    source: useId(),
  };
  const released = isReleased(status);
  const name = patch ? rowName(family, patch.versionRange) : family;
  async function save(event: FormEvent) {
    event.preventDefault();
    const range = patch ? patch.versionRange : versionRange.trim();
    const result = await call('setPatchStatus', {
      advisory,
      family,
      status,
      ...(range && { versionRange: range }),
      ...(released && availableFrom && { availableFrom }),
      ...(released && updateId.trim() && { updateId: updateId.trim() }),
      ...(released && delivery && { delivery }),
      ...(status === 'announced' && expectedDate && { expectedDate }),
      ...(sourceNote.trim() && { sourceNote: sourceNote.trim() }),
    });
    setMessage(result.ok ? 'Saved.' : result.error.message);
    if (result.ok && !patch) setVersionRange('');
  }
  return (
    <form
      className="inline-form patch-row"
      onSubmit={save}
      aria-label={patch ? `Patch for ${name}` : `Add a version range to ${family}`}
    >
      <strong className="patch-family">
        {patch ? (patch.versionRange ? `Versions ${patch.versionRange}` : 'All versions') : 'Another range'}
      </strong>
      {!patch && (
        <div className="field">
          <label htmlFor={ids.range}>Version range</label>
          <input
            id={ids.range}
            value={versionRange}
            maxLength={200}
            placeholder="< VB22A"
            onChange={(event) => setVersionRange(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.status}>Patch status</label>
        <select id={ids.status} value={status} onChange={(event) => setStatus(event.target.value as Status)}>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {status === 'announced' && (
        <div className="field">
          <label htmlFor={ids.expected}>Expected</label>
          <input
            id={ids.expected}
            type="date"
            value={expectedDate}
            onChange={(event) => setExpectedDate(event.target.value)}
          />
        </div>
      )}
      {released && (
        <>
          <div className="field">
            <label htmlFor={ids.from}>Available from</label>
            <input
              id={ids.from}
              type="date"
              value={availableFrom}
              onChange={(event) => setAvailableFrom(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.update}>Vendor's update</label>
            <input
              id={ids.update}
              value={updateId}
              maxLength={100}
              placeholder="VB22A-UD03"
              onChange={(event) => setUpdateId(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.delivery}>Delivery</label>
            <select
              id={ids.delivery}
              value={delivery}
              onChange={(event) => setDelivery(event.target.value as Delivery | '')}
            >
              {DELIVERIES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="field patch-source">
        <label htmlFor={ids.source}>Source (note or URL)</label>
        <input
          id={ids.source}
          value={sourceNote}
          maxLength={2000}
          placeholder="Siemens letter of 2017-11-30, or the vendor's page"
          onChange={(event) => setSourceNote(event.target.value)}
        />
      </div>
      <button type="submit" className="button-quiet" disabled={!patch && versionRange.trim() === ''}>
        {patch ? `Save ${name}` : `Add range to ${family}`}
      </button>
      <span role="status">{message}</span>
    </form>
  );
}

/**
 * Patch availability per product family, and per version range where the vendor distinguishes versions: a
 * device takes the row its software version falls in, else the row for all versions. Every change is audited.
 */
export function PatchEditor({ advisory, patches }: { advisory: string; patches: readonly Patch[] }) {
  const families = [...new Set(patches.map((p) => p.family))];
  return (
    <section className="panel" aria-labelledby="patch-heading">
      <h2 id="patch-heading">Patch availability</h2>
      {families.length === 0 && (
        // An imported advisory names products, not the catalog's families: a person's confirmation makes one.
        <p className="field-help">
          Patch availability is kept per product family, and none of this advisory's products is one yet.
          Confirm a device model as the product it was proposed for under{' '}
          <a href={hrefOf('advisories')}>Matches to confirm</a>; the product then becomes a family and its
          patch can be set here.
        </p>
      )}
      <p className="field-help patch-help">
        Where the vendor ships a fix for some versions only, add a row for that range ("&lt; VB22A", "VA60A |
        VA60B"): a device takes the row its software version falls in, else the row for all versions, and is
        marked for review when its version cannot be placed.
      </p>
      {families.map((family) => (
        <div key={family} className="patch-family-block">
          <h3>{family}</h3>
          {patches
            .filter((p) => p.family === family)
            .map((p) => (
              <PatchRow key={p.versionRange} advisory={advisory} family={family} patch={p} />
            ))}
          <details className="patch-add">
            <summary>Add a version range for {family}…</summary>
            <PatchRow advisory={advisory} family={family} />
          </details>
        </div>
      ))}
    </section>
  );
}
