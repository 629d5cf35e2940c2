package com.headshotpro

import com.headshotpro.types.LikedStatus
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name

/** `photos().save`: files, progress, the report, and what never happens (key on the CDN, partial files). */
class SaveTest : MockTest() {
    private val client = client()

    private fun names(dir: Path) = dir.listDirectoryEntries().map { it.name }.sorted()

    @Test
    fun savesEveryPhotoAndReportsEachOne(@TempDir dir: Path) = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        val events = Collections.synchronizedList(mutableListOf<SaveProgress>())
        val report = client.photos().save(modelId, dir.toString()) { events.add(it) }

        assertTrue(report.isComplete())
        assertEquals(8, report.saved.size)
        assertEquals(names(dir), report.saved.map { Path.of(it.path).name }.sorted())
        assertTrue(names(dir).all { it.endsWith(".png") && !it.startsWith(".") }, names(dir).toString())
        assertEquals(report.saved.sumOf { Files.size(Path.of(it.path)) }, report.totalBytes())
        assertTrue(report.saved.all { it.contentType == "image/png" && it.bytes > 0 })

        assertEquals((1L..8L).toList(), events.map { it.completed })
        assertTrue(events.all { it.total == 8L && it.saved })
        assertEquals(report.saved.map { it.photoId }.toSet(), events.map { it.photoId }.toSet())

        val cdn = mock.requests().filter { it.path.startsWith("/cdn/") }
        assertEquals(8, cdn.size)
        assertTrue(cdn.none { "authorization" in it.headers }, "the API key went to the CDN")
    }

    @Test
    fun existingFilesAreKeptUnlessOverwriteIsAsked(@TempDir dir: Path) = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        client.photos().save(modelId, dir.toString())
        val again = client.photos().save(modelId, dir.toString())
        assertEquals(0, again.saved.size)
        assertEquals(8, again.failed.size)
        for (failed in again.failed) {
            val error = failed.error
            assertTrue(error is HeadshotProException.InvalidArgumentException, error.toString())
            assertTrue((error as HeadshotProException.InvalidArgumentException).errorMessage.contains("already exists"))
        }
        val replaced = client.photos().save(modelId, dir.toString(), SaveOptions(overwrite = true))
        assertEquals(8, replaced.saved.size)
        assertEquals(8, names(dir).size)
    }

    @Test
    fun someOrAllPhotosAtTheConcurrencyAsked(@TempDir dir: Path) = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        val photos = mock.photos(modelId)
        mock.likePhoto(photos[0].id, LikedStatus.Liked)
        val chosen = listOf(photos[0].id, photos[1].id)
        val report = client.photos().save(modelId, dir.toString(), SaveOptions(photoIds = chosen, concurrency = 1))
        assertEquals(chosen.toSet(), report.saved.map { it.photoId }.toSet())
        val e = assertThrows<HeadshotProException> {
            runBlocking { client.photos().save(modelId, dir.toString(), SaveOptions(concurrency = 0)) }
        }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
    }

    @Test
    fun expiredUrlsFailPhotoByPhotoAndLeaveNoFile(@TempDir dir: Path) = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        mock.setOrganization(MockOrganizationUpdate(photoUrlTtlMs = 0))
        val report = client.photos().save(modelId, dir.toString())
        assertEquals(8, report.failed.size)
        for (failed in report.failed) {
            val error = failed.error
            assertTrue(error is HeadshotProException.PermissionDeniedException, error.toString())
            assertEquals(403, error.apiDetails()?.status)
            assertEquals("photos.save", error.operation())
        }
        assertEquals(emptyList<String>(), names(dir))
    }

    @Test
    fun aListenerThatThrowsNeverStopsTheDownload(@TempDir dir: Path) = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        val calls = AtomicInteger()
        val report = client.photos().save(modelId, dir.toString()) {
            if (calls.incrementAndGet() % 2 == 0) throw IllegalStateException("a listener bug")
            throw HeadshotProException.InvalidArgumentException("a listener's own error")
        }
        assertEquals(8, calls.get())
        assertEquals(8, report.saved.size)
        assertTrue(report.isComplete())
    }

    @Test
    fun aDirectoryThatCannotBeWrittenFailsBeforeAnyRequest(@TempDir dir: Path) {
        val file = Files.writeString(dir.resolve("not-a-directory"), "x")
        val e = assertThrows<HeadshotProException> {
            runBlocking { client.photos().save("m1", file.resolve("photos").toString()) }
        }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        assertEquals(0, requestCount("/api/"))
    }
}
