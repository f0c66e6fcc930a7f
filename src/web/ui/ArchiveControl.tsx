// Archive or restore a record. Archiving hides it from lists but keeps it; restoring brings
// it back. The outcome is announced as a status message.
import { useId, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

export type ArchiveControlProps = {
  isArchived: boolean;
  onArchive: (isArchived: boolean) => Promise<unknown>;
  onDone: () => void;
};

export function ArchiveControl({ isArchived, onArchive, onDone }: ArchiveControlProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const headingId = useId();
  const mutation = useMutation({
    mutationFn: onArchive,
    onSuccess: (_result, archived) => {
      setMessage(archived ? t('archive.archived') : t('archive.restored'));
      onDone();
    },
  });
  return (
    <section className="kl-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t('archive.title')}
      </Heading>
      <Paragraph>{isArchived ? t('archive.isArchivedText') : t('archive.text')}</Paragraph>
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <div role="status" className="kl-status-line">
        {message}
      </div>
      <Button
        purpose="secondary"
        hint={isArchived ? undefined : 'negative'}
        busy={mutation.isPending}
        onClick={() => {
          if (!mutation.isPending) mutation.mutate(!isArchived);
        }}
      >
        {isArchived ? t('archive.restore') : t('archive.archive')}
      </Button>
    </section>
  );
}
