package com.headshotpro

import com.headshotpro.types.WebhookEvent

/**
 * The webhook functions for Java: `JavaWebhooks.verify(rawBody, headers, secret)`.
 * The same checks as [verifyWebhook], [parseWebhook] and [signWebhook].
 */
object JavaWebhooks {
    /**
     * Checks the signature and timestamp of a delivery (raw bytes, never
     * re-serialized JSON) and parses it; a timestamp further than
     * [toleranceSec] seconds (300 when null) from now is refused.
     */
    @JvmStatic
    @JvmOverloads
    @Throws(HeadshotProException::class)
    fun verify(rawBody: ByteArray, headers: Map<String, String>, secret: String, toleranceSec: Long? = null): WebhookEvent =
        verifyWebhook(rawBody, headers, secret, toleranceSec?.let { JavaCalls.unsigned("toleranceSec", it) })

    /** Parses a delivery without checking its signature. */
    @JvmStatic
    @Throws(HeadshotProException::class)
    fun parse(rawBody: ByteArray): WebhookEvent = parseWebhook(rawBody)

    /** The signature header value for a body, for your own tests. */
    @JvmStatic
    fun sign(rawBody: ByteArray, secret: String, timestamp: Long): String = signWebhook(rawBody, secret, timestamp)
}
