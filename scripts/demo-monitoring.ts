// Access-table monitoring in the demo region (JZ16): a Team Toegang and a Regionaal Expertteam
// with the demo professional as member, and two years of fictional registrations, so the
// quarterly report shows a trend, suppressed small cells and a list of missing help. The demo
// policymaker's municipality lies in the region, so they see the report (never the register).
import type { RequestContext } from '../src/server/db/context';
import { createAccessTable, setTableMember } from '../src/server/features/monitoring/save';
import { todayIso } from '../src/shared/domain/fuzzy-date';
import { seedDemoRegistrations } from './seed-monitoring';

export async function seedDemoMonitoring(
  ctx: RequestContext,
  input: { regionCode: string; memberUserIds: string[] },
): Promise<{ tableIds: string[]; registrations: number }> {
  const teamToegang = await createAccessTable(ctx, {
    regionCode: input.regionCode,
    name: 'Team Toegang Gooi en Vechtstreek (fictief)',
    kind: 'team_toegang',
    smallCellThreshold: 5,
  });
  const expertTeam = await createAccessTable(ctx, {
    regionCode: input.regionCode,
    name: 'Regionaal Expertteam Gooi en Vechtstreek (fictief)',
    kind: 'regional_expert_team',
    smallCellThreshold: 5,
  });
  for (const userId of input.memberUserIds)
    for (const tableId of [teamToegang, expertTeam])
      await setTableMember(ctx, tableId, userId, true);
  const registrations = await seedDemoRegistrations(
    ctx.db,
    [
      { id: teamToegang, regionCode: input.regionCode, perQuarter: 34, prefix: 'TT' },
      { id: expertTeam, regionCode: input.regionCode, perQuarter: 9, prefix: 'REX' },
    ],
    todayIso(new Date()),
  );
  return { tableIds: [teamToegang, expertTeam], registrations };
}
