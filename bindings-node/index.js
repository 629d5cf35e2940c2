'use strict'
// The `headshotpro` package: the client, the error classes and the webhook
// helpers. See index.d.ts for the documented surface.

// First the native module, so that a machine without one gets the error that
// names its platform and the supported ones.
require('./lib/platform.js').loadNative()

const { Client } = require('./lib/client.js')
const { Page, PagePromise } = require('./lib/page.js')
const { APIPromise } = require('./lib/api-promise.js')
const errors = require('./lib/errors.js')
const webhooks = require('./lib/webhooks.js')

module.exports = {
  Client,
  Page,
  PagePromise,
  APIPromise,
  HeadshotProError: errors.HeadshotProError,
  InvalidArgumentError: errors.InvalidArgumentError,
  APIError: errors.APIError,
  BadRequestError: errors.BadRequestError,
  AuthenticationError: errors.AuthenticationError,
  InsufficientCreditsError: errors.InsufficientCreditsError,
  PermissionDeniedError: errors.PermissionDeniedError,
  NotFoundError: errors.NotFoundError,
  RateLimitError: errors.RateLimitError,
  InviteLimitError: errors.InviteLimitError,
  ServerError: errors.ServerError,
  APIConnectionError: errors.APIConnectionError,
  APITimeoutError: errors.APITimeoutError,
  ResponseDecodeError: errors.ResponseDecodeError,
  WebhookVerificationError: errors.WebhookVerificationError,
  APIUserAbortError: errors.APIUserAbortError,
  parseWebhook: webhooks.parseWebhook,
  verifyWebhook: webhooks.verifyWebhook,
  signWebhook: webhooks.signWebhook,
  SIGNATURE_HEADER: webhooks.SIGNATURE_HEADER,
  TIMESTAMP_HEADER: webhooks.TIMESTAMP_HEADER,
}
