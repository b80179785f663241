import { useEffect, useId, useRef } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { keepTabInside } from '../../keyboard/focus-trap';
import { useScheduleStore, type WindowFormState } from '../../stores/schedule';
import { CreateWindow } from './CreateWindow';
import { EditWindow } from './EditWindow';
import { KIND_LABELS } from './time';

interface Props {
  readonly form: WindowFormState;
  /** The windows on the timeline, to show the newest state of the one being edited. */
  readonly windows: readonly PlannedWindow[];
  readonly teams: readonly string[];
  /** The time zone of a department's site, by department name (any case). */
  readonly zoneOf: (department: string | null) => string;
}

/** A modal dialog (Escape closes it, focus stays inside) to plan a new window or change, finish or remove one. */
export function WindowForm({ form, windows, teams, zoneOf }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useScheduleStore((state) => state.closeForm);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement as HTMLElement | null;
    if (element && !element.open) element.showModal();
    // Opened with `d` (mark done): start in the Mark done form instead of at the Close button.
    const { form: opened } = useScheduleStore.getState();
    if (opened?.mode === 'edit' && opened.focus === 'mark-done')
      element?.querySelector<HTMLElement>('form[aria-label="Mark done"] input')?.focus();
    return () => {
      if (element?.open) element.close();
      const id = useScheduleStore.getState().selectedId;
      const bar = id === null ? null : document.querySelector<HTMLElement>(`[data-window-id="${id}"]`);
      (bar ?? (opener?.isConnected ? opener : null))?.focus();
    };
  }, []);

  const current = form.mode === 'edit' ? (windows.find((w) => w.id === form.window.id) ?? form.window) : null;
  return (
    <dialog
      ref={dialog}
      className="window-dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => keepTabInside(event, event.currentTarget)}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{current ? `${current.assetTag} · ${KIND_LABELS[current.kind]}` : 'New window'}</h2>
        <button type="button" className="button-quiet" onClick={close}>
          Close
        </button>
      </div>
      {current ? (
        <EditWindow window={current} teams={teams} />
      ) : (
        <CreateWindow
          form={form as Extract<WindowFormState, { mode: 'create' }>}
          teams={teams}
          zoneOf={zoneOf}
        />
      )}
    </dialog>
  );
}
