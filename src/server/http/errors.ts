// The one error module: AppError with a machine-readable code, the mapping of codes to HTTP
// status and plain Dutch messages, and the Fastify handlers that give every failure one shape.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../shared/contract/common';

export type ErrorDetails = { fields?: FieldError[]; [key: string]: unknown };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? defaultMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const statusByCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  TOTP_ENROLMENT_REQUIRED: 403,
  TOTP_INVALID: 401,
  LOCKED_OUT: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONSENT_MISSING: 403,
  TOKEN_INVALID: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const defaultMessages: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Niet alle velden zijn goed ingevuld.',
  MALFORMED_JSON: 'De gegevens konden niet worden gelezen: dit is geen geldige JSON.',
  UNSUPPORTED_MEDIA_TYPE: 'Dit soort gegevens wordt hier niet geaccepteerd. Stuur JSON.',
  PAYLOAD_TOO_LARGE: 'De gegevens zijn te groot.',
  UNAUTHENTICATED: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
  CSRF_FAILED:
    'Het verzoek kon niet worden gecontroleerd. Laad de pagina opnieuw en probeer het nog eens.',
  TOTP_ENROLMENT_REQUIRED: 'Stel eerst tweestapsverificatie in. Daarna kun je verder.',
  TOTP_INVALID: 'Deze code klopt niet. Probeer de nieuwste code uit je app.',
  LOCKED_OUT: 'Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.',
  NOT_FOUND: 'Dit bestaat niet, of je hebt er geen toegang toe.',
  CONFLICT: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.',
  CONSENT_MISSING:
    'Hiervoor is (nog) geen toestemming. Bekijk bij de casus welke toestemming ontbreekt.',
  TOKEN_INVALID: 'Deze link is niet (meer) geldig.',
  RATE_LIMITED: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  INTERNAL: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
};

export function errorBody(code: ErrorCode, message?: string, details?: ErrorDetails): ErrorBody {
  return {
    error: {
      code,
      message: message ?? defaultMessages[code],
      ...(details ? { details } : {}),
    },
  };
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .status(statusByCode[error.code])
    .send(errorBody(error.code, error.message, error.details));
}

function pathFromInstancePath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

/** Maps every thrown thing to the one error shape. Unknown errors never leak their message. */
export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) return sendError(reply, error);

  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const fields = error.validation.map((issue) => ({
      path: pathFromInstancePath(issue.instancePath) || context,
      in: context,
      message: issue.message ?? 'Ongeldige waarde',
    }));
    return reply.status(400).send(errorBody('INVALID_INPUT', undefined, { fields }));
  }

  if (isResponseSerializationError(error)) {
    request.log.error(
      { err: { message: error.message, issues: error.cause.issues } },
      'response did not match its schema',
    );
    return reply.status(500).send(errorBody('INTERNAL'));
  }

  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(errorBody('MALFORMED_JSON'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      // The issue asks for 400 here: one status for every "we could not read your body".
      return reply.status(400).send(errorBody('UNSUPPORTED_MEDIA_TYPE'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE'));
    default:
      break;
  }
  if (fastifyError.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED'));
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // Fastify's own client errors (e.g. a syntax error in a body of another kind) stay 4xx.
    return reply
      .status(400)
      .send(errorBody('INVALID_INPUT', undefined, { reason: fastifyError.code }));
  }
  // Database errors can carry row values: log only the class and code, never the message.
  request.log.error(
    {
      err: {
        type: error.name,
        code: fastifyError.code,
        stack: error.stack?.split('\n').slice(1, 6).join('\n'),
      },
    },
    'unhandled error',
  );
  return reply.status(500).send(errorBody('INTERNAL'));
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send(errorBody('NOT_FOUND', 'Deze API-route bestaat niet.'));
    }
    return reply.status(404).send(errorBody('NOT_FOUND'));
  });
}
