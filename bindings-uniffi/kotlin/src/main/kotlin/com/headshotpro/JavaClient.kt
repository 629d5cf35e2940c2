package com.headshotpro

import com.headshotpro.types.RateLimitInfo

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
 * }
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

    /** Releases the native client. */
    override fun close() = client.close()
}
