package com.headshotpro

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `client.withOptions(RequestOptions(...))`: other settings for some calls, same pool. */
class OptionsTest : MockTest() {
    private val credits = "/api/v1/organization/credits"

    private fun fault(status: Int, delayMs: Long? = null) {
        mock.injectFault("GET", credits, status = status, delayMs = delayMs)
    }

    private fun creditRequests(): Int = requestCount(credits)

    @Test
    fun optionsApplyToTheDerivedClientOnly() {
        val client = client()
        val strict = client.withOptions(RequestOptions(timeoutMs = 200L, maxRetries = 0))
        assertEquals(200L, strict.timeoutMs())
        assertEquals(0, strict.maxRetries())
        assertEquals(2, client.maxRetries())
        assertEquals(60_000L, client.timeoutMs())
        assertEquals(client.baseUrl(), strict.baseUrl())
        assertEquals(client.userAgent(), strict.userAgent())

        fault(503, delayMs = 1000)
        val e = assertThrows<HeadshotProException> { runBlocking { strict.organization().credits() } }
        assertTrue(e is HeadshotProException.ApiTimeoutException, e.toString())
        assertEquals("organization.credits", (e as HeadshotProException.ApiTimeoutException).operation)
        assertEquals(1, creditRequests())

        // Let the delayed answer finish, then the original client still retries a 503.
        Thread.sleep(1200)
        fault(503)
        assertEquals(100L, runBlocking { client.organization().credits() })
        assertEquals(3, creditRequests())
    }

    @Test
    fun unsetFieldsKeepTheClientsSettings() {
        val client = client(maxRetries = 1, timeoutMs = 5_000L)
        val same = client.withOptions(RequestOptions())
        assertEquals(1, same.maxRetries())
        assertEquals(5_000L, same.timeoutMs())
        val noRetries = client.withOptions(RequestOptions(maxRetries = 0))
        assertEquals(0, noRetries.maxRetries())
        assertEquals(5_000L, noRetries.timeoutMs())

        fault(503)
        val e = assertThrows<HeadshotProException> { runBlocking { noRetries.organization().credits() } }
        assertTrue(e is HeadshotProException.ServerException, e.toString())
        assertEquals(1, creditRequests())
    }

    @Test
    fun negativeNumbersAreInvalidArgumentsNamingTheField() {
        val cases = mapOf(
            "timeoutMs" to { Client("k", ClientOptions(baseUrl = mock.url(), timeoutMs = -1L)) },
            "connectTimeoutMs" to { Client("k", ClientOptions(baseUrl = mock.url(), connectTimeoutMs = -5L)) },
            "maxRetries" to { Client("k", ClientOptions(baseUrl = mock.url(), maxRetries = -1)) },
            "withOptions maxRetries" to { client().withOptions(RequestOptions(maxRetries = -2)) },
            "withOptions timeoutMs" to { client().withOptions(RequestOptions(timeoutMs = -200L)) },
        )
        for ((what, build) in cases) {
            val e = assertThrows<HeadshotProException>(what) { build() }
            assertTrue(e is HeadshotProException.InvalidArgumentException, "$what: $e")
            val field = what.removePrefix("withOptions ")
            assertTrue(e.message.orEmpty().contains("$field must be zero or more"), "$what: ${e.message}")
        }
    }

    @Test
    fun connectTimeoutAndInsecureHttpAreApplied() {
        val refused = assertThrows<HeadshotProException> { Client("k", ClientOptions(baseUrl = "http://example.com")) }
        assertTrue(refused is HeadshotProException.InvalidArgumentException, refused.toString())
        val allowed = Client("k", ClientOptions(baseUrl = "http://example.com", allowInsecureHttp = true))
        assertEquals("http://example.com", allowed.baseUrl())

        val client = mock.client(ClientOptions(connectTimeoutMs = 2_000L))
        assertEquals(100L, runBlocking { client.organization().credits() })
    }
}
