// A one-off message handed to the next page through the router state, e.g. "Programma
// aangemaakt" after a save that returns to the list.
import { useLocation } from 'react-router';

export type FlashState = { flash?: string };

export function flashState(message: string): FlashState {
  return { flash: message };
}

export function useFlash(): string | undefined {
  const location = useLocation();
  const state = location.state as FlashState | null;
  return typeof state?.flash === 'string' ? state.flash : undefined;
}
