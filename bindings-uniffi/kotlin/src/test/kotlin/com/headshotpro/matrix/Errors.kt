package com.headshotpro.matrix

import com.headshotpro.HeadshotProException

/** An error as the matrix compares it: SPEC class name, API code, HTTP status, text. */
data class ErrorInfo(val className: String, val code: String?, val status: Int?, val message: String)

/** Maps the generated Kotlin exceptions to the SPEC's class names. */
fun describe(e: HeadshotProException): ErrorInfo = when (e) {
    is HeadshotProException.InvalidArgumentException -> ErrorInfo("InvalidArgumentError", null, null, e.errorMessage)
    is HeadshotProException.BadRequestException -> ErrorInfo("BadRequestError", e.code, e.status, e.errorMessage)
    is HeadshotProException.AuthenticationException -> ErrorInfo("AuthenticationError", e.code, e.status, e.errorMessage)
    is HeadshotProException.InsufficientCreditsException -> ErrorInfo("InsufficientCreditsError", e.code, e.status, e.errorMessage)
    is HeadshotProException.PermissionDeniedException -> ErrorInfo("PermissionDeniedError", e.code, e.status, e.errorMessage)
    is HeadshotProException.NotFoundException -> ErrorInfo("NotFoundError", e.code, e.status, e.errorMessage)
    is HeadshotProException.RateLimitException -> ErrorInfo("RateLimitError", e.code, e.status, e.errorMessage)
    is HeadshotProException.InviteLimitException -> ErrorInfo("InviteLimitError", e.code, e.status, e.errorMessage)
    is HeadshotProException.ServerException -> ErrorInfo("ServerError", e.code, e.status, e.errorMessage)
    is HeadshotProException.ApiException -> ErrorInfo("APIError", e.code, e.status, e.errorMessage)
    is HeadshotProException.ApiConnectionException -> ErrorInfo("APIConnectionError", null, null, e.errorMessage)
    is HeadshotProException.ApiTimeoutException -> ErrorInfo("APITimeoutError", null, null, e.errorMessage)
    is HeadshotProException.ResponseDecodeException -> ErrorInfo("ResponseDecodeError", null, e.status, e.errorMessage)
    is HeadshotProException.WebhookVerificationException -> ErrorInfo("WebhookVerificationError", null, null, e.errorMessage)
}
