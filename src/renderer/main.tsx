import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ShellContext } from './app/shell';
import { currentRoute, isLinkUp, openWindow, rpc, windowPin } from './platform';
import { createAppStore } from './state/appStore';

// Started here, once per window, not in an effect (StrictMode runs effects twice).
const store = createAppStore(rpc, { linkUp: isLinkUp() });
store.getState().start();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <ShellContext value={{ store, rpc, openWindow, windowPin }}>
      <App route={currentRoute} />
    </ShellContext>
  </StrictMode>,
);
