import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../errors';
import { describeIssue } from './validation-messages';

function body(code: string, message: string, messageEn: string, details: ErrorDetail[] = []) {
  return { error: { code, message, messageEn, details } };
}

const FASTIFY_CODES: Record<string, [number, string, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    400,
    'INVALID_JSON',
    'Dữ liệu gửi lên không phải JSON hợp lệ.',
    'The body is not valid JSON.',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'Thiếu dữ liệu JSON.', 'The JSON body is empty.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [
    413,
    'PAYLOAD_TOO_LARGE',
    'Dữ liệu gửi lên quá lớn.',
    'The request body is too large.',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Kiểu dữ liệu không được hỗ trợ.',
    'Unsupported media type.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'BAD_REQUEST',
    'Độ dài dữ liệu không hợp lệ.',
    'Invalid content length.',
  ],
  FST_ERR_INVALID_URL: [400, 'BAD_REQUEST', 'Địa chỉ không hợp lệ.', 'Invalid URL.'],
};

/** PostgreSQL errors that mean the input was wrong, not the server. */
const PG_CODES: Record<string, [number, string, string, string]> = {
  '23505': [409, 'DUPLICATE', 'Dữ liệu bị trùng với bản ghi đã có.', 'This duplicates an existing record.'],
  '23503': [
    422,
    'REFERENCE_MISSING',
    'Dữ liệu tham chiếu không tồn tại.',
    'A referenced record does not exist.',
  ],
  '22P02': [400, 'BAD_REQUEST', 'Giá trị không hợp lệ.', 'Invalid value.'],
  '22001': [400, 'VALUE_TOO_LONG', 'Giá trị quá dài.', 'A value is too long.'],
  '22003': [400, 'VALUE_OUT_OF_RANGE', 'Giá trị số vượt quá giới hạn.', 'A number is out of range.'],
  '22021': [400, 'BAD_ENCODING', 'Dữ liệu có ký tự không hợp lệ.', 'The data contains invalid characters.'],
};

export function registerErrorMapper(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send(body(error.code, error.messageVi, error.messageEn, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Each zod issue arrives as { keyword: its code, instancePath: '/a/0', params: the rest of the issue }.
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const details = error.validation.map((v) => {
        const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
        const issue = { ...v.params, code: v.keyword, message: v.message };
        return describeIssue(path, issue as Parameters<typeof describeIssue>[1]);
      });
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', 'Dữ liệu không hợp lệ.', 'The request is invalid.', details));
    }
    const known = error.code ? (FASTIFY_CODES[error.code] ?? PG_CODES[error.code]) : undefined;
    if (known) return reply.status(known[0]).send(body(known[1], known[2], known[3]));
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send(
          body(
            'RATE_LIMITED',
            'Quá nhiều yêu cầu, hãy thử lại sau ít phút.',
            'Too many requests; try again shortly.',
          ),
        );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('BAD_REQUEST', 'Yêu cầu không hợp lệ.', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(
        body(
          'INTERNAL',
          'Hệ thống gặp lỗi, vui lòng thử lại sau.',
          'Internal error; please try again later.',
        ),
      );
  });
}
