import type { CSSProperties } from 'react';
import type { DepartmentHeading } from './timeline-rows';

/** The heading above a department's device lanes. */
export function DepartmentRow({
  department,
  style,
}: {
  department: DepartmentHeading;
  style: CSSProperties;
}) {
  return (
    <div className="timeline-row timeline-department" style={style}>
      <h3 className="timeline-department-name">
        {department.name}
        <span className="timeline-department-facts">
          {' '}
          · {department.site} · {department.lanes} {department.lanes === 1 ? 'device' : 'devices'}
        </span>
      </h3>
    </div>
  );
}
