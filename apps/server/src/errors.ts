/**
 * Errors a use case may raise. The HTTP error mapper turns them into
 * `{"error":{"code","message","messageEn","details"}}`; nothing else maps errors by hand.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  messageEn?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(messageEn);
  }
}

export class NotFound extends AppError {
  constructor(entity = 'record') {
    super(404, 'NOT_FOUND', 'Không tìm thấy dữ liệu.', `The ${entity} was not found.`);
  }
}

export class Forbidden extends AppError {
  constructor(
    messageVi = 'Bạn không có quyền thực hiện thao tác này.',
    messageEn = 'You may not do this.',
    code = 'FORBIDDEN',
  ) {
    super(403, code, messageVi, messageEn);
  }
}

export class Unauthenticated extends AppError {
  constructor(code = 'UNAUTHENTICATED', messageVi = 'Bạn cần đăng nhập.', messageEn = 'Please sign in.') {
    super(401, code, messageVi, messageEn);
  }
}

export class Conflict extends AppError {
  constructor(
    messageVi = 'Dữ liệu đã được người khác thay đổi. Hãy tải lại rồi thử lại.',
    messageEn = 'Someone else changed this record. Reload and try again.',
    code = 'CONFLICT',
  ) {
    super(409, code, messageVi, messageEn);
  }
}

/** A domain rule refused the request; the message says which rule. */
export class RuleViolation extends AppError {
  constructor(code: string, messageVi: string, messageEn: string, details: ErrorDetail[] = []) {
    super(422, code, messageVi, messageEn, details);
  }
}

export class BadRequest extends AppError {
  constructor(code: string, messageVi: string, messageEn: string, details: ErrorDetail[] = []) {
    super(400, code, messageVi, messageEn, details);
  }
}

export function notFound(entity?: string): () => NotFound {
  return () => new NotFound(entity);
}
