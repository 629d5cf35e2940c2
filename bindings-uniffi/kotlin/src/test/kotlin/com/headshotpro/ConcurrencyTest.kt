package com.headshotpro

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Suspend calls run concurrently on one client without blocking threads. */
class ConcurrencyTest : MockTest() {

    @Test
    fun fiftyCallsAtOnce() = runBlocking {
        val client = client()
        // One thread drives all 50 coroutines: the calls must suspend, not block.
        val credits = withContext(Dispatchers.Default.limitedParallelism(1)) {
            (1..50).map { async { client.organization().credits() } }.awaitAll()
        }
        assertEquals(List(50) { 100L }, credits)
        assertEquals(50, mock.requests().size)
    }

    @Test
    fun mixedOperationsAtOnce() = runBlocking {
        val client = client()
        val emails = (1..50).map { "user$it@example.com" }
        val invites = emails.map { async(Dispatchers.Default) { client.invites().create(it) } }.awaitAll()
        assertEquals(emails.toSet(), invites.map { it.email }.toSet())
        assertTrue(client.invites().list().size >= 50)
    }
}
