package com.headshotpro

import kotlinx.coroutines.runBlocking

/** A program that starts a mock, uses it, and never closes it: it must still exit (MockServerTest). */
fun main() {
    val mock = MockServer()
    val credits = runBlocking { mock.client().organization().credits() }
    println("credits $credits at ${mock.url()}")
}
