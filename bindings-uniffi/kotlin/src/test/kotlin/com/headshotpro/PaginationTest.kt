package com.headshotpro

import com.headshotpro.types.Member
import com.headshotpro.types.MemberListParams
import com.headshotpro.types.ModelListParams
import com.headshotpro.types.PhotoListParams
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.util.Collections

/** The Flow walks: every item in order, lazily, cancellable, stopped where the core says. */
class PaginationTest : MockTest() {
    private val client = client()
    private val team = "/api/v2/organization/team"

    @Test
    fun aWalkYieldsEveryItemInOrderOnePageAtATime() = runBlocking {
        mock.seed(members = 450)
        val emails = client.members().listAll(MemberListParams(limit = 200)).toList().map { it.email }
        assertEquals((1..450).map { "seed-$it@example.com" }, emails)
        assertEquals(3, requestCount(team))

        val fromOffset = client.members().listAll(MemberListParams(limit = 200, offset = 440)).toList()
        assertEquals(10, fromOffset.size)
    }

    @Test
    fun nothingIsFetchedBeforeCollectionAndOnlyWhatIsTaken() = runBlocking {
        mock.seed(members = 5, models = 3)
        val flow = client.members().listAll(MemberListParams(limit = 2))
        assertEquals(0, requestCount("/api/"))
        assertEquals("seed-1@example.com", flow.first().email)
        assertEquals(1, requestCount(team))
        assertEquals(3, flow.take(3).toList().size)
        assertEquals(3, requestCount(team))

        val models = client.models().listAll(ModelListParams(limit = 1)).toList()
        assertEquals(3, models.size)
        val modelId = models.first().id
        assertEquals(8, client.photos().listAll(modelId, PhotoListParams(limit = 3)).toList().size)
        assertEquals(0, client.photos().favoritesAll().toList().size)
    }

    @Test
    fun cancellingTheCollectorDropsThePendingPageRequest() = runBlocking {
        mock.seed(members = 4)
        val seen = Collections.synchronizedList(mutableListOf<Member>())
        val job = launch(Dispatchers.Default) {
            client.members().listAll(MemberListParams(limit = 2)).collect { member ->
                seen.add(member)
                if (seen.size == 2) {
                    // The next page is answered 429 again and again: only cancelling stops it.
                    mock.injectFault(
                        "GET",
                        team,
                        status = 429,
                        headers = mapOf("Retry-After" to "1"),
                        body = """{"success":false,"error":"slow down","code":"RATE_LIMIT_EXCEEDED"}""",
                        times = 50,
                    )
                }
            }
        }
        while (requestCount(team) < 2) delay(20)
        job.cancelAndJoin()
        val atCancel = requestCount(team)
        delay(1_500)
        assertEquals(atCancel, requestCount(team), "page requests went on after the collector was cancelled")
        assertEquals(2, seen.size)
    }

    @Test
    fun aServerThatRepeatsAPageEndsTheWalkWithAnError() {
        val page = """{"success":true,"members":[{"id":"m1","email":"a@example.com","status":"accepted"},
            |{"id":"m2","email":"b@example.com","status":"accepted"}],
            |"pagination":{"total":10,"limit":2,"offset":0,"hasMore":true}}""".trimMargin()
        mock.injectFault("GET", team, status = 200, body = page, times = 2)
        val seen = mutableListOf<String>()
        val e = assertThrows<HeadshotProException> {
            runBlocking { client.members().listAll(MemberListParams(limit = 2)).collect { seen.add(it.id) } }
        }
        assertTrue(e is HeadshotProException.ResponseDecodeException, e.toString())
        assertEquals(listOf("m1", "m2"), seen)
        assertEquals(2, requestCount(team))
    }

    @Test
    fun anEmptyPageEndsTheWalkEvenIfItSaysMore() = runBlocking {
        mock.injectFault(
            "GET",
            team,
            status = 200,
            body = """{"success":true,"members":[],"pagination":{"total":5,"limit":2,"offset":0,"hasMore":true}}""",
        )
        assertEquals(emptyList<Member>(), client.members().listAll(MemberListParams(limit = 2)).toList())
        assertEquals(1, requestCount(team))
    }

    @Test
    fun badArgumentsFailWhenTheWalkIsCollected() {
        val flow = client.members().listAll(MemberListParams(limit = 500))
        val e = assertThrows<HeadshotProException> { runBlocking { flow.toList() } }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        assertEquals(0, requestCount("/api/"))
    }
}
