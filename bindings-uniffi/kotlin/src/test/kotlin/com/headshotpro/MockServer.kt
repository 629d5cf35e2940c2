package com.headshotpro

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.io.BufferedReader
import java.io.File
import java.io.InputStreamReader
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

/**
 * A `headshotpro-mock` process on an ephemeral port, started from the binary
 * named by the `headshotpro.mock.bin` system property, else
 * `HEADSHOTPRO_MOCK_BIN`, else `<repo>/target/debug/headshotpro-mock`.
 * It exits when its stdin closes, so it never outlives the JVM.
 */
class MockServer(vararg extraArgs: String) : AutoCloseable {
    private val process: Process
    val url: String
    val apiKey: String
    private val http: HttpClient = HttpClient.newHttpClient()

    init {
        val command = listOf(binary(), "--port", "0", "--host", "127.0.0.1", "--exit-on-stdin-close") + extraArgs
        process = ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start()
        val first = BufferedReader(InputStreamReader(process.inputStream)).readLine()
            ?: error("headshotpro-mock exited before printing its address")
        val obj = Json.parseToJsonElement(first).jsonObject
        url = obj.getValue("url").jsonPrimitive.content
        apiKey = obj.getValue("api_key").jsonPrimitive.content
    }

    /** Sends a control request; answers the status and the parsed body. */
    fun control(method: String, path: String, body: JsonElement? = null): Pair<Int, JsonElement> {
        val publisher = if (body == null) {
            HttpRequest.BodyPublishers.noBody()
        } else {
            HttpRequest.BodyPublishers.ofString(body.toString())
        }
        val request = HttpRequest.newBuilder(URI.create(url + path))
            .method(method, publisher)
            .header("content-type", "application/json")
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        val text = response.body()
        val parsed = if (text.isBlank()) JsonNull else runCatching { Json.parseToJsonElement(text) }.getOrDefault(JsonNull)
        return response.statusCode() to parsed
    }

    /** Sends a control request that must succeed. */
    fun ok(method: String, path: String, body: JsonElement? = null): JsonElement {
        val (status, answer) = control(method, path, body)
        check(status in 200..299) { "$method $path answered $status: $answer" }
        return answer
    }

    /** A client for this mock with the given options. */
    fun client(maxRetries: Int? = null, timeoutMs: Long? = null, key: String = apiKey): Client =
        Client(key, ClientOptions(baseUrl = url, timeoutMs = timeoutMs, maxRetries = maxRetries))

    override fun close() {
        process.outputStream.close()
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            process.waitFor()
        }
    }

    companion object {
        fun binary(): String {
            System.getProperty("headshotpro.mock.bin")?.takeIf { it.isNotBlank() }?.let { return it }
            System.getenv("HEADSHOTPRO_MOCK_BIN")?.takeIf { it.isNotBlank() }?.let { return it }
            var dir: File? = File(System.getProperty("user.dir")).absoluteFile
            while (dir != null) {
                val candidate = File(dir, "target/debug/headshotpro-mock")
                if (candidate.canExecute()) return candidate.path
                dir = dir.parentFile
            }
            error("headshotpro-mock not found: set HEADSHOTPRO_MOCK_BIN or -Dhp.mock.bin")
        }
    }
}
