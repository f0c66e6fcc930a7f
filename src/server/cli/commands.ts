// The admin command line, as functions: parse the arguments, run one command against a
// database, write to the given output. main.ts wires it to the process.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/connect';
import type { RequestContext } from '../db/context';
import { runCommand } from '../db/context';
import { emailSchema, passwordSchema, roles, type Role } from '../../shared/contract/auth';
import { teamRoleLabels, type TeamRoleLabel } from '../../shared/contract/organisations';
import { users } from '../features/auth/schema';
import { inviteUser, resetTotp, setUserDisabled } from '../features/auth/manage-users';
import { hashPassword } from '../features/auth/passwords';
import { newTotpSecret, totpEnrolment } from '../features/auth/totp';
import { teams } from '../features/organisations/schema';
import { addTeamMember } from '../features/organisations/save-team';
import { verifyAccessLogChain } from '../features/audit/verify';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export type CliIo = {
  out: (line: string) => void;
  readStdin: () => Promise<string>;
  publicUrl: string;
};

export const usage = `Gebruik: npm run cli -- <opdracht>

  user add --email E --role R [--name N] [--team T [--team-role L]] [--password-stdin] [--totp]
      Maakt een account. Zonder --password-stdin: drukt een eenmalige uitnodigingslink af.
      --password-stdin leest het wachtwoord van standaardinvoer; --totp zet tweestaps-
      verificatie meteen aan en drukt het geheim af. Rollen: ${roles.join(', ')}.
      --team: id of naam van een uitvoeringsteam; --team-role: ${teamRoleLabels.join(', ')}.
  user disable --email E      Blokkeert een account en beëindigt zijn sessies.
  user reset-2fa --email E    Zet tweestapsverificatie uit; de gebruiker stelt haar opnieuw in.
  audit verify                Controleert de hashketen van het toegangslog.`;

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true })
      .values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/^.*?: /, '')}\n\n${usage}`);
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new CliError(`--${name} is verplicht.\n\n${usage}`);
  return value.trim();
}

function check<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new CliError(`--${option}: ${result.error.issues[0]?.message ?? 'ongeldige waarde'}`);
  return result.data;
}

async function findUser(db: Db, email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new CliError(`Er is geen account met e-mailadres ${email}.`, 1);
  return user;
}

export async function runCli(argv: string[], db: Db, io: CliIo): Promise<void> {
  const [group, command, ...rest] = argv;
  const ctx: RequestContext = { db, actor: null, requestId: 'cli' };
  const key = `${group ?? ''} ${command ?? ''}`.trim();
  switch (key) {
    case 'user add': {
      const values = parse(rest, {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        team: { type: 'string' },
        'team-role': { type: 'string' },
        'password-stdin': { type: 'boolean' },
        totp: { type: 'boolean' },
      });
      const email = check(emailSchema, required(values, 'email'), 'email');
      const role = check(z.enum(roles), required(values, 'role'), 'role') as Role;
      const name =
        typeof values.name === 'string' && values.name.trim()
          ? values.name.trim()
          : email.split('@')[0]!;
      const teamRole = check(
        z.enum(teamRoleLabels),
        values['team-role'] ?? 'other',
        'team-role',
      ) as TeamRoleLabel;
      let teamId: string | null = null;
      if (typeof values.team === 'string') {
        const wanted = values.team.trim();
        const isUuid = z.uuid().safeParse(wanted).success;
        const found = await db
          .select({ id: teams.id })
          .from(teams)
          .where(
            isUuid ? or(eq(teams.id, wanted), eq(teams.name, wanted)) : eq(teams.name, wanted),
          );
        if (found.length !== 1) {
          throw new CliError(
            found.length === 0
              ? `Geen team "${wanted}" gevonden.`
              : `Meer dan één team heet "${wanted}": gebruik het id.`,
            1,
          );
        }
        teamId = found[0]!.id;
      }
      let password: string | null = null;
      if (values['password-stdin']) {
        password = check(
          passwordSchema,
          (await io.readStdin()).replace(/\r?\n$/, ''),
          'password-stdin',
        );
      }
      const { userId, link } = await inviteUser(ctx, {
        email,
        displayName: name,
        role,
        organisationId: null,
      }).catch((error: unknown) => {
        throw new CliError((error as Error).message, 1);
      });
      if (teamId)
        await addTeamMember(ctx, teamId, { userId, roleLabel: teamRole }).catch(
          (error: unknown) => {
            throw new CliError((error as Error).message, 1);
          },
        );
      if (password) {
        const passwordHash = await hashPassword(password);
        await runCommand(ctx, async ({ tx, now, audit }) => {
          await tx
            .update(users)
            .set({ passwordHash, status: 'active', updatedAt: now })
            .where(eq(users.id, userId));
          await audit({
            userId,
            resourceType: 'user',
            resourceId: userId,
            action: 'password_set',
            grounds: 'administrator',
            outcome: 'success',
          });
        });
        io.out(`Account ${email} (${role}) gemaakt met het opgegeven wachtwoord.`);
      } else {
        io.out(
          `Account ${email} (${role}) gemaakt. Eenmalige link om een wachtwoord te kiezen (geldig tot ${link.expiresAt.toISOString()}):`,
        );
        io.out(`  ${io.publicUrl}/link/${link.token}`);
      }
      if (values.totp) {
        const secret = newTotpSecret();
        await runCommand(ctx, async ({ tx, now, audit }) => {
          await tx
            .update(users)
            .set({ totpSecret: secret, totpEnabledAt: now })
            .where(eq(users.id, userId));
          await audit({
            userId,
            resourceType: 'user',
            resourceId: userId,
            action: 'totp_enabled',
            grounds: 'administrator',
            outcome: 'success',
          });
        });
        const enrolment = await totpEnrolment(secret, email);
        io.out(`TOTP-geheim: ${secret}`);
        io.out(`  ${enrolment.uri}`);
      }
      return;
    }
    case 'user disable': {
      const values = parse(rest, { email: { type: 'string' } });
      const user = await findUser(db, check(emailSchema, required(values, 'email'), 'email'));
      await setUserDisabled(ctx, user.id, true);
      io.out('Account geblokkeerd; alle sessies zijn beëindigd.');
      return;
    }
    case 'user reset-2fa': {
      const values = parse(rest, { email: { type: 'string' } });
      const user = await findUser(db, check(emailSchema, required(values, 'email'), 'email'));
      await resetTotp(ctx, user.id);
      io.out(
        'Tweestapsverificatie uitgezet; bij de volgende login stelt de gebruiker haar opnieuw in.',
      );
      return;
    }
    case 'audit verify': {
      parse(rest, {});
      const report = await verifyAccessLogChain(db);
      if (report.isIntact) {
        io.out(`Toegangslog intact: ${report.checked} regels gecontroleerd.`);
        return;
      }
      throw new CliError(
        `Toegangslog NIET intact: eerste gebroken schakel is regel ${report.firstBrokenSeq} (${report.reason}); ${report.checked} regels daarvoor zijn in orde.`,
        3,
      );
    }
    default:
      throw new CliError(key ? `Onbekende opdracht: ${key}\n\n${usage}` : usage);
  }
}
