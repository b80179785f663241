import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ColumnMapping, mappingTemplate } from '../../../electron/api/schemas/device-import';
import { call } from '../../api';
import { useDeviceImportStore } from '../../stores/device-import';
import { reportError } from '../../stores/errors';
import { InlineQuestion } from './InlineQuestion';
import { TemplateItem } from './SavedTemplate';

type Template = z.infer<typeof mappingTemplate>;

/**
 * Save the mapping under a name (not one that maps two columns to one field; an existing name only after asking
 * to replace it), or apply, rename or delete one saved before.
 */
export function MappingTemplates({ mapping, canSave }: { mapping: ColumnMapping; canSave: boolean }) {
  const applyTemplate = useDeviceImportStore((state) => state.applyTemplate);
  const note = useDeviceImportStore((state) => state.templateNote);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [name, setName] = useState('');
  const [said, setSaid] = useState('');
  /** The name taken by another template, while asking whether to replace it. */
  const [replacing, setReplacing] = useState<string | null>(null);
  const ids = { name: useId(), list: useId() };

  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads after each change (version)
  useEffect(() => {
    void call('listMappingTemplates', {}).then((result) => {
      if (result.ok) setTemplates(result.value);
      else reportError(result.error);
    });
  }, [version]);

  async function save(replace: boolean) {
    const result = await call('saveMappingTemplate', { name, mapping, replace });
    if (!result.ok) {
      if (result.error.code === 'CONFLICT' && !replace) return setReplacing(name.trim());
      return reportError(result.error);
    }
    setReplacing(null);
    setSaid(replace ? `Replaced "${result.value.name}".` : `Saved as "${result.value.name}".`);
    setName('');
    setVersion((v) => v + 1);
  }

  const heading = useRef<HTMLHeadingElement>(null);
  function changed(message: string, refocus = false) {
    setSaid(message);
    setVersion((v) => v + 1);
    // The deleted template's buttons are gone: keyboard focus goes to the section rather than the page's start.
    if (refocus) heading.current?.focus();
  }

  return (
    <section className="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading" ref={heading} tabIndex={-1}>
        Mapping templates
      </h2>
      <form
        className="inline-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <div className="field">
          <label htmlFor={ids.name}>Save this mapping as</label>
          <input
            id={ids.name}
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              setReplacing(null);
            }}
          />
        </div>
        <button type="submit" className="button-quiet" disabled={name.trim() === '' || !canSave}>
          Save template
        </button>
      </form>
      {replacing !== null && (
        <ReplaceQuestion name={replacing} onReplace={() => save(true)} onKeep={() => setReplacing(null)} />
      )}
      <p role="status" className="template-said">
        {said}
      </p>
      {note && (
        <p
          role={note.refused ? 'alert' : 'status'}
          className={note.refused ? 'template-note problem' : 'template-note'}
        >
          {note.message}
        </p>
      )}
      {templates.length > 0 && (
        <>
          <h3 id={ids.list}>Saved templates</h3>
          <ul className="template-list" aria-labelledby={ids.list}>
            {templates.map((template) => (
              <TemplateItem
                key={template.id}
                template={template}
                apply={() => applyTemplate(template.name, template.mapping)}
                changed={changed}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReplaceQuestion({
  name,
  onReplace,
  onKeep,
}: {
  name: string;
  onReplace: () => Promise<void>;
  onKeep: () => void;
}) {
  return (
    <InlineQuestion
      question={`A template is already called "${name}". Replace its mapping with this one?`}
      confirm={`Replace "${name}"`}
      onConfirm={onReplace}
      onKeep={onKeep}
    />
  );
}
