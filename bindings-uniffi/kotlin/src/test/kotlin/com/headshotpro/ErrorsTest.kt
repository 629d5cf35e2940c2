package com.headshotpro

import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.ServerSocket
import java.time.Duration

/** Every class of the SPEC's error hierarchy, as a Kotlin `is` check. */
class ErrorsTest : MockTest() {

    private fun fault(path: String, vararg fields: Pair<String, JsonElement>) {
        mock.ok("POST", "/__mock/faults", buildJsonObject {
            put("path", JsonPrimitive(path))
            fields.forEach { (k, v) -> put(k, v) }
        })
    }

    private fun failure(block: suspend () -> Unit): HeadshotProException =
        assertThrows<HeadshotProException> { runBlocking { block() } }

    @Test
    fun invalidArgumentIsLocal() {
        val e = failure { mock.client().invites().create("not-an-email") }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        val blank = assertThrows<HeadshotProException> { Client("  ", ClientOptions(baseUrl = mock.url)) }
        assertTrue(blank is HeadshotProException.InvalidArgumentException)
        val clearText = assertThrows<HeadshotProException> { Client("k", ClientOptions(baseUrl = "http://example.com")) }
        assertTrue(clearText is HeadshotProException.InvalidArgumentException)
        val requests = mock.ok("GET", "/__mock/requests").toString()
        assertFalse(requests.contains("invite"), requests)
    }

    @Test
    fun authentication() {
        val e = failure { mock.client(key = "hp_wrong_key").organization().retrieve() }
        assertTrue(e is HeadshotProException.AuthenticationException, e.toString())
        e as HeadshotProException.AuthenticationException
        assertEquals(401, e.details.status)
        assertEquals("UNAUTHORIZED", e.details.code)
        assertEquals("organization.retrieve", e.details.operation)
    }

    @Test
    fun notFound() {
        val e = failure { mock.client().models().retrieve("nope") }
        assertTrue(e is HeadshotProException.NotFoundException, e.toString())
        e as HeadshotProException.NotFoundException
        assertEquals(404, e.details.status)
        assertEquals("NOT_FOUND", e.details.code)
    }

    @Test
    fun badRequest() {
        val client = mock.client()
        runBlocking { client.models().create("ada@example.com", isDevelopment = true) }
        val e = failure { client.models().create("ada@example.com", isDevelopment = true) }
        assertTrue(e is HeadshotProException.BadRequestException, e.toString())
        assertEquals("ALREADY_EXISTS", (e as HeadshotProException.BadRequestException).details.code)
    }

    @Test
    fun insufficientCredits() {
        mock.ok("PUT", "/__mock/organization", buildJsonObject { put("credits", JsonPrimitive(0)) })
        val e = failure { mock.client().models().create("ada@example.com") }
        assertTrue(e is HeadshotProException.InsufficientCreditsException, e.toString())
        assertEquals("INSUFFICIENT_CREDITS", (e as HeadshotProException.InsufficientCreditsException).details.code)
    }

    @Test
    fun permissionDenied() {
        mock.ok("PUT", "/__mock/organization", buildJsonObject { put("whitelabel", JsonPrimitive(false)) })
        val e = failure { mock.client().models().create("ada@example.com") }
        assertTrue(e is HeadshotProException.PermissionDeniedException, e.toString())
        assertEquals(403, (e as HeadshotProException.PermissionDeniedException).details.status)
    }

    @Test
    fun rateLimitCarriesRetryAfter() {
        fault(
            "/api/v1/organization/credits",
            "status" to JsonPrimitive(429),
            "body" to JsonPrimitive("""{"success":false,"error":"Too many requests","code":"RATE_LIMIT_EXCEEDED"}"""),
            "headers" to buildJsonObject {
                put("Retry-After", JsonPrimitive("7"))
                put("X-RateLimit-Limit", JsonPrimitive("300"))
                put("X-RateLimit-Remaining", JsonPrimitive("0"))
            },
        )
        val e = failure { mock.client(maxRetries = 0).organization().credits() }
        assertTrue(e is HeadshotProException.RateLimitException, e.toString())
        e as HeadshotProException.RateLimitException
        assertEquals(Duration.ofSeconds(7), e.details.retryAfter)
        assertEquals(300L, e.details.rateLimit.limit)
        assertEquals(0L, e.details.rateLimit.remaining)
    }

    @Test
    fun inviteLimitIsNotRetried() {
        mock.ok("PUT", "/__mock/organization", buildJsonObject { put("inviteLimit", JsonPrimitive(1)) })
        val client = mock.client()
        runBlocking { client.invites().create("ada@example.com") }
        val e = failure { client.invites().create("alan@example.com") }
        assertTrue(e is HeadshotProException.InviteLimitException, e.toString())
        assertEquals("INVITE_LIMIT_EXCEEDED", (e as HeadshotProException.InviteLimitException).details.code)
    }

    @Test
    fun serverError() {
        fault("/api/v1/organization", "status" to JsonPrimitive(503))
        val e = failure { mock.client(maxRetries = 0).organization().retrieve() }
        assertTrue(e is HeadshotProException.ServerException, e.toString())
        assertEquals(503, (e as HeadshotProException.ServerException).details.status)
    }

    @Test
    fun otherStatusIsApiError() {
        fault("/api/v1/organization", "status" to JsonPrimitive(409))
        val e = failure { mock.client(maxRetries = 0).organization().retrieve() }
        assertTrue(e is HeadshotProException.ApiException, e.toString())
        assertEquals(409, (e as HeadshotProException.ApiException).details.status)
    }

    @Test
    fun connectionRefused() {
        val port = ServerSocket(0).use { it.localPort }
        val client = Client("k", ClientOptions(baseUrl = "http://127.0.0.1:$port", maxRetries = 0))
        val e = failure { client.organization().retrieve() }
        assertTrue(e is HeadshotProException.ApiConnectionException, e.toString())
        assertFalse((e as HeadshotProException.ApiConnectionException).mayHaveReachedServer)
    }

    @Test
    fun timeout() {
        fault("/api/v1/organization", "delay_ms" to JsonPrimitive(3000))
        val e = failure { mock.client(maxRetries = 0, timeoutMs = 300L).organization().retrieve() }
        assertTrue(e is HeadshotProException.ApiTimeoutException, e.toString())
        assertTrue((e as HeadshotProException.ApiTimeoutException).mayHaveReachedServer)
    }

    @Test
    fun responseDecode() {
        fault("/api/v1/organization", "status" to JsonPrimitive(200), "body" to JsonPrimitive("not json"))
        val e = failure { mock.client(maxRetries = 0).organization().retrieve() }
        assertTrue(e is HeadshotProException.ResponseDecodeException, e.toString())
        assertEquals(200, (e as HeadshotProException.ResponseDecodeException).status)
    }

    @Test
    fun webhookVerification() {
        val e = assertThrows<HeadshotProException> { parseWebhook("{}".toByteArray()) }
        assertTrue(e is HeadshotProException.WebhookVerificationException, e.toString())
        assertNotNull(e.message)
    }
}
