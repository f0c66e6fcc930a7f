// Regenerates the project's own reference list of youth-care regions and municipalities from
// the CBS-derived files in ../shared/standards/nl-regions (see its README; "Bron: CBS").
// Usage: npx tsx scripts/import-regions.ts [path-to-nl-regions]
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const source = path.resolve(process.argv[2] ?? '../shared/standards/nl-regions');
const target = path.resolve('src/server/features/organisations/reference/regions-2026.json');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(source, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

const regions = readCsv('jeugdregios_2024.csv').map((r) => ({
  code: r.jeugdregio_code,
  name: r.jeugdregio_naam,
}));
const municipalities = readCsv('gemeenten_2026_jeugdregio.csv').map((m) => ({
  code: m.gemeentecode,
  gmCode: m.gm_code,
  name: m.gemeentenaam,
  province: m.provincie,
  regionCode: m.jeugdregio_code,
}));
fs.writeFileSync(
  target,
  JSON.stringify(
    {
      source: 'CBS jeugdregio 2024; gemeentelijke indeling 1-1-2026 (Bron: CBS, CC BY 4.0)',
      regions,
      municipalities,
    },
    null,
    1,
  ) + '\n',
);
console.log(
  `wrote ${regions.length} regions and ${municipalities.length} municipalities to ${target}`,
);
