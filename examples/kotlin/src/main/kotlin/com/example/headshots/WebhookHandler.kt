package com.example.headshots

import com.headshotpro.HeadshotProException
import com.headshotpro.types.WebhookEventType
import com.headshotpro.verifyWebhook

/**
 * The application's webhook endpoint: verifies each delivery and hands a
 * chosen favorite to [onFavorite]. Answers the HTTP status to send back.
 */
class WebhookHandler(private val secret: String, private val onFavorite: (modelId: String, photoId: String) -> Unit) {
    fun handle(body: ByteArray, headers: Map<String, String>): Int = try {
        val event = verifyWebhook(body, headers, secret)
        val photoId = event.photoId
        if (event.event == WebhookEventType.ModelFavoriteSelected && photoId != null) onFavorite(event.`object`.id, photoId)
        204
    } catch (e: HeadshotProException.WebhookVerificationException) {
        400
    }
}
