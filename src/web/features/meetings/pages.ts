// The review-meeting pages of a case, loaded together when one of them is first opened.
export { MeetingListPage } from './MeetingListPage';
export { MeetingPage } from './MeetingPage';
