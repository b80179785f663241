import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ManualAdvisoryInput, ManualAdvisoryResult } from '../../../electron/api/schemas/advisories';
import { call } from '../../api';
import { useLiveQuery } from '../../live-query';
import { hrefOf } from '../../stores/navigation';
import { EditableRows } from './EditableRows';
import { Field } from './ManualAdvisoryFields';
import { ProductFields, VulnerabilityFields } from './ManualAdvisoryRows';
import { type Draft, draftOf, errorsOf, inputOf, newProduct, newVulnerability } from './manual-draft';

const REMEDIATIONS = [
  ['mitigation', 'Mitigation (what to do until a fix)'],
  ['workaround', 'Workaround'],
  ['vendor_fix', 'Vendor fix (a patch is available)'],
  ['none_available', 'No fix available yet'],
  ['no_fix_planned', 'No fix planned'],
] as const;

/**
 * An advisory typed in from a vendor letter or a PDF bulletin, or an edit of one (`initial`): saved as a CSAF
 * document like an imported file, so matching, patches and the advisory page treat it alike. An edit saves the
 * next version.
 */
export function ManualAdvisoryForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial: ManualAdvisoryInput | null;
  onSaved?: (result: ManualAdvisoryResult) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<ManualAdvisoryResult | null>(null);
  const [saving, setSaving] = useState(false);
  // An object, so focusing the same row again (after removing the one below it) runs the effect again.
  const [focusRow, setFocusRow] = useState<{ key: number } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { value: catalog } = useLiveQuery(() => call('getProductCatalog', {}), ['advisories'], 'catalog');
  const editing = Boolean(initial);
  const error = (path: string) => errors.get(path);
  const update = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  // A new row takes the focus (a removed one gives it to the row before); after a refused save, the first field in error does.
  useEffect(() => {
    if (focusRow !== null)
      form.current?.querySelector<HTMLElement>(`[data-row="${focusRow.key}"] input`)?.focus();
  }, [focusRow]);
  useEffect(() => {
    if (errors.size > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await call('saveManualAdvisory', inputOf(draft));
    setSaving(false);
    if (!result.ok) {
      const { fields, general } = errorsOf(result.error);
      setErrors(fields);
      setProblem(
        general ??
          `Not saved: ${fields.size === 1 ? 'one field needs' : `${fields.size} fields need`} attention.`,
      );
      setSaved(null);
      return;
    }
    setErrors(new Map());
    setProblem(null);
    setSaved(result.value);
    if (!editing) setDraft(draftOf(null));
    onSaved?.(result.value);
  }

  return (
    <form
      ref={form}
      className="manual-advisory"
      onSubmit={save}
      noValidate
      aria-label={editing ? `Edit ${initial?.trackingId}` : 'Type in an advisory'}
    >
      <div className="manual-grid">
        <Field
          label="Tracking id"
          error={error('trackingId')}
          help={editing ? undefined : "The letter's reference or the CERT id, e.g. SIEMENS-LETTER-2026-11"}
        >
          {(control) => (
            <input
              {...control}
              maxLength={100}
              readOnly={editing}
              value={draft.trackingId}
              onChange={(e) => update({ trackingId: e.target.value })}
            />
          )}
        </Field>
        <Field label="Title" error={error('title')} className="manual-wide">
          {(control) => (
            <input
              {...control}
              maxLength={500}
              value={draft.title}
              onChange={(e) => update({ title: e.target.value })}
            />
          )}
        </Field>
        <Field label="Publisher" error={error('publisher')}>
          {(control) => (
            <input
              {...control}
              maxLength={200}
              placeholder="Siemens Healthineers"
              value={draft.publisher}
              onChange={(e) => update({ publisher: e.target.value })}
            />
          )}
        </Field>
        <Field label="Released" error={error('releaseDate')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.releaseDate}
              onChange={(e) => update({ releaseDate: e.target.value })}
            />
          )}
        </Field>
      </div>

      <fieldset className="manual-rows">
        <legend>Affected products</legend>
        <p className="field-help">
          Name a product family of the catalog (such as SPECT/CT Systems) to match its models directly; any
          other product is matched to device models by name and proposed under Matches to confirm.
        </p>
        {error('products') && <p className="field-error">{error('products')}</p>}
        <EditableRows
          noun="product"
          rows={draft.products}
          onRows={(products) => update({ products })}
          newRow={newProduct}
          focus={(key) => setFocusRow({ key })}
        >
          {(row, index, change) => (
            <ProductFields row={row} index={index} errors={errors} onChange={change} />
          )}
        </EditableRows>
      </fieldset>

      <fieldset className="manual-rows">
        <legend>Vulnerabilities</legend>
        {error('vulnerabilities') && <p className="field-error">{error('vulnerabilities')}</p>}
        <EditableRows
          noun="vulnerability"
          rows={draft.vulnerabilities}
          onRows={(vulnerabilities) => update({ vulnerabilities })}
          newRow={newVulnerability}
          focus={(key) => setFocusRow({ key })}
        >
          {(row, index, change) => (
            <VulnerabilityFields row={row} index={index} errors={errors} onChange={change} />
          )}
        </EditableRows>
      </fieldset>

      <div className="manual-grid">
        <Field label="Kind of remediation" className="manual-wide" error={error('remediation.category')}>
          {(control) => (
            <select
              {...control}
              value={draft.remediation.category}
              onChange={(e) =>
                update({
                  remediation: {
                    ...draft.remediation,
                    category: e.target.value as Draft['remediation']['category'],
                  },
                })
              }
            >
              {REMEDIATIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="What to do" error={error('remediation.details')} className="manual-full">
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={20_000}
              value={draft.remediation.details}
              onChange={(e) => update({ remediation: { ...draft.remediation, details: e.target.value } })}
            />
          )}
        </Field>
      </div>

      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {editing ? `Save as version ${Number(initial?.editsVersion ?? 0) + 1}` : 'Save advisory'}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <p role="status" className="form-status">
          {saved && !editing && (
            <>
              {saved.message} <a href={hrefOf('advisories', encodeURIComponent(saved.id))}>Open {saved.id}</a>
            </>
          )}
        </p>
      </div>
      <datalist id="manual-vendors">
        {catalog?.vendors.map((v) => (
          <option key={v.name} value={v.name} />
        ))}
      </datalist>
      <datalist id="manual-families">
        {catalog?.families.map((f) => (
          <option key={`${f.vendor}|${f.name}`} value={f.name} />
        ))}
      </datalist>
    </form>
  );
}
