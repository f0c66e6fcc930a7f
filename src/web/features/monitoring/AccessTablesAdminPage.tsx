// /toegangstafels/beheer — for administrators: the access tables per region (name, kind, the
// small-cell threshold of its reports, archived or not) with their members, and the two lists
// a registration chooses from (problem areas, question types: codes stay, labels change,
// archived entries stay valid on old registrations).
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { regionListSchema } from '../../../shared/contract/organisations';
import { userListSchema } from '../../../shared/contract/auth';
import {
  accessTableKinds,
  monitoringListNames,
  type AccessTable,
  type AccessTableKind,
  type MonitoringListName,
  type MonitoringLists,
} from '../../../shared/contract/monitoring';
import { apiRequest } from '../../app/api';
import { serverFieldErrors } from '../../app/form-errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { AppLink } from '../../ui/links';
import {
  addListEntry,
  addMember,
  createTable,
  listsQuery,
  monitoringKeys,
  orderListEntries,
  removeMember,
  tablesQuery,
  updateListEntry,
  updateTable,
} from './api';
import './monitoring.css';

const memberRoles = ['researcher', 'professional', 'expert_by_experience'];

export function AccessTablesAdminPage() {
  const { t } = useTranslation();
  const tables = useQuery(tablesQuery());
  return (
    <>
      <PageHeading>{t('monitoring.admin.title')}</PageHeading>
      <Paragraph>
        <AppLink to="/toegangstafels">{t('monitoring.back')}</AppLink>
      </Paragraph>
      <Paragraph>{t('monitoring.admin.intro')}</Paragraph>
      <NewTableForm />
      {tables.isPending && <LoadingState />}
      {tables.isError && <ErrorAlert error={tables.error} />}
      {tables.data?.items.map((table) => (
        <TableCard key={table.id} table={table} />
      ))}
      <Heading level={2}>{t('monitoring.admin.lists')}</Heading>
      <Paragraph>{t('monitoring.admin.listsIntro')}</Paragraph>
      {monitoringListNames.map((list) => (
        <ListEditor key={list} list={list} />
      ))}
    </>
  );
}

function NewTableForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const regions = useQuery({
    queryKey: ['monitoring', 'all-regions'],
    queryFn: ({ signal }) =>
      apiRequest('/api/regions?pageSize=200&sort=name', regionListSchema, { signal }),
  });
  const [regionCode, setRegionCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AccessTableKind>('team_toegang');
  const [threshold, setThreshold] = useState('5');
  const create = useMutation({
    mutationFn: () =>
      createTable({ regionCode, name, kind, smallCellThreshold: Number(threshold) }),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['monitoring'] });
    },
  });
  const errors = serverFieldErrors(create.error);
  return (
    <section aria-labelledby="new-table">
      <Heading level={2} id="new-table">
        {t('monitoring.admin.newTable')}
      </Heading>
      <form
        className="kl-monitoring__filters"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <SelectField
          id="table-region"
          label={t('monitoring.admin.region')}
          value={regionCode}
          placeholder={t('monitoring.form.choose')}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          onChange={setRegionCode}
          error={errors.regionCode}
        />
        <TextField
          id="table-name"
          label={t('monitoring.admin.name')}
          value={name}
          onChange={setName}
          error={errors.name}
        />
        <SelectField
          id="table-kind"
          label={t('monitoring.admin.kind')}
          value={kind}
          options={accessTableKinds.map((k) => ({ value: k, label: t(`monitoring.kind.${k}`) }))}
          onChange={(v) => setKind(v as AccessTableKind)}
        />
        <TextField
          id="table-threshold"
          type="number"
          min={2}
          max={100}
          label={t('monitoring.admin.threshold')}
          value={threshold}
          onChange={setThreshold}
          error={errors.smallCellThreshold}
        />
        <div>
          <Button type="submit" purpose="primary" disabled={create.isPending}>
            {t('monitoring.admin.create')}
          </Button>
        </div>
      </form>
      {create.isError && !errors.name && !errors.regionCode && <ErrorAlert error={create.error} />}
    </section>
  );
}

function TableCard({ table }: { table: AccessTable }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState('');
  const accounts = useQuery({
    queryKey: ['monitoring', 'accounts'],
    queryFn: ({ signal }) =>
      apiRequest('/api/users?pageSize=200&sort=name', userListSchema, { signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['monitoring'] });
  const add = useMutation({ mutationFn: () => addMember(table.id, userId), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (id: string) => removeMember(table.id, id),
    onSuccess: refresh,
  });
  const archive = useMutation({
    mutationFn: () =>
      updateTable(table.id, {
        name: table.name,
        kind: table.kind,
        smallCellThreshold: table.smallCellThreshold,
        isArchived: !table.isArchived,
        version: table.version,
      }),
    onSuccess: refresh,
  });
  const candidates = (accounts.data?.items ?? []).filter(
    (a) =>
      memberRoles.includes(a.role) &&
      a.status === 'active' &&
      !table.members.some((m) => m.userId === a.id),
  );
  return (
    <section className="kl-monitoring__region" aria-labelledby={`table-${table.id}`}>
      <Heading level={3} id={`table-${table.id}`}>
        {table.name}
        {table.isArchived ? ` (${t('monitoring.admin.archived')})` : ''}
      </Heading>
      <Paragraph>
        {table.regionName} · {t(`monitoring.kind.${table.kind}`)} ·{' '}
        {t('monitoring.admin.thresholdIs', { threshold: table.smallCellThreshold })}
      </Paragraph>
      <Heading level={4}>{t('monitoring.admin.members')}</Heading>
      {table.members.length === 0 ? (
        <Paragraph>{t('monitoring.admin.noMembers')}</Paragraph>
      ) : (
        <ul>
          {table.members.map((member) => (
            <li key={member.userId}>
              {member.name} ({member.email}){' '}
              <Button purpose="subtle" onClick={() => remove.mutate(member.userId)}>
                {t('monitoring.admin.removeMember', { name: member.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="kl-monitoring__filters"
        onSubmit={(event) => {
          event.preventDefault();
          if (userId) add.mutate();
        }}
      >
        <SelectField
          id={`member-${table.id}`}
          label={t('monitoring.admin.addMember')}
          value={userId}
          placeholder={t('monitoring.form.choose')}
          options={candidates.map((a) => ({ value: a.id, label: `${a.displayName} (${a.email})` }))}
          onChange={setUserId}
        />
        <div>
          <Button type="submit" purpose="secondary" disabled={!userId || add.isPending}>
            {t('monitoring.admin.add')}
          </Button>
        </div>
      </form>
      <Button purpose="subtle" onClick={() => archive.mutate()}>
        {table.isArchived ? t('monitoring.admin.restore') : t('monitoring.admin.archive')}
      </Button>
      {(add.isError || remove.isError || archive.isError) && (
        <ErrorAlert error={add.error ?? remove.error ?? archive.error} />
      )}
    </section>
  );
}

function ListEditor({ list }: { list: MonitoringListName }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lists = useQuery(listsQuery());
  const entries = lists.data?.lists.find((l) => l.list === list)?.entries ?? [];
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [editing, setEditing] = useState<{ code: string; label: string } | null>(null);
  const [message, setMessage] = useState('');
  // The id of the control to focus after the next render (where the entry now is).
  const focusId = useRef<string | null>(null);
  const controlId = (entryCode: string, control: string) => `ml-${list}-${entryCode}-${control}`;
  useEffect(() => {
    const id = focusId.current;
    if (!id) return;
    focusId.current = null;
    document.getElementById(id)?.focus();
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: monitoringKeys.lists });
  // The lists as the server answered them go into the cache first, so the table shows the new
  // order or name by the time the status line announces it.
  const store = (saved: MonitoringLists | null, text: string, focus: string | null) => {
    if (saved) queryClient.setQueryData(monitoringKeys.lists, saved);
    focusId.current = focus;
    setMessage(text);
  };
  const add = useMutation({
    mutationFn: () => addListEntry(list, { code, label }),
    onSuccess: async () => {
      setCode('');
      setLabel('');
      await refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (entry: { code: string; label: string; isArchived: boolean }) =>
      updateListEntry(list, entry.code, { label: entry.label, isArchived: !entry.isArchived }),
    onSuccess: (saved, entry) =>
      store(
        saved,
        t(entry.isArchived ? 'monitoring.admin.restored' : 'monitoring.admin.archivedEntry', {
          label: entry.label,
        }),
        controlId(entry.code, 'archive'),
      ),
  });
  const rename = useMutation({
    mutationFn: (entry: { code: string; label: string; isArchived: boolean }) =>
      updateListEntry(list, entry.code, { label: entry.label, isArchived: entry.isArchived }),
    onSuccess: (saved, entry) => {
      setEditing(null);
      store(
        saved,
        t('monitoring.admin.renamed', { label: entry.label }),
        controlId(entry.code, 'edit'),
      );
    },
  });
  const move = useMutation({
    mutationFn: ({
      entryCode,
      direction,
    }: {
      entryCode: string;
      label: string;
      direction: -1 | 1;
    }) => {
      const codes = entries.map((e) => e.code);
      const from = codes.indexOf(entryCode);
      const other = codes[from + direction];
      if (from < 0 || other === undefined) return Promise.resolve(null);
      codes[from + direction] = entryCode;
      codes[from] = other;
      return orderListEntries(list, codes);
    },
    onSuccess: (saved, { entryCode, label: entryLabel, direction }) => {
      const after = saved?.lists.find((l) => l.list === list)?.entries ?? entries;
      const position = after.findIndex((e) => e.code === entryCode);
      const isAtEdge = direction === -1 ? position === 0 : position === after.length - 1;
      // At the top "up" is gone: the focus goes to "down" of the same entry (and vice versa).
      const wanted = direction === -1 ? 'up' : 'down';
      const control = isAtEdge ? (wanted === 'up' ? 'down' : 'up') : wanted;
      store(
        saved,
        t('monitoring.admin.moved', {
          label: entryLabel,
          position: position + 1,
          total: after.length,
        }),
        controlId(entryCode, control),
      );
    },
  });
  const errors = serverFieldErrors(add.error);
  const renameErrors = serverFieldErrors(rename.error);
  const busy = move.isPending || toggle.isPending || rename.isPending;
  return (
    <section aria-labelledby={`list-${list}`}>
      <Heading level={3} id={`list-${list}`}>
        {t(`monitoring.list.${list}`)}
      </Heading>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      <Table caption={t(`monitoring.list.${list}`)} isCaptionHidden>
        <TableHead>
          <HeaderCell>{t('monitoring.admin.label')}</HeaderCell>
          <HeaderCell>{t('monitoring.admin.code')}</HeaderCell>
          <HeaderCell>{t('monitoring.admin.status')}</HeaderCell>
          <HeaderCell>{t('monitoring.admin.actions')}</HeaderCell>
        </TableHead>
        <TableBody>
          {entries.map((entry, index) => (
            <TableRow key={entry.code}>
              <RowHeaderCell>
                {editing?.code === entry.code ? (
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      rename.mutate({ ...entry, label: editing.label });
                    }}
                  >
                    <TextField
                      id={controlId(entry.code, 'label')}
                      label={t('monitoring.admin.newLabel', { label: entry.label })}
                      value={editing.label}
                      onChange={(value) => setEditing({ code: entry.code, label: value })}
                      error={renameErrors.label}
                    />
                    <div className="kl-monitoring__entry-actions">
                      <Button type="submit" purpose="primary" disabled={rename.isPending}>
                        {t('monitoring.admin.saveLabel')}
                      </Button>
                      <Button
                        type="button"
                        purpose="subtle"
                        onClick={() => {
                          focusId.current = controlId(entry.code, 'edit');
                          setEditing(null);
                          rename.reset();
                        }}
                      >
                        {t('monitoring.admin.cancel')}
                      </Button>
                    </div>
                  </form>
                ) : (
                  entry.label
                )}
              </RowHeaderCell>
              <Cell>{entry.code}</Cell>
              <Cell>
                {entry.isArchived ? t('monitoring.admin.archived') : t('monitoring.admin.inUse')}
              </Cell>
              <Cell>
                <div className="kl-monitoring__entry-actions">
                  {editing?.code !== entry.code && (
                    <Button
                      id={controlId(entry.code, 'edit')}
                      purpose="subtle"
                      disabled={busy}
                      onClick={() => {
                        focusId.current = controlId(entry.code, 'label');
                        setEditing({ code: entry.code, label: entry.label });
                      }}
                      aria-label={t('monitoring.admin.renameEntry', { label: entry.label })}
                    >
                      {t('monitoring.admin.rename')}
                    </Button>
                  )}
                  {index > 0 && (
                    <Button
                      id={controlId(entry.code, 'up')}
                      purpose="subtle"
                      disabled={busy}
                      onClick={() =>
                        move.mutate({ entryCode: entry.code, label: entry.label, direction: -1 })
                      }
                      aria-label={t('monitoring.admin.moveUp', { label: entry.label })}
                    >
                      {t('monitoring.admin.up')}
                    </Button>
                  )}
                  {index < entries.length - 1 && (
                    <Button
                      id={controlId(entry.code, 'down')}
                      purpose="subtle"
                      disabled={busy}
                      onClick={() =>
                        move.mutate({ entryCode: entry.code, label: entry.label, direction: 1 })
                      }
                      aria-label={t('monitoring.admin.moveDown', { label: entry.label })}
                    >
                      {t('monitoring.admin.down')}
                    </Button>
                  )}
                  <Button
                    id={controlId(entry.code, 'archive')}
                    purpose="subtle"
                    disabled={busy}
                    onClick={() => toggle.mutate(entry)}
                    aria-label={
                      entry.isArchived
                        ? t('monitoring.admin.restoreEntry', { label: entry.label })
                        : t('monitoring.admin.archiveEntry', { label: entry.label })
                    }
                  >
                    {entry.isArchived
                      ? t('monitoring.admin.restoreShort')
                      : t('monitoring.admin.archiveShort')}
                  </Button>
                </div>
              </Cell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <form
        className="kl-monitoring__filters"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <TextField
          id={`${list}-label`}
          label={t('monitoring.admin.label')}
          value={label}
          onChange={setLabel}
          error={errors.label}
        />
        <TextField
          id={`${list}-code`}
          label={t('monitoring.admin.code')}
          description={t('monitoring.admin.codeHelp')}
          value={code}
          onChange={setCode}
          error={errors.code}
        />
        <div>
          <Button type="submit" purpose="secondary" disabled={add.isPending}>
            {t('monitoring.admin.addEntry')}
          </Button>
        </div>
      </form>
      {(toggle.error ?? move.error) && <ErrorAlert error={toggle.error ?? move.error} />}
    </section>
  );
}
