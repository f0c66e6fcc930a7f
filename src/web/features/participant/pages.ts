// The participant's own pages, loaded when first opened.
export { MyCasePage, MyCasesPage } from './MyCasePages';
