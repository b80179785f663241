import { DateTime } from 'luxon';
import { useSettingsStore } from './stores/settings';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A stored instant as the site's local date and time, ISO-style ("2026-11-29 19:58"): the zone the audit trail,
 * the reports and the change lines beside it use, whatever the zone of this computer. (Swedish writes dates the
 * ISO way.) Read from the settings when called: views render again with the data they show.
 */
export function dateTime(iso: string): string {
  const zone = useSettingsStore.getState().settings?.siteTimeZone ?? 'UTC';
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: zone });
    formats.set(zone, format);
  }
  return format.format(new Date(iso));
}

/** Today's date (YYYY-MM-DD) in a site's time zone, as the core reads local dates. */
export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate() as string;

/** A local date some days later (or earlier), as YYYY-MM-DD. */
export const plusDays = (date: string, days: number) =>
  DateTime.fromISO(date).plus({ days }).toISODate() as string;
