// HTTP routes of interviews and coding. Case routes reach the case through the case guard;
// source, segment and memo routes through their source's case (or programme); programme routes
// through the programme's teams. Whatever the actor may not reach answers 404. Every read and
// write of case data leaves an access-log entry before the answer goes out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contract/common';
import {
  agreementQuerySchema,
  agreementSchema,
  blindInputSchema,
  codeArchiveSchema,
  codebookSchema,
  codeHistorySchema,
  codeInputSchema,
  codeMergeSchema,
  codeParamsSchema,
  codeSchema,
  codeSegmentsQuerySchema,
  codeSegmentsSchema,
  codeSplitSchema,
  codeUpdateSchema,
  codableOriginsSchema,
  codableSourceInputSchema,
  codingProgrammesSchema,
  exportQuerySchema,
  importReportSchema,
  interviewInputSchema,
  interviewListSchema,
  interviewParamsSchema,
  interviewUpdateSchema,
  matrixQuerySchema,
  matrixSchema,
  memoInputSchema,
  memoListQuerySchema,
  memoListSchema,
  memoParamsSchema,
  memoUpdateSchema,
  programmeSourcesQuerySchema,
  searchQuerySchema,
  searchResultSchema,
  segmentInputSchema,
  segmentParamsSchema,
  segmentsCreatedSchema,
  segmentUpdateSchema,
  snapshotInputSchema,
  snapshotSchema,
  sourceDetailSchema,
  sourceListSchema,
  sourceParamsSchema,
  transcriptTextSchema,
} from '../../../shared/contract/coding';
import { contextOf, recordAccess, typed } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireActor } from '../../policy/enforce';
import { can, type Action } from '../../policy/policy';
import type { AccessLogEntry } from '../audit/events';
import { caseGuard } from '../cases/case-guard';
import { cases } from '../cases/schema';
import { programmes, teams } from '../organisations/schema';
import { extractTranscript, TranscriptError } from '../qda/text/extract';
import { forgetLookups, programmeGuard, reachOf, sourceGuard, type Reach } from './access';
import {
  archiveCode,
  codeHistory,
  createCode,
  createSnapshot,
  mergeCode,
  presentCode,
  readCodebook,
  readSnapshot,
  splitCode,
  updateCode,
  codesOf,
} from './codebook';
import {
  createInterview,
  deleteInterview,
  listInterviews,
  setTranscript,
  updateInterview,
} from './interviews';
import {
  agreement,
  createMemo,
  createSegments,
  memoById,
  memosOf,
  readSource,
  removeSegment,
  reveal,
  segmentWithSource,
  setBlind,
  updateSegment,
  updateMemo,
  usableQuotes,
  type MemoTargetRecord,
} from './segments';
import { codeSegments, listSources, matrix, search } from './views';
import { codableOrigins, takeCodableSource } from './codable';
import { consentState, dossierConsentComplete } from '../cases/consent-state';
import { codebookModel, exportPlan, importCodebook, importProject, origin } from './exchange';
import { codebookXml, writeQdpx } from '../qda/refi/write';
import { openQdpx, parseCodebookXml, RefiError } from '../qda/refi/read';
import { qdaCodes } from './schema';

type Entry = Omit<AccessLogEntry, 'userId' | 'organisationId' | 'role' | 'at' | 'requestId'>;

/** Largest transcript file accepted. */
const transcriptBytes = 10 * 1024 * 1024;
/** Largest .qdpx accepted for import; it is streamed to a temporary file, never held in memory. */
const importBytes = 1024 * 1024 * 1024;
/** Largest .qdc accepted. */
const codebookBytes = 20 * 1024 * 1024;

/** A REFI-QDA problem as a 400 that names the place in the file. */
function refiProblem(error: unknown): never {
  if (error instanceof RefiError)
    throw new AppError(
      error.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT',
      `${error.message} (${error.where})`,
      { reason: error.code, where: error.where },
    );
  throw error;
}

/** Streams a request body to a temporary file, refusing more than `limit` bytes. */
async function toTempFile(body: NodeJS.ReadableStream, limit: number): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ketenlens-import-'));
  const file = path.join(dir, 'upload.qdpx');
  let seen = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        done(
          new AppError(
            'PAYLOAD_TOO_LARGE',
            'Dit bestand is groter dan 1 GB en wordt niet ingelezen.',
          ),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return file;
}

export async function codingRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const db = () => fastify.database.db;
  const { guard, guardBeforeValidation } = caseGuard(fastify);
  const tags = ['coding'];

  // Transcript files arrive as bytes; their type is decided by their content, not their name.
  fastify.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: transcriptBytes },
    (_request, body, done) => done(null, body),
  );
  // A .qdpx is streamed to disk by the route itself.
  fastify.addContentTypeParser('application/zip', (_request, payload, done) => done(null, payload));
  fastify.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: codebookBytes },
    (_request, body, done) => done(null, body),
  );

  /** preValidation: a programme the actor may not use is a 404 before any 400 about the input. */
  const programmeFirst = (action: Action) => async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (z.uuid().safeParse(id).success) await programmeGuard(request, id!, action);
  };
  /** preValidation: the same for a source. */
  const sourceFirst = (action: Action) => async (request: FastifyRequest) => {
    const { sourceId } = request.params as { sourceId?: string };
    if (z.uuid().safeParse(sourceId).success) await sourceGuard(request, sourceId!, action);
  };

  /** One access-log entry per case a list showed (and one for texts without a case). */
  function perCase(
    reach: Reach,
    rows: { caseId: string | null }[],
    resourceType: Entry['resourceType'],
  ): Entry[] {
    const seen = new Set(rows.map((r) => r.caseId));
    // An empty answer is logged too: the actor looked, even if nothing was there.
    if (seen.size === 0) seen.add(null);
    return [...seen].map((caseId) => ({
      caseId,
      resourceType: caseId ? resourceType : 'qda_project',
      resourceId: caseId ?? reach.programmeId,
      action: 'list' as const,
      grounds: reach.grounds,
      outcome: 'success' as const,
    }));
  }

  // ---- interviews ------------------------------------------------------------------------

  async function presentInterviews(request: FastifyRequest, caseId: string) {
    const access = await guard(request, caseId, 'interview.read');
    const list = await listInterviews(db(), caseId, access.resource.birthYear, fastify.clock());
    await recordAccess(request, {
      caseId,
      resourceType: 'interview',
      resourceId: caseId,
      action: 'list',
      grounds: access.grounds,
      outcome: 'success',
    });
    return {
      ...list,
      abilities: { create: can(access.actor, 'interview.write', access.resource) },
    };
  }

  app.get(
    '/api/cases/:id/interviews',
    {
      schema: { tags, params: idParamsSchema, response: { 200: interviewListSchema } },
      config: { policy: 'interview.read' },
      preValidation: guardBeforeValidation('interview.read'),
    },
    async (request) => presentInterviews(request, request.params.id),
  );

  app.post(
    '/api/cases/:id/interviews',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: interviewInputSchema,
        response: { 201: interviewListSchema },
      },
      config: { policy: 'interview.write' },
      preValidation: guardBeforeValidation('interview.write'),
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'interview.write');
      await createInterview({ ...contextOf(request), access }, caseId, request.body);
      reply.status(201);
      return presentInterviews(request, caseId);
    },
  );

  app.put(
    '/api/cases/:id/interviews/:interviewId',
    {
      schema: {
        tags,
        params: interviewParamsSchema,
        body: interviewUpdateSchema,
        response: { 200: interviewListSchema },
      },
      config: { policy: 'interview.write' },
      preValidation: guardBeforeValidation('interview.write'),
    },
    async (request) => {
      const { id: caseId, interviewId } = request.params;
      const access = await guard(request, caseId, 'interview.write');
      await updateInterview({ ...contextOf(request), access }, caseId, interviewId, request.body);
      return presentInterviews(request, caseId);
    },
  );

  // The transcript: a file's bytes (application/octet-stream: .txt, .docx or .odt) or JSON text.
  app.put(
    '/api/cases/:id/interviews/:interviewId/transcript',
    {
      schema: {
        tags,
        params: interviewParamsSchema,
        body: z.union([z.instanceof(Buffer), z.object({ text: transcriptTextSchema })]),
        response: {
          200: interviewListSchema.extend({
            format: z.enum(['txt', 'docx', 'odt', 'text']),
            warnings: z.array(z.string()),
          }),
        },
      },
      config: { policy: 'interview.write' },
      preValidation: guardBeforeValidation('interview.write'),
    },
    async (request) => {
      const { id: caseId, interviewId } = request.params;
      const access = await guard(request, caseId, 'interview.write');
      let text: string;
      let format: 'txt' | 'docx' | 'odt' | 'text' = 'text';
      let warnings: string[] = [];
      if (Buffer.isBuffer(request.body)) {
        try {
          const extracted = await extractTranscript(new Uint8Array(request.body), {
            maxBytes: transcriptBytes,
          });
          ({ text, format, warnings } = extracted);
        } catch (error) {
          if (error instanceof TranscriptError)
            throw new AppError(
              error.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT',
              error.message,
              { reason: error.code },
            );
          throw error;
        }
      } else text = request.body.text;
      await setTranscript({ ...contextOf(request), access }, caseId, interviewId, text);
      return { ...(await presentInterviews(request, caseId)), format, warnings };
    },
  );

  app.delete(
    '/api/cases/:id/interviews/:interviewId',
    {
      schema: { tags, params: interviewParamsSchema, response: { 200: interviewListSchema } },
      config: { policy: 'interview.write' },
      preValidation: guardBeforeValidation('interview.write'),
    },
    async (request) => {
      const { id: caseId, interviewId } = request.params;
      const access = await guard(request, caseId, 'interview.write');
      await deleteInterview({ ...contextOf(request), access }, caseId, interviewId);
      return presentInterviews(request, caseId);
    },
  );

  app.get(
    '/api/cases/:id/quotes',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                sourceId: z.uuid(),
                sourceName: z.string(),
                participantLabel: z.string(),
                perspective: z.string(),
                codeId: z.uuid().nullable(),
                codeName: z.string().nullable(),
                text: z.string(),
              }),
            ),
          }),
        },
      },
      config: { policy: 'coding.read' },
      preValidation: guardBeforeValidation('coding.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'coding.read');
      const items = await usableQuotes(db(), caseId, fastify.clock());
      await recordAccess(request, {
        caseId,
        resourceType: 'qda_segment',
        resourceId: caseId,
        action: 'list',
        grounds: access.grounds,
        outcome: 'success',
      });
      return { items };
    },
  );

  // ---- reflections and dossier evidence as codable sources -------------------------------

  app.get(
    '/api/cases/:id/codable-sources',
    {
      schema: { tags, params: idParamsSchema, response: { 200: codableOriginsSchema } },
      config: { policy: 'coding.read' },
      preValidation: guardBeforeValidation('coding.read'),
    },
    async (request) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'coding.read');
      // Dossier evidence only while dossier consent is complete.
      const state = await consentState(db(), caseId);
      const withDossier = dossierConsentComplete(state, access.resource.birthYear, fastify.clock());
      const items = await codableOrigins(db(), caseId, withDossier);
      await recordAccess(request, {
        caseId,
        resourceType: 'qda_source',
        resourceId: caseId,
        action: 'list',
        grounds: access.grounds,
        outcome: 'success',
      });
      return {
        items,
        abilities: { take: can(access.actor, 'coding.write', access.resource) },
      };
    },
  );

  app.post(
    '/api/cases/:id/codable-sources',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: codableSourceInputSchema,
        response: { 201: z.object({ sourceId: z.uuid(), created: z.boolean() }) },
      },
      config: { policy: 'coding.write' },
      preValidation: guardBeforeValidation('coding.write'),
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const access = await guard(request, caseId, 'coding.write');
      if (request.body.kind === 'dossier_evidence') await guard(request, caseId, 'dossier.read');
      const reach: Reach = {
        actor: access.actor,
        grounds: access.grounds,
        resource: access.resource,
        programmeId: await programmeOfCase(caseId),
        caseId,
        caseCode: access.resource.code,
      };
      const result = await takeCodableSource(
        { ...contextOf(request), reach },
        caseId,
        request.body.kind,
        request.body.originId,
      );
      reply.status(201);
      return result;
    },
  );

  // ---- sources, segments -----------------------------------------------------------------

  async function presentSource(request: FastifyRequest, sourceId: string) {
    forgetLookups(request);
    const reached = await sourceGuard(request, sourceId, 'coding.read');
    const detail = await readSource(db(), reached, reached.source, fastify.clock());
    await recordAccess(request, {
      caseId: reached.caseId,
      resourceType: 'qda_source',
      resourceId: sourceId,
      action: 'read',
      grounds: reached.grounds,
      outcome: 'success',
    });
    return detail;
  }

  app.get(
    '/api/sources/:sourceId',
    {
      schema: { tags, params: sourceParamsSchema, response: { 200: sourceDetailSchema } },
      config: { policy: 'coding.read' },
      preValidation: sourceFirst('coding.read'),
    },
    async (request) => presentSource(request, request.params.sourceId),
  );

  const sourceWrite = { config: { policy: 'coding.write' as const } };

  app.post(
    '/api/sources/:sourceId/segments',
    {
      schema: {
        tags,
        params: sourceParamsSchema,
        body: segmentInputSchema,
        response: { 201: segmentsCreatedSchema },
      },
      ...sourceWrite,
      preValidation: sourceFirst('coding.write'),
    },
    async (request, reply) => {
      const reached = await sourceGuard(request, request.params.sourceId, 'coding.write');
      const segments = await createSegments(
        { ...contextOf(request), reach: reached },
        reached.source,
        request.body,
      );
      reply.status(201);
      return { segments };
    },
  );

  async function segmentReach(request: FastifyRequest, segmentId: string, includeRemoved = false) {
    const { sourceId } = await segmentWithSource(db(), segmentId, includeRemoved);
    return sourceGuard(request, sourceId, 'coding.write');
  }

  app.patch(
    '/api/segments/:segmentId',
    {
      schema: {
        tags,
        params: segmentParamsSchema,
        body: segmentUpdateSchema,
        response: { 200: sourceDetailSchema },
      },
      ...sourceWrite,
    },
    async (request) => {
      const reached = await segmentReach(request, request.params.segmentId);
      await updateSegment(
        { ...contextOf(request), reach: reached },
        reached.source,
        request.params.segmentId,
        request.body,
      );
      return presentSource(request, reached.source.id);
    },
  );

  app.delete(
    '/api/segments/:segmentId',
    {
      schema: { tags, params: segmentParamsSchema, response: { 200: sourceDetailSchema } },
      ...sourceWrite,
    },
    async (request) => {
      const reached = await segmentReach(request, request.params.segmentId);
      await removeSegment(
        { ...contextOf(request), reach: reached },
        reached.source,
        request.params.segmentId,
        false,
      );
      return presentSource(request, reached.source.id);
    },
  );

  app.post(
    '/api/segments/:segmentId/restore',
    {
      schema: { tags, params: segmentParamsSchema, response: { 200: sourceDetailSchema } },
      ...sourceWrite,
    },
    async (request) => {
      const reached = await segmentReach(request, request.params.segmentId, true);
      await removeSegment(
        { ...contextOf(request), reach: reached },
        reached.source,
        request.params.segmentId,
        true,
      );
      return presentSource(request, reached.source.id);
    },
  );

  app.put(
    '/api/sources/:sourceId/blind',
    {
      schema: {
        tags,
        params: sourceParamsSchema,
        body: blindInputSchema,
        response: { 200: sourceDetailSchema },
      },
      ...sourceWrite,
      preValidation: sourceFirst('coding.write'),
    },
    async (request) => {
      const reached = await sourceGuard(request, request.params.sourceId, 'coding.write');
      await setBlind({ ...contextOf(request), reach: reached }, reached.source, request.body.blind);
      return presentSource(request, reached.source.id);
    },
  );

  app.post(
    '/api/sources/:sourceId/reveal',
    {
      schema: { tags, params: sourceParamsSchema, response: { 200: sourceDetailSchema } },
      config: { policy: 'coding.read' },
      preValidation: sourceFirst('coding.read'),
    },
    async (request) => {
      const reached = await sourceGuard(request, request.params.sourceId, 'coding.read');
      await reveal({ ...contextOf(request), reach: reached }, reached.source);
      return presentSource(request, reached.source.id);
    },
  );

  app.get(
    '/api/sources/:sourceId/agreement',
    {
      schema: {
        tags,
        params: sourceParamsSchema,
        querystring: agreementQuerySchema,
        response: { 200: agreementSchema },
      },
      config: { policy: 'coding.read' },
      preValidation: sourceFirst('coding.read'),
    },
    async (request) => {
      const reached = await sourceGuard(request, request.params.sourceId, 'coding.read');
      const result = await agreement(
        db(),
        reached,
        reached.source,
        request.query.coderA,
        request.query.coderB,
      );
      await recordAccess(request, {
        caseId: reached.caseId,
        resourceType: 'qda_segment',
        resourceId: reached.source.id,
        action: 'list',
        grounds: reached.grounds,
        outcome: 'success',
      });
      return result;
    },
  );

  // ---- memos -----------------------------------------------------------------------------

  /** The record a memo hangs on, reached with the action asked. */
  async function memoTarget(
    request: FastifyRequest,
    targetType: string,
    targetId: string,
    action: 'coding.read' | 'coding.write',
  ): Promise<{ reach: Reach; target: MemoTargetRecord }> {
    const actor = requireActor(request);
    if (targetType === 'source' || targetType === 'segment') {
      const sourceId =
        targetType === 'source' ? targetId : (await segmentWithSource(db(), targetId)).sourceId;
      const reached = await sourceGuard(request, sourceId, action);
      return {
        reach: reached,
        target: {
          programmeId: reached.programmeId,
          caseId: reached.caseId,
          source: reached.source,
        },
      };
    }
    if (targetType === 'case') {
      const programmeId = await programmeOfCase(targetId);
      const reach = await reachOf(request, actor, programmeId, targetId, action, targetId);
      return { reach, target: { programmeId, caseId: targetId, source: null } };
    }
    const [code] = await db()
      .select({ programmeId: qdaCodes.programmeId })
      .from(qdaCodes)
      .where(eq(qdaCodes.id, targetId));
    if (!code) throw new AppError('NOT_FOUND');
    const reach = await reachOf(request, actor, code.programmeId, null, action, targetId);
    return { reach, target: { programmeId: code.programmeId, caseId: null, source: null } };
  }

  async function programmeOfCase(caseId: string): Promise<string> {
    const [row] = await db()
      .select({ programmeId: cases.programmeId })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!row) throw new AppError('NOT_FOUND');
    return row.programmeId;
  }

  async function presentMemos(
    request: FastifyRequest,
    reach: Reach,
    targetType: 'segment' | 'code' | 'source' | 'case',
    targetId: string,
  ) {
    const items = await memosOf(db(), [{ type: targetType, ids: [targetId] }], reach.actor.userId);
    await recordAccess(request, {
      caseId: reach.caseId,
      resourceType: 'qda_memo',
      resourceId: targetId,
      action: 'list',
      grounds: reach.grounds,
      outcome: 'success',
    });
    return { items };
  }

  app.get(
    '/api/memos',
    {
      schema: { tags, querystring: memoListQuerySchema, response: { 200: memoListSchema } },
      config: { policy: 'coding.read' },
    },
    async (request) => {
      const { targetType, targetId } = request.query;
      const { reach } = await memoTarget(request, targetType, targetId, 'coding.read');
      return presentMemos(request, reach, targetType, targetId);
    },
  );

  app.post(
    '/api/memos',
    {
      schema: { tags, body: memoInputSchema, response: { 201: memoListSchema } },
      config: { policy: 'coding.write' },
    },
    async (request, reply) => {
      const { targetType, targetId } = request.body;
      const { reach, target } = await memoTarget(request, targetType, targetId, 'coding.write');
      await createMemo({ ...contextOf(request), reach }, target, request.body);
      reply.status(201);
      return presentMemos(request, reach, targetType, targetId);
    },
  );

  async function memoReach(request: FastifyRequest, memoId: string) {
    const memo = await memoById(db(), memoId);
    const { reach } = await memoTarget(request, memo.targetType, memo.targetId, 'coding.write');
    return { memo, reach };
  }

  app.put(
    '/api/memos/:memoId',
    {
      schema: {
        tags,
        params: memoParamsSchema,
        body: memoUpdateSchema,
        response: { 200: memoListSchema },
      },
      config: { policy: 'coding.write' },
    },
    async (request) => {
      const { memo, reach } = await memoReach(request, request.params.memoId);
      await updateMemo({ ...contextOf(request), reach }, memo.id, request.body);
      return presentMemos(request, reach, memo.targetType as 'code', memo.targetId);
    },
  );

  app.delete(
    '/api/memos/:memoId',
    {
      schema: { tags, params: memoParamsSchema, response: { 200: memoListSchema } },
      config: { policy: 'coding.write' },
    },
    async (request) => {
      const { memo, reach } = await memoReach(request, request.params.memoId);
      await updateMemo({ ...contextOf(request), reach }, memo.id, null);
      return presentMemos(request, reach, memo.targetType as 'code', memo.targetId);
    },
  );

  // The programmes the user codes in: those of the teams they are a member of.
  app.get(
    '/api/coding/programmes',
    {
      schema: { tags, response: { 200: codingProgrammesSchema } },
      config: { policy: 'codebook.read' },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.teamIds.length === 0) return { items: [] };
      const rows = await db()
        .selectDistinct({
          id: programmes.id,
          name: programmes.name,
          periodStart: programmes.periodStart,
          periodEnd: programmes.periodEnd,
          sortKey: programmes.sortKey,
        })
        .from(programmes)
        .innerJoin(teams, eq(teams.programmeId, programmes.id))
        .where(inArray(teams.id, [...actor.teamIds]))
        .orderBy(asc(programmes.sortKey));
      return { items: rows.map(({ sortKey: _s, ...r }) => r) };
    },
  );

  // ---- codebook --------------------------------------------------------------------------

  async function presentCodebook(request: FastifyRequest, reach: Reach) {
    const book = await readCodebook(db(), reach.programmeId);
    return {
      ...book,
      abilities: {
        manage: can(reach.actor, 'codebook.manage', reach.resource),
        exchange: can(reach.actor, 'qda.exchange', reach.resource),
      },
    };
  }

  app.get(
    '/api/programmes/:id/codebook',
    {
      schema: { tags, params: idParamsSchema, response: { 200: codebookSchema } },
      config: { policy: 'codebook.read' },
      preValidation: programmeFirst('codebook.read'),
    },
    async (request) =>
      presentCodebook(request, await programmeGuard(request, request.params.id, 'codebook.read')),
  );

  const manage = { config: { policy: 'codebook.manage' as const } };

  app.post(
    '/api/programmes/:id/codes',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: codeInputSchema,
        response: { 201: codeSchema },
      },
      ...manage,
      preValidation: programmeFirst('codebook.manage'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
      const code = await createCode({ ...contextOf(request), reach }, request.body);
      reply.status(201);
      return code;
    },
  );

  app.put(
    '/api/programmes/:id/codes/:codeId',
    {
      schema: {
        tags,
        params: codeParamsSchema,
        body: codeUpdateSchema,
        response: { 200: codeSchema },
      },
      ...manage,
      preValidation: programmeFirst('codebook.manage'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
      return updateCode({ ...contextOf(request), reach }, request.params.codeId, request.body);
    },
  );

  for (const [path, archive] of [
    ['archive', true],
    ['restore', false],
  ] as const)
    app.post(
      `/api/programmes/:id/codes/:codeId/${path}`,
      {
        schema: {
          tags,
          params: codeParamsSchema,
          body: codeArchiveSchema,
          response: { 200: codebookSchema },
        },
        ...manage,
        preValidation: programmeFirst('codebook.manage'),
      },
      async (request) => {
        const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
        await archiveCode(
          { ...contextOf(request), reach },
          request.params.codeId,
          request.body.version,
          archive,
        );
        return presentCodebook(request, reach);
      },
    );

  app.post(
    '/api/programmes/:id/codes/:codeId/merge',
    {
      schema: {
        tags,
        params: codeParamsSchema,
        body: codeMergeSchema,
        response: {
          200: codebookSchema.extend({ moved: z.number().int(), dropped: z.number().int() }),
        },
      },
      ...manage,
      preValidation: programmeFirst('codebook.manage'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
      const result = await mergeCode(
        { ...contextOf(request), reach },
        request.params.codeId,
        request.body,
      );
      return { ...(await presentCodebook(request, reach)), ...result };
    },
  );

  app.post(
    '/api/programmes/:id/codes/:codeId/split',
    {
      schema: {
        tags,
        params: codeParamsSchema,
        body: codeSplitSchema,
        response: { 201: codeSchema },
      },
      ...manage,
      preValidation: programmeFirst('codebook.manage'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
      const code = await splitCode(
        { ...contextOf(request), reach },
        request.params.codeId,
        request.body,
      );
      reply.status(201);
      return code;
    },
  );

  app.get(
    '/api/programmes/:id/codes/:codeId/history',
    {
      schema: { tags, params: codeParamsSchema, response: { 200: codeHistorySchema } },
      config: { policy: 'codebook.read' },
      preValidation: programmeFirst('codebook.read'),
    },
    async (request) => {
      await programmeGuard(request, request.params.id, 'codebook.read');
      return { items: await codeHistory(db(), request.params.id, request.params.codeId) };
    },
  );

  app.post(
    '/api/programmes/:id/codebook/snapshots',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: snapshotInputSchema,
        response: { 201: snapshotSchema },
      },
      ...manage,
      preValidation: programmeFirst('codebook.manage'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
      const snapshot = await createSnapshot({ ...contextOf(request), reach }, request.body.label);
      reply.status(201);
      return snapshot;
    },
  );

  app.get(
    '/api/programmes/:id/codebook/snapshots/:snapshotId',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), snapshotId: z.uuid() }),
        response: { 200: snapshotSchema },
      },
      config: { policy: 'codebook.read' },
      preValidation: programmeFirst('codebook.read'),
    },
    async (request) => {
      await programmeGuard(request, request.params.id, 'codebook.read');
      return readSnapshot(db(), request.params.id, request.params.snapshotId);
    },
  );

  // ---- cross-case views ------------------------------------------------------------------

  app.get(
    '/api/programmes/:id/sources',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: programmeSourcesQuerySchema,
        response: { 200: sourceListSchema },
      },
      config: { policy: 'coding.read' },
      preValidation: programmeFirst('coding.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'coding.read');
      const result = await listSources(db(), reach, request.query);
      await recordAccess(request, ...perCase(reach, result.items, 'qda_source'));
      return result;
    },
  );

  app.get(
    '/api/programmes/:id/codes/:codeId/segments',
    {
      schema: {
        tags,
        params: codeParamsSchema,
        querystring: codeSegmentsQuerySchema,
        response: { 200: codeSegmentsSchema },
      },
      config: { policy: 'coding.read' },
      preValidation: programmeFirst('coding.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'coding.read');
      const [code] = await db()
        .select()
        .from(qdaCodes)
        .where(
          and(eq(qdaCodes.id, request.params.codeId), eq(qdaCodes.programmeId, reach.programmeId)),
        );
      if (!code) throw new AppError('NOT_FOUND');
      const result = await codeSegments(
        db(),
        reach,
        presentCode(code),
        request.query,
        fastify.clock(),
      );
      await recordAccess(request, ...perCase(reach, result.items, 'qda_segment'));
      return result;
    },
  );

  app.get(
    '/api/programmes/:id/matrix',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: matrixQuerySchema,
        response: { 200: matrixSchema },
      },
      config: { policy: 'coding.read' },
      preValidation: programmeFirst('coding.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'coding.read');
      const result = await matrix(db(), reach, request.query);
      await recordAccess(request, ...perCase(reach, result.rows, 'qda_segment'));
      return result;
    },
  );

  app.get(
    '/api/programmes/:id/search',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema },
      },
      config: { policy: 'coding.read' },
      preValidation: programmeFirst('coding.read'),
    },
    async (request) => {
      const reach = await programmeGuard(request, request.params.id, 'coding.read');
      const result = await search(db(), reach, request.query);
      await recordAccess(request, ...perCase(reach, result.items, 'qda_source'));
      return result;
    },
  );

  // ---- REFI-QDA exchange -----------------------------------------------------------------

  app.get(
    '/api/programmes/:id/codebook.qdc',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: z.object({ snapshotId: z.uuid().optional() }),
      },
      config: { policy: 'codebook.read' },
      preValidation: programmeFirst('codebook.read'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.read');
      const codes = request.query.snapshotId
        ? (await readSnapshot(db(), reach.programmeId, request.query.snapshotId)).codes
        : (await codesOf(db(), reach.programmeId)).filter((c) => c.archivedAt === null);
      const xml = codebookXml(codebookModel(codes), origin);
      await recordAccess(request, {
        caseId: null,
        resourceType: 'qda_codebook',
        resourceId: reach.programmeId,
        action: 'export',
        grounds: reach.grounds,
        outcome: 'success',
      });
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', 'attachment; filename="codeboek.qdc"')
        .send(xml);
    },
  );

  app.get(
    '/api/programmes/:id/export.qdpx',
    {
      schema: { tags, params: idParamsSchema, querystring: exportQuerySchema },
      config: { policy: 'qda.exchange' },
      preValidation: programmeFirst('qda.exchange'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'qda.exchange');
      const plan = await exportPlan(db(), reach, request.query.caseIds, request.query.caseCodes);
      const out = new PassThrough();
      const writing = writeQdpx(plan.project, plan.text, out);
      // The project is checked against the schema's rules before the first byte: an invalid
      // project fails here, as an error answer, not as a broken download.
      await Promise.race([writing, Promise.resolve()]);
      writing.catch((error: unknown) => {
        request.log.error({ err: error }, 'qdpx export failed');
        out.destroy(error instanceof Error ? error : new Error('export failed'));
      });
      // Logged before a byte goes out: which cases' texts left the platform, and the export.
      await recordAccess(
        request,
        {
          caseId: null,
          resourceType: 'qda_project',
          resourceId: reach.programmeId,
          action: 'export',
          grounds: reach.grounds,
          outcome: 'success',
        },
        ...plan.caseIds.map((caseId) => ({
          caseId,
          resourceType: 'qda_source' as const,
          resourceId: caseId,
          action: 'export' as const,
          grounds: reach.grounds,
          outcome: 'success' as const,
        })),
      );
      const stamp = fastify.clock().toISOString().slice(0, 10);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="ketenlens-${stamp}.qdpx"`)
        .send(out);
    },
  );

  app.post(
    '/api/programmes/:id/import',
    {
      schema: { tags, params: idParamsSchema, response: { 201: importReportSchema } },
      config: { policy: 'qda.exchange' },
      preValidation: programmeFirst('qda.exchange'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'qda.exchange');
      const body = request.body as unknown;
      if (!body || typeof (body as NodeJS.ReadableStream).pipe !== 'function')
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Stuur het .qdpx-bestand zelf, met content-type application/zip.',
        );
      const file = await toTempFile(body as NodeJS.ReadableStream, importBytes);
      try {
        const archive = await openQdpx(file).catch(refiProblem);
        try {
          const report = await importProject({ ...contextOf(request), reach }, archive).catch(
            refiProblem,
          );
          reply.status(201);
          return report;
        } finally {
          await archive.close();
        }
      } finally {
        await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
      }
    },
  );

  app.post(
    '/api/programmes/:id/codebook/import',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: z.string({ error: 'Stuur het .qdc-bestand zelf, met content-type application/xml.' }),
        response: { 201: importReportSchema },
      },
      config: { policy: 'codebook.manage' },
      preValidation: programmeFirst('codebook.manage'),
    },
    async (request, reply) => {
      const reach = await programmeGuard(request, request.params.id, 'codebook.manage');
      let codes;
      try {
        codes = parseCodebookXml(request.body, { fileName: 'codeboek.qdc' });
      } catch (error) {
        refiProblem(error);
      }
      const report = await importCodebook({ ...contextOf(request), reach }, codes);
      reply.status(201);
      return report;
    },
  );
}
