import { Field } from './ManualAdvisoryFields';
import type { ProductRow, VulnerabilityRow } from './manual-draft';

type Errors = ReadonlyMap<string, string>;
/** The Windows generations matching tells apart (a product for one matches devices on it only). */
const OPERATING_SYSTEMS: readonly ProductRow['os'][] = [
  '',
  'Windows XP',
  'Windows 7',
  'Windows 10',
  'Windows 11',
];

/** One affected product: vendor, product or catalog family, the Windows generation if it matters, versions. */
export function ProductFields({
  row,
  index,
  errors,
  onChange,
}: {
  row: ProductRow;
  index: number;
  errors: Errors;
  onChange: (row: ProductRow) => void;
}) {
  const context = `of product ${index + 1}`;
  const error = (field: string) => errors.get(`products.${index}.${field}`);
  return (
    <>
      <Field label="Vendor" context={context} error={error('vendor')}>
        {(control) => (
          <input
            {...control}
            list="manual-vendors"
            maxLength={200}
            value={row.vendor}
            onChange={(e) => onChange({ ...row, vendor: e.target.value })}
          />
        )}
      </Field>
      <Field label="Product or family" context={context} error={error('product')}>
        {(control) => (
          <input
            {...control}
            list="manual-families"
            maxLength={200}
            placeholder="SPECT/CT Systems"
            value={row.product}
            onChange={(e) => onChange({ ...row, product: e.target.value })}
          />
        )}
      </Field>
      <Field label="Operating system" context={context} error={error('os')}>
        {(control) => (
          <select
            {...control}
            value={row.os}
            onChange={(e) => onChange({ ...row, os: e.target.value as ProductRow['os'] })}
          >
            {OPERATING_SYSTEMS.map((os) => (
              <option key={os} value={os}>
                {os || 'Any'}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Versions" context={context} error={error('versionRange')}>
        {(control) => (
          <input
            {...control}
            maxLength={200}
            placeholder="all, or < VB22A"
            value={row.versionRange}
            onChange={(e) => onChange({ ...row, versionRange: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/** One vulnerability: CVE if it has one, what it is, and its CVSS 3.x vector (or only a score). */
export function VulnerabilityFields({
  row,
  index,
  errors,
  onChange,
}: {
  row: VulnerabilityRow;
  index: number;
  errors: Errors;
  onChange: (row: VulnerabilityRow) => void;
}) {
  const context = `of vulnerability ${index + 1}`;
  const error = (field: string) => errors.get(`vulnerabilities.${index}.${field}`);
  return (
    <>
      <Field label="CVE" context={context} error={error('cve')}>
        {(control) => (
          <input
            {...control}
            maxLength={30}
            placeholder="CVE-2017-0144"
            value={row.cve}
            onChange={(e) => onChange({ ...row, cve: e.target.value })}
          />
        )}
      </Field>
      <Field label="What it is" context={context} error={error('title')} className="manual-wide">
        {(control) => (
          <input
            {...control}
            maxLength={500}
            value={row.title}
            onChange={(e) => onChange({ ...row, title: e.target.value })}
          />
        )}
      </Field>
      <Field label="CVSS 3.x vector" context={context} error={error('vector')} className="manual-wide">
        {(control) => (
          <input
            {...control}
            maxLength={200}
            placeholder="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
            value={row.vector}
            onChange={(e) => onChange({ ...row, vector: e.target.value })}
          />
        )}
      </Field>
      <Field label="Score, if no vector" context={context} error={error('score')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            max={10}
            step={0.1}
            value={row.score}
            onChange={(e) => onChange({ ...row, score: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
