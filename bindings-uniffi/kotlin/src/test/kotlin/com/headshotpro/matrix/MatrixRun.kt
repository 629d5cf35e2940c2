package com.headshotpro.matrix

import com.headshotpro.Client
import com.headshotpro.ClientOptions
import com.headshotpro.HeadshotProException
import com.headshotpro.RequestOptions
import com.headshotpro.types.AppInfo
import com.headshotpro.withResponse
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.longOrNull
import org.junit.jupiter.api.Test
import java.io.File
import java.net.ServerSocket
import java.nio.file.Files

/**
 * The Kotlin runner of the cross-language matrix (tests/README.md), through
 * the public generated API only. Run by the `matrix` Maven profile
 * (bindings-uniffi/kotlin/run-matrix.sh), never by the ordinary `mvn test`.
 */
class MatrixRun {
    @Test
    fun run() {
        val cases = File(prop("matrix.cases"))
        val vectors = File(prop("matrix.vectors"))
        val out = File(prop("matrix.out"))
        val files = cases.listFiles { f -> f.name.endsWith(".json") }.orEmpty().sortedBy { it.name }
        val results = try {
            MockProcess(prop("headshotpro.mock.bin")).use { mock ->
                files.map { file -> runCase(file, vectors, mock) }
            }
        } catch (e: Exception) {
            files.map { result(it.nameWithoutExtension, false, "runner could not start: $e") }
        }
        out.parentFile?.mkdirs()
        out.writeText(JsonArray(results).toString())
    }

    private fun prop(name: String): String =
        System.getProperty(name)?.takeIf { it.isNotBlank() } ?: error("-D$name is required")

    private fun result(name: String, passed: Boolean, detail: String) = JsonObject(
        mapOf("case" to JsonPrimitive(name), "passed" to JsonPrimitive(passed), "detail" to JsonPrimitive(detail)),
    )

    /** An object of strings as a map. */
    private fun stringMap(element: JsonElement): Map<String, String> =
        element.jsonObject.mapValues { it.value.jsonPrimitive.content }

    private fun closedPortUrl(): String = "http://127.0.0.1:" + ServerSocket(0).use { it.localPort }

    private fun runCase(file: File, vectors: File, mock: MockProcess): JsonElement {
        val name = file.nameWithoutExtension
        val caseDir = Files.createTempDirectory("hp-matrix-kotlin-").toFile()
        return try {
            val case = Json.parseToJsonElement(file.readText()).jsonObject
            mock.ok("POST", "/__mock/reset")
            case["mock"]?.let { mock.ok("PUT", "/__mock/organization", it) }
            case["faults"]?.jsonArray?.forEach { mock.ok("POST", "/__mock/faults", it) }
            val client = buildClient(case["client"]?.jsonObject, mock)
            val env = JsonObject(mapOf("mock_url" to JsonPrimitive(mock.url), "closed_port_url" to JsonPrimitive(closedPortUrl())))
            val vars = mutableMapOf<String, JsonElement>("env" to env)
            case["steps"]?.jsonArray.orEmpty().forEachIndexed { i, raw ->
                val step = Matching.substitute(raw, vars).jsonObject
                Step(i + 1, step, client, mock, vectors, caseDir, vars).run()
            }
            result(name, true, "")
        } catch (e: StepFailure) {
            result(name, false, e.message.orEmpty())
        } catch (e: Exception) {
            result(name, false, "runner error: $e")
        } finally {
            caseDir.deleteRecursively()
        }
    }

    private fun buildClient(spec: JsonObject?, mock: MockProcess): Lazy<Client> = lazy { newClient(spec, mock) }

    /** A client from the mock's URL and key overlaid with a case's `client` settings. */
    private fun newClient(spec: JsonObject?, mock: MockProcess): Client {
        val baseUrl = when (val url = spec?.get("base_url")?.jsonPrimitive?.content) {
            null -> mock.url
            "\$closed_port" -> closedPortUrl()
            else -> url
        }
        val app = spec?.get("app_info")?.jsonObject?.let {
            AppInfo(
                it.getValue("name").jsonPrimitive.content,
                it["version"]?.jsonPrimitive?.content,
                it["url"]?.jsonPrimitive?.content,
            )
        }
        return Client(
            spec?.get("api_key")?.jsonPrimitive?.content ?: mock.apiKey,
            ClientOptions(
                baseUrl = baseUrl,
                timeoutMs = spec?.get("timeout_ms")?.jsonPrimitive?.longOrNull,
                maxRetries = spec?.get("max_retries")?.jsonPrimitive?.intOrNull,
                maxRequestsPerMinute = spec?.get("max_requests_per_minute")?.jsonPrimitive?.intOrNull,
                defaultHeaders = spec?.get("default_headers")?.let(::stringMap),
                appInfo = app,
            ),
        )
    }

    /** One step of a case. */
    private inner class Step(
        val n: Int,
        val step: JsonObject,
        val client: Lazy<Client>,
        val mock: MockProcess,
        val vectors: File,
        val caseDir: File,
        val vars: MutableMap<String, JsonElement>,
    ) {
        fun run() {
            step["control"]?.jsonObject?.let { return control(it) }
            step["requests"]?.jsonObject?.let { return requests(it) }
            step["webhooks"]?.jsonObject?.let { return webhooks(it) }
            step["sleep_ms"]?.let { return Thread.sleep(it.jsonPrimitive.longOrNull ?: 0) }
            val op = step["op"]?.jsonPrimitive?.content ?: throw StepFailure("step $n: no op, control, requests, webhooks or sleep_ms")
            op(op)
        }

        private fun control(control: JsonObject) {
            val expected = (control["expect_status"] ?: step["expect_status"])?.jsonPrimitive?.intOrNull
            val method = control.getValue("method").jsonPrimitive.content
            val path = control.getValue("path").jsonPrimitive.content
            val (status, body) = mock.control(method, path, control["body"])
            val ok = if (expected != null) status == expected else status in 200..299
            if (!ok) throw StepFailure("step $n (control $method $path): status $status, body $body")
        }

        private fun requests(spec: JsonObject) {
            val log = mock.ok("GET", "/__mock/requests").jsonObject.getValue("requests").jsonArray
            val method = spec["method"]?.jsonPrimitive?.content
            val prefix = spec.getValue("path").jsonPrimitive.content
            val matching = log.map { it.jsonObject }.filter { e ->
                (method == null || e["method"]?.jsonPrimitive?.content.equals(method, ignoreCase = true)) &&
                    e["path"]?.jsonPrimitive?.content.orEmpty().startsWith(prefix)
            }
            val expected = spec.getValue("count").jsonPrimitive.intOrNull
            if (matching.size != expected) throw StepFailure("step $n (requests $prefix): expected $expected, got ${matching.size}")
            spec["headers"]?.let { pattern ->
                for (entry in matching) {
                    Matching.mismatch(pattern, entry["headers"])?.let {
                        throw StepFailure("step $n (requests $prefix headers): $it; headers ${entry["headers"]}")
                    }
                }
            }
        }

        /** First delivery attempts matching `event`/`model_id`, polled every 25 ms for up to 10 s. */
        private fun webhooks(spec: JsonObject) {
            val event = spec["event"]?.jsonPrimitive?.content
            val modelId = spec["model_id"]?.jsonPrimitive?.content
            val expected = spec.getValue("count").jsonPrimitive.intOrNull ?: throw StepFailure("step $n: webhooks needs a count")
            fun count(): Int = mock.ok("GET", "/__mock/webhooks").jsonObject.getValue("webhooks").jsonArray.count {
                val w = it.jsonObject
                w["attempt"]?.jsonPrimitive?.intOrNull == 1 &&
                    (event == null || w["event"]?.jsonPrimitive?.content == event) &&
                    (modelId == null || w["modelId"]?.jsonPrimitive?.content == modelId)
            }
            val deadline = System.nanoTime() + 10_000_000_000L
            var seen = count()
            while (seen < expected && System.nanoTime() < deadline) {
                Thread.sleep(25)
                seen = count()
            }
            if (seen != expected) throw StepFailure("step $n (webhooks ${event ?: "any"}): expected $expected, got $seen")
        }

        private fun op(op: String) {
            val args = step["args"]?.jsonObject ?: JsonObject(emptyMap())
            val expect = step["expect"]?.jsonObject
            val options = step["options"]?.jsonObject
            val raw = step["raw"]?.jsonPrimitive?.booleanOrNull ?: false
            val ops = Ops(args, vectors, caseDir)
            val started = System.nanoTime()
            val outcome = runCatching {
                val value = when {
                    op.startsWith("webhook.") -> ops.webhook(op)
                    op == "client.create" -> newClient(args, mock).close()
                    else -> {
                        val callClient = if (options == null) client.value else client.value.withOptions(requestOptions(options))
                        runBlocking {
                            if (raw) callClient.withResponse { ops.call(op, it) } else ops.call(op, callClient)
                        }
                    }
                }
                Canonical.of(value)
            }
            val elapsedMs = (System.nanoTime() - started) / 1_000_000
            expect?.get("min_elapsed_ms")?.jsonPrimitive?.longOrNull?.let { min ->
                if (elapsedMs < min) throw StepFailure("step $n ($op): took $elapsedMs ms, expected at least $min")
            }
            val error = outcome.exceptionOrNull()
            if (error != null && error !is HeadshotProException) throw error
            val expectedError = expect?.get("error")?.jsonObject
            if (expectedError != null) {
                if (error == null) throw StepFailure("step $n ($op): expected ${expectedError["class"]}, got result ${outcome.getOrNull()}")
                checkError(op, expectedError, describe(error))
                return
            }
            if (error != null) {
                val info = describe(error)
                throw StepFailure("step $n ($op): unexpected ${info.className} (${info.status} ${info.code}): ${info.message}")
            }
            val value = outcome.getOrThrow()
            expect?.get("result")?.let { expected ->
                Matching.mismatch(expected, value)?.let { throw StepFailure("step $n ($op): $it; actual $value") }
            }
            step["save"]?.jsonPrimitive?.content?.let { vars[it] = value }
        }

        /** The per-call options of a step's `options`: `{"timeout_ms"?, "max_retries"?, "headers"?}`. */
        private fun requestOptions(spec: JsonObject) = RequestOptions(
            timeoutMs = spec["timeout_ms"]?.jsonPrimitive?.longOrNull,
            maxRetries = spec["max_retries"]?.jsonPrimitive?.intOrNull,
            headers = spec["headers"]?.let(::stringMap),
        )

        private fun checkError(op: String, expected: JsonObject, info: ErrorInfo) {
            val actual = "${info.className} (status ${info.status}, code ${info.code}): ${info.message}"
            val cls = expected["class"]?.jsonPrimitive?.content
            if (cls != null && cls != info.className) throw StepFailure("step $n ($op): expected $cls, got $actual")
            expected["code"]?.let {
                if (Matching.mismatch(it, info.code?.let(::JsonPrimitive)) != null) throw StepFailure("step $n ($op): expected code $it, got $actual")
            }
            expected["status"]?.let {
                if (Matching.mismatch(it, info.status?.let(::JsonPrimitive)) != null) throw StepFailure("step $n ($op): expected status $it, got $actual")
            }
            expected["message_contains"]?.jsonPrimitive?.content?.let {
                if (!info.message.contains(it)) throw StepFailure("step $n ($op): expected message containing \"$it\", got $actual")
            }
        }
    }
}
