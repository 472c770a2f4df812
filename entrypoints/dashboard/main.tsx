import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
// The components' own look (criteria, statuses, evidence, notes, the assistant) is the popup's.
import '../popup/style.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
