import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import type { ApiError } from '../../../electron/api/contract';
import type { Settings } from '../../../electron/api/schemas/settings';
import { useSettingsStore } from '../../stores/settings';

type Issues = NonNullable<ApiError['issues']>;

const allTimeZones = (current: string) => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones].sort();
};

export function OrganizationForm({ settings }: { settings: Settings }) {
  const save = useSettingsStore((state) => state.save);
  const [name, setName] = useState(settings.organizationName);
  const [timeZone, setTimeZone] = useState(settings.siteTimeZone);
  const [issues, setIssues] = useState<Issues>([]);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => allTimeZones(settings.siteTimeZone), [settings.siteTimeZone]);
  const ids = { name: useId(), zone: useId(), nameError: useId(), zoneHelp: useId() };

  // Only a change of the stored values resets the fields: a background reload of the same settings must not
  // overwrite what the person is typing.
  useEffect(() => {
    setName(settings.organizationName);
    setTimeZone(settings.siteTimeZone);
  }, [settings.organizationName, settings.siteTimeZone]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setMessage('');
    const problems = await save({ organizationName: name, siteTimeZone: timeZone });
    setSaving(false);
    setIssues(problems ?? []);
    setMessage(problems === null ? 'Settings saved.' : '');
  }

  const nameIssue = issues.find((issue) => issue.path === 'organizationName');
  const zoneIssue = issues.find((issue) => issue.path === 'siteTimeZone');
  return (
    <form className="form" onSubmit={submit} aria-labelledby="organization-heading" noValidate>
      <h2 id="organization-heading">Organization</h2>
      <div className="field">
        <label htmlFor={ids.name}>Organization name</label>
        <input
          id={ids.name}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameIssue ? true : undefined}
          aria-describedby={nameIssue ? ids.nameError : undefined}
        />
        {nameIssue && (
          <p id={ids.nameError} className="field-error">
            The organization name {nameIssue.message}.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.zone}>Site time zone</label>
        <select
          id={ids.zone}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          aria-describedby={ids.zoneHelp}
          aria-invalid={zoneIssue ? true : undefined}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p id={ids.zoneHelp} className="field-help">
          {zoneIssue
            ? `The time zone ${zoneIssue.message}.`
            : `Maintenance windows of ${settings.siteName} are planned in this time zone, daylight saving included.`}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          Save settings
        </button>
        <p role="status" className="form-status">
          {message}
        </p>
      </div>
    </form>
  );
}
