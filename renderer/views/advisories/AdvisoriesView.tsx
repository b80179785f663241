import { useEffect } from 'react';
import { useAdvisoriesStore } from '../../stores/advisories';
import { useNavigationStore } from '../../stores/navigation';
import { AdvisoryImport } from './AdvisoryImport';
import { AdvisoryList } from './AdvisoryList';
import { AdvisoryPage } from './AdvisoryPage';
import { ManualAdvisoryForm } from './ManualAdvisoryForm';
import { MatchReview } from './MatchReview';

export function AdvisoriesView() {
  const rest = useNavigationStore((state) => state.rest);
  const load = useAdvisoriesStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (rest[0]) return <AdvisoryPage id={decodeURIComponent(rest[0])} />;
  return (
    <>
      <h1>Advisories</h1>
      <p className="view-intro">
        Vendor and ICS-CERT advisories name the affected product families, their vulnerabilities (CVE and CVSS
        score) and whether a patch exists. The 2017 Siemens molecular imaging advisories are bundled; others
        are imported as CSAF 2.0 files (the JSON format in which CISA and vendors publish advisories), or
        typed in from a vendor letter or bulletin.
      </p>
      <AdvisoryList />
      <MatchReview />
      <AdvisoryImport />
      <section className="panel" aria-labelledby="manual-heading">
        <h2 id="manual-heading">Type in an advisory</h2>
        <details className="manual-open">
          <summary>From a vendor letter or a PDF bulletin…</summary>
          <ManualAdvisoryForm initial={null} />
        </details>
      </section>
    </>
  );
}
