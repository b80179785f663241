import { FileDropZone } from '../../components/FileDropZone';
import { Term } from '../../components/Term';
import { counted } from '../../labels';
import { useAdvisoriesStore } from '../../stores/advisories';

const STATUS = {
  imported: 'Imported',
  updated: 'Updated to a newer version',
  unchanged: 'Nothing changed',
  rejected: 'Not imported',
} as const;

/** A CSAF file by picker or drop; findings and review items shown, findings accepted only on purpose. */
export function AdvisoryImport() {
  const { result, problem, importFile, acceptFindings } = useAdvisoriesStore();
  return (
    <section className="panel" aria-labelledby="csaf-heading">
      <h2 id="csaf-heading">
        Import a <Term term="csaf" /> advisory
      </h2>
      <FileDropZone
        label="Choose a CSAF file"
        regionLabel="CSAF file"
        accept=".json,application/json"
        onFile={(file) => void importFile(file)}
      >
        <p>
          Drop a CSAF 2.0 JSON file here, or choose it. It is checked offline against the CSAF schema and the
          mandatory tests before anything is saved.
        </p>
      </FileDropZone>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {result && (
        <div className="import-result" role="status">
          <h3>
            {result.id} version {result.version}: {STATUS[result.status]}
          </h3>
          <p>
            {result.title} — {counted(result.products, 'product')},{' '}
            {counted(result.vulnerabilities, 'vulnerability', 'vulnerabilities')}.
            {result.message && ` ${result.message}`}
            {result.prefilledPatches > 0 &&
              ` Patch availability filled in from the file for ${result.prefilledPatches} product ${result.prefilledPatches === 1 ? 'family' : 'families'} (see the advisory).`}
          </p>
          {result.findings.length > 0 && (
            <>
              <h4>Failed validation tests</h4>
              <ul className="issue-list">
                {result.findings.map((finding) => (
                  <li key={`${finding.test}${finding.path}`}>
                    Test {finding.test} at <code>{finding.path}</code>: {finding.message}
                  </li>
                ))}
              </ul>
              {result.canAcceptFindings && (
                <button type="button" className="button-quiet" onClick={() => void acceptFindings()}>
                  Import anyway, marked "imported with validation findings"
                </button>
              )}
            </>
          )}
          {result.reviewItems.length > 0 && (
            <>
              <h4>To review</h4>
              <ul className="issue-list">
                {result.reviewItems.map((item) => (
                  <li key={`${item.kind}${item.path}`}>
                    {item.message} <code>{item.path}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
