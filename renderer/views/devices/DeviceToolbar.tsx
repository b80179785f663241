import { useEffect, useId, useRef, useState } from 'react';
import type { DeviceFacets, DeviceState } from '../../../electron/api/schemas/devices';
import { useShortcutAction } from '../../keyboard/shortcuts';
import { COLUMN_LABELS, counted, DEVICE_COLUMNS, STATE_LABELS } from '../../labels';
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
const FILTERS = [
  { key: 'department', label: 'Department', facet: 'departments' },
  { key: 'vendor', label: 'Vendor', facet: 'vendors' },
  { key: 'family', label: 'Product family', facet: 'families' },
  { key: 'os', label: 'Operating system', facet: 'oses' },
  { key: 'state', label: 'State', facet: 'states' },
  { key: 'advisory', label: 'Advisory', facet: 'advisories' },
  { key: 'patchStatus', label: 'Patch', facet: 'patchStatuses' },
  { key: 'networkState', label: 'Network', facet: 'networkStates' },
] as const satisfies readonly { key: keyof Filters; label: string; facet: keyof DeviceFacets }[];

const SEARCH_DELAY_MS = 40;

function FilterSelect({
  label,
  values,
  value,
  onChange,
}: {
  label: string;
  values: readonly string[];
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
            {label === 'State' ? STATE_LABELS[v as DeviceState] : v}
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
  const filter = (key: keyof Filters) => (value: string | undefined) =>
    setFilters({ ...query.filters, [key]: value === undefined ? undefined : [value] });

  return (
    <div className="toolbar">
      <div className="field field-inline">
        <label htmlFor={searchId}>Search devices</label>
        <input
          ref={searchBox}
          id={searchId}
          type="search"
          value={search}
          placeholder="Asset tag, model, IP, room…"
          onChange={(event) => setSearchText(event.target.value)}
        />
      </div>
      {facets &&
        FILTERS.map(({ key, label, facet }) => (
          <FilterSelect
            key={key}
            label={label}
            values={facets[facet]}
            value={query.filters[key]?.[0]}
            onChange={filter(key)}
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
      <details className="column-chooser">
        <summary>Columns</summary>
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
                      ? CHOOSABLE.filter((c) => c === column || columns.includes(c))
                      : columns.filter((c) => c !== column),
                  )
                }
              />
              {COLUMN_LABELS[column]}
            </label>
          ))}
          <button type="button" className="button-quiet" onClick={() => setColumns(DEFAULT_COLUMNS)}>
            Reset columns
          </button>
        </fieldset>
      </details>
      <p className="result-count" role="status">
        {total === null ? 'Loading…' : counted(total, 'device')}
      </p>
    </div>
  );
}
