// The shipped versions, imported as JSON modules: the files are the source, and the import keeps this lib free of fs
// (domain code may use the baseline as its default). The running services load the same files through
// @kapocs/platform/reference-data, which reports a bad file with its line, and add the operators' versions.
import { CODE_LISTS, createCodeLists, type CodeLists, type ReferenceCode } from './code-list.js';
import { crossEntryProblem, entryProblem } from './code-list-file.js';
import sex from '../data/sex.json' with { type: 'json' };
import citizenship from '../data/citizenship.json' with { type: 'json' };
import familyStatus from '../data/family-status.json' with { type: 'json' };
import economicActivity from '../data/economic-activity.json' with { type: 'json' };
import education from '../data/education.json' with { type: 'json' };
import householdRelation from '../data/household-relation.json' with { type: 'json' };
import problemType from '../data/problem-type.json' with { type: 'json' };
import caseHandling from '../data/case-handling.json' with { type: 'json' };
import benefit from '../data/benefit.json' with { type: 'json' };
import referrer from '../data/referrer.json' with { type: 'json' };
import contactMode from '../data/contact-mode.json' with { type: 'json' };
import groupType from '../data/group-type.json' with { type: 'json' };
import basicService from '../data/basic-service.json' with { type: 'json' };
import signalMemberCategory from '../data/signal-member-category.json' with { type: 'json' };
import signalEndangerment from '../data/signal-endangerment.json' with { type: 'json' };
import signalChannel from '../data/signal-channel.json' with { type: 'json' };
import signalMeasure from '../data/signal-measure.json' with { type: 'json' };

const FILES: readonly { list: string; entries: readonly unknown[] }[] = [sex, citizenship, familyStatus, economicActivity, education, householdRelation, problemType, caseHandling, benefit, referrer, contactMode, groupType, basicService,
  signalMemberCategory, signalEndangerment, signalChannel, signalMeasure];

/** Checks the imported files with the rules of the loader (without line numbers: those come from the loader). */
function baselineEntries(): ReferenceCode[] {
  const entries: ReferenceCode[] = [];
  for (const file of FILES) {
    if (!(CODE_LISTS as readonly string[]).includes(file.list)) throw new Error(`reference data: unknown code list ${file.list}`);
    file.entries.forEach((e, i) => {
      const problem = entryProblem(e);
      if (problem !== undefined) throw new Error(`reference data: ${file.list} entry ${i + 1}: ${problem}`);
      entries.push({ list: file.list, ...(e as object) } as ReferenceCode);
    });
  }
  const cross = crossEntryProblem(entries);
  if (cross) throw new Error(`reference data: ${cross.problem}`);
  return entries;
}

/** Every code list as shipped in `data/*.json`, before any operator version. */
export const BASELINE_CODE_LISTS: CodeLists = createCodeLists(baselineEntries());
