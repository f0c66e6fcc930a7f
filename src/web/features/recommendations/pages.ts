// The pages of recommendations, loaded together when one of them is first opened.
export { RecommendationsPage } from './RecommendationsPage';
export { RecommendationPage } from './RecommendationPage';
