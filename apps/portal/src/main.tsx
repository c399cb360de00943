import { createRoot } from 'react-dom/client';
import { Button, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import Form from '@rjsf/antd';
import { useState } from 'react';

function App() {
  const [n, setN] = useState(0);
  return (
    <ConfigProvider locale={viVN}>
      <Button type="primary" onClick={() => setN(n + 1)}>Đăng ký {n}</Button>
      <Form schema={{ type: 'object', properties: { a: { type: 'string', title: 'Họ tên' } } }} validator={{} as never} />
    </ConfigProvider>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
