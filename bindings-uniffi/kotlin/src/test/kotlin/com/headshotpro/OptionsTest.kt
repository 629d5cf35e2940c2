package com.headshotpro

import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `client.withOptions(RequestOptions(...))`: other settings for some calls, same pool. */
class OptionsTest : MockTest() {
    private val credits = "/api/v1/organization/credits"

    private fun fault(status: Int, delayMs: Int? = null) {
        mock.ok("POST", "/__mock/faults", buildJsonObject {
            put("method", JsonPrimitive("GET"))
            put("path", JsonPrimitive(credits))
            put("status", JsonPrimitive(status))
            delayMs?.let { put("delay_ms", JsonPrimitive(it)) }
        })
    }

    private fun creditRequests(): Int =
        mock.ok("GET", "/__mock/requests").jsonObject.getValue("requests").jsonArray.count {
            it.jsonObject["path"]?.jsonPrimitive?.content == credits
        }

    @Test
    fun optionsApplyToTheDerivedClientOnly() {
        val client = mock.client()
        val strict = client.withOptions(RequestOptions(timeoutMs = 200uL, maxRetries = 0u))
        assertEquals(200uL, strict.timeoutMs())
        assertEquals(0u, strict.maxRetries())
        assertEquals(2u, client.maxRetries())
        assertEquals(60_000uL, client.timeoutMs())
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
        val client = mock.client(maxRetries = 1u, timeoutMs = 5_000uL)
        val same = client.withOptions(RequestOptions())
        assertEquals(1u, same.maxRetries())
        assertEquals(5_000uL, same.timeoutMs())
        val noRetries = client.withOptions(RequestOptions(maxRetries = 0u))
        assertEquals(0u, noRetries.maxRetries())
        assertEquals(5_000uL, noRetries.timeoutMs())

        fault(503)
        val e = assertThrows<HeadshotProException> { runBlocking { noRetries.organization().credits() } }
        assertTrue(e is HeadshotProException.ServerException, e.toString())
        assertEquals(1, creditRequests())
    }
}
