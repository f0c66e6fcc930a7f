// The case pages, loaded together when one of them is first opened.
export { CaseDetailPage } from './CaseDetailPage';
export { CaseListPage } from './CaseListPage';
export { CaseNewPage } from './CaseNewPage';
