// Keeps the two languages complete: every key in one file exists in the other, every
// t('key') in the web sources exists in both, and every code the UI translates dynamically
// (error codes, roles, account states, team role labels, organisation types, the access log's
// vocabulary, case statuses, participant kinds, consent purposes and states) has its text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/contract/auth';
import { caseStatuses, participantKinds } from '../../shared/contract/cases';
import { errorCodes } from '../../shared/contract/common';
import { organisationTypes, teamRoleLabels } from '../../shared/contract/organisations';
import { consentPurposes } from '../../shared/domain/consent';
import { clientErrorCodes } from '../app/api';
import { accountStatuses } from '../features/accounts/account-labels';
import {
  auditActions,
  auditGrounds,
  auditOutcomes,
  auditResourceTypes,
  chainBreakReasons,
} from '../features/audit/codes';
import { genders } from '../features/cases/case-labels';
import { consentStates } from '../features/cases/consent-cells';
import { translations } from './index';

// The app's files together with the texts features keep next to their code (timeline/i18n).
const { nl, en } = translations;

type Tree = { [key: string]: string | Tree };
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluralSuffixes = ['_zero', '_one', '_two', '_few', '_many', '_other'];

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

/** A key used in code exists when it, or its plural forms (key_one, key_other), exist. */
function hasKey(keys: Set<string>, key: string): boolean {
  return keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Keys passed as a literal to t(…), i18n.t(…) or <Trans i18nKey="…">. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [/\bt\(\s*(['"])([\w.-]+)\1/g, /i18nKey=\s*(['"])([\w.-]+)\1/g];
  for (const file of sourceFiles(webRoot)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const key = match[2];
        if (key) used.set(key, path.relative(webRoot, file));
      }
    }
  }
  return used;
}

const nlKeys = new Set(flatten(nl));
const enKeys = new Set(flatten(en));

describe('translations', () => {
  it('has every Dutch key in English and every English key in Dutch', () => {
    expect(
      [...nlKeys].filter((key) => !enKeys.has(key)),
      'missing in en.json',
    ).toEqual([]);
    expect(
      [...enKeys].filter((key) => !nlKeys.has(key)),
      'missing in nl.json',
    ).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = (tree: Tree) =>
      flatten(tree).filter((key) => {
        const value = key
          .split('.')
          .reduce<string | Tree | undefined>(
            (node, part) => (typeof node === 'object' ? node[part] : undefined),
            tree,
          );
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(nl)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it('finds the t() calls in the sources (the scan itself works)', () => {
    expect(usedKeys().size).toBeGreaterThan(100);
  });

  it('has every key used in src/web in both languages', () => {
    const missing = [...usedKeys()]
      .filter(([key]) => !hasKey(nlKeys, key) || !hasKey(enKeys, key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('uses plural suffixes only on keys that have both _one and _other', () => {
    const broken = [...nlKeys, ...enKeys].filter((key) => {
      const suffix = pluralSuffixes.find((s) => key.endsWith(s));
      if (!suffix) return false;
      const base = key.slice(0, -suffix.length);
      return !hasKey(nlKeys, base) || !hasKey(enKeys, base);
    });
    expect(broken).toEqual([]);
  });

  it('has a text for every code the interface translates', () => {
    const dynamic = [
      ...[...errorCodes, ...clientErrorCodes, 'UNKNOWN'].map((code) => `errors.${code}`),
      ...teamRoleLabels.map((label) => `teamRole.${label}`),
      ...organisationTypes.map((type) => `organisationType.${type}`),
      ...roles.map((role) => `role.${role}`),
      ...accountStatuses.map((status) => `accountStatus.${status}`),
      ...auditActions.map((action) => `auditAction.${action}`),
      ...auditGrounds.map((grounds) => `auditGrounds.${grounds}`),
      ...auditOutcomes.map((outcome) => `auditOutcome.${outcome}`),
      ...auditResourceTypes.map((type) => `auditResource.${type}`),
      ...chainBreakReasons.map((reason) => `chain.reason.${reason}`),
      ...caseStatuses.map((status) => `caseStatus.${status}`),
      ...participantKinds.map((kind) => `participantKind.${kind}`),
      ...consentPurposes.map((purpose) => `consentPurpose.${purpose}`),
      ...genders.map((gender) => `gender.${gender}`),
      ...consentStates.map((state) => `consentState.${state}`),
    ];
    expect(dynamic.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
