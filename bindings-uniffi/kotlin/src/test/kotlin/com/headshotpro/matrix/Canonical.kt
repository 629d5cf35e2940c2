package com.headshotpro.matrix

import com.headshotpro.types.DeletedModel
import com.headshotpro.types.Invite
import com.headshotpro.types.InviteDetails
import com.headshotpro.types.InviteSummary
import com.headshotpro.types.Model
import com.headshotpro.types.Organization
import com.headshotpro.types.WebhookEvent
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

/** The matrix's canonical JSON of each result type (tests/README.md). */
object Canonical {
    private val iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)

    private fun str(v: String?): JsonElement = if (v == null) JsonNull else JsonPrimitive(v)
    private fun time(v: Instant?): JsonElement = if (v == null) JsonNull else JsonPrimitive(iso.format(v))
    private fun obj(vararg pairs: Pair<String, JsonElement>) = JsonObject(mapOf(*pairs))

    fun of(value: Any?): JsonElement = when (value) {
        null, is Unit -> JsonNull
        is Long -> JsonPrimitive(value)
        is Organization -> obj(
            "uid" to str(value.uid), "name" to str(value.name),
            "website" to str(value.website), "description" to str(value.description),
            "teams" to JsonArray(value.teams.map { obj("id" to str(it.id), "name" to str(it.name)) }),
        )
        is Invite -> obj(
            "id" to str(value.id), "email" to str(value.email), "link" to str(value.link),
            "team_id" to str(value.teamId), "message" to str(value.message),
        )
        is InviteSummary -> obj(
            "id" to str(value.id), "email" to str(value.email), "valid" to JsonPrimitive(value.valid),
            "team_id" to str(value.teamId), "created_at" to time(value.createdAt),
            "used" to JsonPrimitive(value.used), "link" to str(value.link),
        )
        is InviteDetails -> obj(
            "email" to str(value.email), "status" to str(value.status.toString()), "team_id" to str(value.teamId),
        )
        is Model -> obj(
            "model_id" to str(value.modelId), "status" to str(value.status.toString()),
            "is_development" to JsonPrimitive(value.isDevelopment), "signed_url" to str(value.signedUrl),
        )
        is DeletedModel -> obj("model_id" to str(value.modelId), "message" to str(value.message))
        is WebhookEvent -> {
            val o = value.`object`
            obj(
                "id" to str(value.id), "event" to str(value.event.toString()), "created_at" to time(value.createdAt),
                "object_type" to str(value.objectType),
                "object" to obj(
                    "id" to str(o.id), "uid" to str(o.uid), "title" to str(o.title), "trigger" to str(o.trigger),
                    "status" to str(o.status.toString()), "is_development" to JsonPrimitive(o.isDevelopment),
                    "finished_at" to time(o.finishedAt), "deleted_at" to time(o.deletedAt),
                    "invite_expires_at" to time(o.inviteExpiresAt), "created_at" to time(o.createdAt),
                    "organization" to str(o.organization),
                ),
            )
        }
        is List<*> -> JsonArray(value.map { of(it) })
        else -> error("no canonical form for ${value::class.simpleName}")
    }
}
