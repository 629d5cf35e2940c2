package com.headshotpro.matrix

import com.headshotpro.Client
import com.headshotpro.ClientOptions
import com.headshotpro.HeadshotProException
import com.headshotpro.MockServer
import com.headshotpro.RequestOptions
import com.headshotpro.parseWebhook
import com.headshotpro.types.ModelStatus
import com.headshotpro.verifyWebhook
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
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

/**
 * The Kotlin runner of the cross-language matrix (tests/README.md), through
 * the public generated API only. Run by the `matrix` Maven profile
 * (bindings-uniffi/kotlin/run-matrix.sh), never by the ordinary `mvn test`.
 */
class MatrixRun {
    private class StepFailure(message: String) : Exception(message)

    @Test
    fun run() {
        val cases = File(prop("matrix.cases"))
        val vectors = File(prop("matrix.vectors"))
        val out = File(prop("matrix.out"))
        val files = cases.listFiles { f -> f.name.endsWith(".json") }.orEmpty().sortedBy { it.name }
        val results = try {
            MockServer("--dev-step-ms", "50", "--webhook-delay-ms", "0", "--webhook-retry-ms", "50").use { mock ->
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

    private fun runCase(file: File, vectors: File, mock: MockServer): JsonElement {
        val name = file.nameWithoutExtension
        return try {
            val case = Json.parseToJsonElement(file.readText()).jsonObject
            mock.ok("POST", "/__mock/reset")
            case["mock"]?.let { mock.ok("PUT", "/__mock/organization", it) }
            case["faults"]?.jsonArray?.forEach { mock.ok("POST", "/__mock/faults", it) }
            val client = buildClient(case["client"]?.jsonObject, mock)
            val vars = mutableMapOf<String, JsonElement>()
            case["steps"]?.jsonArray.orEmpty().forEachIndexed { i, raw ->
                val step = Matching.substitute(raw, vars).jsonObject
                runStep(i + 1, step, client, mock, vectors, vars)
            }
            result(name, true, "")
        } catch (e: StepFailure) {
            result(name, false, e.message.orEmpty())
        } catch (e: Exception) {
            result(name, false, "runner error: $e")
        }
    }

    private fun buildClient(spec: JsonObject?, mock: MockServer): Lazy<Client> = lazy {
        val baseUrl = when (val url = spec?.get("base_url")?.jsonPrimitive?.content) {
            null -> mock.url
            "\$closed_port" -> "http://127.0.0.1:" + ServerSocket(0).use { it.localPort }
            else -> url
        }
        Client(
            spec?.get("api_key")?.jsonPrimitive?.content ?: mock.apiKey,
            ClientOptions(
                baseUrl = baseUrl,
                timeoutMs = spec?.get("timeout_ms")?.jsonPrimitive?.longOrNull,
                maxRetries = spec?.get("max_retries")?.jsonPrimitive?.intOrNull,
            ),
        )
    }

    /** The per-call options of a step's `options`: `{"timeout_ms"?, "max_retries"?}`. */
    private fun requestOptions(spec: JsonObject) = RequestOptions(
        timeoutMs = spec["timeout_ms"]?.jsonPrimitive?.longOrNull,
        maxRetries = spec["max_retries"]?.jsonPrimitive?.intOrNull,
    )

    private fun runStep(
        n: Int,
        step: JsonObject,
        client: Lazy<Client>,
        mock: MockServer,
        vectors: File,
        vars: MutableMap<String, JsonElement>,
    ) {
        step["control"]?.jsonObject?.let { control ->
            val expected = (control["expect_status"] ?: step["expect_status"])?.jsonPrimitive?.intOrNull
            val method = control.getValue("method").jsonPrimitive.content
            val path = control.getValue("path").jsonPrimitive.content
            val (status, body) = mock.control(method, path, control["body"])
            val ok = if (expected != null) status == expected else status in 200..299
            if (!ok) throw StepFailure("step $n (control $method $path): status $status, body $body")
            return
        }
        step["requests"]?.jsonObject?.let { spec ->
            val log = mock.ok("GET", "/__mock/requests").jsonObject.getValue("requests").jsonArray
            val method = spec["method"]?.jsonPrimitive?.content
            val prefix = spec.getValue("path").jsonPrimitive.content
            val count = log.count { entry ->
                val e = entry.jsonObject
                (method == null || e["method"]?.jsonPrimitive?.content.equals(method, ignoreCase = true)) &&
                    e["path"]?.jsonPrimitive?.content.orEmpty().startsWith(prefix)
            }
            val expected = spec.getValue("count").jsonPrimitive.intOrNull
            if (count != expected) throw StepFailure("step $n (requests $prefix): expected $expected, got $count")
            return
        }
        step["sleep_ms"]?.let {
            Thread.sleep(it.jsonPrimitive.longOrNull ?: 0)
            return
        }
        val op = step["op"]?.jsonPrimitive?.content ?: throw StepFailure("step $n: no op, control, requests or sleep_ms")
        val args = step["args"]?.jsonObject ?: JsonObject(emptyMap())
        val expect = step["expect"]?.jsonObject
        val options = step["options"]?.jsonObject
        val callClient = if (options == null) client else lazy { client.value.withOptions(requestOptions(options)) }
        val started = System.nanoTime()
        val outcome = runCatching { Canonical.of(call(op, args, callClient, vectors)) }
        val elapsedMs = (System.nanoTime() - started) / 1_000_000
        expect?.get("min_elapsed_ms")?.jsonPrimitive?.longOrNull?.let { min ->
            if (elapsedMs < min) throw StepFailure("step $n ($op): took $elapsedMs ms, expected at least $min")
        }
        val error = outcome.exceptionOrNull()
        if (error != null && error !is HeadshotProException) throw error
        val expectedError = expect?.get("error")?.jsonObject
        if (expectedError != null) {
            if (error == null) throw StepFailure("step $n ($op): expected ${expectedError["class"]}, got result ${outcome.getOrNull()}")
            checkError(n, op, expectedError, describe(error))
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

    private fun checkError(n: Int, op: String, expected: JsonObject, info: ErrorInfo) {
        val actual = "${info.className} (status ${info.status}, code ${info.code}): ${info.message}"
        val cls = expected["class"]?.jsonPrimitive?.content
        if (cls != null && cls != info.className) throw StepFailure("step $n ($op): expected $cls, got $actual")
        expected["code"]?.jsonPrimitive?.content?.let {
            if (it != info.code) throw StepFailure("step $n ($op): expected code $it, got $actual")
        }
        expected["status"]?.jsonPrimitive?.intOrNull?.let {
            if (it != info.status) throw StepFailure("step $n ($op): expected status $it, got $actual")
        }
        expected["message_contains"]?.jsonPrimitive?.content?.let {
            if (!info.message.contains(it)) throw StepFailure("step $n ($op): expected message containing \"$it\", got $actual")
        }
    }

    private fun JsonObject.str(key: String): String = getValue(key).jsonPrimitive.content
    private fun JsonObject.optStr(key: String): String? = this[key]?.takeIf { it !is JsonNull }?.jsonPrimitive?.content

    private fun status(wire: String): ModelStatus = listOf(
        ModelStatus.Onboarding, ModelStatus.Waiting, ModelStatus.Pending, ModelStatus.GeneratingHeadshots,
        ModelStatus.Active, ModelStatus.Failed, ModelStatus.Deleted,
    ).firstOrNull { it.toString() == wire } ?: ModelStatus.Unknown(wire)

    private fun call(op: String, args: JsonObject, lazyClient: Lazy<Client>, vectors: File): Any? = runBlocking {
        when (op) {
            "webhook.parse", "webhook.verify" -> {
                val vector = Json.parseToJsonElement(File(vectors, args.str("vector") + ".json").readText()).jsonObject
                val body = vector.str("body").toByteArray(Charsets.UTF_8)
                if (op == "webhook.parse") return@runBlocking parseWebhook(body)
                val headers = vector["headers"]?.jsonObject.orEmpty().mapValues { it.value.jsonPrimitive.content }
                val secret = args.optStr("secret") ?: vector.str("secret")
                val tolerance = args["tolerance_sec"]?.jsonPrimitive?.longOrNull?.toULong()
                verifyWebhook(body, headers, secret, tolerance)
            }
            else -> {
                val client = lazyClient.value
                when (op) {
                    "organization.retrieve" -> client.organization().retrieve()
                    "organization.credits" -> client.organization().credits()
                    "invites.create" -> client.invites().create(args.str("email"), args.optStr("team_id"))
                    "invites.revoke" -> client.invites().revoke(args.str("email"))
                    "invites.list" -> client.invites().list()
                    "invites.retrieve" -> client.invites().retrieve(args.str("invite_id"))
                    "teams.create" -> client.teams().create(args.str("name"))
                    "teams.update" -> client.teams().update(args.str("team_id"), args.str("name"))
                    "teams.delete" -> client.teams().delete(args.str("team_id"))
                    "teams.add_members" -> client.teams().addMembers(
                        args.str("team_id"),
                        args.getValue("emails").jsonArray.map { it.jsonPrimitive.content },
                    )
                    "models.create" -> client.models().create(
                        args.str("email"),
                        args.optStr("team_id"),
                        args["is_development"]?.jsonPrimitive?.booleanOrNull ?: false,
                    )
                    "models.retrieve" -> client.models().retrieve(args.str("model_id"))
                    "models.delete" -> client.models().delete(args.str("model_id"))
                    "models.wait" -> client.models().wait(
                        args.str("model_id"),
                        status(args.str("until")),
                        args.getValue("timeout_ms").jsonPrimitive.longOrNull?.toULong() ?: 20_000uL,
                    )
                    else -> throw StepFailure("unknown op $op")
                }
            }
        }
    }
}
