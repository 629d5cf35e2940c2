package com.headshotpro

import com.headshotpro.types.AppInfo
import com.headshotpro.types.BulkOutcome
import com.headshotpro.types.LogLevel
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.util.Collections
import java.util.function.Consumer

/** SLF4J logging, and the Java facade's builder, hooks, withResponse, request and createMany. */
class LoggingJavaTest : MockTest(MockServerOptions(apiKey = OperabilityTest.KEY)) {
    /** What slf4j-simple writes on standard error while [block] runs (it reads System.err at each line). */
    private fun stderrOf(block: () -> Unit): String {
        val saved = System.err
        val bytes = ByteArrayOutputStream()
        System.setErr(PrintStream(bytes, true, Charsets.UTF_8))
        try {
            block()
        } finally {
            System.setErr(saved)
        }
        return bytes.toString(Charsets.UTF_8)
    }

    @Test
    fun slf4jReceivesOneLinePerAttemptWithoutTheKey() {
        val text = stderrOf {
            val client = mock.client(ClientOptions(logLevel = LogLevel.DEBUG, logger = Slf4jLogHandler()))
            runBlocking {
                client.organization().credits()
                client.invites().create("ada@example.com")
            }
        }
        val lines = text.lines().filter { it.contains("headshotpro") }
        assertTrue(lines.any { it.contains("INFO headshotpro") && it.contains("organization.credits: GET /api/v1/organization/credits -> 200") }, text)
        assertTrue(lines.any { it.contains("DEBUG headshotpro") && it.contains("invites.create: request body") }, text)
        System.out.println("an SLF4J line: " + lines.first { it.contains("INFO headshotpro") })
        assertFalse(text.contains("SUPERSECRET"), text)
    }

    @Test
    fun installMakesSlf4jTheDefaultHandler() {
        try {
            Slf4jLogHandler.install()
            val text = stderrOf {
                runBlocking { mock.client(ClientOptions(logLevel = LogLevel.INFO)).organization().credits() }
            }
            assertTrue(text.contains("INFO headshotpro") && text.contains("organization.credits: GET"), text)
        } finally {
            setDefaultLogHandler(null)
        }
    }

    @Test
    fun javaBuilderHooksAndWithResponse() {
        val events = Collections.synchronizedList(mutableListOf<String>())
        val client = JavaClient.builder()
            .apiKey(mock.apiKey())
            .baseUrl(mock.url())
            .defaultHeader("X-Team", "growth")
            .appInfo(AppInfo("Acme", "1.2", null))
            .onRequest(Consumer { events += "request ${it.operation} ${it.attempt}" })
            .onResponse(Consumer { events += "response ${it.status}" })
            .build()
        assertTrue(client.userAgent().endsWith(" Acme/1.2"), client.userAgent())
        val answer = client.withResponse { it.organization().credits() }
        assertEquals(100L, answer.data)
        assertEquals(200, answer.status)
        assertEquals(listOf("request organization.credits 1", "response 200"), events.toList())
        assertEquals("growth", mock.requests().last().headers["x-team"])
        assertThrows<HeadshotProException.InvalidArgumentException> {
            JavaClient.builder().apiKey(mock.apiKey()).baseUrl(mock.url()).defaultHeader("Host", "x").build()
        }
    }

    @Test
    fun javaRequestAndCreateMany() {
        val client = JavaClient.builder().apiKey(mock.apiKey()).baseUrl(mock.url()).build()
        val credits = client.request("GET", "/api/v1/organization/credits") as Map<*, *>
        assertEquals(100L, credits["credits"])
        assertThrows<HeadshotProException.InvalidArgumentException> { client.request("POST", "/api/v1/x", Any()) }
        val seen = Collections.synchronizedList(mutableListOf<Long>())
        val results = client.invites().createMany(listOf("a@example.com", "nope", "a@example.com"), null, 2L, Consumer { seen += it.completed })
        assertEquals(listOf(BulkOutcome.Created, BulkOutcome.Invalid, BulkOutcome.Created), results.map { it.outcome })
        assertEquals(results[0].invite?.id, results[2].invite?.id)
        assertEquals(listOf(1L, 2L, 3L), seen.sorted())
        assertEquals(1, requestCount("/api/v1/organization/invite", "POST"))
        val future = client.invites().createManyAsync(listOf("b@example.com")).get()
        assertEquals(BulkOutcome.Created, future.single().outcome)
    }
}
