import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { DeviceFacets } from '../../../electron/api/schemas/devices';
import { usePopoverDismiss } from '../../components/use-popover-dismiss';
import { useShortcutAction } from '../../keyboard/shortcuts';
import {
  COLUMN_LABELS,
  counted,
  DEVICE_COLUMNS,
  labelOf,
  NETWORK_STATE_LABELS,
  PATCH_STATUS_LABELS,
  STATE_LABELS,
} from '../../labels';
import { DEFAULT_COLUMNS, type Filters, type SortField, useDevicesStore } from '../../stores/devices';

const CHOOSABLE: readonly SortField[] = [
  ...DEVICE_COLUMNS,
  'state',
  'networkState',
  'priority',
  'advisories',
  'patchStatus',
  'updatedAt',
];
// Long enough to take a fast typist's burst as one search, short enough to feel immediate.
/** The filters; `words` turn the stored values of a status into what the register shows (names show as named). */
const FILTERS = [
  { key: 'department', label: 'Department', facet: 'departments' },
  { key: 'vendor', label: 'Vendor', facet: 'vendors' },
  { key: 'family', label: 'Product family', facet: 'families' },
  { key: 'os', label: 'Operating system', facet: 'oses' },
  { key: 'state', label: 'State', facet: 'states', words: STATE_LABELS },
  { key: 'advisory', label: 'Advisory', facet: 'advisories' },
  { key: 'patchStatus', label: 'Patch', facet: 'patchStatuses', words: PATCH_STATUS_LABELS },
  { key: 'networkState', label: 'Network', facet: 'networkStates', words: NETWORK_STATE_LABELS },
] as const satisfies readonly {
  key: keyof Filters;
  label: string;
  facet: keyof DeviceFacets;
  words?: Readonly<Record<string, string>>;
}[];

const SEARCH_DELAY_MS = 40;
/** The column list keeps this much of the window free below it. */
const CHOOSER_MARGIN_PX = 16;
const CHOOSER_MIN_PX = 160;

/**
 * The shown columns with one more: it goes right after the nearest column before it in the chooser's order that
 * is shown, so the others (priority and advisories beside the asset tag) stay where they are.
 */
function withColumn(columns: readonly SortField[], column: SortField): SortField[] {
  if (columns.includes(column)) return [...columns];
  const before = CHOOSABLE.slice(0, CHOOSABLE.indexOf(column)).reverse();
  const after = before.find((c) => columns.includes(c));
  const at = after === undefined ? 0 : columns.indexOf(after) + 1;
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}

/** Where focus goes when Escape leaves the search box: the register, where j and k work. */
function focusRegister() {
  document.querySelector<HTMLElement>('.device-scroll')?.focus();
}

function FilterSelect({
  label,
  values,
  words,
  value,
  onChange,
}: {
  label: string;
  values: readonly string[];
  words?: Readonly<Record<string, string>>;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {words ? labelOf(words, v) : v}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DeviceToolbar() {
  const { query, facets, total, columns } = useDevicesStore();
  const { setSearch, setFilters, setColumns } = useDevicesStore.getState();
  const [search, setSearchText] = useState(query.search);
  const searchId = useId();
  const searchBox = useRef<HTMLInputElement>(null);
  // `/` anywhere: search devices.
  useShortcutAction('focus-search', () => {
    searchBox.current?.focus();
    searchBox.current?.select();
  });
  useEffect(() => {
    if (search === useDevicesStore.getState().query.search) return;
    const timer = setTimeout(() => setSearch(search), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, setSearch]);
  const chooser = useRef<HTMLDetailsElement>(null);
  usePopoverDismiss(chooser);
  const [chooserHeight, setChooserHeight] = useState<number | null>(null);
  // The open column list fits between its button and the bottom of the window, and scrolls inside.
  useEffect(() => {
    const fit = () => {
      const details = chooser.current;
      if (!details?.open) return;
      const bottom = details.querySelector('summary')?.getBoundingClientRect().bottom ?? 0;
      setChooserHeight(Math.max(CHOOSER_MIN_PX, window.innerHeight - bottom - CHOOSER_MARGIN_PX));
    };
    window.addEventListener('resize', fit);
    window.addEventListener('scroll', fit, true);
    return () => {
      window.removeEventListener('resize', fit);
      window.removeEventListener('scroll', fit, true);
    };
  }, []);
  function onChooserToggle() {
    const details = chooser.current;
    if (!details?.open) return;
    const bottom = details.querySelector('summary')?.getBoundingClientRect().bottom ?? 0;
    setChooserHeight(Math.max(CHOOSER_MIN_PX, window.innerHeight - bottom - CHOOSER_MARGIN_PX));
  }
  // Escape in the search box: the first clears it, the next (or one in an empty box) leaves it for the register.
  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (search !== '') setSearchText('');
    else focusRegister();
  }
  const filterBy = (key: keyof Filters) => (value: string | undefined) =>
    setFilters({ ...query.filters, [key]: value === undefined ? undefined : [value] });

  return (
    <div className="toolbar">
      <div className="field field-inline device-search">
        <label htmlFor={searchId}>Search devices</label>
        <input
          ref={searchBox}
          id={searchId}
          type="search"
          value={search}
          placeholder="Asset tag, model, IP, room…"
          onChange={(event) => setSearchText(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
      </div>
      {facets &&
        FILTERS.map((filter) => (
          <FilterSelect
            key={filter.key}
            label={filter.label}
            values={facets[filter.facet]}
            words={'words' in filter ? filter.words : undefined}
            value={query.filters[filter.key]?.[0]}
            onChange={filterBy(filter.key)}
          />
        ))}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={query.filters.flagged === true}
          onChange={(event) => setFilters({ ...query.filters, flagged: event.target.checked || undefined })}
        />
        Only flagged values
      </label>
      <details ref={chooser} className="column-chooser" onToggle={onChooserToggle}>
        <summary>Columns</summary>
        <div
          className="column-popover"
          style={chooserHeight === null ? undefined : { maxHeight: chooserHeight }}
        >
          <fieldset>
            <legend>Columns to show</legend>
            {CHOOSABLE.map((column) => (
              <label key={column} className="checkbox">
                <input
                  type="checkbox"
                  checked={columns.includes(column)}
                  onChange={(event) =>
                    setColumns(
                      event.target.checked
                        ? withColumn(columns, column)
                        : columns.filter((c) => c !== column),
                    )
                  }
                />
                {COLUMN_LABELS[column]}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button-quiet" onClick={() => setColumns(DEFAULT_COLUMNS)}>
            Reset columns
          </button>
        </div>
      </details>
      <p className="result-count" role="status">
        {total === null ? 'Loading…' : counted(total, 'device')}
      </p>
    </div>
  );
}
