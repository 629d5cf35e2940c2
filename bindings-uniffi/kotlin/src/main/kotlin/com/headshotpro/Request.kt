package com.headshotpro

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.longOrNull

/**
 * Calls an endpoint the SDK does not wrap yet, with the same key, retries,
 * rate limiter, errors, hooks and logs as every call, and returns the
 * answer's JSON ([JsonNull] for an empty answer).
 *
 * ```kotlin
 * val teams = client.request("GET", "/api/v2/organization/teams")
 * val page = client.request("GET", "/api/v2/organization/models", query = mapOf("limit" to "5"))
 * ```
 *
 * @param method `GET`, `POST`, `PUT`, `PATCH` or `DELETE`. GET, PUT and
 *   DELETE retry transient failures; POST and PATCH only when the request
 *   provably was not processed.
 * @param path starts with `/`, under the base URL.
 * @param body a [JsonElement], or a `Map` (string keys), `List`, `Array`,
 *   `String`, `Number`, `Boolean` or null, nested as deep as needed.
 * @param query the query parameters.
 * @throws HeadshotProException.InvalidArgumentException for a method the API
 *   does not use, a path that is absolute, contains `..`, `?` or CR/LF, or a
 *   body that cannot become JSON (nothing is sent).
 * @throws HeadshotProException.ResponseDecodeException for an answer that is not JSON.
 * @throws HeadshotProException any API or connection error, as for every call.
 */
suspend fun Client.request(
    method: String,
    path: String,
    body: Any? = null,
    query: Map<String, String> = emptyMap(),
): JsonElement {
    val text = body?.let { JsonValues.encode(it).toString() }
    return Json.parseToJsonElement(requestJson(method, path, text, query))
}

/** Conversions between JVM values and JSON, for [request] and the Java facade. */
internal object JsonValues {
    /** [value] as JSON; anything else than JSON's own shapes is refused. */
    fun encode(value: Any?): JsonElement = when (value) {
        null -> JsonNull
        is JsonElement -> value
        is String -> JsonPrimitive(value)
        is Boolean -> JsonPrimitive(value)
        is Number -> JsonPrimitive(value)
        is Map<*, *> -> JsonObject(
            value.entries.associate { (key, item) ->
                val name = key as? String ?: throw notJson("a map key of type ${typeName(key)}")
                name to encode(item)
            },
        )
        is Iterable<*> -> JsonArray(value.map(::encode))
        is Array<*> -> JsonArray(value.map(::encode))
        else -> throw notJson("a value of type ${typeName(value)}")
    }

    /** [element] as plain JVM values: `Map`, `List`, `String`, `Long`, `Double`, `Boolean` or null. */
    fun decode(element: JsonElement): Any? = when (element) {
        is JsonNull -> null
        is JsonObject -> element.mapValues { decode(it.value) }
        is JsonArray -> element.map(::decode)
        is JsonPrimitive -> when {
            element.isString -> element.content
            else -> element.booleanOrNull ?: element.longOrNull ?: element.doubleOrNull ?: element.content
        }
    }

    private fun typeName(value: Any?): String = value?.let { it::class.qualifiedName } ?: "null"

    private fun notJson(what: String) =
        HeadshotProException.InvalidArgumentException("the request body is not JSON: $what cannot be written as JSON")
}
