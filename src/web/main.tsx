// Entry point of the web app: styles (NLDS components, the voorbeeld theme and its Noto
// fonts, our layout), translations, then the app.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-serif/latin-ext-700.css';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-candidate/button-css/button.css';
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/link-css/link.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './app/app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
