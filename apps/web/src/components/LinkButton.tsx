import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

/** A button that moves to another page of the app (no nested link and button). */
export function LinkButton({ to, ...props }: ButtonProps & { to: string }) {
  const navigate = useNavigate();
  return <Button {...props} onClick={() => navigate(to)} />;
}
