// The region pages, loaded together when one of them is first opened.
export { RegionListPage } from './RegionListPage';
export { RegionPage } from './RegionPage';
