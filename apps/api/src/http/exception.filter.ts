import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { trace } from '@opentelemetry/api';
import { randomUUID } from 'crypto';
import type { Response, Request } from 'express';
import { DomainError, DomainErrorKind } from '@cchc/domain';
import type { ErrorResponse } from './error-response';

const STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

const HTTP_CODES: Record<number, [string, string]> = {
  400: ['request.invalid', 'Yêu cầu không hợp lệ'],
  401: ['auth.unauthenticated', 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn'],
  403: ['auth.forbidden', 'Bạn không có quyền thực hiện thao tác này'],
  404: ['route.not_found', 'Không tìm thấy tài nguyên'],
  405: ['route.method_not_allowed', 'Phương thức không được hỗ trợ'],
  409: ['request.conflict', 'Xung đột dữ liệu'],
  413: ['request.too_large', 'Dữ liệu gửi lên quá lớn'],
  415: ['request.unsupported_media_type', 'Định dạng dữ liệu không được hỗ trợ'],
  422: ['request.unprocessable', 'Không thể xử lý yêu cầu'],
  429: ['request.rate_limited', 'Quá nhiều yêu cầu, vui lòng thử lại sau'],
};

/** Maps domain errors and HTTP exceptions to `{ statusCode, code, message, details? }`; 500s get an error id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    this.logger.setContext('AllExceptionsFilter');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception, req);
    if (res.headersSent) return;
    const retryAfter = body.details?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request & { id?: string }): ErrorResponse {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS[exception.kind],
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const [code, message] = HTTP_CODES[status] ?? [`http.${status}`, exception.message];
      if (typeof response === 'object' && response && 'code' in response) {
        return { statusCode: status, ...(response as Omit<ErrorResponse, 'statusCode'>) };
      }
      if (status >= 500) return this.internal(exception, req);
      // Nest turns body-parser's SyntaxError into a plain BadRequestException carrying the parser's message.
      if (status === 400 && /JSON/.test(exception.message)) {
        return { statusCode: 400, code: 'request.malformed_json', message: 'Dữ liệu JSON không đúng định dạng' };
      }
      return { statusCode: status, code, message };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      const [code, message] = HTTP_CODES[status] ?? ['request.invalid', 'Yêu cầu không hợp lệ'];
      return {
        statusCode: status,
        code: exception.type === 'entity.parse.failed' ? 'request.malformed_json' : code,
        message,
      };
    }
    return this.internal(exception, req);
  }

  private internal(exception: unknown, req: Request & { id?: string }): ErrorResponse {
    const errorId = randomUUID();
    // With tracing on: the request's span carries the exception (and the error id, to find one from the other).
    const span = trace.getActiveSpan();
    if (span) {
      span.recordException(exception instanceof Error ? exception : String(exception));
      span.setAttribute('cchc.error_id', errorId);
    }
    this.logger.error(
      { err: exception, errorId, requestId: req.id, method: req.method, url: req.url },
      'unhandled error',
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên kèm mã lỗi.',
      errorId,
    };
  }
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    'type' in e &&
    'status' in e &&
    typeof (e as { status: unknown }).status === 'number'
  );
}
