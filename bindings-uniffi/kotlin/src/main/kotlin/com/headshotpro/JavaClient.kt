package com.headshotpro

import com.headshotpro.types.AppInfo
import com.headshotpro.types.LogLevel
import com.headshotpro.types.RateLimitInfo
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer
import java.util.function.Function

/**
 * The HeadshotPro client for Java (and any JVM caller without coroutines).
 *
 * Every operation comes in two forms: blocking (`client.invites().create(email)`)
 * and asynchronous (`client.invites().createAsync(email)`, a
 * `CompletableFuture`). Failures are the same [HeadshotProException]
 * subclasses Kotlin callers get; a future completes exceptionally with one.
 *
 * Blocking forms declare [HeadshotProException], a checked exception in Java.
 *
 * ```java
 * try (JavaClient client = new JavaClient("hp_live_...", null)) {
 *     long credits = client.organization().credits();
 *     client.invites().createAsync("ada@example.com").thenAccept(invite -> ...);
 *     Response<Long> answer = client.withResponse(c -> c.organization().credits());
 * }
 *
 * JavaClient client = JavaClient.builder()
 *     .apiKey("hp_live_...")
 *     .logLevel(LogLevel.INFO).logger(new Slf4jLogHandler())
 *     .onResponse(e -> metrics.record(e.getOperation(), e.getDuration()))
 *     .defaultHeader("X-Team", "growth")
 *     .appInfo(new AppInfo("AcmeOnboarding", "1.4.2", null))
 *     .build();
 * ```
 *
 * @property client the underlying Kotlin client (suspending API), sharing the same pool.
 */
class JavaClient(val client: Client) : AutoCloseable {
    /**
     * A client for this key (else `HEADSHOTPRO_API_KEY`) and options (all
     * optional). A missing key, an unusable base URL or a negative number
     * throws [HeadshotProException.InvalidArgumentException].
     */
    @JvmOverloads
    @Throws(HeadshotProException::class)
    constructor(apiKey: String? = null, options: ClientOptions? = null) : this(Client(apiKey, options))

    /** Organization details and credits. */
    fun organization(): JavaOrganization = JavaOrganization(client.organization())

    /** Team-member invites. */
    fun invites(): JavaInvites = JavaInvites(client.invites())

    /** Teams of the organization. */
    fun teams(): JavaTeams = JavaTeams(client.teams())

    /** Whitelabel models. */
    fun models(): JavaModels = JavaModels(client.models())

    /** Members of the organization. */
    fun members(): JavaMembers = JavaMembers(client.members())

    /** Generated headshots: pages, favorites, download links and `save`. */
    fun photos(): JavaPhotos = JavaPhotos(client.photos())

    /** A client with another per-attempt timeout and/or retries for some calls, on the same pool. */
    @Throws(HeadshotProException::class)
    fun withOptions(options: RequestOptions): JavaClient = JavaClient(client.withOptions(options))

    /** The per-attempt timeout in milliseconds. */
    fun timeoutMs(): Long = client.timeoutMs()

    /** The retries after a failed attempt. */
    fun maxRetries(): Int = client.maxRetries()

    /** The base URL requests go to. */
    fun baseUrl(): String = client.baseUrl()

    /** The `X-RateLimit-*` headers of the last answer that carried them; null before any. */
    fun lastRateLimit(): RateLimitInfo? = client.lastRateLimit()

    /** The local cap on requests per minute, if one was set. */
    fun maxRequestsPerMinute(): Int? = client.maxRequestsPerMinute()

    /** The user agent sent with every request (app info last). */
    fun userAgent(): String = client.userAgent()

    /**
     * Runs [call] on a client that records its answers and returns its
     * result with the status, headers and rate limit of the last answer it
     * received: `client.withResponse(c -> c.models().retrieve(id))`. Throws
     * what the call throws; [HeadshotProException.InvalidArgumentException]
     * when it sent nothing.
     */
    @Throws(HeadshotProException::class)
    fun <T> withResponse(call: JavaCall<T>): Response<T> {
        val capturing = client.capturing()
        val data = call.call(JavaClient(capturing.client()))
        val meta = capturing.lastResponse()
            ?: throw HeadshotProException.InvalidArgumentException("withResponse: the call finished without receiving an answer")
        return Response(data, meta)
    }

    /**
     * Calls an endpoint the SDK does not wrap yet (see the Kotlin
     * `Client.request`): [body] is a `Map`, `List`, `String`, `Number`,
     * `Boolean` or null; the answer comes back as the same plain values
     * (`Map`, `List`, `String`, `Long`, `Double`, `Boolean` or null). A body
     * that cannot become JSON, a bad method or path throws
     * [HeadshotProException.InvalidArgumentException] before sending.
     */
    @Throws(HeadshotProException::class) @JvmOverloads
    fun request(method: String, path: String, body: Any? = null, query: Map<String, String> = emptyMap()): Any? =
        JavaCalls.blocking { JsonValues.decode(client.request(method, path, body, query)) }

    /** [request] as a future. */
    @JvmOverloads
    fun requestAsync(method: String, path: String, body: Any? = null, query: Map<String, String> = emptyMap()): CompletableFuture<Any?> =
        JavaCalls.async { JsonValues.decode(client.request(method, path, body, query)) }

    /** A blocking call made through the client [withResponse] hands over. */
    fun interface JavaCall<T> {
        /** Makes the call (through [client]) and returns its result. */
        @Throws(HeadshotProException::class)
        fun call(client: JavaClient): T
    }

    /** Builds a [JavaClient]: `JavaClient.builder().apiKey(key).logLevel(LogLevel.INFO).build()`. */
    class Builder internal constructor() {
        private var apiKey: String? = null
        private var options = ClientOptions()
        private val headers = linkedMapOf<String, String>()

        /** The API key (else `HEADSHOTPRO_API_KEY`). */
        fun apiKey(key: String) = apply { apiKey = key }

        /** The base URL (else `HEADSHOTPRO_BASE_URL`, else production). */
        fun baseUrl(url: String) = apply { options = options.copy(baseUrl = url) }

        /** Time allowed for each attempt, in milliseconds. */
        fun timeoutMs(ms: Long) = apply { options = options.copy(timeoutMs = ms) }

        /** Time allowed to connect, in milliseconds. */
        fun connectTimeoutMs(ms: Long) = apply { options = options.copy(connectTimeoutMs = ms) }

        /** Retries after the first attempt; 0 disables them. */
        fun maxRetries(count: Int) = apply { options = options.copy(maxRetries = count) }

        /** A local cap on requests per minute. */
        fun maxRequestsPerMinute(limit: Int) = apply { options = options.copy(maxRequestsPerMinute = limit) }

        /** A header sent with every API request (checked when built). */
        fun defaultHeader(name: String, value: String) = apply { headers[name] = value }

        /** Your application, appended to the user agent. */
        fun appInfo(app: AppInfo) = apply { options = options.copy(appInfo = app) }

        /** The most detailed log records passed on (else `HEADSHOTPRO_LOG`). */
        fun logLevel(level: LogLevel) = apply { options = options.copy(logLevel = level) }

        /** Where records go, e.g. `new Slf4jLogHandler()` (else the default handler, else standard error). */
        fun logger(handler: LogHandler) = apply { options = options.copy(logger = handler) }

        /** Told before each attempt is sent; what it throws is logged and ignored. */
        fun onRequest(hook: Consumer<RequestEvent>) = apply { options = options.copy(onRequest = requestHook(hook::accept)) }

        /** Told after each attempt ended; what it throws is logged and ignored. */
        fun onResponse(hook: Consumer<ResponseEvent>) = apply { options = options.copy(onResponse = responseHook(hook::accept)) }

        /** Any other setting, on the options built so far: `.options(o -> o.copy(...))` from Kotlin. */
        fun options(change: Function<ClientOptions, ClientOptions>) = apply { options = change.apply(options) }

        /** The client; a refused header or app info, a missing key or a negative number throws InvalidArgumentException. */
        @Throws(HeadshotProException::class)
        fun build(): JavaClient =
            JavaClient(apiKey, if (headers.isEmpty()) options else options.copy(defaultHeaders = headers.toMap()))
    }

    /** Builders. */
    companion object {
        /** A builder of a client with the logging, hooks and headers Java callers set one by one. */
        @JvmStatic
        fun builder(): Builder = Builder()
    }

    /** Releases the native client. */
    override fun close() = client.close()
}
