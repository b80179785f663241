import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ColumnMapping, mappingTemplate } from '../../../electron/api/schemas/device-import';
import { call } from '../../api';
import { counted } from '../../labels';
import { useDeviceImportStore } from '../../stores/device-import';
import { reportError } from '../../stores/errors';

type Template = z.infer<typeof mappingTemplate>;

/** Focuses the element when it appears (the first button of a question, the field of a rename). */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

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
  const questionId = useId();
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <div className="inline-question">
      <span id={questionId}>A template is already called "{name}". Replace its mapping with this one?</span>
      <button
        ref={first}
        type="button"
        className="button-quiet"
        aria-describedby={questionId}
        onClick={() => void onReplace()}
      >
        Replace "{name}"
      </button>
      <button type="button" className="button-quiet" onClick={onKeep}>
        Keep it
      </button>
    </div>
  );
}

type Mode = 'idle' | 'renaming' | 'deleting';

function TemplateItem({
  template,
  apply,
  changed,
}: {
  template: Template;
  apply: () => Promise<void>;
  changed: (message: string, refocus?: boolean) => void;
}) {
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const columns = Object.keys(template.mapping).length;
  const renameRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);

  const [refocus, setRefocus] = useState<'rename' | 'delete' | null>(null);
  // Once the buttons are back, the one that opened the form or the question has the focus again.
  useEffect(() => {
    if (mode !== 'idle' || refocus === null) return;
    (refocus === 'rename' ? renameRef : deleteRef).current?.focus();
    setRefocus(null);
  }, [mode, refocus]);

  function back(focus: 'rename' | 'delete') {
    setMode('idle');
    setRefocus(focus);
  }

  return (
    <li className="template-item">
      {mode === 'renaming' ? (
        <RenameForm
          template={template}
          renamed={(message) => {
            changed(message);
            back('rename');
          }}
          cancel={() => back('rename')}
        />
      ) : (
        <>
          <span className="template-name">{template.name}</span>
          <span className="template-columns">{counted(columns, 'column')}</span>
          {mode === 'deleting' ? (
            <DeleteQuestion template={template} changed={changed} keep={() => back('delete')} />
          ) : (
            <span className="template-actions">
              <button
                type="button"
                className="button-quiet"
                aria-label={`Apply "${template.name}"`}
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  await apply();
                  setBusy(false);
                }}
              >
                Apply
              </button>
              <button
                ref={renameRef}
                type="button"
                className="button-quiet"
                aria-label={`Rename "${template.name}"…`}
                onClick={() => setMode('renaming')}
              >
                Rename…
              </button>
              <button
                ref={deleteRef}
                type="button"
                className="button-quiet"
                aria-label={`Delete "${template.name}"…`}
                onClick={() => setMode('deleting')}
              >
                Delete…
              </button>
            </span>
          )}
        </>
      )}
    </li>
  );
}

function RenameForm({
  template,
  renamed,
  cancel,
}: {
  template: Template;
  renamed: (message: string) => void;
  cancel: () => void;
}) {
  const [name, setName] = useState(template.name);
  const [problem, setProblem] = useState('');
  const inputId = useId();
  const problemId = useId();
  const input = useFocusOnMount<HTMLInputElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call('renameMappingTemplate', { id: template.id, name });
    if (!result.ok) {
      if (result.error.code === 'CONFLICT' || result.error.code === 'INVALID_INPUT')
        return setProblem(result.error.message);
      return reportError(result.error);
    }
    renamed(`Renamed "${template.name}" to "${result.value.name}".`);
  }

  return (
    <form
      className="inline-form template-rename"
      onSubmit={submit}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>New name for "{template.name}"</label>
        <input
          ref={input}
          id={inputId}
          value={name}
          maxLength={100}
          aria-invalid={problem !== '' || undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem('');
          }}
        />
      </div>
      <button type="submit" className="button-quiet" disabled={name.trim() === ''}>
        Save name
      </button>
      <button type="button" className="button-quiet" onClick={cancel}>
        Cancel
      </button>
      {problem && (
        <span id={problemId} role="alert" className="problem">
          {problem}
        </span>
      )}
    </form>
  );
}

function DeleteQuestion({
  template,
  changed,
  keep,
}: {
  template: Template;
  changed: (message: string, refocus?: boolean) => void;
  keep: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <span className="inline-question">
      <span id={questionId}>Delete the template? Imports made with it keep their mapping.</span>
      <button
        ref={first}
        type="button"
        className="button-quiet"
        aria-describedby={questionId}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await call('deleteMappingTemplate', { id: template.id });
          setBusy(false);
          if (!result.ok) return reportError(result.error);
          changed(`Deleted "${result.value.name}".`, true);
        }}
      >
        Delete "{template.name}"
      </button>
      <button type="button" className="button-quiet" disabled={busy} onClick={keep}>
        Keep it
      </button>
    </span>
  );
}
