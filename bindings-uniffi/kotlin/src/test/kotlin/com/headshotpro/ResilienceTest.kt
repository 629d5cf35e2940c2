package com.headshotpro

import com.headshotpro.types.ModelStatus
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.ServerSocket
import java.time.Duration
import java.time.Instant

/** Cancellation drops the request, a panic ends the call, and errors fall in families. */
class ResilienceTest : MockTest() {

    private fun requestCount(prefix: String): Int =
        mock.ok("GET", "/__mock/requests").jsonObject.getValue("requests").jsonArray
            .count { it.jsonObject.getValue("path").jsonPrimitive.content.startsWith(prefix) }

    /**
     * Starts `call` in a coroutine, cancels it once the mock logged `atLeast`
     * requests under `path`, and checks that no request arrives afterwards.
     */
    private fun assertCancelStopsRequests(path: String, atLeast: Int, call: suspend () -> Unit) = runBlocking {
        val job = async(Dispatchers.Default) { call() }
        while (requestCount(path) < atLeast) delay(20)
        job.cancelAndJoin()
        assertTrue(job.isCancelled)
        val atCancel = requestCount(path)
        delay(1_500)
        assertEquals(atCancel, requestCount(path), "requests to $path went on after the coroutine was cancelled")
    }

    private fun failure(block: suspend () -> Unit): HeadshotProException =
        assertThrows<HeadshotProException> { runBlocking { block() } }

    @Test
    fun cancellingTheCoroutineStopsModelsWait() {
        val client = mock.client()
        // Not a development model: it stays in onboarding, so the wait polls on.
        val model = runBlocking { client.models().create("ada@example.com") }
        assertCancelStopsRequests("/api/v2/organization/whitelabel/model/get/${model.modelId}", 2) {
            client.models().wait(model.modelId, ModelStatus.Active, 8_000uL)
        }
    }

    @Test
    fun cancellingTheCoroutineStopsTheRetries() {
        val path = "/api/v1/organization/credits"
        mock.ok("POST", "/__mock/faults", buildJsonObject {
            put("path", JsonPrimitive(path))
            put("times", JsonPrimitive(50))
            put("status", JsonPrimitive(429))
            put("headers", buildJsonObject { put("Retry-After", JsonPrimitive("1")) })
            put("body", JsonPrimitive("""{"success":false,"error":"slow down","code":"RATE_LIMIT_EXCEEDED"}"""))
        })
        val client = mock.client(maxRetries = 20)
        assertCancelStopsRequests(path, 1) { client.organization().credits() }
    }

    @Test
    fun aPanicEndsTheCallWithAnInternalErrorNamingTheOperation() {
        // A debug-build hook (the test build is one) that panics inside the runtime.
        val e = failure { debugPanicInRuntime() }
        assertTrue(e is HeadshotProException.InternalException, e.toString())
        e as HeadshotProException.InternalException
        assertEquals("testing.panic", e.operation)
        assertTrue(e.errorMessage.contains("a deliberate panic, for the tests"), e.errorMessage)
        assertEquals(100L, runBlocking { mock.client().organization().credits() })
    }

    @Test
    fun everyApiErrorIsOneFamilyWithRateLimitInfo() {
        mock.ok("POST", "/__mock/faults", buildJsonObject {
            put("path", JsonPrimitive("/api/v1/organization"))
            put("status", JsonPrimitive(500))
            put("headers", buildJsonObject {
                put("X-RateLimit-Limit", JsonPrimitive("300"))
                put("X-RateLimit-Remaining", JsonPrimitive("12"))
                put("X-RateLimit-Reset", JsonPrimitive("2030-01-01T00:00:00.000Z"))
                put("Retry-After", JsonPrimitive("3"))
            })
        })
        val e = failure { mock.client(maxRetries = 0).organization().retrieve() }
        assertTrue(e.isApiError())
        assertFalse(e.isConnectionError())
        assertEquals("ServerError", e.className())
        assertEquals("organization.retrieve", e.operation())
        assertTrue(e.mayHaveReachedServer())
        val details = requireNotNull(e.apiDetails())
        assertEquals(500, details.status)
        assertEquals(300L, details.rateLimit.limit)
        assertEquals(12L, details.rateLimit.remaining)
        assertEquals(Duration.ofSeconds(3), details.retryAfter)
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), details.rateLimit.resetAt)
        assertEquals("ServerError in organization.retrieve: HTTP 500 INJECTED: injected fault", e.toString())

        val notFound = failure { mock.client().models().retrieve("nope") }
        assertTrue(notFound.isApiError())
        assertEquals(404, notFound.apiDetails()?.status)
        val invalid = failure { mock.client().invites().create("nope") }
        assertFalse(invalid.isApiError())
        assertFalse(invalid.isConnectionError())
        assertNull(invalid.apiDetails())
    }

    @Test
    fun aTimeoutIsAConnectionError() {
        mock.ok("POST", "/__mock/faults", buildJsonObject {
            put("path", JsonPrimitive("/api/v1/organization"))
            put("delay_ms", JsonPrimitive(2000))
        })
        val timeout = failure { mock.client(maxRetries = 0, timeoutMs = 200L).organization().retrieve() }
        assertTrue(timeout is HeadshotProException.ApiTimeoutException, timeout.toString())
        assertTrue(timeout.isConnectionError())
        assertFalse(timeout.isApiError())
        assertTrue(timeout.mayHaveReachedServer())

        val port = ServerSocket(0).use { it.localPort }
        val refused = failure {
            Client("k", ClientOptions(baseUrl = "http://127.0.0.1:$port", maxRetries = 0)).organization().credits()
        }
        assertTrue(refused.isConnectionError())
        assertFalse(refused.mayHaveReachedServer())
        assertEquals("organization.credits", refused.operation())
    }

    @Test
    fun aModelPrintsItsSignedUrlRedacted() {
        val model = runBlocking { mock.client().models().create("ada@example.com", isDevelopment = true) }
        val token = java.net.URI(model.signedUrl).query.split("&").first { it.startsWith("token=") }.removePrefix("token=")
        assertTrue(token.length > 8)
        for (shown in listOf(model.toString(), "$model", listOf(model).toString())) {
            assertFalse(shown.contains(token), shown)
            assertTrue(shown.contains("token=[redacted]") && shown.contains(model.modelId), shown)
        }
        assertTrue(model.signedUrl.contains("token=$token"), "the field itself stays whole")
    }

    @Test
    fun plainHttpIsRefusedInKotlinTerms() {
        val e = assertThrows<HeadshotProException> { Client("k", ClientOptions(baseUrl = "http://api.example.com")) }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        val message = (e as HeadshotProException.InvalidArgumentException).errorMessage
        assertTrue(message.contains("pass ClientOptions(allowInsecureHttp = true)"), message)
        assertFalse(message.contains("allow_insecure_http"), message)
    }
}
