import { Spin } from 'antd';

export function PageLoader({ full = false }: { full?: boolean }) {
  return (
    <div className={full ? 'page-loader page-loader-full' : 'page-loader'}>
      <Spin size="large" />
    </div>
  );
}
