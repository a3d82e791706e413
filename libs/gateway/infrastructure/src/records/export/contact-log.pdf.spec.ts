import { CONTACT_LOG_EXPORT_FIELDS, type ContactLogExportEntry } from '@kapocs/projector/contracts';
import { ContactLogPdf } from './contact-log.pdf.js';

const HEADER = { site: 'Szécsény (03179)', district: '121', period: '2025', printedAt: '2026-11-25' };

function entry(serial: number, over: Partial<ContactLogExportEntry> = {}): ContactLogExportEntry {
  return {
    serial,
    date: '2025-03-04',
    kind: 'contact',
    clientId: `client-${serial}`,
    individualId: `2400${String(serial).padStart(4, '0')}`,
    clientName: `Minta Győző ${serial}`,
    birthYear: 1980,
    economicActivity: null,
    familyStatus: null,
    education: null,
    newInYear: serial % 2 === 0,
    referrer: null,
    problemTypes: [],
    crisis: false,
    description: `Tűzifa-kérelem, ügyintézés (${serial}).`,
    caseHandling: [],
    benefits: [],
    caseWorkerId: 'demo-cm-121',
    dutyWorkerId: 'demo-sw-03179',
    groupType: null,
    participantCount: null,
    voided: false,
    voidReason: null,
    ...over,
  } as ContactLogExportEntry;
}

/** An export page as the projector sends it: JSON arrays of values in CONTACT_LOG_EXPORT_FIELDS order. */
const page = (entries: readonly ContactLogExportEntry[]): string => JSON.stringify(entries.map((e) => CONTACT_LOG_EXPORT_FIELDS.map((f) => e[f] ?? null)));

async function pagesText(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return pages;
}

describe('the forgalmi napló PDF', () => {
  it('prints every entry of every export page once, in order, with the headings and "n / N. oldal" on each page', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `ő${i}ű szó`).join(' ');
    const entries = Array.from({ length: 300 }, (_, i) =>
      entry(i + 1, i === 150 ? { description: long } : i === 7 ? { voided: true, voidReason: 'Téves rögzítés' } : i === 9 ? { clientId: null, clientName: null } : {}),
    );
    const pdf = new ContactLogPdf(HEADER);
    // Three export pages of different sizes, as the projector cuts them.
    for (const chunk of [entries.slice(0, 100), entries.slice(100, 120), entries.slice(120)]) pdf.add(page(chunk));
    const { pdf: file, clientIds } = await pdf.finish();

    expect(file.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(clientIds).toEqual(entries.flatMap((e) => (e.clientId ? [e.clientId] : [])));
    const pages = await pagesText(file);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => {
      expect(text).toContain('FORGALMI NAPLÓ');
      expect(text).toContain('Eset leírása (felkínált probléma)');
      expect(text).toContain(`${i + 1} / ${pages.length}. oldal`);
      expect(text).toContain('Szolgáltatási hely: Szécsény (03179)');
    });
    const all = pages.join('\n');
    // Each name once, in serial order (the text of the long entry continues over the following pages).
    let at = -1;
    for (const e of entries) {
      const name = e.clientName ?? 'Névtelen megkeresés';
      const found = all.indexOf(`${name} `, at + 1);
      expect(found).toBeGreaterThan(at);
      at = found;
    }
    for (const e of entries.filter((x) => x.clientName)) expect(all.split(`${e.clientName} `)).toHaveLength(2);
    expect(all).toContain('ÉRVÉNYTELENÍTVE: Téves rögzítés');
    // The entry taller than a page: all of its 400 words, spread over more than one page.
    expect(all).toContain('ő0ű');
    expect(all).toContain('ő399ű');
    expect(pages.filter((p) => /ő\d+ű/.test(p)).length).toBeGreaterThan(1);
  });

  it('prints an empty period as one page that says so', async () => {
    for (const exportPages of [[], [page([])]]) {
      const pdf = new ContactLogPdf(HEADER);
      for (const rows of exportPages) pdf.add(rows);
      const pages = await pagesText((await pdf.finish()).pdf);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain('Az időszakban nincs bejegyzés.');
      expect(pages[0]).toContain('1 / 1. oldal');
    }
  });

  it('keeps documents rendered at the same time apart', async () => {
    const a = new ContactLogPdf({ ...HEADER, period: '2025-01' });
    const b = new ContactLogPdf({ ...HEADER, period: '2025-02' });
    a.add(page([entry(1, { clientName: 'Első Anna' })]));
    b.add(page([entry(1, { clientName: 'Második Béla' })]));
    a.add(page([entry(2, { clientName: 'Első Ödön' })]));
    const [fa, fb] = await Promise.all([a.finish(), b.finish()]);
    const ta = (await pagesText(fa.pdf)).join(' ');
    const tb = (await pagesText(fb.pdf)).join(' ');
    expect(ta).toContain('Első Anna');
    expect(ta).toContain('Első Ödön');
    expect(ta).not.toContain('Béla');
    expect(tb).toContain('Második Béla');
    expect(tb).not.toContain('Anna');
    expect(tb).not.toContain('Ödön');
  });

  it('fails, and forgets the document, when an export page is not valid', async () => {
    const pdf = new ContactLogPdf(HEADER);
    pdf.add('[[1,');
    await expect(pdf.finish()).rejects.toThrow();
  });
});
