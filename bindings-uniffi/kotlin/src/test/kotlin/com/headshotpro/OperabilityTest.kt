package com.headshotpro

import com.headshotpro.types.AppInfo
import com.headshotpro.types.LogLevel
import com.headshotpro.types.LogRecord
import com.headshotpro.types.ModelStatus
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.nio.file.Files
import java.util.Collections

/** Logs, hooks, response metadata, headers, app info and the escape hatch. */
class OperabilityTest : MockTest(MockServerOptions(apiKey = KEY)) {
    companion object {
        const val KEY = "hp_test_SUPERSECRET_operability_key"
    }

    private fun records(): MutableList<LogRecord> = Collections.synchronizedList(mutableListOf())

    /** Every operation once, through [client]. */
    private suspend fun everyOperation(client: Client) {
        client.organization().retrieve()
        client.organization().credits()
        val org = client.teams().create("Design")
        val teamId = org.teams.first().id
        client.teams().update(teamId, "Design 2")
        client.teams().list()
        mock.seed(members = 1)
        client.teams().addMembers(teamId, listOf(client.members().list().items().first().email))
        val invite = client.invites().create("ada@example.com", teamId)
        client.invites().list()
        client.invites().retrieve(invite.id)
        client.invites().retrieveByEmail("ada@example.com")
        client.invites().revoke("ada@example.com")
        client.members().list()
        client.members().listAll().toList()
        val model = client.models().create("grace@example.com", isDevelopment = true)
        client.models().retrieve(model.modelId)
        client.models().wait(model.modelId, ModelStatus.Onboarding, 20_000u)
        client.models().list()
        client.models().listAll().toList()
        val seeded = mock.seed(models = 1).modelIds.single()
        val photos = client.photos().list(seeded)
        client.photos().listAll(seeded).toList()
        client.photos().retrieve(seeded, photos.items().first().id)
        client.photos().favorite(seeded)
        client.photos().downloadLinks(seeded)
        client.photos().favorites()
        client.photos().favoritesAll().toList()
        val dir = Files.createTempDirectory("hp-operability-").toFile()
        try {
            client.photos().save(seeded, dir.path)
        } finally {
            dir.deleteRecursively()
        }
        client.request("GET", "/api/v2/organization/teams")
        client.invites().createMany(listOf("bulk1@example.com", "not-an-email"))
        client.models().delete(model.modelId)
        client.teams().delete(teamId)
    }

    @Test
    fun debugLogsOfEveryOperationNeverContainTheKey() = runBlocking {
        val lines = records()
        val client = mock.client(ClientOptions(logLevel = LogLevel.DEBUG, logger = logHandler { lines += it }))
        everyOperation(client)
        mock.injectFault("GET", "/api/v1/organization/credits", status = 503, times = 1)
        client.organization().credits()
        assertThrows<HeadshotProException> { runBlocking { client.models().retrieve("missing") } }

        assertTrue(lines.size > 40, "${lines.size} records")
        assertTrue(lines.any { it.level == LogLevel.DEBUG && it.message.contains("body") }, "no body at debug")
        assertTrue(lines.any { it.level == LogLevel.WARN && it.message.contains("retrying") }, "no retry line")
        assertTrue(lines.any { it.level == LogLevel.ERROR && it.message.contains("models.retrieve") }, "no failure line")
        for (record in lines) {
            val text = record.message + record.fields.joinToString { "${it.name}=${it.value}" }
            assertFalse(text.contains("SUPERSECRET"), text)
        }
        val line = lines.first { it.level == LogLevel.INFO && it.message.startsWith("organization.credits") }
        assertEquals("organization.credits", line.fields.first { it.name == "operation" }.value)
        assertEquals("200", line.fields.first { it.name == "status" }.value)
    }

    @Test
    fun oneInfoLinePerAttempt() = runBlocking {
        val lines = records()
        val client = mock.client(ClientOptions(logLevel = LogLevel.INFO, logger = logHandler { lines += it }))
        mock.injectFault("GET", "/api/v1/organization/credits", status = 503, times = 1)
        client.organization().credits()
        assertEquals(listOf(LogLevel.WARN, LogLevel.INFO), lines.map { it.level }, lines.toString())
        assertTrue(lines.none { it.level == LogLevel.DEBUG })
    }

    @Test
    fun aThrowingLoggerOrHookNeverFailsTheCall() = runBlocking {
        val seen = records()
        val client = mock.client(
            ClientOptions(
                logLevel = LogLevel.DEBUG,
                logger = logHandler { throw IllegalStateException("logger broke") },
                onRequest = requestHook { throw IllegalStateException("request hook broke") },
                onResponse = responseHook { error("response hook broke") },
            ),
        )
        assertEquals(100L, client.organization().credits())
        assertNotNull(client.teams().create("Ops"))
        val watching = mock.client(
            ClientOptions(
                logLevel = LogLevel.WARN,
                logger = logHandler { seen += it },
                onResponse = responseHook { throw IllegalStateException("hook broke") },
            ),
        )
        assertEquals(100L, watching.organization().credits())
        assertTrue(seen.any { it.message.contains("on_response hook panicked") && it.message.contains("hook broke") }, seen.toString())
    }

    @Test
    fun hooksSeeEveryAttempt() = runBlocking {
        val requests = Collections.synchronizedList(mutableListOf<RequestEvent>())
        val responses = Collections.synchronizedList(mutableListOf<ResponseEvent>())
        val client = mock.client(
            ClientOptions(onRequest = requestHook { requests += it }, onResponse = responseHook { responses += it }),
        )
        mock.injectFault("GET", "/api/v1/organization/credits", status = 503, times = 1)
        client.organization().credits()
        assertEquals(listOf(1, 2), requests.map { it.attempt })
        assertEquals("organization.credits", requests.first().operation)
        assertEquals("GET", requests.first().method)
        assertEquals(listOf(503, 200), responses.map { it.status })
        assertEquals(listOf(true, false), responses.map { it.willRetry })
        assertEquals("ServerError", responses.first().error)
        assertTrue(responses.all { !it.duration.isNegative })
    }

    @Test
    fun withResponseGivesStatusHeadersAndRateLimit() = runBlocking {
        mock.setOrganization(MockOrganizationUpdate(rateLimit = 300))
        val answer = mock.client().withResponse { it.organization().credits() }
        assertEquals(100L, answer.data)
        assertEquals(200, answer.status)
        assertEquals("organization.credits", answer.operation)
        assertEquals(299L, answer.rateLimit.remaining)
        assertEquals("299", answer.headers["x-ratelimit-remaining"])
        val none = assertThrows<HeadshotProException> { runBlocking { mock.client().withResponse { 1 } } }
        assertTrue(none is HeadshotProException.InvalidArgumentException, none.toString())
    }

    @Test
    fun headersAndAppInfoAreSentAndRefusedLocally() = runBlocking {
        val client = mock.client(
            ClientOptions(defaultHeaders = mapOf("X-Team" to "growth"), appInfo = AppInfo("Acme", "1.2", "https://acme.example")),
        )
        assertTrue(client.userAgent().endsWith(" Acme/1.2 (https://acme.example)"), client.userAgent())
        assertEquals(mapOf("x-team" to "growth"), client.defaultHeaders())
        client.withOptions(RequestOptions(headers = mapOf("x-team" to "call"))).organization().credits()
        assertEquals("call", mock.requests().last().headers["x-team"])
        for (bad in listOf(mapOf("Authorization" to "Bearer x"), mapOf("X-A" to "1\r\nX-Evil: 1"))) {
            val e = assertThrows<HeadshotProException> { mock.client(ClientOptions(defaultHeaders = bad)) }
            assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
            val f = assertThrows<HeadshotProException> { client.withOptions(RequestOptions(headers = bad)) }
            assertTrue(f is HeadshotProException.InvalidArgumentException, f.toString())
        }
        val blank = assertThrows<HeadshotProException> { mock.client(ClientOptions(appInfo = AppInfo(" "))) }
        assertTrue(blank is HeadshotProException.InvalidArgumentException, blank.toString())
    }

    @Test
    fun requestCallsAnyEndpointWithJsonValues() = runBlocking {
        val client = mock.client()
        val credits = client.request("GET", "/api/v1/organization/credits")
        assertEquals(100L, credits.jsonObject.getValue("credits").jsonPrimitive.long)
        val created = client.request("POST", "/api/v1/organization/teams", mapOf("name" to "Raw", "tags" to listOf(1, true, null)))
        assertNotNull(created.jsonObject["success"], created.toString())
        assertEquals(JsonNull, JsonValues.encode(null))
        for (bad in listOf<Any>(Any(), mapOf(1 to "x"), Double.NaN)) {
            val e = assertThrows<HeadshotProException> { runBlocking { client.request("POST", "/api/v1/x", bad) } }
            assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        }
        val path = assertThrows<HeadshotProException> { runBlocking { client.request("GET", "/a/../b") } }
        assertTrue(path is HeadshotProException.InvalidArgumentException, path.toString())
        assertEquals(0, requestCount("/api/v1/x") + requestCount("/a/"))
    }
}
