// The user menu: the logged-in user's name opens a small panel (a disclosure, not an ARIA
// menu) with log out here and log out everywhere. Escape or a click elsewhere closes it.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout, logoutEverywhere } from '../features/auth/api';
import type { LoginReason } from '../features/auth/LoginPage';
import { endSession, type WebSession } from './session';
import { twoFactorPath } from './RequireSession';

export function UserMenu({ session }: { session: WebSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Logged out on the server or not (an expired session gives 401): forget it here.
  const leave = (reason: LoginReason) => {
    endSession(queryClient);
    void navigate('/login', { state: { reason } });
  };
  const logoutHere = useMutation({ mutationFn: logout, onSettled: () => leave('loggedOut') });
  const logoutAll = useMutation({
    mutationFn: logoutEverywhere,
    onSettled: () => leave('loggedOutEverywhere'),
  });
  const isBusy = logoutHere.isPending || logoutAll.isPending;

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen]);

  return (
    <div
      ref={rootRef}
      className="kl-user"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          event.preventDefault();
          setOpen(false);
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="kl-user__toggle"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
      >
        <span className="kl-visually-hidden">{t('shell.userMenu')}: </span>
        <span className="kl-user__name">{session.user.displayName}</span>
        <span className="kl-user__chevron" aria-hidden="true">
          {isOpen ? '▴' : '▾'}
        </span>
      </button>
      <div id={panelId} className="kl-user__panel" hidden={!isOpen}>
        <p className="kl-user__who">
          {t('shell.loggedInAs')} <strong>{session.user.displayName}</strong>
          <br />
          <span className="kl-user__email">{session.user.email}</span>
        </p>
        {session.hasTotp ? null : (
          // Offered to everyone without it; required roles are sent there at login anyway.
          <p>
            <Link to={twoFactorPath} onClick={() => setOpen(false)}>
              {t('shell.setUpTwoFactor')}
            </Link>
          </p>
        )}
        <Button
          purpose="secondary"
          busy={logoutHere.isPending}
          onClick={() => {
            if (!isBusy) logoutHere.mutate();
          }}
        >
          {t('shell.logout')}
        </Button>
        <div className="kl-user__everywhere">
          <Button
            purpose="subtle"
            busy={logoutAll.isPending}
            aria-describedby={`${panelId}-everywhere`}
            onClick={() => {
              if (!isBusy) logoutAll.mutate();
            }}
          >
            {t('shell.logoutEverywhere')}
          </Button>
          <p id={`${panelId}-everywhere`} className="kl-user__hint">
            {t('shell.logoutEverywhereHint')}
          </p>
        </div>
      </div>
    </div>
  );
}
