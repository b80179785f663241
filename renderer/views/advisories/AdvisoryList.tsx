import { OverflowScroll } from '../../components/ScrollRegion';
import { SeverityBadge } from '../../components/SeverityBadge';
import { useAdvisoriesStore } from '../../stores/advisories';
import { hrefOf } from '../../stores/navigation';
import { DeviceStages } from './DeviceStages';

export function AdvisoryList() {
  const advisories = useAdvisoriesStore((state) => state.advisories);
  if (!advisories) return null;
  return (
    <section className="panel" aria-labelledby="advisory-list-heading">
      <h2 id="advisory-list-heading">{advisories.length} advisories</h2>
      <OverflowScroll label="Advisories, scrolls sideways">
        <table className="table table-snug">
          <thead>
            <tr>
              <th scope="col">Advisory</th>
              <th scope="col">Title</th>
              <th scope="col">Version</th>
              <th scope="col">Highest CVSS</th>
              <th scope="col">CVEs</th>
              <th scope="col">Matched devices</th>
              <th scope="col">Devices by state</th>
              <th scope="col">Patch</th>
              <th scope="col">Source</th>
              <th scope="col">Review items</th>
            </tr>
          </thead>
          <tbody>
            {advisories.map((advisory) => (
              <tr key={advisory.id}>
                <th scope="row" className="advisory-id">
                  <a href={hrefOf('advisories', encodeURIComponent(advisory.id))}>{advisory.id}</a>
                </th>
                <td>{advisory.title}</td>
                <td>{advisory.version}</td>
                <td>
                  <SeverityBadge score={advisory.highestCvss} />
                </td>
                <td>{advisory.vulnerabilities}</td>
                <td>
                  {advisory.affected.confirmed} affected
                  {advisory.affected.needsReview > 0 && `, ${advisory.affected.needsReview} to review`}
                  {advisory.affected.suggested > 0 && `, ${advisory.affected.suggested} suggested`}
                </td>
                <td>
                  <DeviceStages counts={advisory.deviceStates} />
                </td>
                <td>
                  {advisory.patchStatuses.map((s) => s.replace(/-/g, ' ')).join(', ') || 'none available'}
                </td>
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
      </OverflowScroll>
    </section>
  );
}
