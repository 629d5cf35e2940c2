package com.headshotpro

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.util.Base64

/** The network settings: proxy, extra root certificates, a local rate cap, and the last rate-limit headers. */
class SettingsTest : MockTest() {
    private fun failure(block: suspend () -> Unit): HeadshotProException =
        assertThrows<HeadshotProException> { runBlocking { block() } }

    @Test
    fun requestsGoThroughTheProxyWithItsCredentials() = runBlocking {
        // A host that does not resolve: the only way to it is the proxy (the
        // mock answers proxied plain-http requests like direct ones).
        val proxy = "http://user:s3cret@" + mock.url().removePrefix("http://")
        val client = Client(
            mock.apiKey(),
            ClientOptions(baseUrl = "http://api.headshotpro.invalid", allowInsecureHttp = true, proxy = proxy, maxRetries = 0),
        )
        assertEquals(100L, client.organization().credits())
        val seen = mock.requests().single()
        assertEquals("api.headshotpro.invalid", seen.headers["host"])
        val credentials = Base64.getEncoder().encodeToString("user:s3cret".toByteArray())
        assertEquals("Basic $credentials", seen.headers["proxy-authorization"])
        assertTrue(!client.toString().contains("s3cret"), client.toString())

        val bad = assertThrows<HeadshotProException> { Client("k", ClientOptions(proxy = "ftp://proxy.example.com")) }
        assertTrue(bad is HeadshotProException.InvalidArgumentException, bad.toString())
    }

    @Test
    fun extraRootCertificatesTrustTheTlsMock() = runBlocking {
        MockServer(MockServerOptions(tls = true)).use { tls ->
            assertTrue(tls.url().startsWith("https://127.0.0.1:"), tls.url())
            val ca = requireNotNull(tls.caPem())
            assertTrue(ca.startsWith("-----BEGIN CERTIFICATE-----"))
            val trusting = Client(tls.apiKey(), ClientOptions(baseUrl = tls.url(), extraRootCertificates = ca, maxRetries = 0))
            assertEquals(100L, trusting.organization().credits())
            assertEquals(100L, tls.client().organization().credits())

            val untrusting = Client(tls.apiKey(), ClientOptions(baseUrl = tls.url(), maxRetries = 0))
            val e = failure { untrusting.organization().credits() }
            assertTrue(e is HeadshotProException.ApiConnectionException, e.toString())
        }
        val e = assertThrows<HeadshotProException> {
            Client("k", ClientOptions(baseUrl = mock.url(), extraRootCertificates = "not a certificate"))
        }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        assertTrue(e.message.orEmpty().contains("extraRootCertificates"), e.message)
    }

    @Test
    fun maxRequestsPerMinuteMakesCallsWaitInTheClient() = runBlocking {
        // One a minute: the second call must wait in the client (a minute, whether
        // the cap is a window or an even spacing), so nothing reaches the mock.
        val client = mock.client(ClientOptions(maxRequestsPerMinute = 1))
        assertEquals(1, client.maxRequestsPerMinute())
        assertNull(client().maxRequestsPerMinute())
        client.organization().credits()
        val second = async(Dispatchers.Default) { client.organization().credits() }
        delay(1_000)
        assertTrue(second.isActive, "the second call of the minute did not wait")
        assertEquals(1, requestCount("/api/"))
        second.cancelAndJoin()

        for ((value, text) in listOf(0 to "maxRequestsPerMinute must be at least 1", -1 to "maxRequestsPerMinute must be zero or more")) {
            val e = assertThrows<HeadshotProException> { mock.client(ClientOptions(maxRequestsPerMinute = value)) }
            assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
            assertTrue(e.message.orEmpty().contains(text), e.message)
        }
    }

    @Test
    fun theLastRateLimitHeadersAreReadableAndShared() = runBlocking {
        mock.setOrganization(MockOrganizationUpdate(rateLimit = 10))
        val client = client()
        assertNull(client.lastRateLimit())
        client.organization().credits()
        val first = requireNotNull(client.lastRateLimit())
        assertEquals(10L, first.limit)
        assertEquals(9L, first.remaining)
        assertNotNull(first.resetAt)
        val child = client.withOptions(RequestOptions(maxRetries = 0))
        child.organization().credits()
        assertEquals(8L, client.lastRateLimit()?.remaining)
    }
}
