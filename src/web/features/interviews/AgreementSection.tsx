// "Overeenstemming tussen codeurs": two coders of this text are chosen and the table shows per
// code how many fragments each made, the percentage of agreement and Cohen's kappa, both
// computed per character (every character of the text is one unit: coded with the code by both,
// by one, or by neither), and the figure over all codes together. Kappa cannot be computed when
// chance agreement is already 100% (neither coder used the code, or both coded everything with
// it): then "—", with that explanation. While someone codes blind and has not compared, there is
// nothing to compare yet.
import { useState } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agreement, SourceDetail } from '../../../shared/contract/coding';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { SelectField } from '../../ui/SelectField';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { agreementQuery } from './api';
import { kappaText, numberText, percentText } from './labels';

export function AgreementSection({
  source,
  userId,
}: {
  source: SourceDetail;
  userId: string | null;
}) {
  const { t } = useTranslation();
  const isHidden = source.blind && !source.revealed;
  const coders = source.coders.flatMap((c) => (c.id ? [{ id: c.id, name: c.name }] : []));
  return (
    <section className="kl-section kl-iv-agreement" aria-labelledby="iv-agreement-heading">
      <Heading level={2} id="iv-agreement-heading">
        {t('interviews.agreement.title')}
      </Heading>
      <Paragraph>{t('interviews.agreement.intro')}</Paragraph>
      {isHidden ? (
        <Paragraph>{t('interviews.agreement.blind')}</Paragraph>
      ) : coders.length < 2 ? (
        <Paragraph>{t('interviews.agreement.tooFew')}</Paragraph>
      ) : (
        <AgreementChooser sourceId={source.id} coders={coders} userId={userId} />
      )}
    </section>
  );
}

function AgreementChooser({
  sourceId,
  coders,
  userId,
}: {
  sourceId: string;
  coders: { id: string; name: string }[];
  userId: string | null;
}) {
  const { t } = useTranslation();
  const first = coders.find((c) => c.id === userId) ?? coders[0];
  const [coderA, setCoderA] = useState(first?.id ?? '');
  const [coderB, setCoderB] = useState(coders.find((c) => c.id !== first?.id)?.id ?? '');
  const isChosen = Boolean(coderA && coderB && coderA !== coderB);
  const query = useQuery({ ...agreementQuery(sourceId, coderA, coderB), enabled: isChosen });
  const options = coders.map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <div className="kl-form__row kl-iv-coder-choice">
        <SelectField
          id="iv-agreement-a"
          label={t('interviews.agreement.coderA')}
          options={options}
          value={coderA}
          onChange={setCoderA}
        />
        <SelectField
          id="iv-agreement-b"
          label={t('interviews.agreement.coderB')}
          options={options}
          value={coderB}
          onChange={setCoderB}
          error={coderA && coderA === coderB ? t('interviews.agreement.same') : undefined}
        />
      </div>
      {!isChosen ? null : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <AgreementTable agreement={query.data} />
      )}
    </>
  );
}

export function AgreementTable({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hasNullKappa =
    agreement.pooled.kappa === null || agreement.perCode.some((row) => row.kappa === null);
  const kappaCell = (kappa: number | null) =>
    kappa === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="kl-visually-hidden">{t('interviews.agreement.kappaNone')}</span>
      </>
    ) : (
      kappaText(kappa, language)
    );
  const a = agreement.coderA.name;
  const b = agreement.coderB.name;
  return (
    <>
      <Table caption={t('interviews.agreement.caption', { a, b })}>
        <TableHead>
          <HeaderCell>{t('interviews.agreement.code')}</HeaderCell>
          <HeaderCell className="kl-numeric-header">
            {t('interviews.agreement.fragmentsOf', { name: a })}
          </HeaderCell>
          <HeaderCell className="kl-numeric-header">
            {t('interviews.agreement.fragmentsOf', { name: b })}
          </HeaderCell>
          <HeaderCell className="kl-numeric-header">{t('interviews.agreement.percent')}</HeaderCell>
          <HeaderCell className="kl-numeric-header">{t('interviews.agreement.kappa')}</HeaderCell>
        </TableHead>
        <TableBody>
          {agreement.perCode.map((row) => (
            <TableRow key={row.codeId}>
              <RowHeaderCell>{row.codeName}</RowHeaderCell>
              <Cell isNumeric>{numberText(row.segmentsA, language)}</Cell>
              <Cell isNumeric>{numberText(row.segmentsB, language)}</Cell>
              <Cell isNumeric>{percentText(row.percentAgreement, language)}</Cell>
              <Cell isNumeric>{kappaCell(row.kappa)}</Cell>
            </TableRow>
          ))}
          <TableRow>
            <RowHeaderCell>{t('interviews.agreement.pooled')}</RowHeaderCell>
            <Cell isNumeric>
              {numberText(
                agreement.perCode.reduce((sum, row) => sum + row.segmentsA, 0),
                language,
              )}
            </Cell>
            <Cell isNumeric>
              {numberText(
                agreement.perCode.reduce((sum, row) => sum + row.segmentsB, 0),
                language,
              )}
            </Cell>
            <Cell isNumeric>{percentText(agreement.pooled.percentAgreement, language)}</Cell>
            <Cell isNumeric>{kappaCell(agreement.pooled.kappa)}</Cell>
          </TableRow>
        </TableBody>
      </Table>
      <p className="kl-iv-meta">{t('interviews.agreement.unit')}</p>
      {hasNullKappa && <p className="kl-iv-meta">{t('interviews.agreement.kappaNoneExplained')}</p>}
      <p className="kl-iv-meta">{t('interviews.agreement.pooledExplained')}</p>
    </>
  );
}
