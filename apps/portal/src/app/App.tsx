import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { ActivatePage } from '../account/ActivatePage';
import { LoginPage } from '../account/LoginPage';
import { VneidReturnPage } from '../account/VneidReturnPage';
import { RegisterPage } from '../account/RegisterPage';
import { ResetPasswordPage } from '../account/ResetPasswordPage';
import { RequireAuth } from '../auth/RequireAuth';
import { ProcedurePage } from '../catalogue/ProcedurePage';
import { ProceduresPage } from '../catalogue/ProceduresPage';
import { HomePage } from '../home/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';
import { theme } from './theme';

// Pages a visitor may never open load on demand: the online form (rjsf), the consoles.
const AccountPage = lazy(() =>
  import('../account/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const ApplyPage = lazy(() =>
  import('../catalogue/ApplyPage').then((m) => ({ default: m.ApplyPage })),
);
const WizardPage = lazy(() =>
  import('../dossiers/WizardPage').then((m) => ({ default: m.WizardPage })),
);
const ReceiptPage = lazy(() =>
  import('../dossiers/ReceiptPage').then((m) => ({ default: m.ReceiptPage })),
);
const DossierPage = lazy(() =>
  import('../dossiers/DossierPage').then((m) => ({ default: m.DossierPage })),
);
const PaymentPage = lazy(() =>
  import('../payments/PaymentPage').then((m) => ({ default: m.PaymentPage })),
);
const QueuePage = lazy(() =>
  import('../officer/QueuePage').then((m) => ({ default: m.QueuePage })),
);
const FeedbackPage = lazy(() =>
  import('../feedback/FeedbackPage').then((m) => ({ default: m.FeedbackPage })),
);
const ScoresPage = lazy(() =>
  import('../scores/ScoresPage').then((m) => ({ default: m.ScoresPage })),
);
const SendFeedbackPage = lazy(() =>
  import('../feedback/SendFeedbackPage').then((m) => ({ default: m.SendFeedbackPage })),
);
const LookupFeedbackPage = lazy(() =>
  import('../feedback/LookupFeedbackPage').then((m) => ({ default: m.LookupFeedbackPage })),
);
const FeedbackQueuePage = lazy(() =>
  import('../officer/FeedbackQueuePage').then((m) => ({ default: m.FeedbackQueuePage })),
);
const RatingsPage = lazy(() =>
  import('../officer/RatingsPage').then((m) => ({ default: m.RatingsPage })),
);
const OfficerDossierPage = lazy(() =>
  import('../officer/OfficerDossierPage').then((m) => ({ default: m.OfficerDossierPage })),
);
const AdminProceduresPage = lazy(() =>
  import('../admin/AdminProceduresPage').then((m) => ({ default: m.AdminProceduresPage })),
);
const ProcedureEditorPage = lazy(() =>
  import('../admin/ProcedureEditorPage').then((m) => ({ default: m.ProcedureEditorPage })),
);
const VerifyPage = lazy(() =>
  import('../verify/VerifyPage').then((m) => ({ default: m.VerifyPage })),
);
const HolidaysPage = lazy(() =>
  import('../admin/HolidaysPage').then((m) => ({ default: m.HolidaysPage })),
);
const NationalSyncPage = lazy(() =>
  import('../admin/NationalSyncPage').then((m) => ({ default: m.NationalSyncPage })),
);

function Loading() {
  return (
    <div className="page-loading" role="status">
      <Spin size="large" />
    </div>
  );
}

const lazyPage = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;
const citizen = (page: ReactNode) => <RequireAuth role="citizen">{lazyPage(page)}</RequireAuth>;
const officer = (page: ReactNode) => <RequireAuth role="officer">{lazyPage(page)}</RequireAuth>;
const admin = (page: ReactNode) => <RequireAuth role="admin">{lazyPage(page)}</RequireAuth>;

/**
 * Addresses in Vietnamese, as the emails and notifications already link to them
 * (/activate, /reset-password, /forgot-password, /tai-khoan, /ho-so/:id, /giao-dich/:id), and
 * as issued documents print in their QR code (/xac-thuc/:code).
 */
const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/dang-ky', element: <RegisterPage /> },
      { path: '/dang-nhap', element: <LoginPage /> },
      { path: '/dang-nhap/vneid', element: <VneidReturnPage /> },
      { path: '/forgot-password', element: <LoginPage /> },
      { path: '/gui-lai-kich-hoat', element: <LoginPage /> },
      { path: '/activate', element: <ActivatePage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/thu-tuc', element: <ProceduresPage /> },
      { path: '/thu-tuc/:code', element: <ProcedurePage /> },
      { path: '/phan-anh', element: lazyPage(<FeedbackPage />) },
      { path: '/danh-gia-chat-luong', element: lazyPage(<ScoresPage />) },
      { path: '/phan-anh/gui', element: lazyPage(<SendFeedbackPage />) },
      { path: '/phan-anh/tra-cuu', element: lazyPage(<LookupFeedbackPage />) },
      { path: '/thu-tuc/:code/nop-ho-so', element: citizen(<ApplyPage />) },
      { path: '/tai-khoan', element: <RequireAuth>{lazyPage(<AccountPage />)}</RequireAuth> },
      { path: '/tai-khoan/:tab', element: <RequireAuth>{lazyPage(<AccountPage />)}</RequireAuth> },
      { path: '/ho-so/:id', element: citizen(<DossierPage />) },
      { path: '/ho-so/:id/nop', element: citizen(<WizardPage />) },
      { path: '/ho-so/:id/bien-nhan', element: citizen(<ReceiptPage />) },
      { path: '/giao-dich/ket-qua', element: citizen(<PaymentPage />) },
      { path: '/giao-dich/:id', element: citizen(<PaymentPage />) },
      { path: '/xac-thuc', element: lazyPage(<VerifyPage />) },
      { path: '/xac-thuc/:code', element: lazyPage(<VerifyPage />) },
      { path: '/can-bo', element: officer(<QueuePage />) },
      { path: '/can-bo/ho-so/:id', element: officer(<OfficerDossierPage />) },
      { path: '/can-bo/danh-gia', element: officer(<RatingsPage />) },
      { path: '/can-bo/phan-anh', element: officer(<FeedbackQueuePage />) },
      { path: '/quan-tri/thu-tuc', element: admin(<AdminProceduresPage />) },
      { path: '/quan-tri/thu-tuc/:code', element: admin(<ProcedureEditorPage />) },
      { path: '/quan-tri/ngay-nghi', element: admin(<HolidaysPage />) },
      { path: '/quan-tri/dong-bo', element: admin(<NationalSyncPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip or a 5xx might.
      retry: (count, err) =>
        !(err instanceof ApiProblem && err.status >= 400 && err.status < 500) && count < 2,
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
  },
});

/** The required star is for the eye; screen readers get aria-required from the field. */
function requiredMark(label: ReactNode, { required }: { required: boolean }): ReactNode {
  return (
    <>
      {required ? (
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      ) : null}
      {label}
    </>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'vi');
  }, [english]);
  return (
    <ConfigProvider locale={english ? enUS : viVN} theme={theme} form={{ requiredMark }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
