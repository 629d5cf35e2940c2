package com.example.headshots

import com.headshotpro.ClientOptions
import com.headshotpro.MockServer
import com.headshotpro.MockServerOptions
import com.headshotpro.signWebhook
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AutoClose
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import java.net.InetSocketAddress
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** The application's HeadshotPro code against the SDK's in-process MockServer. */
class HeadshotServiceTest {
    /** A fresh mock for each test, closed after it. */
    @AutoClose
    private val mock = MockServer()

    @Test
    fun `new hires are invited into their team and show up once finished`() = runBlocking {
        val service = HeadshotService(mock.client())
        val invites = service.inviteNewHires("Design", listOf("ada@example.com", "grace@example.com"))
        assertEquals(emptyList<String>(), service.finishedMembers())

        // The people on the other side: Ada signs up, uploads, gets her headshots.
        val ada = invites.getValue("ada@example.com")
        mock.acceptInvite(ada)
        mock.uploadPhotos(ada)
        mock.advanceInvite(ada)
        assertEquals(listOf("ada@example.com"), service.finishedMembers())
        assertEquals(99L, service.creditsOrNull())
    }

    @Test
    fun `an outage shows as no credits instead of an error`() = runBlocking {
        mock.injectFault("GET", "/api/v1/organization/credits", status = 503, times = 3)
        val service = HeadshotService(mock.client(ClientOptions(maxRetries = 2)))
        assertNull(service.creditsOrNull())
        assertEquals(3, mock.requests().size)
        assertEquals(100L, service.creditsOrNull())
    }

    @Test
    fun `a favorite chosen in HeadshotPro reaches the webhook handler`() {
        val favorites = LinkedBlockingQueue<Pair<String, String>>()
        val handler = WebhookHandler("whsec_example") { model, photo -> favorites.add(model to photo) }
        val endpoint = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0).apply {
            createContext("/webhooks") { exchange ->
                val headers = exchange.requestHeaders.mapValues { it.value.first() }
                exchange.sendResponseHeaders(handler.handle(exchange.requestBody.readBytes(), headers), -1)
                exchange.close()
            }
            start()
        }
        try {
            val url = "http://127.0.0.1:${endpoint.address.port}/webhooks"
            MockServer(MockServerOptions(webhookUrl = url, webhookSecret = "whsec_example")).use { signed ->
                val modelId = signed.seed(models = 1).modelIds.single()
                val photoId = signed.photos(modelId).first().id
                signed.chooseFavorite(modelId, photoId)
                assertEquals(modelId to photoId, favorites.poll(10, TimeUnit.SECONDS))
            }
        } finally {
            endpoint.stop(0)
        }
        val forged = """{"event":"model.favorite_selected"}""".toByteArray()
        val headers = mapOf(
            "X-HeadshotPro-Signature" to signWebhook(forged, "not-the-secret", System.currentTimeMillis() / 1000),
            "X-HeadshotPro-Timestamp" to (System.currentTimeMillis() / 1000).toString(),
        )
        assertEquals(400, handler.handle(forged, headers))
    }
}
