// The frame around every page: skip link, header with the product name, language switch,
// the user and log-out, the main navigation, and the main landmark the pages render into.
import { SkipLink } from '@nl-design-system-candidate/skip-link-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { Alert } from '../ui/Alert';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { mustEnrolTotp, useCurrentSession } from './session';
import { UserMenu } from './UserMenu';
import { useFocusOnNavigate, useUnauthenticatedRedirect } from './useShellEffects';

export function AppShell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  useUnauthenticatedRedirect();
  useFocusOnNavigate();
  return (
    <div className="kl-app">
      <SkipLink href="#main" className="nl-skip-link--visible-on-focus">
        {t('shell.skipToContent')}
      </SkipLink>
      <header className="kl-header">
        <div className="kl-header__bar">
          <Link to="/" className="kl-brand">
            <span className="kl-brand__name">Ketenlens</span>
            <span className="kl-brand__tagline">{t('shell.tagline')}</span>
          </Link>
          <div className="kl-header__tools">
            <LanguageSwitch />
            {session && <UserMenu session={session} />}
          </div>
        </div>
        {session && !mustEnrolTotp(session) && <MainNav session={session} />}
      </header>
      {session?.isDemo && (
        <div className="kl-demo-banner">
          <Alert type="info">{t('shell.demo')}</Alert>
        </div>
      )}
      <main id="main" tabIndex={-1} className="kl-main">
        <Outlet />
      </main>
      <footer className="kl-footer">
        <p className="kl-footer__text">{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
