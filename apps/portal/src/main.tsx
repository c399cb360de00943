import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import './i18n';
import './app/portal.css';
import { restoreSession } from './account/api';
import { App } from './app/App';
import { nameSelectLists } from './app/nameSelectLists';

dayjs.locale(document.documentElement.lang === 'en' ? 'en' : 'vi');
void restoreSession();
nameSelectLists();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
