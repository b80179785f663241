import { type FormEvent, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { ColumnMapping, mappingTemplate } from '../../../electron/api/schemas/device-import';
import { call } from '../../api';
import { useDeviceImportStore } from '../../stores/device-import';
import { reportError } from '../../stores/errors';

type Template = z.infer<typeof mappingTemplate>;

/** Save the mapping under a name (not one that maps two columns to one field), or apply one saved before. */
export function MappingTemplates({ mapping, canSave }: { mapping: ColumnMapping; canSave: boolean }) {
  const setOptions = useDeviceImportStore((state) => state.setOptions);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState('');
  const ids = { name: useId(), apply: useId() };

  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads after each save (version)
  useEffect(() => {
    void call('listMappingTemplates', {}).then((result) => {
      if (result.ok) setTemplates(result.value);
      else reportError(result.error);
    });
  }, [version]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await call('saveMappingTemplate', { name, mapping });
    if (!result.ok) return reportError(result.error);
    setSaved(`Saved as "${result.value.name}".`);
    setName('');
    setVersion((v) => v + 1);
  }

  return (
    <section className="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Mapping templates</h2>
      <div className="format-grid">
        <form className="inline-form" onSubmit={save}>
          <div className="field">
            <label htmlFor={ids.name}>Save this mapping as</label>
            <input
              id={ids.name}
              value={name}
              maxLength={100}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <button type="submit" className="button-quiet" disabled={name.trim() === '' || !canSave}>
            Save template
          </button>
          <span role="status">{saved}</span>
        </form>
        {templates.length > 0 && (
          <div className="field">
            <label htmlFor={ids.apply}>Apply a saved mapping</label>
            <select
              id={ids.apply}
              value=""
              onChange={(event) => {
                const template = templates.find((t) => String(t.id) === event.target.value);
                if (template) void setOptions({ mapping: template.mapping });
              }}
            >
              <option value="">Choose a template…</option>
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </section>
  );
}
