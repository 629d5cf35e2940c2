package com.headshotpro.matrix

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.io.BufferedReader
import java.io.InputStreamReader
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

/**
 * The matrix's mock: the `headshotpro-mock` binary the runner is given
 * (`--mock-bin`), started once with the contract's flags (tests/README.md),
 * driven over its HTTP control API. It exits when its stdin closes.
 */
class MockProcess(binary: String) : AutoCloseable {
    private val process: Process
    val url: String
    val apiKey: String
    private val http: HttpClient = HttpClient.newHttpClient()

    init {
        val command = listOf(
            binary, "--port", "0", "--host", "127.0.0.1", "--dev-step-ms", "50", "--webhook-delay-ms", "0",
            "--webhook-retry-ms", "50", "--exit-on-stdin-close",
        )
        process = ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start()
        val first = BufferedReader(InputStreamReader(process.inputStream)).readLine()
            ?: error("headshotpro-mock exited before printing its address")
        val obj = Json.parseToJsonElement(first).jsonObject
        url = obj.getValue("url").jsonPrimitive.content
        apiKey = obj.getValue("api_key").jsonPrimitive.content
    }

    /** Sends a control request; answers the status and the parsed body. */
    fun control(method: String, path: String, body: JsonElement? = null): Pair<Int, JsonElement> {
        val publisher = if (body == null || body is JsonNull) {
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

    /** A control request that must succeed. */
    fun ok(method: String, path: String, body: JsonElement? = null): JsonElement {
        val (status, answer) = control(method, path, body)
        check(status in 200..299) { "$method $path answered $status: $answer" }
        return answer
    }

    override fun close() {
        process.outputStream.close()
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            process.waitFor()
        }
    }
}
