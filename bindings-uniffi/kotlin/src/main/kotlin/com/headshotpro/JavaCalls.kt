package com.headshotpro

import java.time.Duration
import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.future.future
import kotlinx.coroutines.runBlocking

/**
 * How the Java facade runs a suspending call: on the caller's thread until it
 * ends ([blocking]) or as a [CompletableFuture] ([async]). Cancelling the
 * future cancels the call (its Rust future is dropped).
 */
internal object JavaCalls {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    fun <T> blocking(call: suspend () -> T): T = runBlocking { call() }

    fun <T> async(call: suspend () -> T): CompletableFuture<T> = scope.future { call() }

    /** The whole milliseconds of [duration], as the native layer takes them. */
    fun millis(name: String, duration: Duration): ULong = unsigned(name, duration.toMillis())

    /**
     * [value] as the unsigned number the native layer takes; a negative one
     * throws [HeadshotProException.InvalidArgumentException] naming [name].
     */
    fun unsigned(name: String, value: Long): ULong =
        value.takeIf { it >= 0 }?.toULong()
            ?: throw HeadshotProException.InvalidArgumentException("$name must be zero or more, got $value")
}
