// The timeline page, loaded when it is first opened (the lane view, editor and styles with it).
export { TimelinePage } from './TimelinePage';
