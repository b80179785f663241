import { Fragment, useEffect, useId, useRef } from 'react';
import { keepTabInside } from '../keyboard/focus-trap';
import {
  closeShortcutsHelp,
  openShortcutsHelp,
  SHORTCUT_GROUPS,
  useShortcutsHelp,
} from '../keyboard/shortcuts';

/**
 * The header's "Keyboard shortcuts" button and the dialog it opens (also opened with `?`): a native modal
 * <dialog>, so Escape closes it and focus stays inside; on closing, focus returns to where it was.
 */
export function ShortcutsHelp() {
  const open = useShortcutsHelp((state) => state.open);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button type="button" className="button-quiet shortcuts-button" onClick={openShortcutsHelp}>
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialog}
        className="dialog shortcuts-help"
        aria-labelledby={titleId}
        // A modal dialog keeps the page inert, but Tab may still leave for the browser's own controls: wrap it.
        onKeyDown={(event) => keepTabInside(event, event.currentTarget)}
        onClose={() => {
          closeShortcutsHelp();
          if (opener.current?.isConnected) opener.current.focus();
          opener.current = null;
        }}
      >
        <div className="dialog-title-row">
          <h2 id={titleId}>Keyboard shortcuts</h2>
          <button type="button" className="button-quiet" onClick={closeShortcutsHelp}>
            Close
          </button>
        </div>
        <p className="field-help">
          Letters act only while no text field has the focus (press <kbd>Tab</kbd> to leave one); <kbd>g</kbd>{' '}
          waits a moment for its second key.
        </p>
        <div className="shortcut-groups">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.where} aria-label={group.where}>
              <h3>{group.where}</h3>
              <dl className="shortcut-list">
                {group.shortcuts.map((shortcut) => (
                  <Fragment key={`${shortcut.keys.join(' ')} ${shortcut.what}`}>
                    <dt>
                      {shortcut.keys.map((alternative, index) => (
                        <Fragment key={alternative}>
                          {index > 0 && ' or '}
                          {alternative.split(' ').map((key, step) => (
                            <Fragment key={key}>
                              {step > 0 && ' then '}
                              <kbd>{key}</kbd>
                            </Fragment>
                          ))}
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{shortcut.what}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
