import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AdvisoryImportResult } from '../api/schemas/advisories';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';
import { assertFileSize } from './file-size';

export const importAdvisoryCommand: Command = {
  summary: 'import a CSAF 2.0 advisory (JSON)',
  usage: 'isopatch import-advisory FILE [--accept-findings] [--json]',
  options: { 'accept-findings': { type: 'boolean' } },
  async run({ router, positionals, values, json }) {
    const [path, ...rest] = positionals;
    if (!path || rest.length > 0) throw new CliError('import-advisory takes one FILE.');
    assertFileSize(path, 'advisory');
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch {
      throw new CliError(`The file ${path} cannot be read.`);
    }
    const result = await call<AdvisoryImportResult>(router, 'importAdvisory', {
      fileName: basename(path),
      content,
      acceptFindings: values['accept-findings'] === true,
    });
    if (json) console.log(JSON.stringify(result, null, 2));
    else console.log(formatAdvisoryImport(result));
    if (result.status === 'rejected') {
      if (!json) console.error(result.message);
      return EXIT.nothingChanged;
    }
    return result.findings.length > 0 && result.status !== 'unchanged' ? EXIT.doneWithProblems : EXIT.done;
  },
};

function formatAdvisoryImport(result: AdvisoryImportResult): string {
  const lines = [
    `${result.id} version ${result.version}: ${result.status} (${result.products} products, ${result.vulnerabilities} vulnerabilities).`,
    ...result.findings.map((f) => `  finding: test ${f.test} at ${f.path}: ${f.message}`),
    ...result.reviewItems.map((r) => `  review: ${r.message} (${r.path})`),
  ];
  if (result.message && result.status !== 'rejected') lines.push(result.message);
  return lines.join('\n');
}
