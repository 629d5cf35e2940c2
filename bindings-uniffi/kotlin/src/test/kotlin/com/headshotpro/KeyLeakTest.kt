package com.headshotpro

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import java.net.ServerSocket

/** Nothing of the API key appears in any error text. */
class KeyLeakTest : MockTest() {
    private val secretKey = "hp_live_SUPERSECRETKEY123"

    private fun assertNoKey(e: Throwable) {
        val texts = listOf(e.toString(), e.message.orEmpty(), e.stackTraceToString())
        for (text in texts) {
            assertFalse(text.contains("SUPERSECRET"), text)
            assertFalse(text.contains(secretKey.takeLast(8)), text)
        }
    }

    private fun capture(block: suspend () -> Unit): Throwable =
        runCatching { runBlocking { block() } }.exceptionOrNull() ?: error("expected a failure")

    @Test
    fun errorsNeverContainTheKey() {
        val wrong = Client(secretKey, ClientOptions(baseUrl = mock.url(), maxRetries = 0))
        assertNoKey(capture { wrong.organization().retrieve() })
        mock.injectFault(null, "/api/v1/organization", status = 500)
        assertNoKey(capture { client(maxRetries = 0).organization().retrieve() })
        val port = ServerSocket(0).use { it.localPort }
        val refused = Client(secretKey, ClientOptions(baseUrl = "http://127.0.0.1:$port", maxRetries = 0))
        assertNoKey(capture { refused.organization().credits() })
        assertNoKey(capture { Client(secretKey, ClientOptions(baseUrl = "http://example.com")) })
        assertNoKey(capture { Client("$secretKey with space", ClientOptions(baseUrl = mock.url())) })
        assertFalse(wrong.toString().contains("SUPERSECRET"))
    }
}
