package com.headshotpro

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.TestInstance

/**
 * A test class with an in-process [MockServer] of its own (started with
 * [options]), reset before every test and closed after the last one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MockTest(options: MockServerOptions = MockServerOptions()) {
    protected val mock = MockServer(options)

    @AfterAll
    fun stopMock() = mock.close()

    @BeforeEach
    fun resetMock() = mock.reset()

    /** A client of [mock] with these settings. */
    protected fun client(maxRetries: Int? = null, timeoutMs: Long? = null): Client =
        mock.client(ClientOptions(maxRetries = maxRetries, timeoutMs = timeoutMs))

    /** A client of [mock]'s URL with another key. */
    protected fun clientWithKey(key: String, maxRetries: Int? = null): Client =
        Client(key, ClientOptions(baseUrl = mock.url(), maxRetries = maxRetries))

    /** How many logged requests match [method] (any when null) and start with [prefix]. */
    protected fun requestCount(prefix: String, method: String? = null): Int =
        mock.requests().count { (method == null || it.method == method) && it.path.startsWith(prefix) }
}
