package com.headshotpro.matrix

import com.headshotpro.HeadshotProException

/** An error as the matrix compares it: SPEC class name, API code, HTTP status, text. */
data class ErrorInfo(val className: String, val code: String?, val status: Int?, val message: String)

/** Maps the generated Kotlin exceptions to the SPEC's class names, through the family methods. */
fun describe(e: HeadshotProException): ErrorInfo {
    e.apiDetails()?.let { return ErrorInfo(e.className(), it.code, it.status, it.message) }
    return when (e) {
        is HeadshotProException.ResponseDecodeException -> ErrorInfo(e.className(), null, e.status, e.errorMessage)
        is HeadshotProException.InvalidArgumentException -> ErrorInfo(e.className(), null, null, e.errorMessage)
        is HeadshotProException.WebhookVerificationException -> ErrorInfo(e.className(), null, null, e.errorMessage)
        is HeadshotProException.ApiConnectionException -> ErrorInfo(e.className(), null, null, e.errorMessage)
        is HeadshotProException.ApiTimeoutException -> ErrorInfo(e.className(), null, null, e.errorMessage)
        is HeadshotProException.InternalException -> ErrorInfo(e.className(), null, null, e.errorMessage)
        else -> ErrorInfo(e.className(), null, null, e.toString())
    }
}
