import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/tokens.css';
import './styles/app.css';
import './styles/components.css';
import './styles/import.css';
import './styles/devices.css';
import './styles/planning-settings.css';
import './styles/advisories.css';
import './styles/demo.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
