import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { mappingTemplate } from '../../../electron/api/schemas/device-import';
import { call } from '../../api';
import { counted } from '../../labels';
import { reportError } from '../../stores/errors';
import { InlineQuestion } from './InlineQuestion';
import { useFocusOnMount } from './use-focus-on-mount';

type Template = z.infer<typeof mappingTemplate>;

type Mode = 'idle' | 'renaming' | 'deleting';

/** One saved template with its Apply, Rename… and Delete… (each asking or editing in place). */
export function TemplateItem({
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
  return (
    <InlineQuestion
      question="Delete the template? Imports made with it keep their mapping."
      confirm={`Delete "${template.name}"`}
      onConfirm={async () => {
        const result = await call('deleteMappingTemplate', { id: template.id });
        if (!result.ok) return reportError(result.error);
        changed(`Deleted "${result.value.name}".`, true);
      }}
      onKeep={keep}
    />
  );
}
