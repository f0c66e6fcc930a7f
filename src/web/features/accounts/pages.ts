// The account pages, loaded together when one of them is first opened.
export { AccountDetailPage } from './AccountDetailPage';
export { AccountListPage } from './AccountListPage';
export { AccountNewPage } from './AccountNewPage';
