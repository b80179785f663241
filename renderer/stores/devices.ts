import { create } from 'zustand';
import type { InputOf } from '../../electron/api/contract';
import type { Device, DeviceDetail, DeviceFacets } from '../../electron/api/schemas/devices';
import { counted } from '../../electron/api/words';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

export const PAGE_SIZE = 200;

type Query = Required<Pick<InputOf<'listDevices'>, 'search' | 'filters' | 'sort'>>;
export type SortField = Query['sort']['field'];
export type Filters = Query['filters'];
export type BulkChanges = InputOf<'bulkUpdateDevices'>['changes'];

export const DEFAULT_COLUMNS: readonly SortField[] = [
  'assetTag',
  'priority',
  'advisories',
  'vendor',
  'model',
  'modality',
  'department',
  'location',
  'os',
  'softwareVersion',
  'state',
];

interface DevicesState {
  readonly query: Query;
  readonly total: number | null;
  /** Loaded pages of the current query, by page number; the table asks for the pages it shows. */
  readonly pages: ReadonlyMap<number, readonly Device[]>;
  readonly facets: DeviceFacets | null;
  readonly columns: readonly SortField[];
  /** Devices ticked one by one (or every loaded row, from the header's box). */
  readonly selected: ReadonlySet<number>;
  /**
   * Every device matching the search and filters is selected, loaded or not ("Select all 1,667 devices matching
   * this filter"): a bulk change then names the filter, and the core finds the devices.
   */
  readonly allMatching: boolean;
  /** What the last bulk change did, said until the next selection or query. */
  readonly bulkMessage: string;
  /** Why the last bulk change was refused; the next attempt replaces it. */
  readonly bulkProblem: string;
  readonly detail: DeviceDetail | null;
  /** Bumped with every new query, so answers to an older one are dropped. */
  readonly generation: number;
  setSearch(search: string): void;
  setFilters(filters: Filters): void;
  setSort(field: SortField): void;
  setColumns(columns: readonly SortField[]): void;
  ensurePages(first: number, last: number): Promise<void>;
  reload(): Promise<void>;
  loadFacets(): Promise<void>;
  /**
   * Ticks or unticks the device at row `index`; with `range` (Shift held) every loaded row from the last one
   * ticked or unticked to this one takes the same state, as in a file manager.
   */
  toggleSelected(id: number, index: number, range?: boolean): void;
  selectAllLoaded(select: boolean): void;
  selectAllMatching(): void;
  clearSelection(): void;
  /** The change for the selected devices (by id, or by the filter); clears the selection once it is done. */
  applyBulk(changes: BulkChanges): Promise<boolean>;
  openDetail(id: number): Promise<void>;
  closeDetail(): void;
}

const loading = new Set<string>();

export const useDevicesStore = create<DevicesState>()((set, get) => {
  // The device last ticked or unticked by hand: where a Shift-click range starts (not state: nothing shows it).
  let lastToggled: number | null = null;
  const loadedIndexOf = (id: number): number | null => {
    for (const [page, devices] of get().pages) {
      const at = devices.findIndex((d) => d.id === id);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return null;
  };
  const loadedIds = () => [...get().pages.values()].flat().map((d) => d.id);
  const noSelection = { selected: new Set<number>(), allMatching: false } as const;
  /** A new search or filter: other devices, so nothing stays selected (a new order keeps the selection). */
  const requery = (change: Partial<Query>) => {
    lastToggled = null;
    set((state) => ({
      query: { ...state.query, ...change },
      pages: new Map(),
      generation: state.generation + 1,
      ...('sort' in change && Object.keys(change).length === 1
        ? {}
        : { ...noSelection, bulkMessage: '', bulkProblem: '' }),
    }));
    void get().ensurePages(0, 0);
  };

  return {
    query: { search: '', filters: {}, sort: { field: 'assetTag', direction: 'asc' } },
    total: null,
    pages: new Map(),
    facets: null,
    columns: DEFAULT_COLUMNS,
    selected: new Set(),
    allMatching: false,
    bulkMessage: '',
    bulkProblem: '',
    detail: null,
    generation: 0,
    setSearch: (search) => requery({ search }),
    setFilters: (filters) => requery({ filters }),
    setSort: (field) => {
      const { sort } = get().query;
      requery({
        sort: { field, direction: sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc' },
      });
    },
    setColumns: (columns) => set({ columns }),
    async ensurePages(first, last) {
      const { generation, query } = get();
      for (let page = first; page <= last; page++) {
        const key = `${generation}:${page}`;
        if (get().pages.has(page) || loading.has(key)) continue;
        loading.add(key);
        const result = await call('listDevices', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        loading.delete(key);
        if (get().generation !== generation) return;
        if (!result.ok) return reportError(result.error);
        set((state) => ({
          total: result.value.total,
          pages: new Map(state.pages).set(page, result.value.rows),
        }));
      }
    },
    async reload() {
      set((state) => ({ pages: new Map(), generation: state.generation + 1 }));
      await Promise.all([get().ensurePages(0, 0), get().loadFacets()]);
      const detail = get().detail;
      if (detail) await get().openDetail(detail.id);
    },
    async loadFacets() {
      const result = await call('getDeviceFacets', {});
      if (result.ok) set({ facets: result.value });
      else reportError(result.error);
    },
    toggleSelected(id, index, range = false) {
      // Unticking one device of "all matching" leaves the loaded rows ticked, as a mail client does.
      const selected = new Set(get().allMatching ? loadedIds() : get().selected);
      const select = !selected.has(id);
      const anchor = range && lastToggled !== null ? loadedIndexOf(lastToggled) : null;
      const [from, to] =
        anchor === null ? [index, index] : [Math.min(anchor, index), Math.max(anchor, index)];
      for (let row = from; row <= to; row++) {
        const device = get().pages.get(Math.floor(row / PAGE_SIZE))?.[row % PAGE_SIZE];
        if (!device) continue;
        if (select) selected.add(device.id);
        else selected.delete(device.id);
      }
      lastToggled = id;
      set({ selected, allMatching: false, bulkMessage: '', bulkProblem: '' });
    },
    selectAllLoaded(select) {
      set(
        select
          ? { selected: new Set(loadedIds()), allMatching: false, bulkMessage: '', bulkProblem: '' }
          : { ...noSelection, bulkProblem: '' },
      );
    },
    selectAllMatching() {
      set({ selected: new Set(loadedIds()), allMatching: true, bulkMessage: '', bulkProblem: '' });
    },
    clearSelection() {
      lastToggled = null;
      set(noSelection);
    },
    async applyBulk(changes) {
      const { allMatching, selected, query, total } = get();
      const result = await call(
        'bulkUpdateDevices',
        allMatching
          ? { matching: { search: query.search, filters: query.filters, count: total ?? undefined }, changes }
          : { ids: [...selected], changes },
      );
      if (!result.ok) {
        set({ bulkProblem: result.error.message, bulkMessage: '' });
        return false;
      }
      lastToggled = null;
      set({
        ...noSelection,
        bulkProblem: '',
        bulkMessage: `${counted(result.value.updated, 'device')} changed, ${result.value.unchanged.toLocaleString()} already so.`,
      });
      return true;
    },
    async openDetail(id) {
      const result = await call('getDevice', { id });
      if (result.ok) set({ detail: result.value });
      else reportError(result.error);
    },
    closeDetail: () => set({ detail: null }),
  };
});

onDataChanged((changed) => {
  if (changed.includes('devices')) void useDevicesStore.getState().reload();
});
