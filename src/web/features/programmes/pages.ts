// The programme pages, loaded together when one of them is first opened.
export { ProgrammeEditPage } from './ProgrammeEditPage';
export { ProgrammeListPage } from './ProgrammeListPage';
export { ProgrammeNewPage } from './ProgrammeNewPage';
