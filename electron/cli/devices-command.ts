import type { Router } from '../api/router';
import type { Device, DevicePage } from '../api/schemas/devices';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

const PAGE = 1000;

async function allDevices(router: Router): Promise<Device[]> {
  const devices: Device[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call<DevicePage>(router, 'listDevices', { offset, limit: PAGE });
    devices.push(...page.rows);
    if (devices.length >= page.total || page.rows.length === 0) return devices;
  }
}

/** The shape scripts rely on (README, "Command line"). */
const forScripts = (d: Device) => ({
  assetTag: d.assetTag,
  serial: d.serial,
  manufacturer: d.manufacturer,
  vendor: d.vendor,
  model: d.model,
  modality: d.modality,
  department: d.department,
  location: d.location,
  ip: d.ip,
  mac: d.mac,
  hostname: d.hostname,
  os: d.os,
  softwareVersion: d.softwareVersion,
  installDate: d.installDate,
  extra: d.extra,
  state: d.state,
});

export const devicesCommand: Command = {
  summary: 'list every device of the register',
  usage: 'isopatch devices [--json]',
  options: {},
  async run({ router, positionals, json }) {
    if (positionals.length > 0)
      throw new CliError(`devices takes no arguments, but got "${positionals.join(' ')}".`);
    const devices = await allDevices(router);
    if (json) console.log(JSON.stringify(devices.map(forScripts), null, 2));
    else {
      for (const d of devices) {
        console.log(
          [d.assetTag ?? d.serial, d.vendor, d.model, d.department, d.os, d.state]
            .map((v) => v ?? '-')
            .join(' | '),
        );
      }
      console.log(`${devices.length} devices.`);
    }
    return EXIT.done;
  },
};
