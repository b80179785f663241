import { type FormEvent, useEffect } from 'react';
import { useSiteModelStore } from '../../../stores/site-model';
import { DepartmentPlanning } from './DepartmentPlanning';
import { DurationsForm } from './DurationsForm';
import { PoliciesForm } from './PoliciesForm';
import { SaveBar, SaveProblems } from './SaveBar';
import { SiteModelFile } from './SiteModelFile';
import { TeamList } from './TeamList';

/** Settings > Planning: the site model the auto-planner works with, edited as a whole and saved with one button. */
export function PlanningSettings() {
  const loaded = useSiteModelStore((state) => state.draft !== null);
  const load = useSiteModelStore((state) => state.load);
  const save = useSiteModelStore((state) => state.save);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  return (
    <section className="panel planning" aria-labelledby="planning-heading">
      <h2 id="planning-heading">Planning</h2>
      <p className="view-intro">
        When each department can give a device up, the days nothing may be planned, how many devices of a
        modality may be down at once, who does the work, how long it takes, and the deadlines the planner
        keeps.
      </p>
      <SiteModelFile />
      {loaded ? (
        <form onSubmit={submit} aria-label="Planning settings" noValidate>
          <SaveBar />
          <SaveProblems />
          <DepartmentPlanning />
          <TeamList />
          <DurationsForm />
          <PoliciesForm />
        </form>
      ) : (
        <p>Loading the site model…</p>
      )}
    </section>
  );
}
