// ES module entry: the same objects as the CommonJS entry.
import cjs from './index.js'

export const {
  Client,
  Page,
  PagePromise,
  APIPromise,
  HeadshotProError,
  InvalidArgumentError,
  APIError,
  BadRequestError,
  AuthenticationError,
  InsufficientCreditsError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  InviteLimitError,
  ServerError,
  APIConnectionError,
  APITimeoutError,
  ResponseDecodeError,
  WebhookVerificationError,
  APIUserAbortError,
  parseWebhook,
  verifyWebhook,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} = cjs
export default cjs
