// The timeline's own texts: the same keys in Dutch and English, nothing empty, all under
// "timeline" (so merging them into the app's texts overwrites nothing), and a text for every
// code the timeline shows by a computed key (lanes, kinds, valence, perspectives, precisions,
// seasons, category markers, indicators, editable fields, history changes).
import { describe, expect, it } from 'vitest';
import {
  categoryMarkers,
  perspectives,
  seasons,
  timelineKinds,
  timelineLanes,
  valences,
} from '../../../../shared/domain/timeline';
import { timelineChangeSchema } from '../../../../shared/contract/timeline';
import appEn from '../../../i18n/en.json';
import appNl from '../../../i18n/nl.json';
import { editableFields } from '../api';
import { indicatorKeys } from '../IndicatorsPanel';
import { precisions } from '../item-form';
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

describe('timeline translations', () => {
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
    const empty = [...nlKeys, ...enKeys].filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('keeps everything under "timeline", which the app’s own files do not use', () => {
    expect(Object.keys(nl)).toEqual(['timeline']);
    expect(Object.keys(en)).toEqual(['timeline']);
    expect(Object.keys(appNl)).not.toContain('timeline');
    expect(Object.keys(appEn)).not.toContain('timeline');
  });

  it('has a text for every code the timeline translates', () => {
    const nullable = ['ageAtFirstSignal', 'ageAtFirstSpecialistHelp', 'earlySignalGap'];
    const dynamic = [
      ...timelineLanes.map((lane) => `timeline.lane.${lane}`),
      ...timelineKinds.map((kind) => `timeline.kind.${kind}`),
      ...timelineKinds.map((kind) => `timeline.editor.kindHint_${kind}`),
      ...valences.map((valence) => `timeline.valence.${valence}`),
      ...valences.map((valence) => `timeline.legend.valence_${valence}`),
      ...perspectives.map((perspective) => `timeline.perspective.${perspective}`),
      ...precisions.map((precision) => `timeline.precision.${precision}`),
      ...seasons.map((season) => `timeline.season.${season}`),
      ...categoryMarkers.map((marker) => `timeline.marker.${marker}`),
      ...editableFields.map((field) => `timeline.field.${field}`),
      ...indicatorKeys.flatMap((key) => [
        `timeline.indicators.${key}.label`,
        `timeline.indicators.${key}.explanation`,
        ...(nullable.includes(key) ? [`timeline.indicators.${key}.whenUnknown`] : []),
      ]),
      ...timelineChangeSchema.shape.change.options.map((c) => `timeline.history.change_${c}`),
      ...['calendar', 'age'].map((axis) => `timeline.view.axis_${axis}`),
      ...['timeline', 'list'].map((view) => `timeline.view_${view}`),
      ...['yours', 'current'].map((side) => `timeline.conflict.${side}`),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
