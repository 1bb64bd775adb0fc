import { describe, expect, it } from 'vitest';
import { withoutPdfLink } from '../../scripts/lib/steps/pdf.ts';

describe('PDF step without Chromium', () => {
  it('removes only the list item that links the PDF of that year', () => {
    const html =
      '<ul><li><a href="/2021/gesamt/">Seite</a></li><li><a href="/2021/amip-2021.pdf" type="application/pdf">PDF</a> (A4)</li></ul><ul><li><a href="/2020/amip-2020.pdf">alt</a></li></ul>';
    const out = withoutPdfLink(html, '2021');
    expect(out).not.toContain('amip-2021.pdf');
    expect(out).toContain('<li><a href="/2021/gesamt/">Seite</a></li>');
    expect(out).toContain('amip-2020.pdf');
  });
});
