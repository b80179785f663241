import { useEffect } from 'react';
import { useAdvisoriesStore } from '../../stores/advisories';
import { AdvisoryImport } from './AdvisoryImport';
import { AdvisoryList } from './AdvisoryList';

export function AdvisoriesView() {
  const load = useAdvisoriesStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <h1>Advisories</h1>
      <p className="view-intro">
        Vendor and ICS-CERT advisories name the affected product families, their vulnerabilities (CVE and CVSS
        score) and whether a patch exists. The 2017 Siemens molecular imaging advisories are bundled; others
        are imported as CSAF 2.0 files (the JSON format in which CISA and vendors publish advisories).
      </p>
      <AdvisoryList />
      <AdvisoryImport />
    </>
  );
}
