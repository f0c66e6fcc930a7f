// The evidence pages (saturation), loaded when first opened. ThreadEvidence is a component the
// thread page embeds, not a page of its own.
export { SaturationPage } from './SaturationPage';
