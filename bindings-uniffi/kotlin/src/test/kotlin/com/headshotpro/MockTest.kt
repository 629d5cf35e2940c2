package com.headshotpro

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.TestInstance

/** A test class with a mock server of its own (extra `mockArgs` on its command line), reset before every test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MockTest(vararg mockArgs: String) {
    protected val mock = MockServer(*mockArgs)

    @AfterAll
    fun stopMock() = mock.close()

    @BeforeEach
    fun resetMock() {
        mock.ok("POST", "/__mock/reset")
    }
}
