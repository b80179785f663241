import { FileDropZone } from '../../components/FileDropZone';
import { useDeviceImportStore } from '../../stores/device-import';

export function FileChooser() {
  const chooseFile = useDeviceImportStore((state) => state.chooseFile);
  return (
    <FileDropZone
      label="Choose an inventory file"
      regionLabel="Inventory file"
      accept=".csv,.txt,.tsv,.tab,.xlsx"
      onFile={(file) => void chooseFile(file)}
    >
      <p>
        Drop the device list exported from your CMMS or asset tool here, or choose it. CSV and tab-delimited
        text in any regional format (comma or semicolon, UTF-8, UTF-16 or Windows-1252) and Excel workbooks
        (.xlsx) are read as they are.
      </p>
      <p className="field-help">Nothing is saved until you confirm the import on the next step.</p>
    </FileDropZone>
  );
}
