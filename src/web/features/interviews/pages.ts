// The interview pages of a case and the coding page of a text, loaded together when one of them
// is first opened.
export { InterviewsPage } from './InterviewsPage';
export { CodingPage } from './CodingPage';
