import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useErrorText } from './useErrorText';

interface Props {
  error: unknown;
  title?: ReactNode;
  action?: ReactNode;
  id?: string;
}

/** An API error with its details (e.g. the failed password rules), in the UI language. */
export function ErrorAlert({ error, title, action, id }: Props) {
  const text = useErrorText();
  if (!error) return null;
  // A detail that only repeats the headline adds nothing.
  const details =
    error instanceof ApiError
      ? error.details.filter((d) => d.path !== 'lockedUntil' && text.detail(d) !== text.message(error))
      : [];
  return (
    <Alert
      id={id}
      role="alert"
      type="error"
      showIcon
      title={title ?? text.message(error)}
      action={action}
      description={
        title || details.length > 0 ? (
          <>
            {title ? <div>{text.message(error)}</div> : null}
            {details.length > 0 ? (
              <ul className="error-details">
                {details.map((d) => (
                  <li key={`${d.path}:${d.message}`}>{text.detail(d)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}
