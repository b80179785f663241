import type { ReactNode } from 'react';

interface Props<Row extends { key: number }> {
  /** "product", "vulnerability": names the Add and Remove buttons. */
  readonly noun: string;
  readonly rows: readonly Row[];
  readonly onRows: (rows: Row[]) => void;
  readonly newRow: () => Row;
  /** Moves the focus into a row: the new one, or the one before a removed row. */
  readonly focus: (key: number) => void;
  readonly children: (row: Row, index: number, change: (next: Row) => void) => ReactNode;
}

/** Rows of a form to add and remove, at least one kept; each row's fields come from `children`. */
export function EditableRows<Row extends { key: number }>({
  noun,
  rows,
  onRows,
  newRow,
  focus,
  children,
}: Props<Row>) {
  return (
    <>
      {rows.map((row, index) => (
        <div key={row.key} data-row={row.key} className="manual-row">
          {children(row, index, (next) => onRows(rows.map((r) => (r.key === row.key ? next : r))))}
          <button
            type="button"
            className="link-button"
            disabled={rows.length === 1}
            onClick={() => {
              onRows(rows.filter((r) => r.key !== row.key));
              focus((rows[index - 1] ?? rows[1] ?? row).key);
            }}
          >
            Remove {noun} {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          const row = newRow();
          onRows([...rows, row]);
          focus(row.key);
        }}
      >
        Add a {noun}
      </button>
    </>
  );
}
