// The review meeting's own texts: the same keys in Dutch and English, nothing empty, all under
// "meetings" (so merging them into the app's texts overwrites nothing), and a text for every
// code the screens show by a computed key (parts, speakers, statuses, attendee kinds, the
// history's entities, changes and fields).
import { describe, expect, it } from 'vitest';
import {
  attendeeKinds,
  meetingHistorySchema,
  meetingStatuses,
  planStepStatuses,
  reflectionParts,
  speakerRoles,
} from '../../../../shared/contract/meetings';
import appEn from '../../../i18n/en.json';
import appNl from '../../../i18n/nl.json';
import { historyFields } from '../HistorySection';
import en from './en.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') keys.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) keys.set(k, v);
  }
  return keys;
}

const nlKeys = flatten(nl);
const enKeys = flatten(en);

describe('review meeting translations', () => {
  it('has every Dutch key in English and every English key in Dutch', () => {
    expect(
      [...nlKeys.keys()].filter((key) => !enKeys.has(key)),
      'missing in en.json',
    ).toEqual([]);
    expect(
      [...enKeys.keys()].filter((key) => !nlKeys.has(key)),
      'missing in nl.json',
    ).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...nlKeys, ...enKeys].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps everything under "meetings", which the app’s own files do not use', () => {
    expect(Object.keys(nl)).toEqual(['meetings']);
    expect(Object.keys(en)).toEqual(['meetings']);
    expect(Object.keys(appNl)).not.toContain('meetings');
    expect(Object.keys(appEn)).not.toContain('meetings');
  });

  it('has a text for every code the screens translate', () => {
    const { entity, change } = meetingHistorySchema.shape.items.element.shape;
    const dynamic = [
      ...reflectionParts.flatMap((part) => [
        `meetings.part.${part}.title`,
        `meetings.part.${part}.question`,
      ]),
      ...speakerRoles.map((role) => `meetings.speaker.${role}`),
      ...meetingStatuses.map((status) => `meetings.status.${status}`),
      ...planStepStatuses.map((status) => `meetings.stepStatus.${status}`),
      ...attendeeKinds.flatMap((kind) => [
        `meetings.attendees.kind.${kind}`,
        `meetings.attendees.kindChoice.${kind}`,
      ]),
      ...['preparedTimeline', 'preparedDossier', 'attended'].flatMap((check) => [
        `meetings.attendees.check.${check}`,
        `meetings.attendees.not.${check}`,
      ]),
      ...entity.options.flatMap((e) =>
        change.options.map((c) => `meetings.history.change.${e}_${c}`),
      ),
      ...historyFields.map((field) => `meetings.history.field.${field}`),
      ...['yours', 'current'].map((side) => `meetings.conflict.${side}`),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
