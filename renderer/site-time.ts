import { DateTime } from 'luxon';
import { useSettingsStore } from './stores/settings';

const formats = new Map<string, Intl.DateTimeFormat>();

/** This computer's zone: the browser's, which the site's may differ from. */
const computerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The zone times show in: the site's, so a time reads the same on every computer and beside the audit trail; while
 * the settings are not read (before they load, or on a refused database) this computer's.
 */
export const shownZone = (): string => useSettingsStore.getState().settings?.siteTimeZone ?? computerZone();

/** The same for a view, which renders again once the site's zone is read or changed. */
export const useShownZone = (): string =>
  useSettingsStore((state) => state.settings?.siteTimeZone) ?? computerZone();

function formatIn(zone: string, timeStyle: 'short' | 'medium'): Intl.DateTimeFormat {
  const key = `${zone} ${timeStyle}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/**
 * A stored instant as the site's local date and time, ISO-style ("2026-11-29 19:58"): the zone the audit trail,
 * the reports and the change lines beside it use, whatever the zone of this computer. (Swedish writes dates the
 * ISO way.) Read from the settings when called: views render again with the data they show.
 */
export const dateTime = (iso: string, zone = shownZone()): string =>
  formatIn(zone, 'short').format(new Date(iso));

/** The same to the second ("2026-11-29 19:58:04"), where two events of one minute must stay apart (backups). */
export const dateTimeSeconds = (iso: string, zone = shownZone()): string =>
  formatIn(zone, 'medium').format(new Date(iso));

/** Today's date (YYYY-MM-DD) in a site's time zone, as the core reads local dates. */
export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate() as string;

/** A local date some days later (or earlier), as YYYY-MM-DD. */
export const plusDays = (date: string, days: number) =>
  DateTime.fromISO(date).plus({ days }).toISODate() as string;
