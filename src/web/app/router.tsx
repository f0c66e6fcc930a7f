// The app's routes. Setup, login, the invitation/password link page and the start page load
// with the app; the admin screens load when first opened, so a phone downloads less up front.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LinkPage } from '../features/auth/LinkPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { TwoFactorSetupPage } from '../features/auth/TwoFactorSetupPage';
import { StartPage } from '../features/home/StartPage';
import { LoadingState } from '../ui/LoadingState';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession, twoFactorPath } from './RequireSession';

const programmes = () => import('../features/programmes/pages');
const teams = () => import('../features/teams/pages');
const organisations = () => import('../features/organisations/pages');
const reference = () => import('../features/reference/pages');
const accounts = () => import('../features/accounts/pages');
const audit = () => import('../features/audit/pages');
const cases = () => import('../features/cases/pages');
const timeline = () => import('../features/timeline/pages');
const dossier = () => import('../features/dossier/pages');
const meetings = () => import('../features/meetings/pages');
const analysis = () => import('../features/analysis/pages');
const participant = () => import('../features/participant/pages');
const referenceLists = () => import('../features/reference-lists/pages');
const instruments = () => import('../features/instruments/pages');
const interviews = () => import('../features/interviews/pages');
const coding = () => import('../features/coding/pages');
const actions = () => import('../features/actions/pages');
const monitoring = () => import('../features/monitoring/pages');
const synthesis = () => import('../features/synthesis/pages');
const evidence = () => import('../features/evidence/pages');
const thematicReport = () => import('../features/thematic-report/pages');
const recommendations = () => import('../features/recommendations/pages');

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    // Shown while the code of a lazily loaded page is fetched on the very first load.
    hydrateFallbackElement: <LoadingState />,
    children: [
      { path: 'setup/:token', element: <SetupPage /> },
      { path: 'link/:token', element: <LinkPage /> },
      { path: 'login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <StartPage /> },
          { path: twoFactorPath.slice(1), element: <TwoFactorSetupPage /> },
          { path: 'cases', lazy: async () => ({ Component: (await cases()).CaseListPage }) },
          { path: 'cases/new', lazy: async () => ({ Component: (await cases()).CaseNewPage }) },
          { path: 'cases/:id', lazy: async () => ({ Component: (await cases()).CaseDetailPage }) },
          {
            path: 'cases/:id/timeline',
            lazy: async () => ({ Component: (await timeline()).TimelinePage }),
          },
          {
            path: 'cases/:id/dossier',
            lazy: async () => ({ Component: (await dossier()).DossierPage }),
          },
          {
            path: 'cases/:id/analysis',
            lazy: async () => ({ Component: (await analysis()).AnalysisPage }),
          },
          {
            path: 'cases/:id/interviews',
            lazy: async () => ({ Component: (await interviews()).InterviewsPage }),
          },
          {
            path: 'sources/:sourceId',
            lazy: async () => ({ Component: (await interviews()).CodingPage }),
          },
          { path: 'coding', lazy: async () => ({ Component: (await coding()).CodingHomePage }) },
          {
            path: 'programmes/:id/codebook',
            lazy: async () => ({ Component: (await coding()).CodebookPage }),
          },
          {
            path: 'programmes/:id/coding',
            lazy: async () => ({ Component: (await coding()).CrossCasePage }),
          },
          {
            path: 'cases/:id/meetings',
            lazy: async () => ({ Component: (await meetings()).MeetingListPage }),
          },
          {
            path: 'cases/:id/meetings/:meetingId',
            lazy: async () => ({ Component: (await meetings()).MeetingPage }),
          },
          {
            path: 'synthese',
            lazy: async () => ({ Component: (await synthesis()).SynthesisHomePage }),
          },
          {
            path: 'programmes/:id/synthese',
            lazy: async () => ({ Component: (await synthesis()).SynthesisPage }),
          },
          {
            path: 'programmes/:id/synthese/draden/:threadId',
            lazy: async () => ({ Component: (await synthesis()).ThreadPage }),
          },
          {
            path: 'programmes/:id/synthese/verzadiging',
            lazy: async () => ({ Component: (await evidence()).SaturationPage }),
          },
          {
            path: 'toegangstafels',
            lazy: async () => ({ Component: (await monitoring()).MonitoringHomePage }),
          },
          {
            path: 'toegangstafels/beheer',
            lazy: async () => ({ Component: (await monitoring()).AccessTablesAdminPage }),
          },
          {
            path: 'toegangstafels/:region',
            lazy: async () => ({ Component: (await monitoring()).RegisterPage }),
          },
          {
            path: 'toegangstafels/:region/registraties/nieuw',
            lazy: async () => ({ Component: (await monitoring()).RegistrationPage }),
          },
          {
            path: 'toegangstafels/:region/registraties/:id',
            lazy: async () => ({ Component: (await monitoring()).RegistrationPage }),
          },
          {
            path: 'toegangstafels/:region/import',
            lazy: async () => ({ Component: (await monitoring()).ImportPage }),
          },
          {
            path: 'toegangstafels/:region/rapportage',
            lazy: async () => ({ Component: (await monitoring()).ReportPage }),
          },
          {
            path: 'programmes/:id/aanbevelingen',
            lazy: async () => ({ Component: (await recommendations()).RecommendationsPage }),
          },
          {
            path: 'programmes/:id/aanbevelingen/:recommendationId',
            lazy: async () => ({ Component: (await recommendations()).RecommendationPage }),
          },
          {
            path: 'programmes/:id/themarapport',
            lazy: async () => ({ Component: (await thematicReport()).ThematicReportPage }),
          },
          {
            path: 'programmes/:id/synthese/overzicht',
            lazy: async () => ({ Component: (await thematicReport()).AggregatesPage }),
          },
          {
            path: 'acties',
            lazy: async () => ({ Component: (await actions()).ActionListPage }),
          },
          {
            path: 'acties/:id',
            lazy: async () => ({ Component: (await actions()).ActionPage }),
          },
          {
            path: 'lerend-netwerk',
            lazy: async () => ({ Component: (await actions()).NetworkListPage }),
          },
          {
            path: 'lerend-netwerk/:id',
            lazy: async () => ({ Component: (await actions()).NetworkMeetingPage }),
          },
          {
            path: 'wat-we-leerden',
            lazy: async () => ({ Component: (await actions()).SummaryChoicePage }),
          },
          {
            path: 'wat-we-leerden/:id',
            lazy: async () => ({ Component: (await actions()).SummaryPage }),
          },
          {
            path: 'mijn-casus',
            lazy: async () => ({ Component: (await participant()).MyCasesPage }),
          },
          {
            path: 'mijn-casus/:id',
            lazy: async () => ({ Component: (await participant()).MyCasePage }),
          },
          {
            path: 'programmes',
            lazy: async () => ({ Component: (await programmes()).ProgrammeListPage }),
          },
          {
            path: 'programmes/new',
            lazy: async () => ({ Component: (await programmes()).ProgrammeNewPage }),
          },
          {
            path: 'programmes/:id',
            lazy: async () => ({ Component: (await programmes()).ProgrammeEditPage }),
          },
          { path: 'teams', lazy: async () => ({ Component: (await teams()).TeamListPage }) },
          { path: 'teams/new', lazy: async () => ({ Component: (await teams()).TeamNewPage }) },
          { path: 'teams/:id', lazy: async () => ({ Component: (await teams()).TeamDetailPage }) },
          {
            path: 'teams/:id/edit',
            lazy: async () => ({ Component: (await teams()).TeamEditPage }),
          },
          {
            path: 'organisations',
            lazy: async () => ({ Component: (await organisations()).OrganisationListPage }),
          },
          {
            path: 'organisations/new',
            lazy: async () => ({ Component: (await organisations()).OrganisationNewPage }),
          },
          {
            path: 'organisations/:id',
            lazy: async () => ({ Component: (await organisations()).OrganisationEditPage }),
          },
          {
            path: 'regions',
            lazy: async () => ({ Component: (await reference()).RegionListPage }),
          },
          {
            path: 'regions/:code',
            lazy: async () => ({ Component: (await reference()).RegionPage }),
          },
          {
            path: 'reference-lists',
            lazy: async () => ({ Component: (await referenceLists()).ReferenceListsPage }),
          },
          {
            path: 'instruments',
            lazy: async () => ({ Component: (await instruments()).InstrumentListPage }),
          },
          {
            path: 'instruments/:id',
            lazy: async () => ({ Component: (await instruments()).InstrumentPage }),
          },
          {
            path: 'instruments/:id/draft',
            lazy: async () => ({ Component: (await instruments()).DraftEditorPage }),
          },
          {
            path: 'instruments/:id/versions/:number',
            lazy: async () => ({ Component: (await instruments()).VersionPage }),
          },
          {
            path: 'accounts',
            lazy: async () => ({ Component: (await accounts()).AccountListPage }),
          },
          {
            path: 'accounts/new',
            lazy: async () => ({ Component: (await accounts()).AccountNewPage }),
          },
          {
            path: 'accounts/:id',
            lazy: async () => ({ Component: (await accounts()).AccountDetailPage }),
          },
          {
            path: 'access-log',
            lazy: async () => ({ Component: (await audit()).AccessLogPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
