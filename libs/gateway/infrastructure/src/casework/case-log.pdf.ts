import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { CaseLog, CaseLogEntry } from '@kapocs/casework/contracts';
import { type CodeListName, findCode, INTAKE_REFERENCE_CODES } from '@kapocs/intake/contracts';

// A TTF with ő and ű: the PDF standard fonts (WinAnsi) have neither.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = join(fontDir, 'DejaVuSansCondensed.ttf');
const FONT_BOLD = join(fontDir, 'DejaVuSansCondensed-Bold.ttf');

/** The inner-content sections of the legal form (belső tartalom 1–4) and the other dated entries, by event type. */
const HEADINGS: Readonly<Record<string, string>> = {
  'casework.CaseOpened': 'Gondozásba vétel',
  'casework.ProblemDefined': 'A probléma definíciója',
  'casework.GoalSet': 'Cselekvési terv – cél',
  'casework.GoalEvaluated': 'Cselekvési terv – értékelés',
  'casework.AgreementSigned': 'Megállapodás',
  'casework.MeasureRecorded': 'Intézkedés',
  'casework.ProcessEvaluated': 'Folyamatértékelés',
  'casework.CaseChecked': 'Ellenőrzés',
  'casework.CaseHandedOver': 'Esetátadás',
  'casework.CaseClosed': 'Gondozás megszűnése',
  'casework.CaseReopened': 'Újranyitás',
  'casework.PersonalMeetingHeld': 'Személyes találkozás (beilleszkedési program)',
  'casework.YearlyEvaluationWritten': 'Éves írásos értékelés',
  'casework.CooperationBreachNotified': 'Együttműködés megszegésének jelzése',
};

const LABELS: Readonly<Record<string, string>> = {
  presented: 'Hozott probléma',
  workerDefinition: 'A segítő definíciója',
  agreed: 'Közösen elfogadott probléma',
  goal: 'Cél',
  means: 'Eszközök',
  why: 'Indoklás',
  workerUndertakings: 'A segítő vállalásai',
  clientUndertakings: 'Az igénybe vevő vállalásai',
  description: 'Leírás',
  summary: 'Értékelés',
  remarks: 'Megjegyzés',
  reason: 'Indok',
  notes: 'Feljegyzés',
  evaluation: 'Értékelés',
  facts: 'Tények',
};

/** A register code with its Hungarian label as valid on the day care started, e.g. "3 – Szakmunkásképző". */
const labelled = (list: CodeListName, code: string | undefined, onDate: string): string | undefined =>
  code === undefined ? undefined : `${code} – ${findCode(INTAKE_REFERENCE_CODES, list, code, onDate)?.labelHu ?? '?'}`;

const textOf = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v));

function entryLines(e: CaseLogEntry): string[] {
  const d = e.data;
  const coded = [
    d['problemTypes'] ? `Problématípus: ${textOf(d['problemTypes'])}` : '',
    d['deadline'] ? `Határidő: ${textOf(d['deadline'])}; felelős: ${textOf(d['responsible'])}` : '',
    d['achieved'] !== undefined ? `Teljesült: ${d['achieved'] ? 'igen' : 'nem'}${d['newDeadline'] ? `; új határidő: ${textOf(d['newDeadline'])}` : ''}` : '',
    d['expectedCompletion'] ? `Várható teljesülés: ${textOf(d['expectedCompletion'])}; aláírás: ${d['signature'] === 'tablet' ? 'táblagépen' : 'papíron, szkennelve'}` : '',
    d['toWorkerId'] ? `Új esetfelelős: ${textOf(d['toWorkerId'])}` : '',
    d['checkerId'] ? `Ellenőrző: ${textOf(d['checkerId'])}` : '',
  ].filter((l) => l !== '');
  const texts = Object.entries(e.texts ?? {}).map(([k, v]) => `${LABELS[k] ?? k}: ${textOf(v)}`);
  return [...coded, ...texts];
}

/** Esetnapló as a PDF in the order of the legal form (1/2000. SzCsM r. 7. melléklet): fedőlap, then belső tartalom. */
export function caseLogPdf(log: CaseLog, printedAt: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Esetnapló ${log.caseId}` } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const c = log.cover;
  doc.font('bold').fontSize(16).text('ESETNAPLÓ', { align: 'center' });
  doc.font('body').fontSize(8).text(`${log.asOf ? `Állapot: ${log.asOf} nap végén. ` : ''}Nyomtatva: ${printedAt}`, { align: 'center' }).moveDown();
  doc.font('bold').fontSize(12).text('Fedőlap').moveDown(0.3);
  const field = (label: string, value: unknown): void => {
    doc.font('bold').fontSize(9).text(`${label}: `, { continued: true }).font('body').text(textOf(value) || '—');
  };
  field('Nyilvántartásba vétel kelte, száma', [c.registeredOn, c.registerNumber].filter((x) => x !== undefined).join(', '));
  field('A kliens neve', c.erased ? '(törölve)' : c.name);
  field('Születési éve', c.birthYear);
  field('Egyéni azonosító', c.individualId);
  field('Gazdasági aktivitása', labelled('economicActivity', c.economicActivity, c.careStartedOn));
  field('Iskolai végzettsége', labelled('education', c.education, c.careStartedOn));
  field('Családi állapota', labelled('familyStatus', c.familyStatus, c.careStartedOn));
  field('Lakóhelye', c.residence);
  field('Tartózkodási helye', c.placeOfStay);
  field('Gyermekei (név, életkor)', c.children.map((ch) => `${ch.name ?? '—'} (${ch.age ?? '?'})`).join('; '));
  field('Gondozásba vétele', c.careStartedOn);
  field('Gondozásának megszűnése', c.careEndedOn);
  const who = (id: string, name: string | undefined): string => (name ? `${name} (${id})` : id);
  field('Esetfelelős', who(c.responsibleWorkerId, c.responsibleWorkerName));
  field('Ellenőrző neve, ellenőrzés időpontja', log.lastCheck ? `${who(log.lastCheck.checkerId, log.lastCheck.checkerName)}, ${log.lastCheck.checkedOn}` : '');
  doc.moveDown().font('bold').fontSize(12).text('Belső tartalom').moveDown(0.3);
  for (const e of log.entries) {
    doc.font('bold').fontSize(9).text(`${e.seq}. ${e.date} – ${HEADINGS[e.type] ?? e.type}${e.actorName ? ` (${e.actorName})` : ''}`);
    doc.font('body').fontSize(9);
    for (const line of entryLines(e)) doc.text(line, { indent: 12 });
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
