import './core/util/zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './ui/app.css';
import { installTestHook } from './testHook';
import { startApp } from './startup';
import { startServiceWorker } from './ui/appUpdate';

installTestHook();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startApp();
startServiceWorker();
