// What an import brought in: the counts (codes, texts, fragments, memos, cases and how many of
// those were linked to an existing case), the coders named in the file and whether each became
// a Ketenlens account or an external coder, and everything that could not be taken over, each
// with its place in the file.
import { useEffect, useId, useRef } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract/coding';
import { Alert } from '../../ui/Alert';
import { DataList } from '../../ui/DataList';
import {
  Cell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
  HeaderCell,
} from '../../ui/Table';

export type ImportReportViewProps = {
  report: ImportReport;
  /** The name of the file that was read. */
  fileName: string;
  headingLevel?: 3 | 4;
};

export function ImportReportView({ report, fileName, headingLevel = 3 }: ImportReportViewProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const number = (n: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL').format(n);

  // The report replaces the form's waiting state: bring the reader to it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="kl-cd-report" aria-labelledby={`${id}-heading`}>
      <Heading
        level={headingLevel}
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-cd-focus-target"
      >
        {t('coding.report.title', { name: fileName })}
      </Heading>
      <Alert type={report.notMapped.length > 0 ? 'warning' : 'ok'}>
        <p className="kl-alert__text">
          {report.notMapped.length > 0
            ? t('coding.report.doneWithGaps', { count: report.notMapped.length })
            : t('coding.report.done')}
        </p>
      </Alert>
      <DataList
        items={[
          { key: 'codes', label: t('coding.report.codes'), value: number(report.codes) },
          { key: 'sources', label: t('coding.report.sources'), value: number(report.sources) },
          { key: 'segments', label: t('coding.report.segments'), value: number(report.segments) },
          { key: 'memos', label: t('coding.report.memos'), value: number(report.memos) },
          {
            key: 'cases',
            label: t('coding.report.cases'),
            value: t('coding.report.casesValue', {
              count: report.cases,
              cases: number(report.cases),
              linked: number(report.casesLinked),
            }),
          },
          // Only a project's texts take time; a codebook's speed says nothing.
          ...(report.sources > 0
            ? [
                {
                  key: 'speed',
                  label: t('coding.report.speed'),
                  value: t('coding.report.speedValue', {
                    value: new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
                      maximumFractionDigits: 1,
                    }).format(report.documentsPerSecond),
                  }),
                },
              ]
            : []),
        ]}
      />
      {report.users.length > 0 ? (
        <Table caption={t('coding.report.usersCaption', { count: report.users.length })}>
          <TableHead>
            <HeaderCell>{t('coding.report.userName')}</HeaderCell>
            <HeaderCell>{t('coding.report.userMapped')}</HeaderCell>
          </TableHead>
          <TableBody>
            {report.users.map((user, index) => (
              <TableRow key={`${user.name}-${index}`}>
                <RowHeaderCell>{user.name}</RowHeaderCell>
                <Cell>{t(`coding.report.mappedTo.${user.mappedTo}`)}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="nl-paragraph">{t('coding.report.noUsers')}</p>
      )}
      <Heading level={(headingLevel + 1) as 4 | 5}>
        {t('coding.report.notMappedTitle', { count: report.notMapped.length })}
      </Heading>
      {report.notMapped.length === 0 ? (
        <p className="nl-paragraph">{t('coding.report.allMapped')}</p>
      ) : (
        <ul className="kl-cd-report__gaps" aria-label={t('coding.report.notMappedList')}>
          {report.notMapped.map((gap, index) => (
            <li key={`${gap.where}-${index}`}>
              <span className="kl-cd-report__what">{gap.what}</span>{' '}
              <span className="kl-cd-report__where">
                ({t('coding.report.where')} <code lang="nl">{gap.where}</code>)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
