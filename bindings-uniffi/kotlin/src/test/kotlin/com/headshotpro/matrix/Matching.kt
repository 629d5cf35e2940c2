package com.headshotpro.matrix

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.intOrNull

/** Matching of expected against actual JSON, and `${...}` variables. */
object Matching {
    /** Null when `actual` matches `expected`, else why not. */
    fun mismatch(expected: JsonElement, actual: JsonElement?, at: String = "$"): String? {
        if (expected is JsonPrimitive && expected.isString) {
            when (expected.content) {
                "\$any" -> return null
                "\$present" -> return if (actual == null || actual is JsonNull) "$at: expected a value, got null" else null
                "\$absent" -> return if (actual == null || actual is JsonNull) null else "$at: expected null, got $actual"
            }
        }
        if (expected is JsonObject) {
            if (expected.size == 1 && expected.containsKey("\$len")) {
                val len = expected.getValue("\$len").jsonInt()
                return if (actual is JsonArray && actual.size == len) null else "$at: expected length $len, got $actual"
            }
            if (expected.size == 1 && expected.containsKey("\$contains")) {
                val text = (expected.getValue("\$contains") as JsonPrimitive).content
                return if (actual is JsonPrimitive && actual.isString && actual.content.contains(text)) null
                else "$at: expected a string containing \"$text\", got $actual"
            }
            if (actual !is JsonObject) return "$at: expected an object, got $actual"
            for ((key, value) in expected) {
                mismatch(value, actual[key], "$at.$key")?.let { return it }
            }
            return null
        }
        if (expected is JsonArray) {
            if (actual !is JsonArray || actual.size != expected.size) return "$at: expected $expected, got $actual"
            expected.forEachIndexed { i, e -> mismatch(e, actual[i], "$at[$i]")?.let { return it } }
            return null
        }
        return if (scalarEquals(expected, actual ?: JsonNull)) null else "$at: expected $expected, got $actual"
    }

    private fun scalarEquals(a: JsonElement, b: JsonElement): Boolean {
        if (a is JsonNull || b is JsonNull) return a is JsonNull && b is JsonNull
        if (a !is JsonPrimitive || b !is JsonPrimitive) return false
        if (a.isString || b.isString) return a.isString && b.isString && a.content == b.content
        val x = a.doubleOrNull
        val y = b.doubleOrNull
        return if (x != null && y != null) x == y else a.content == b.content
    }

    private fun JsonElement.jsonInt(): Int = (this as JsonPrimitive).intOrNull ?: error("not an integer: $this")

    private val whole = Regex("^\\$\\{([^}]+)}$")
    private val inner = Regex("\\$\\{([^}]+)}")

    /** Replaces `${name.path}` in every string of `value`. */
    fun substitute(value: JsonElement, vars: Map<String, JsonElement>): JsonElement = when (value) {
        is JsonObject -> JsonObject(value.mapValues { substitute(it.value, vars) })
        is JsonArray -> JsonArray(value.map { substitute(it, vars) })
        is JsonPrimitive -> if (!value.isString) value else {
            val text = value.content
            whole.find(text)?.let { lookup(it.groupValues[1], vars) } ?: JsonPrimitive(
                inner.replace(text) { m ->
                    when (val v = lookup(m.groupValues[1], vars)) {
                        is JsonPrimitive -> v.content
                        else -> v.toString()
                    }
                },
            )
        }
    }

    private fun lookup(path: String, vars: Map<String, JsonElement>): JsonElement {
        val parts = path.split('.')
        var current: JsonElement = vars[parts[0]] ?: error("unknown variable ${parts[0]}")
        for (part in parts.drop(1)) {
            current = when (current) {
                is JsonObject -> current[part] ?: error("no field $part in \${$path}")
                is JsonArray -> current.getOrNull(part.toInt()) ?: error("no index $part in \${$path}")
                else -> error("cannot index $current with $part in \${$path}")
            }
        }
        return current
    }
}
