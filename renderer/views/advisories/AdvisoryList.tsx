import { useAdvisoriesStore } from '../../stores/advisories';
import { hrefOf } from '../../stores/navigation';

export function AdvisoryList() {
  const advisories = useAdvisoriesStore((state) => state.advisories);
  if (!advisories) return null;
  return (
    <section className="panel" aria-labelledby="advisory-list-heading">
      <h2 id="advisory-list-heading">{advisories.length} advisories</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Advisory</th>
              <th scope="col">Title</th>
              <th scope="col">Version</th>
              <th scope="col">Highest CVSS</th>
              <th scope="col">Vulnerabilities</th>
              <th scope="col">Affected devices</th>
              <th scope="col">Patch</th>
              <th scope="col">Source</th>
              <th scope="col">Review items</th>
            </tr>
          </thead>
          <tbody>
            {advisories.map((advisory) => (
              <tr key={advisory.id}>
                <th scope="row">
                  <a href={hrefOf('advisories', encodeURIComponent(advisory.id))}>{advisory.id}</a>
                </th>
                <td>{advisory.title}</td>
                <td>{advisory.version}</td>
                <td>
                  {advisory.highestCvss === null ? '—' : advisory.highestCvss.toFixed(1)}
                  {advisory.highestCvss !== null && advisory.highestCvss >= 9 && (
                    <span className="badge badge-reject"> critical</span>
                  )}
                </td>
                <td>{advisory.vulnerabilities}</td>
                <td>
                  {advisory.affected.confirmed} affected
                  {advisory.affected.needsReview > 0 && `, ${advisory.affected.needsReview} to review`}
                  {advisory.affected.suggested > 0 && `, ${advisory.affected.suggested} suggested`}
                </td>
                <td>{advisory.patchStatuses.map((s) => s.replace(/-/g, ' ')).join(', ') || 'unknown'}</td>
                <td>
                  {advisory.source === 'bundled'
                    ? 'Bundled'
                    : advisory.source === 'csaf'
                      ? 'CSAF file'
                      : 'Typed in'}
                  {advisory.validation === 'findings' && (
                    <span className="badge"> imported with validation findings</span>
                  )}
                </td>
                <td>{advisory.reviewItems}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
