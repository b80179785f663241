import { useDemoStore } from '../stores/demo';
import { hrefOf } from '../stores/navigation';

/** The empty dashboard: start with your own device list, or look around the demo hospital first. */
export function FirstRun() {
  const switching = useDemoStore((state) => state.switching);
  const switchTo = useDemoStore((state) => state.switchTo);
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">No devices yet</h2>
      <div className="first-run-choices">
        <div className="first-run-choice">
          <h3>Start with your devices</h3>
          <ol className="first-run-steps">
            <li>
              Name your organization and set its sites' time zone (
              <a href={hrefOf('settings')}>organization and sites</a>): every report, plan and calendar
              carries them.
            </li>
            <li>
              Export the device list from your CMMS or asset tool (CSV or Excel) and import it as it is.
            </li>
            <li>
              Load the vendor advisories under <a href={hrefOf('advisories')}>Advisories</a> and confirm which
              devices are affected; then plan the work under Schedule.
            </li>
          </ol>
          <a className="button-primary first-run-action" href={hrefOf('devices', 'import')}>
            Import a device list
          </a>
        </div>
        <div className="first-run-choice">
          <h3>Look around first</h3>
          <p>
            A generated hospital group: 300 devices at 3 sites, the 2017 Siemens advisories, ten weeks of
            isolation and patch work and the plan ahead. It has its own database file and never mixes with
            your data; the banner at the top leads back.
          </p>
          <button
            type="button"
            className="button-quiet first-run-action"
            onClick={() => void switchTo('openDemo')}
            disabled={switching !== null}
          >
            {switching === 'openDemo' ? 'Opening the demo hospital…' : 'Explore the demo hospital'}
          </button>
          {switching === 'openDemo' && (
            <p className="first-run-progress" role="status">
              The first time, Isopatch writes ten weeks of work into the demo; this takes a few seconds.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
