package com.headshotpro

import com.headshotpro.types.ModelStatus
import java.time.Duration
import java.util.concurrent.CompletionException
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** `JavaClient`: the blocking and CompletableFuture forms Java callers use. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaClientTest {
    private val mock = MockServer()

    @AfterAll
    fun stop() = mock.close()

    @BeforeEach
    fun reset() {
        mock.ok("POST", "/__mock/reset")
    }

    private fun client() = JavaClient(mock.apiKey, ClientOptions(baseUrl = mock.url, maxRetries = 0))

    @Test
    fun blockingAndFutureFormsAnswerTheSame() {
        client().use { client ->
            assertEquals(100L, client.organization().credits())
            assertEquals(100L, client.organization().creditsAsync().get(10, TimeUnit.SECONDS))
            val invite = client.invites().create("ada@example.com")
            val listed = client.invites().listAsync().get(10, TimeUnit.SECONDS)
            assertTrue(listed.any { it.id == invite.id }, listed.toString())
            assertEquals(null, client.invites().revokeAsync("ada@example.com").get(10, TimeUnit.SECONDS))
            val model = client.models().createAsync("grace@example.com", null, true).get(10, TimeUnit.SECONDS)
            assertEquals(model.modelId, client.models().retrieve(model.modelId).modelId)
            val org = client.teams().create("Design")
            assertTrue(org.teams.any { it.name == "Design" })
        }
    }

    @Test
    fun failuresAreTheSameExceptionsThrownOrInTheFuture() {
        client().use { client ->
            assertThrows<HeadshotProException.NotFoundException> { client.models().retrieve("nope") }
            val e = assertThrows<CompletionException> { client.models().retrieveAsync("nope").join() }
            assertInstanceOf(HeadshotProException.NotFoundException::class.java, e.cause)
        }
    }

    @Test
    fun durationsAndOptionsRefuseNegativeNumbers() {
        client().use { client ->
            val e = assertThrows<HeadshotProException.InvalidArgumentException> {
                client.models().wait("m", ModelStatus.Active, Duration.ofSeconds(-1))
            }
            assertTrue(e.message.orEmpty().contains("timeout must be zero or more"), e.message)
            assertThrows<HeadshotProException.InvalidArgumentException> {
                JavaWebhooks.verify(ByteArray(0), emptyMap(), "s", -5L)
            }
            val quick = client.withOptions(RequestOptions(timeoutMs = 1_500L, maxRetries = 0))
            assertEquals(1_500L, quick.timeoutMs())
            assertEquals(0, quick.maxRetries())
        }
    }
}
