// Two things the shell does on every page: send the user to the login page when the server
// says the session is gone, and move focus to the new page's heading after navigation so
// screen-reader users hear where they are (the skip link stays the first stop).
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { setUnauthenticatedHandler } from './api';
import { loginPathFor } from './next-path';
import { endSession } from './session';

export function useUnauthenticatedRedirect() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const { pathname, search } = window.location;
      endSession(queryClient);
      if (pathname.startsWith('/login') || pathname.startsWith('/setup')) return;
      void navigate(loginPathFor(pathname, search), {
        replace: true,
        state: { reason: 'expired' },
      });
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient, navigate]);
}

export function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const isFirst = useRef(true);
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    // The new page may still be loading its code or data: look for its heading for a
    // moment, then settle for the main landmark.
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading || tries >= 30) {
        (heading ?? document.getElementById('main'))?.focus();
        return;
      }
      tries += 1;
      frame = requestAnimationFrame(focusHeading);
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
