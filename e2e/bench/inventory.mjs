// A generated inventory export of the kind the import benchmarks read: realistic columns, quoting and dates.
import { writeFileSync } from 'node:fs';

const VENDORS = [
  '"Siemens Medical Solutions USA, Inc."',
  'SIEMENS HEALTHINEERS AG',
  'GE Healthcare',
  'Philips',
  'BD',
  'Baxter',
];
const MODELS = [
  'Symbia T16',
  'Symbia Intevo Bold',
  'Biograph mCT Flow',
  'Discovery NM530c',
  'Gemini TF 16',
  'Alaris 8015',
];
const OSES = ['Windows 7', 'Windows XP', 'Win7 SP1', 'Windows 10', 'Linux', ''];

export function writeInventory(path, rows) {
  const lines = [
    'Equipment #,Serial Number,Manufacturer,Model,Equipment Type,Department,Location,IP Address,MAC Address,Host Name,Operating System,Software Version,Install Date',
  ];
  for (let i = 0; i < rows; i++) {
    const hex = (n) => n.toString(16).padStart(2, '0').toUpperCase();
    lines.push(
      [
        `BME-${String(i).padStart(6, '0')}`,
        `SN${1_000_000 + i}`,
        VENDORS[i % VENDORS.length],
        MODELS[i % MODELS.length],
        'SPECT/CT',
        `Department ${i % 60}`,
        `"Main Hospital, Floor ${i % 5}, Room ${i % 90}"`,
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        `AA:BB:CC:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)}`,
        `host-${i}`,
        OSES[i % OSES.length],
        'VB22A',
        `${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')}/20${10 + (i % 15)}`,
      ].join(','),
    );
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}
