/** Documented limits of a device import (README, "Importing devices"); past them a file is refused up front. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 500_000;
export const MAX_CELL_CHARS = 10_000;
export const MAX_COLUMNS = 500;
/** How many rows the preview shows. */
export const PREVIEW_ROWS = 100;
