// The access-log page, loaded when first opened.
export { AccessLogPage } from './AccessLogPage';
