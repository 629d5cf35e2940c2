package com.headshotpro

import com.headshotpro.types.RateLimitInfo
import com.headshotpro.types.ResponseMeta
import java.time.Duration

/**
 * A call's data with the facts of the answer it received, from
 * [withResponse]: the HTTP status, every header (names in lower case,
 * repeated ones joined with `", "`) and the `X-RateLimit-*` headers.
 *
 * For a call that made several requests (a `models().wait`, a create settled
 * by a lookup, a retried call) they describe the last answer.
 *
 * @property data the parsed result, as the call alone returns it.
 * @property status the HTTP status.
 * @property headers every header of the answer.
 * @property rateLimit its `X-RateLimit-*` headers (fields null when absent).
 * @property operation the operation that sent the request, e.g. `models.retrieve`.
 * @property method the HTTP method.
 * @property path the path under the base URL, without the query.
 * @property attempt which attempt got this answer (1 unless retried).
 * @property elapsed how long that attempt took.
 */
data class Response<T>(
    val data: T,
    val status: Int,
    val headers: Map<String, String>,
    val rateLimit: RateLimitInfo,
    val operation: String,
    val method: String,
    val path: String,
    val attempt: Int,
    val elapsed: Duration,
) {
    /** The server's request id (`X-Request-Id`), when it sends one. */
    val requestId: String? get() = headers["x-request-id"]

    internal constructor(data: T, meta: ResponseMeta) : this(
        data, meta.status.toInt(), meta.headers, meta.rateLimit, meta.operation, meta.method, meta.path,
        meta.attempt.toInt(), meta.elapsed,
    )
}

/**
 * Runs [call] on a client that records its answers and returns the call's
 * result with the status, headers and rate limit of the last answer it
 * received: one generic form for every operation.
 *
 * ```kotlin
 * val answer = client.withResponse { it.models().retrieve("m_1") }
 * println("${answer.status} ${answer.rateLimit.remaining}")
 * val model = answer.data
 * ```
 *
 * A failed call throws its [HeadshotProException] as usual (an API error
 * carries its status and rate limit in `apiDetails()`). Make the calls
 * through the client [call] receives: calls through another client are not
 * seen, and a [call] that sends nothing throws
 * [HeadshotProException.InvalidArgumentException]. Per-call options go first:
 * `client.withOptions(options).withResponse { ... }`.
 */
suspend fun <T> Client.withResponse(call: suspend (Client) -> T): Response<T> {
    val capturing = capturing()
    val data = call(capturing.client())
    val meta = capturing.lastResponse()
        ?: throw HeadshotProException.InvalidArgumentException("withResponse: the call finished without receiving an answer")
    return Response(data, meta)
}
