import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSiteModelStore } from '../../../stores/site-model';
import { AvailabilityRules } from './AvailabilityRules';
import { BlackoutList } from './BlackoutList';
import { DepartmentSlots } from './DepartmentSlots';
import { departmentPath, useDepartmentDraft, useSiteDraft } from './draft';
import { useIssue } from './fields';

const DEPARTMENT_PATH = /^model\.sites\.(\d+)\.departments\.(\d+)/;
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Pick a site and one of its departments; the department's slots, blackouts and rules; the site's blackouts. */
export function DepartmentPlanning() {
  const siteNames = useSiteModelStore((state) => state.draft?.sites.map((s) => s.name).join('\n') ?? '');
  const [siteName, setSiteName] = useState('');
  const [departmentName, setDepartmentName] = useState('');
  const sites = siteNames === '' ? [] : siteNames.split('\n');
  const siteIndex = Math.max(
    0,
    sites.findIndex((name) => sameName(name, siteName)),
  );
  const [site, changeSite] = useSiteDraft(siteIndex);
  const departments = site?.departments ?? [];
  const departmentIndex = Math.max(
    0,
    departments.findIndex((d) => sameName(d.name, departmentName)),
  );
  const [department] = useDepartmentDraft(siteIndex, departmentIndex);
  const ids = { heading: useId(), site: useId(), department: useId(), newName: useId(), newIssue: useId() };
  const [newName, setNewName] = useState('');
  const [newProblem, setNewProblem] = useState('');
  const departmentIssue = useIssue(departmentPath(siteIndex, departmentIndex));
  // After a refused save, show the department the first problem is in, so its fields show their messages.
  const firstIssuePath = useSiteModelStore(
    (state) => state.issues.find((issue) => DEPARTMENT_PATH.test(issue.path))?.path ?? '',
  );
  useEffect(() => {
    const [, s, d] = DEPARTMENT_PATH.exec(firstIssuePath) ?? [];
    const target = useSiteModelStore.getState().draft?.sites[Number(s)];
    const name = target?.departments[Number(d)]?.name;
    if (!target || name === undefined) return;
    setSiteName(target.name);
    setDepartmentName(name);
  }, [firstIssuePath]);
  if (!site) return null;

  const addDepartment = (event?: FormEvent) => {
    event?.preventDefault();
    const name = newName.trim();
    if (name === '') return setNewProblem('Type the name of the department first.');
    if (departments.some((d) => sameName(d.name, name)))
      return setNewProblem(`${site.name} already has a department called "${name}".`);
    changeSite(
      (s) => void s.departments.push({ name, maintenanceSlots: [], blackouts: [], availability: [] }),
    );
    setDepartmentName(name);
    setNewName('');
    setNewProblem('');
  };

  return (
    <section aria-labelledby={ids.heading} className="planning-block">
      <h3 id={ids.heading}>Departments</h3>
      <div className="inline-form">
        {sites.length > 1 ? (
          <div className="field">
            <label htmlFor={ids.site}>Site</label>
            <select id={ids.site} value={site.name} onChange={(event) => setSiteName(event.target.value)}>
              {sites.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {departments.length > 0 && (
          <div className="field">
            <label htmlFor={ids.department}>Department</label>
            <select
              id={ids.department}
              value={department?.name ?? ''}
              onChange={(event) => setDepartmentName(event.target.value)}
            >
              {departments.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.newName}>New department</label>
          <input
            id={ids.newName}
            value={newName}
            maxLength={200}
            aria-invalid={newProblem ? true : undefined}
            aria-describedby={newProblem ? ids.newIssue : undefined}
            onChange={(event) => setNewName(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the department here instead of saving the whole form.
              if (event.key === 'Enter') addDepartment(event);
            }}
          />
        </div>
        <button type="button" className="button-quiet planning-add" onClick={() => addDepartment()}>
          Add department
        </button>
      </div>
      {newProblem && (
        <p id={ids.newIssue} className="field-error">
          {newProblem}
        </p>
      )}
      <p className="field-help">
        {site.name} plans in the time zone {site.timeZone}
        {sites.length > 1 ? '' : ' (Organization, above, changes it)'}. Departments also come with the device
        import; a saved department stays, since devices refer to it.
      </p>
      {departments.length === 0 && (
        <p>{site.name} has no departments yet. Import devices, or add a department here.</p>
      )}
      {department && (
        <div className="planning-department">
          {departmentIssue && (
            <p className="field-error">
              {department.name} {departmentIssue}.
            </p>
          )}
          <DepartmentSlots site={siteIndex} department={departmentIndex} />
          <BlackoutList
            heading={`Blackout dates of ${department.name}`}
            owner={department.name}
            blackouts={department.blackouts}
            path={`${departmentPath(siteIndex, departmentIndex)}.blackouts`}
            change={(recipe, reshapes) =>
              changeSite((s) => {
                const d = s.departments[departmentIndex];
                if (d) recipe(d.blackouts);
              }, reshapes)
            }
          />
          <AvailabilityRules site={siteIndex} department={departmentIndex} />
        </div>
      )}
      <BlackoutList
        heading={`Site-wide blackout dates of ${site.name}`}
        owner={`every department of ${site.name}`}
        blackouts={site.blackouts}
        path={`model.sites.${siteIndex}.blackouts`}
        change={(recipe, reshapes) => changeSite((s) => recipe(s.blackouts), reshapes)}
      />
    </section>
  );
}
