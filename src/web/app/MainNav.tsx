// The main navigation: the start page for everyone; cases, the organisation layer, the
// reference lists, the instruments, accounts and the access log for whoever the session's
// permissions allow.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WebSession } from './session';
import {
  canManageAccounts,
  canManageInstruments,
  canManageOrganisationLayer,
  canManageReferenceLists,
  canReadAccessLog,
  canReadCases,
  canReadCoding,
  canReadOwnCase,
  hasPermission,
} from './permissions';

export function MainNav({ session }: { session: WebSession }) {
  const { t } = useTranslation();
  const items = [
    ...(canReadOwnCase(session)
      ? [{ to: '/mijn-casus', label: t('participant.title'), isEnd: false }]
      : [{ to: '/', label: t('nav.start'), isEnd: true }]),
    ...(canReadCases(session) ? [{ to: '/cases', label: t('nav.cases'), isEnd: false }] : []),
    ...(canReadCoding(session) ? [{ to: '/coding', label: t('coding.nav'), isEnd: false }] : []),
    // Cross-case synthesis: every reader of any part of it (case staff, policymakers, admins).
    ...(hasPermission(session, 'synthesis.aggregates')
      ? [{ to: '/synthese', label: t('synthesis.nav'), isEnd: false }]
      : []),
    // Improvement actions (staff of a programme; an owner person sees their own), the learning
    // network (staff) and the plain summary "what we learned" (also youths and parents).
    ...(hasPermission(session, 'action.read')
      ? [{ to: '/acties', label: t('actions.nav.actions'), isEnd: false }]
      : []),
    ...(hasPermission(session, 'network.read')
      ? [{ to: '/lerend-netwerk', label: t('actions.nav.network'), isEnd: false }]
      : []),
    ...(hasPermission(session, 'action.summary')
      ? [{ to: '/wat-we-leerden', label: t('actions.nav.summary'), isEnd: false }]
      : []),
    // Access-table monitoring: table members (register), readers of the quarterly report.
    ...(hasPermission(session, 'monitoring.report')
      ? [{ to: '/toegangstafels', label: t('monitoring.nav'), isEnd: false }]
      : []),
    ...(canManageOrganisationLayer(session)
      ? [
          { to: '/programmes', label: t('nav.programmes'), isEnd: false },
          { to: '/teams', label: t('nav.teams'), isEnd: false },
          { to: '/organisations', label: t('nav.organisations'), isEnd: false },
          { to: '/regions', label: t('nav.regions'), isEnd: false },
        ]
      : []),
    ...(canManageReferenceLists(session)
      ? [{ to: '/reference-lists', label: t('referenceLists.nav'), isEnd: false }]
      : []),
    ...(canManageInstruments(session)
      ? [{ to: '/instruments', label: t('instruments.nav'), isEnd: false }]
      : []),
    ...(canManageAccounts(session)
      ? [{ to: '/accounts', label: t('nav.accounts'), isEnd: false }]
      : []),
    ...(canReadAccessLog(session)
      ? [{ to: '/access-log', label: t('nav.accessLog'), isEnd: false }]
      : []),
  ];
  return (
    <nav className="kl-nav" aria-label={t('nav.label')}>
      <ul className="kl-nav__list">
        {items.map((item) => (
          <li key={item.to} className="kl-nav__item">
            <NavLink
              to={item.to}
              end={item.isEnd}
              className={({ isActive }) =>
                `kl-nav__link${isActive ? ' kl-nav__link--current' : ''}`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
