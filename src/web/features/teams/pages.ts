// The team pages, loaded together when one of them is first opened.
export { TeamDetailPage } from './TeamDetailPage';
export { TeamEditPage } from './TeamEditPage';
export { TeamListPage } from './TeamListPage';
export { TeamNewPage } from './TeamNewPage';
