import type { CoreContext } from '../context';
import { DepartmentDirectory } from './departments';
import { VendorDirectory } from './vendors';

/**
 * What editing devices needs, made once for many edits: the vendor and department directories. A bulk change of
 * 100,000 devices read every department again per device (with the statements prepared per device: 19 s).
 */
export class DeviceEdits {
  private vendorDirectory?: VendorDirectory;
  private departmentDirectory?: DepartmentDirectory;

  constructor(private readonly ctx: CoreContext) {}

  get vendors(): VendorDirectory {
    this.vendorDirectory ??= new VendorDirectory(this.ctx);
    return this.vendorDirectory;
  }

  get departments(): DepartmentDirectory {
    this.departmentDirectory ??= new DepartmentDirectory(this.ctx);
    return this.departmentDirectory;
  }
}
