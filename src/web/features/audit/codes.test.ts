// The web's lists of access-log codes are exactly the server's typed vocabulary: a new code on
// the server fails the type check here until it has a label (and i18n.test.ts checks the text).
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AuditAction,
  AuditGrounds,
  AuditOutcome,
  AuditResourceType,
} from '../../../server/features/audit/events';
import { auditActions, auditGrounds, auditOutcomes, auditResourceTypes } from './codes';

describe('access-log codes', () => {
  it('lists every action, ground, outcome and resource type the server writes', () => {
    expectTypeOf<(typeof auditActions)[number]>().toEqualTypeOf<AuditAction>();
    expectTypeOf<(typeof auditGrounds)[number]>().toEqualTypeOf<AuditGrounds>();
    expectTypeOf<(typeof auditOutcomes)[number]>().toEqualTypeOf<AuditOutcome>();
    expectTypeOf<(typeof auditResourceTypes)[number]>().toEqualTypeOf<AuditResourceType>();
  });
});
