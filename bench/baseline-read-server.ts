// The hand-written baseline for the access-logged read: node:http and the same database driver
// (PGlite or node-postgres), doing by hand what GET /api/teams/:id/members does in the database:
// look up the session, check the team, read its members, and INSERT one access-log row per
// request (no grouping). No framework, no validation, no serialisation schema.
// Env: PORT, BASELINE_PGLITE_DIR or BASELINE_DATABASE_URL.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { acquireDataLock } from '../src/server/db/data-lock';

type Query = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

async function connect(): Promise<Query> {
  const dir = process.env.BASELINE_PGLITE_DIR;
  if (dir) {
    acquireDataLock(dir);
    const client = await PGlite.create({
      dataDir: `${dir}/pglite`,
      extensions: { pg_trgm, unaccent },
    });
    return (text, params) => client.query(text, params);
  }
  const url = process.env.BASELINE_DATABASE_URL;
  if (!url) throw new Error('set BASELINE_PGLITE_DIR or BASELINE_DATABASE_URL');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return (text, params) => pool.query(text, params);
}

const query = await connect();
let requestCounter = 0;

const server = http.createServer((req, res) => {
  void (async () => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const match = /^\/api\/teams\/([0-9a-f-]{36})\/members$/.exec(req.url ?? '');
    const token = /(?:^|;\s*)kl_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!match || !token) {
      res.writeHead(404).end();
      return;
    }
    const teamId = match[1]!;
    const now = new Date();
    const session = await query(
      `select u.id, u.role, u.organisation_id from sessions s join users u on u.id = s.user_id
       where s.id_hash = $1 and s.revoked_at is null and s.expires_at > $2 and u.status = 'active' limit 1`,
      [createHash('sha256').update(token).digest('hex'), now],
    );
    const actor = session.rows[0];
    if (!actor) {
      res.writeHead(401).end();
      return;
    }
    const team = await query('select id from teams where id = $1', [teamId]);
    if (team.rows.length === 0) {
      res.writeHead(404).end();
      return;
    }
    const members = await query(
      `select tm.user_id as "userId", u.display_name as "displayName", u.email, tm.role_label as "roleLabel"
       from team_memberships tm join users u on u.id = tm.user_id where tm.team_id = $1 order by u.sort_key, u.id`,
      [teamId],
    );
    await query(
      `insert into access_log (at, user_id, organisation_id, role, resource_type, resource_id, action, grounds, outcome, request_id)
       values ($1, $2, $3, $4, 'team_members', $5, 'read', 'administrator', 'success', $6)`,
      [now, actor.id, actor.organisation_id, actor.role, teamId, `baseline-${++requestCounter}`],
    );
    const body = JSON.stringify({ items: members.rows });
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  })().catch(() => {
    res.writeHead(500).end();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`baseline listening on ${JSON.stringify(server.address())}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
