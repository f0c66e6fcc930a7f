// The hand-written baseline for the timeline read: node:http and the same database driver
// (PGlite or node-postgres), doing by hand what GET /api/cases/:id/timeline does in the database:
// look up the session (with the user's team ids), look up the case as the case guard does (team,
// code, birth year, assigned users, participant users), check team membership or assignment, read
// the live items, their comments and the stored indicators (the three reads at once, as the app
// does), INSERT one access-log row per request (no grouping), and answer the same JSON shape.
// No framework, no validation, no serialisation schema.
// Env: PORT, BASELINE_PGLITE_DIR or BASELINE_DATABASE_URL.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { acquireDataLock } from '../src/server/db/data-lock';

type Row = Record<string, unknown>;
type Query = (text: string, params: unknown[]) => Promise<{ rows: Row[] }>;

async function connect(): Promise<Query> {
  const dir = process.env.BASELINE_PGLITE_DIR;
  if (dir) {
    acquireDataLock(dir);
    const client = await PGlite.create({
      dataDir: `${dir}/pglite`,
      extensions: { pg_trgm, unaccent },
    });
    return (text, params) => client.query<Row>(text, params);
  }
  const url = process.env.BASELINE_DATABASE_URL;
  if (!url) throw new Error('set BASELINE_PGLITE_DIR or BASELINE_DATABASE_URL');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return (text, params) => pool.query(text, params);
}

const query = await connect();
let requestCounter = 0;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

async function answer(caseId: string, token: string) {
  const now = new Date();
  const session = await query(
    `select u.id, u.role, u.organisation_id, s.csrf_token, s.stage, s.last_seen_at,
            array(select tm.team_id::text from team_memberships tm where tm.user_id = u.id) as team_ids
     from sessions s join users u on u.id = s.user_id
     where s.id_hash = $1 and s.revoked_at is null and s.expires_at > $2 and u.status = 'active' limit 1`,
    [createHash('sha256').update(token).digest('hex'), now],
  );
  const actor = session.rows[0];
  if (!actor) return 401;
  const found = await query(
    `select c.team_id, c.code, c.birth_year,
            (select coalesce(json_agg(ca.user_id), '[]'::json) from case_assignments ca where ca.case_id = c.id) as assigned,
            (select coalesce(json_agg(p.user_id), '[]'::json) from participants p where p.case_id = c.id and p.user_id is not null) as participant_users
     from cases c where c.id = $1`,
    [caseId],
  );
  const resource = found.rows[0];
  if (!resource) return 404;
  const isMember = (actor.team_ids as string[]).includes(String(resource.team_id));
  const isAssigned = (resource.assigned as string[]).includes(String(actor.id));
  const staff = ['researcher', 'professional', 'expert_by_experience'].includes(String(actor.role));
  if (!staff || (!isMember && !isAssigned)) return 404;
  const [items, comments, indicators] = await Promise.all([
    query(
      `select id, case_id, kind, lane, title, description, start_date, start_earliest::text, start_latest::text,
              end_date, end_earliest::text, end_latest::text, valence, source, source_participant_id,
              category_code, reference, waiting_days, is_signal, revises_item_id, version, created_by,
              created_at, updated_at, deleted_at
       from timeline_items where case_id = $1 and deleted_at is null
       order by start_earliest, start_latest, created_at, id`,
      [caseId],
    ),
    query(
      `select c.id, c.item_id, c.perspective, c.participant_id, p.label as participant_label, c.text,
              u.display_name as author_name, c.created_at
       from timeline_comments c
       left join participants p on p.id = c.participant_id
       left join users u on u.id = c.author_id
       where c.case_id = $1 and c.deleted_at is null order by c.created_at, c.id`,
      [caseId],
    ),
    query('select * from case_indicators where case_id = $1', [caseId]),
  ]);
  await query(
    `insert into access_log (at, user_id, organisation_id, role, case_id, resource_type, resource_id, action, grounds, outcome, request_id)
     values ($1, $2, $3, $4, $5, 'timeline', $6, 'read', $7, 'success', $8)`,
    [
      now,
      actor.id,
      actor.organisation_id,
      actor.role,
      caseId,
      caseId,
      isMember ? 'team_membership' : 'case_assignment',
      `baseline-${++requestCounter}`,
    ],
  );
  const byItem = new Map<string, Row[]>();
  for (const c of comments.rows) {
    const list = byItem.get(String(c.item_id)) ?? [];
    list.push({
      id: c.id,
      itemId: c.item_id,
      perspective: c.perspective,
      participantId: c.participant_id,
      participantLabel: c.participant_label,
      text: c.text,
      authorName: c.author_name ?? '',
      createdAt: iso(c.created_at),
    });
    byItem.set(String(c.item_id), list);
  }
  const stored = indicators.rows[0];
  return {
    caseId,
    caseCode: resource.code,
    birthYear: resource.birth_year,
    items: items.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      lane: r.lane,
      title: r.title,
      description: r.description,
      start: r.start_date,
      end: r.end_date ?? null,
      startRange: { earliest: r.start_earliest, latest: r.start_latest },
      endRange:
        r.end_earliest && r.end_latest ? { earliest: r.end_earliest, latest: r.end_latest } : null,
      valence: r.valence,
      source: r.source,
      sourceParticipantId: r.source_participant_id,
      categoryCode: r.category_code,
      reference: r.reference,
      waitingDays: r.waiting_days,
      isSignal: r.is_signal,
      revisesItemId: r.revises_item_id,
      version: r.version,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      comments: byItem.get(String(r.id)) ?? [],
    })),
    indicators: stored
      ? {
          placements: stored.placements,
          placementChanges: stored.placement_changes,
          schoolChanges: stored.school_changes,
          monthsWithoutSchool: stored.months_without_school,
          careProviders: stored.care_providers,
          ageAtFirstSignal: stored.age_at_first_signal,
          ageAtFirstSpecialistHelp: stored.age_at_first_specialist_help,
          earlySignalGap: stored.early_signal_gap,
          diagnosesRevised: stored.diagnoses_revised,
        }
      : null,
    abilities: { contribute: true, edit: true },
  };
}

const server = http.createServer((req, res) => {
  void (async () => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const match = /^\/api\/cases\/([0-9a-f-]{36})\/timeline$/.exec(req.url ?? '');
    const token = /(?:^|;\s*)kl_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!match || !token) {
      res.writeHead(404).end();
      return;
    }
    const result = await answer(match[1]!, token);
    if (typeof result === 'number') {
      res.writeHead(result).end();
      return;
    }
    const body = JSON.stringify(result);
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  })().catch((error: unknown) => {
    console.error(error);
    res.writeHead(500).end();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`baseline listening on ${JSON.stringify(server.address())}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
