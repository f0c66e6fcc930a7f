// The organisation pages, loaded together when one of them is first opened.
export { OrganisationEditPage } from './OrganisationEditPage';
export { OrganisationListPage } from './OrganisationListPage';
export { OrganisationNewPage } from './OrganisationNewPage';
