import { type ImportStep, useDeviceImportStore } from '../../stores/device-import';
import { hrefOf } from '../../stores/navigation';
import { FileChooser } from './FileChooser';
import { ImportDone } from './ImportDone';
import { ImportHistory } from './ImportHistory';
import { ImportReview } from './ImportReview';
import { JobProgress } from './JobProgress';

const STEPS: { label: string; steps: ImportStep[] }[] = [
  { label: 'Choose a file', steps: ['choose', 'previewing'] },
  { label: 'Review', steps: ['review'] },
  { label: 'Import', steps: ['importing', 'done'] },
];

/** Import a CMMS or asset-tool export: detect, map, preview, commit in one transaction, undo. */
export function ImportWizard() {
  const step = useDeviceImportStore((state) => state.step);
  const problem = useDeviceImportStore((state) => state.problem);
  return (
    <>
      <p className="breadcrumb">
        <a href={hrefOf('devices')}>Devices</a> / Import
      </p>
      <h1>Import devices</h1>
      <ol className="steps" aria-label="Import steps">
        {STEPS.map((s, index) => (
          <li key={s.label} aria-current={s.steps.includes(step) ? 'step' : undefined}>
            <span className="step-number">{index + 1}</span> {s.label}
          </li>
        ))}
      </ol>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {step === 'choose' && (
        <>
          <FileChooser />
          <ImportHistory />
        </>
      )}
      {(step === 'previewing' || step === 'importing') && <JobProgress />}
      {step === 'review' && <ImportReview />}
      {step === 'done' && <ImportDone />}
    </>
  );
}
