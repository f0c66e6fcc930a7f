// The logged-in user's name and the log-out button.
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout } from '../features/auth/api';
import { endSession, type WebSession } from './session';

export function UserMenu({ session }: { session: WebSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: logout,
    // Logged out on the server or not (an expired session gives 401): forget it here.
    onSettled: () => {
      endSession(queryClient);
      void navigate('/login', { state: { reason: 'loggedOut' } });
    },
  });
  return (
    <div className="kl-user">
      <span className="kl-user__name">
        <span className="kl-visually-hidden">{t('shell.loggedInAs')} </span>
        {session.user.displayName}
      </span>
      <Button
        purpose="subtle"
        busy={mutation.isPending}
        onClick={() => {
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        {t('shell.logout')}
      </Button>
    </div>
  );
}
