package com.headshotpro

import com.headshotpro.types.ModelStatus
import com.headshotpro.types.WebhookEventType
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant

/** Webhook parsing and verification, including forgeries. */
class WebhookTest {
    private val secret = "whsec_test_secret"
    private val body = """{"id":"evt_1","event":"model.status.updated","createdAt":"2024-01-15T10:30:00.000Z",
        |"objectType":"model","object":{"_id":"m1","uid":"u1","title":"Ada","trigger":"female",
        |"status":"active","isDevelopment":true,"createdAt":"2024-01-15T10:00:00.000Z",
        |"organization":"org1"}}""".trimMargin().toByteArray()

    private fun headers(raw: ByteArray, at: Long = Instant.now().epochSecond, key: String = secret) = mapOf(
        "X-HeadshotPro-Signature" to signWebhook(raw, key, at),
        "X-HeadshotPro-Timestamp" to at.toString(),
    )

    private fun assertRejected(block: () -> Unit) {
        val e = assertThrows<HeadshotProException>(block)
        assertTrue(e is HeadshotProException.WebhookVerificationException, e.toString())
    }

    @Test
    fun parsesTypedEvent() {
        val event = parseWebhook(body)
        assertEquals("evt_1", event.id)
        assertEquals(WebhookEventType.ModelStatusUpdated, event.event)
        assertEquals(Instant.parse("2024-01-15T10:30:00Z"), event.createdAt)
        assertEquals("m1", event.`object`.id)
        assertEquals(ModelStatus.Active, event.`object`.status)
        assertNull(event.`object`.finishedAt)
    }

    @Test
    fun keepsUnknownValues() {
        val raw = String(body).replace("model.status.updated", "model.renamed").replace("\"active\"", "\"retraining\"")
        val event = parseWebhook(raw.toByteArray())
        assertEquals(WebhookEventType.Unknown("model.renamed"), event.event)
        assertEquals("retraining", event.`object`.status.toString())
    }

    @Test
    fun verifiesGenuineSignatureWithAnyHeaderCase() {
        val event = verifyWebhook(body, headers(body), secret)
        assertEquals("evt_1", event.id)
        val lower = headers(body).mapKeys { it.key.lowercase() }
        assertEquals("evt_1", verifyWebhook(body, lower, secret, 60uL).id)
    }

    @Test
    fun rejectsForgeries() {
        val tampered = String(body).replace("\"m1\"", "\"m2\"").toByteArray()
        assertRejected { verifyWebhook(tampered, headers(body), secret) }
        assertRejected { verifyWebhook(body, headers(body, key = "another_secret"), secret) }
        assertRejected { verifyWebhook(body, emptyMap(), secret) }
        assertRejected { verifyWebhook(body, headers(body).filterKeys { it.contains("Signature") }, secret) }
        assertRejected { verifyWebhook(body, headers(body, at = Instant.now().epochSecond - 3600), secret) }
        assertRejected { verifyWebhook(body, headers(body) + ("X-HeadshotPro-Signature" to "sha256=00"), secret) }
        assertRejected { parseWebhook("""{"event":"model.created"}""".toByteArray()) }
    }

    @Test
    fun emptySecretIsAnInvalidArgument() {
        val e = assertThrows<HeadshotProException> { verifyWebhook(body, headers(body), "") }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
    }
}
