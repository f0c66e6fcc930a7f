// Gives the youth or a parent their own access: "Uitnodigen" opens a small form for the e-mail
// address they will log in with; the server answers with a one-time link and its QR code, shown
// once, to be handed over in person. The QR code is the server's SVG shown as an image (never
// put into the page as markup). An address that already belongs to an account is said at the
// field.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { emailSchema } from '../../../shared/contract/auth';
import { fieldId, useCheckedSubmit, type FieldErrors } from '../../app/form-errors';
import { FormProblems } from '../../ui/FormProblems';
import { TextField } from '../../ui/TextField';
import { OneTimeLinkPanel } from '../accounts/OneTimeLinkPanel';
import { inviteParticipant, type ParticipantInvitation } from './api';
import { participantName } from './case-labels';
import type { Participant } from './consent-cells';

export type InviteParticipantProps = {
  caseId: string;
  participant: Participant;
};

/** The QR code as an image: a data URL keeps the server's SVG out of the page's markup. */
export function qrImageSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function InviteParticipant({ caseId, participant }: InviteParticipantProps) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [invitation, setInvitation] = useState<ParticipantInvitation | null>(null);
  const formId = `invite-${participant.id}`;
  const name = participantName(participant, t);
  const mutation = useMutation({
    mutationFn: (address: string) => inviteParticipant(caseId, participant.id, address),
    onSuccess: (result) => {
      setInvitation(result);
      setOpen(false);
      setEmail('');
    },
  });
  const { errors, submit } = useCheckedSubmit(
    mutation,
    (): FieldErrors =>
      !email.trim()
        ? { email: t('validation.accountEmailRequired') }
        : emailSchema.safeParse(email).success
          ? {}
          : { email: t('validation.emailInvalid') },
    () => email.trim(),
  );

  return (
    <li className="kl-invite">
      <div className="kl-invite__head">
        <Heading level={4} className="kl-invite__name">
          {name}
        </Heading>
        <Button
          purpose="secondary"
          aria-expanded={isOpen}
          onClick={() => {
            setOpen(!isOpen);
            mutation.reset();
          }}
        >
          {invitation ? t('invite.again') : t('invite.open')}
          <span className="kl-visually-hidden"> {name}</span>
        </Button>
      </div>
      {isOpen && (
        <form
          noValidate
          onSubmit={submit}
          className="kl-form"
          aria-label={t('invite.formLabel', { name })}
        >
          <FormProblems
            formId={formId}
            errors={errors}
            order={['email']}
            submitError={mutation.error}
          />
          <TextField
            id={fieldId(formId, 'email')}
            label={t('invite.email')}
            description={t('invite.emailHint', { name })}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.email}
          />
          <div className="kl-form__actions">
            <Button type="submit" purpose="primary" busy={mutation.isPending}>
              {t('invite.create')}
            </Button>
            <Button purpose="subtle" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
      {invitation && !isOpen && (
        <div className="kl-invite__result">
          <OneTimeLinkPanel
            link={invitation}
            name={participant.label}
            headingLevel={5}
            lostHint={t('invite.lostHint')}
          />
          <figure className="kl-invite__qr">
            <img
              src={qrImageSource(invitation.qrSvg)}
              alt={t('invite.qrAlt', { name })}
              width={192}
              height={192}
            />
            <figcaption>
              <Paragraph>{t('invite.handOver')}</Paragraph>
            </figcaption>
          </figure>
        </div>
      )}
    </li>
  );
}
