import { type FormEvent, type ReactNode, useId, useState } from 'react';

/** A one-field form that adds an entry (a model to a family, a spelling to a vendor) and empties on success. */
export function AddEntryForm({
  formLabel,
  fieldLabel,
  placeholder,
  button,
  onAdd,
  children,
}: {
  formLabel: string;
  fieldLabel: string;
  placeholder: string;
  button: string;
  onAdd: (text: string) => Promise<boolean>;
  /** Fields that come before the text, such as which vendor. */
  children?: ReactNode;
}) {
  const [text, setText] = useState('');
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onAdd(text)) setText('');
  }
  return (
    <form className="inline-form catalog-add" aria-label={formLabel} onSubmit={submit}>
      {children}
      <div className="field field-inline">
        <label htmlFor={id}>{fieldLabel}</label>
        <input
          id={id}
          value={text}
          maxLength={200}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="button-quiet" disabled={text.trim() === ''}>
        {button}
      </button>
    </form>
  );
}
