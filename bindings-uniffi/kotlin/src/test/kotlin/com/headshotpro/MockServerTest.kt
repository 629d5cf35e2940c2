package com.headshotpro

import com.headshotpro.types.InviteStatus
import com.headshotpro.types.LikedStatus
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.WebhookEventType
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.net.InetSocketAddress
import java.net.URI
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** `MockServer` itself: settings, control calls, faults, logs, webhooks, closing. */
class MockServerTest {
    private fun failure(block: () -> Unit): HeadshotProException = assertThrows<HeadshotProException> { block() }

    @Test
    fun startsOnLoopbackAndClosesIdempotently() {
        val mock = MockServer()
        assertTrue(Regex("http://127\\.0\\.0\\.1:\\d+").matches(mock.url()), mock.url())
        assertEquals("hp_test_mock_key", mock.apiKey())
        assertNull(mock.caPem())
        val client = mock.client(ClientOptions(maxRetries = 0))
        assertEquals(100L, runBlocking { client.organization().credits() })
        mock.shutdown()
        mock.shutdown()
        val refused = assertThrows<HeadshotProException> { runBlocking { client.organization().credits() } }
        assertTrue(refused.isConnectionError(), refused.toString())
        mock.close()
        mock.close()
    }

    @Test
    fun aBusyPortFallsBackToAFreeOne() {
        MockServer().use { first ->
            val port = URI(first.url()).port
            MockServer(MockServerOptions(port = port)).use { second ->
                assertNotEquals(port, URI(second.url()).port)
            }
        }
    }

    @Test
    fun optionsReachTheMock() = runBlocking {
        val options = MockServerOptions(apiKey = "hp_test_other", credits = 3, whitelabel = false, inviteLimit = 1, photosPerModel = 2)
        MockServer(options).use { mock ->
            assertEquals("hp_test_other", mock.apiKey())
            val client = mock.client()
            assertEquals(3L, client.organization().credits())
            val denied = assertThrows<HeadshotProException> { runBlocking { client.models().create("a@example.com") } }
            assertTrue(denied is HeadshotProException.PermissionDeniedException, denied.toString())
            val settings = mock.organization()
            assertEquals(1L, settings.inviteLimit)
            assertEquals(2L, settings.photosPerModel)
            assertFalse(settings.whitelabel)
        }
        val bad = failure { MockServer(MockServerOptions(devStepMs = -1)) }
        assertTrue(bad is HeadshotProException.InvalidArgumentException, bad.toString())
    }

    @Test
    fun controlCallsPlayThePeopleOnTheOtherSide() = runBlocking {
        MockServer().use { mock ->
            val client = mock.client()
            val invite = client.invites().create("ada@example.com")
            assertEquals(InviteStatus.WaitingForUpload, mock.acceptInvite(invite.id).status)
            assertEquals(InviteStatus.GeneratingHeadshots, mock.uploadPhotos(invite.id).status)
            assertEquals(99L, client.organization().credits())
            assertEquals(InviteStatus.Active, mock.advanceInvite(invite.id).status)

            val model = client.models().create("grace@example.com")
            assertEquals(ModelStatus.Waiting, mock.completeOnboarding(model.modelId).status)
            assertEquals(ModelStatus.Pending, mock.advance(model.modelId).status)
            assertEquals(ModelStatus.Failed, mock.fail(model.modelId).status)
            assertEquals(ModelStatus.Pending, mock.advance(model.modelId).status)
            mock.advance(model.modelId)
            val active = mock.advance(model.modelId)
            assertEquals(ModelStatus.Active, active.status)
            assertEquals(8L, active.photoCount)
            val photo = mock.photos(model.modelId).first()
            assertEquals(LikedStatus.Loved, mock.likePhoto(photo.id, LikedStatus.Loved).likedStatus)
            assertEquals(photo.id, mock.chooseFavorite(model.modelId, photo.id).favoritePhotoId)

            val seeded = mock.seed(members = 3, models = 1)
            assertEquals(3L, seeded.members)
            assertEquals(1, seeded.modelIds.size)
            assertTrue(mock.state().contains(seeded.modelIds.single()))
        }
    }

    @Test
    fun unknownIdsAreNotFoundAndStepsThatDoNotApplyAreRefused() {
        MockServer().use { mock ->
            val missing = failure { mock.acceptInvite("nope") }
            assertTrue(missing is HeadshotProException.NotFoundException, missing.toString())
            val details = requireNotNull(missing.apiDetails())
            assertEquals(404, details.status)
            assertEquals("NOT_FOUND", details.code)
            assertEquals("mock.accept_invite", details.operation)
            assertTrue(failure { mock.photos("nope") } is HeadshotProException.NotFoundException)

            val modelId = mock.seed(models = 1).modelIds.single()
            val refused = failure { mock.completeOnboarding(modelId) }
            assertEquals(409, refused.apiDetails()?.status)
            assertEquals("INVALID_STATE", refused.apiDetails()?.code)
            val bad = failure { mock.injectFault(null, "/api/", status = 42) }
            assertTrue(bad is HeadshotProException.InvalidArgumentException, bad.toString())
        }
    }

    @Test
    fun faultsLogsSettingsAndReset() = runBlocking {
        MockServer().use { mock ->
            val client = mock.client(ClientOptions(maxRetries = 0))
            mock.injectFault("GET", "/api/v1/organization/credits", status = 503, times = 2)
            repeat(2) {
                val e = assertThrows<HeadshotProException> { runBlocking { client.organization().credits() } }
                assertTrue(e is HeadshotProException.ServerException, e.toString())
            }
            assertEquals(100L, client.organization().credits())
            val log = mock.requests()
            assertEquals(3, log.size)
            assertTrue(log.all { it.headers["authorization"] == "Bearer hp_test_mock_key" && it.query == "" })

            // Processed, then the connection dropped: the resent create is reconciled.
            mock.injectFault("POST", "/api/v1/organization/invite", after = MockFaultAfter.Drop)
            val invite = mock.client().invites().create("ada@example.com")
            assertEquals("ada@example.com", invite.email)
            assertEquals(1, client.invites().list().size)
            mock.injectFault("GET", "/api/v1/organization/credits", after = MockFaultAfter.Status(502))
            assertTrue(failure { runBlocking { client.organization().credits() } } is HeadshotProException.ServerException)

            mock.setOrganization(MockOrganizationUpdate(rateLimit = 5, credits = 7))
            assertEquals(5L, mock.organization().rateLimit)
            mock.setOrganization(MockOrganizationUpdate(clear = listOf(MockSetting.RATE_LIMIT)))
            assertNull(mock.organization().rateLimit)
            assertEquals(7L, mock.organization().credits)

            mock.clearRequests()
            assertEquals(0, mock.requests().size)
            mock.reset()
            assertEquals(100L, mock.organization().credits)
            assertEquals(0, client.invites().list().size)
        }
    }

    @Test
    fun webhooksAreSignedAndDeliveredToTheTestsReceiver() = runBlocking {
        val bodies = LinkedBlockingQueue<Pair<ByteArray, Map<String, String>>>()
        val receiver = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        receiver.createContext("/hooks") { exchange ->
            val headers = exchange.requestHeaders.mapValues { it.value.first() }
            bodies.add(exchange.requestBody.readBytes() to headers)
            exchange.sendResponseHeaders(204, -1)
            exchange.close()
        }
        receiver.start()
        try {
            val hookUrl = "http://127.0.0.1:${receiver.address.port}/hooks"
            MockServer(MockServerOptions(webhookUrl = hookUrl, webhookSecret = "whsec_test")).use { mock ->
                val modelId = mock.seed(models = 1).modelIds.single()
                val photo = mock.photos(modelId).first()
                mock.chooseFavorite(modelId, photo.id)
                val (body, headers) = requireNotNull(bodies.poll(10, TimeUnit.SECONDS)) { "no webhook arrived" }
                val event = verifyWebhook(body, headers, "whsec_test")
                assertEquals(WebhookEventType.ModelFavoriteSelected, event.event)
                assertEquals(photo.id, event.photoId)
                assertEquals(modelId, event.`object`.id)
                // The attempt is logged once the receiver's answer is read.
                val deadline = System.nanoTime() + 10_000_000_000L
                while (mock.webhooks().isEmpty() && System.nanoTime() < deadline) Thread.sleep(25)
                val delivered = mock.webhooks().single()
                assertEquals(204, delivered.status)
                assertEquals(event.id, delivered.eventId)
                assertEquals(1, delivered.attempt)
            }
        } finally {
            receiver.stop(0)
        }
    }

    @Test
    fun aProcessThatNeverClosesItsMockStillExits() {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val command = listOf(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Djna.library.path=" + System.getProperty("jna.library.path").orEmpty(),
            "com.headshotpro.ForgetfulMainKt",
        )
        val child = ProcessBuilder(command).redirectErrorStream(true).start()
        val exited = child.waitFor(60, TimeUnit.SECONDS)
        val output = child.inputStream.bufferedReader().readText()
        if (!exited) child.destroyForcibly()
        assertTrue(exited, "the process did not exit: $output")
        assertEquals(0, child.exitValue(), output)
        assertTrue(output.contains("credits 100"), output)
    }
}
