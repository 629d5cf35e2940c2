package com.headshotpro

import com.headshotpro.types.MemberListParams
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.ModelVersion
import java.nio.file.Path
import java.time.Duration
import java.util.Collections
import java.util.function.Consumer
import java.util.stream.Collectors
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
import org.junit.jupiter.api.io.TempDir

/** `JavaClient`: the blocking and CompletableFuture forms Java callers use. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaClientTest {
    private val mock = MockServer()

    @AfterAll
    fun stop() = mock.close()

    @BeforeEach
    fun reset() = mock.reset()

    private fun client() = JavaClient(mock.client(ClientOptions(maxRetries = 0)))

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

    @Test
    fun pagesWalkAsIterablesAndStreams() {
        mock.seed(members = 5)
        client().use { client ->
            val page = client.members().list(MemberListParams(null, 2L, null))
            assertEquals(listOf("seed-1@example.com", "seed-2@example.com"), page.items().map { it.email })
            assertEquals(5L, page.total())
            assertTrue(page.hasMore())
            assertEquals(2L, page.nextPage()?.offset())
            assertEquals(5, page.autoPagingIterable().count())
            val emails = client.members().listAll(MemberListParams(null, 2L, null)).map { it.email }.collect(Collectors.toList())
            assertEquals((1..5).map { "seed-$it@example.com" }, emails)
            assertEquals(2, client.members().listAsync().get(10, TimeUnit.SECONDS).items().size.coerceAtMost(2))
            assertEquals(listOf("Design"), client.teams().apply { create("Design") }.list().map { it.name })
        }
    }

    @Test
    fun aFailingPageArrivesAsACompletionException() {
        mock.seed(members = 3)
        client().use { client ->
            val page = client.members().list(MemberListParams(null, 2L, null))
            mock.injectFault("GET", "/api/v2/organization/team", status = 404)
            val iterator = page.autoPagingIterable().iterator()
            iterator.next()
            iterator.next()
            val e = assertThrows<CompletionException> { iterator.next() }
            assertInstanceOf(HeadshotProException.NotFoundException::class.java, e.cause)
        }
    }

    @Test
    fun currentApiOperationsAndSave(@TempDir dir: Path) {
        val modelId = mock.seed(models = 1).modelIds.single()
        client().use { client ->
            val created = client.models().create("ada@example.com", null, true, ModelVersion.OneShot)
            assertEquals(ModelVersion.OneShot, client.models().list().items().single { it.id == created.modelId }.version)
            assertEquals(2L, client.models().listAll().count())
            val photos = client.photos().listAll(modelId).collect(Collectors.toList())
            assertEquals(8, photos.size)
            assertEquals(photos[0].id, client.photos().retrieveAsync(modelId, photos[0].id).get(10, TimeUnit.SECONDS).id)
            assertEquals(null, client.photos().favorite(modelId))
            assertEquals(8, client.photos().downloadLinks(modelId).downloads.size)
            assertEquals(0, client.photos().favorites().items().size)
            val events = Collections.synchronizedList(mutableListOf<SaveProgress>())
            val report = client.photos().save(modelId, dir.toString(), SaveOptions(), Consumer { events.add(it) })
            assertEquals(8, report.saved.size)
            assertEquals(8, events.size)
            val invite = client.invites().create("grace@example.com")
            assertEquals(invite.id, client.invites().retrieveByEmail("grace@example.com").id)
            assertEquals(null, client.lastRateLimit())
        }
    }
}
