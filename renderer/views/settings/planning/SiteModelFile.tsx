import { useId, useState } from 'react';
import { call } from '../../../api';
import { saveFile } from '../../../save-file';
import { useSiteModelStore } from '../../../stores/site-model';
import { pathInFile, plainMessage } from './issue-words';

const localDate = (date = new Date()) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

interface Outcome {
  readonly ok: boolean;
  readonly text: string;
  readonly lines?: readonly string[];
}

/** The whole site model as a JSON file, out and in (the same file `isopatch site export|import` writes and reads). */
export function SiteModelFile() {
  const dirty = useSiteModelStore((state) => state.dirty);
  const adopt = useSiteModelStore((state) => state.adopt);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ids = { input: useId(), help: useId() };

  async function exportModel() {
    const result = await call('getSiteModel', {});
    if (!result.ok) return setOutcome({ ok: false, text: `Not exported: ${result.error.message}` });
    const fileName = `isopatch-site-model-${localDate()}.json`;
    saveFile(fileName, `${JSON.stringify(result.value, null, 2)}\n`, 'application/json');
    setOutcome({ ok: true, text: `Exported the saved site model as ${fileName}.` });
  }

  async function importModel(file: File) {
    setOutcome(null);
    let model: unknown;
    try {
      model = JSON.parse(await file.text());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return setOutcome({ ok: false, text: `${file.name} was not imported: it is not JSON (${reason}).` });
    }
    // The core validates the whole file; nothing is saved unless all of it is right.
    const result = await call('saveSiteModel', { model: model as never });
    if (!result.ok) {
      const lines = result.error.issues?.map(
        (issue) => `${file.name}: at ${pathInFile(issue.path)}: ${plainMessage(issue.message)}`,
      );
      return setOutcome({
        ok: false,
        text: `${file.name} was not imported; nothing changed.${lines ? '' : ` ${result.error.message}`}`,
        lines,
      });
    }
    adopt(result.value.model, result.value.keptTeams);
    const kept = result.value.keptTeams;
    setOutcome({
      ok: true,
      text: `Imported ${file.name}.${kept.length > 0 ? ` Kept ${kept.map((n) => `"${n}"`).join(', ')}, since planned windows use ${kept.length === 1 ? 'it' : 'them'}.` : ''}`,
    });
  }

  return (
    <div className="planning-file">
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={() => void exportModel()}>
          Export site model
        </button>
        <label htmlFor={ids.input} className="button-quiet planning-file-label">
          Import site model…
        </label>
        <input
          id={ids.input}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-describedby={ids.help}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importModel(file);
            event.target.value = '';
          }}
        />
      </div>
      <p id={ids.help} className="field-help">
        The file holds sites, departments, slots, blackouts, rules, teams, durations and policies. Importing
        saves it at once (all or nothing){dirty ? ' and replaces the unsaved changes below' : ''}; export
        saves nothing and writes the model as last saved.
      </p>
      {outcome &&
        (outcome.ok ? (
          <p className="form-status" aria-live="polite">
            {outcome.text}
          </p>
        ) : (
          <div role="alert" className="problem">
            <p className="planning-problem-title">{outcome.text}</p>
            {outcome.lines && (
              <ul className="issue-list">
                {outcome.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
    </div>
  );
}
