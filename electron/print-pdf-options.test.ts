import { describe, expect, it } from 'vitest';
import { pdfOptions } from './print-pdf-options';

describe('Save as PDF in the desktop app', () => {
  it('prints the chosen paper and orientation, with the report’s own page rules and footer', () => {
    expect(pdfOptions({ paper: 'letter', orientation: 'landscape' })).toMatchObject({
      pageSize: 'Letter',
      landscape: true,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
    });
    expect(pdfOptions({ paper: 'a4', orientation: 'portrait' })).toMatchObject({
      pageSize: 'A4',
      landscape: false,
    });
  });
});
