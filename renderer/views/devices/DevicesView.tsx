import { useNavigationStore } from '../../stores/navigation';
import { ImportWizard } from '../import/ImportWizard';
import { DeviceRegister } from './DeviceRegister';

export function DevicesView() {
  const rest = useNavigationStore((state) => state.rest);
  return rest[0] === 'import' ? <ImportWizard /> : <DeviceRegister />;
}
