package com.headshotpro

import com.headshotpro.types.LogLevel
import com.headshotpro.types.LogRecord
import org.slf4j.Logger
import org.slf4j.LoggerFactory

/**
 * Hands the SDK's log records to SLF4J, logger `headshotpro` unless another
 * is given: one line per attempt (`INFO` for an answer, `WARN` for a
 * retried failure, `ERROR` for the failure returned) and, at `DEBUG`, the
 * redacted bodies. Each record's fields (`operation`, `status`, `attempt`,
 * `duration_ms`, `rate_limit_remaining`, …) go along as SLF4J key-values.
 * The API key never appears in a record.
 *
 * The client's `logLevel` (else `HEADSHOTPRO_LOG`) decides which records
 * are produced; SLF4J's configuration then filters them as usual.
 *
 * ```kotlin
 * val client = Client("hp_live_...", ClientOptions(logLevel = LogLevel.INFO, logger = Slf4jLogHandler()))
 * // or once per process, for every client built without a logger:
 * Slf4jLogHandler.install()   // then HEADSHOTPRO_LOG=debug turns logs on
 * ```
 */
class Slf4jLogHandler @JvmOverloads constructor(
    private val logger: Logger = LoggerFactory.getLogger("headshotpro"),
) : LogHandler {
    override fun log(record: LogRecord) {
        val event = when (record.level) {
            LogLevel.ERROR -> logger.atError()
            LogLevel.WARN -> logger.atWarn()
            LogLevel.INFO -> logger.atInfo()
            LogLevel.DEBUG -> logger.atDebug()
            LogLevel.OFF -> return
        }
        record.fields.fold(event) { builder, field -> builder.addKeyValue(field.name, field.value) }.log(record.message)
    }

    /** Installing SLF4J as the process-wide default handler. */
    companion object {
        /**
         * Makes SLF4J (logger `headshotpro`) the log handler of every
         * client built afterwards without its own `logger`. Clients still
         * log only at their `logLevel`, else `HEADSHOTPRO_LOG`.
         */
        @JvmStatic
        fun install() = setDefaultLogHandler(Slf4jLogHandler())
    }
}

/** A [LogHandler] calling [handle] with each record, e.g. `logHandler { println(it.message) }`. */
fun logHandler(handle: (LogRecord) -> Unit): LogHandler = object : LogHandler {
    override fun log(record: LogRecord) = handle(record)
}

/**
 * A [RequestHook] calling [hook] before each attempt is sent:
 * `ClientOptions(onRequest = requestHook { println("${it.operation} attempt ${it.attempt}") })`.
 * Whatever it throws is logged at warn and never fails the call.
 */
fun requestHook(hook: (RequestEvent) -> Unit): RequestHook = object : RequestHook {
    override fun onRequest(event: RequestEvent) = hook(event)
}

/**
 * A [ResponseHook] calling [hook] after each attempt ended, with its status,
 * duration and error class: `ClientOptions(onResponse = responseHook { metrics.record(it.operation, it.duration) })`.
 * Whatever it throws is logged at warn and never fails the call.
 */
fun responseHook(hook: (ResponseEvent) -> Unit): ResponseHook = object : ResponseHook {
    override fun onResponse(event: ResponseEvent) = hook(event)
}
