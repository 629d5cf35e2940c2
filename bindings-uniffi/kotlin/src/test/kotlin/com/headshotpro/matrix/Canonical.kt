package com.headshotpro.matrix

import com.headshotpro.FavoritePhotoPage
import com.headshotpro.MemberPage
import com.headshotpro.ModelSummaryPage
import com.headshotpro.PhotoPage
import com.headshotpro.Response
import com.headshotpro.SaveReport
import com.headshotpro.types.DeletedModel
import com.headshotpro.types.DownloadLinks
import com.headshotpro.types.FavoritePhoto
import com.headshotpro.types.Invite
import com.headshotpro.types.InviteDetails
import com.headshotpro.types.InviteSummary
import com.headshotpro.types.InviteV2
import com.headshotpro.types.Member
import com.headshotpro.types.Model
import com.headshotpro.types.ModelSummary
import com.headshotpro.types.Organization
import com.headshotpro.types.Photo
import com.headshotpro.types.RateLimitInfo
import com.headshotpro.types.Team
import com.headshotpro.types.WebhookEvent
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.io.File
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

/** The matrix's canonical JSON of each result type (tests/README.md). */
object Canonical {
    private val iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)

    private fun str(v: Any?): JsonElement = if (v == null) JsonNull else JsonPrimitive(v.toString())
    private fun num(v: Int?): JsonElement = if (v == null) JsonNull else JsonPrimitive(v)
    private fun time(v: Instant?): JsonElement = if (v == null) JsonNull else JsonPrimitive(iso.format(v))
    private fun obj(vararg pairs: Pair<String, JsonElement>) = JsonObject(mapOf(*pairs))

    private fun page(items: List<Any?>, total: Long, limit: Long, offset: Long, hasMore: Boolean) = obj(
        "items" to JsonArray(items.map { of(it) }), "total" to JsonPrimitive(total), "limit" to JsonPrimitive(limit),
        "offset" to JsonPrimitive(offset), "has_more" to JsonPrimitive(hasMore),
    )

    private fun photoFields(p: Photo) = mapOf(
        "id" to str(p.id), "model_id" to str(p.modelId), "status" to str(p.status), "liked_status" to str(p.likedStatus),
        "created_at" to time(p.createdAt),
        "urls" to obj("main" to str(p.urls.main), "thumbnail" to str(p.urls.thumbnail), "original" to str(p.urls.original)),
        "expires_at" to time(p.expiresAt),
    )

    fun of(value: Any?): JsonElement = when (value) {
        null, is Unit -> JsonNull
        is Long -> JsonPrimitive(value)
        is JsonElement -> value
        is Organization -> obj(
            "uid" to str(value.uid), "name" to str(value.name),
            "website" to str(value.website), "description" to str(value.description),
            "teams" to JsonArray(value.teams.map { of(it) }),
        )
        is Team -> obj("id" to str(value.id), "name" to str(value.name))
        is Invite -> obj(
            "id" to str(value.id), "email" to str(value.email), "link" to str(value.link),
            "team_id" to str(value.teamId), "message" to str(value.message),
        )
        is InviteSummary -> obj(
            "id" to str(value.id), "email" to str(value.email), "valid" to JsonPrimitive(value.valid),
            "team_id" to str(value.teamId), "created_at" to time(value.createdAt),
            "used" to JsonPrimitive(value.used), "link" to str(value.link),
        )
        is InviteDetails -> obj("email" to str(value.email), "status" to str(value.status), "team_id" to str(value.teamId))
        is InviteV2 -> obj(
            "id" to str(value.id), "email" to str(value.email), "status" to str(value.status),
            "model_id" to str(value.modelId), "team_id" to str(value.teamId), "team_name" to str(value.teamName),
            "created_at" to time(value.createdAt),
        )
        is Model -> obj(
            "model_id" to str(value.modelId), "status" to str(value.status),
            "is_development" to JsonPrimitive(value.isDevelopment), "signed_url" to str(value.signedUrl),
        )
        is DeletedModel -> obj("model_id" to str(value.modelId), "message" to str(value.message))
        is Member -> obj(
            "id" to str(value.id), "email" to str(value.email), "name" to str(value.name), "status" to str(value.status),
            "team_id" to str(value.teamId), "team_name" to str(value.teamName), "model_id" to str(value.modelId),
            "model_status" to str(value.modelStatus), "joined_at" to time(value.joinedAt),
        )
        is ModelSummary -> obj(
            "id" to str(value.id), "uid" to str(value.uid), "email" to str(value.email), "title" to str(value.title),
            "status" to str(value.status), "team_id" to str(value.teamId), "team_name" to str(value.teamName),
            "is_development" to JsonPrimitive(value.isDevelopment), "version" to str(value.version),
            "created_at" to time(value.createdAt), "finished_at" to time(value.finishedAt),
        )
        is Photo -> JsonObject(photoFields(value))
        is FavoritePhoto -> JsonObject(
            photoFields(value.photo) + mapOf(
                "email" to str(value.email), "name" to str(value.name),
                "team_id" to str(value.teamId), "team_name" to str(value.teamName),
            ),
        )
        is DownloadLinks -> obj(
            "downloads" to JsonArray(value.downloads.map { obj("photo_id" to str(it.photoId), "url" to str(it.url)) }),
            "expires_at" to time(value.expiresAt),
        )
        is MemberPage -> page(value.items(), value.total(), value.limit(), value.offset(), value.hasMore())
        is ModelSummaryPage -> page(value.items(), value.total(), value.limit(), value.offset(), value.hasMore())
        is PhotoPage -> page(value.items(), value.total(), value.limit(), value.offset(), value.hasMore())
        is FavoritePhotoPage -> page(value.items(), value.total(), value.limit(), value.offset(), value.hasMore())
        is WebhookEvent -> {
            val o = value.`object`
            obj(
                "id" to str(value.id), "event" to str(value.event), "created_at" to time(value.createdAt),
                "object_type" to str(value.objectType), "photo_id" to str(value.photoId),
                "object" to obj(
                    "id" to str(o.id), "uid" to str(o.uid), "title" to str(o.title), "trigger" to str(o.trigger),
                    "status" to str(o.status), "is_development" to JsonPrimitive(o.isDevelopment),
                    "finished_at" to time(o.finishedAt), "deleted_at" to time(o.deletedAt),
                    "invite_expires_at" to time(o.inviteExpiresAt), "created_at" to time(o.createdAt),
                    "organization" to str(o.organization),
                ),
            )
        }
        is RateLimitInfo -> obj(
            "limit" to (value.limit?.let(::JsonPrimitive) ?: JsonNull),
            "remaining" to (value.remaining?.let(::JsonPrimitive) ?: JsonNull),
            "reset_at" to time(value.resetAt),
        )
        is Response<*> -> obj(
            "data" to of(value.data), "status" to JsonPrimitive(value.status),
            "headers" to JsonObject(value.headers.mapValues { JsonPrimitive(it.value) }),
            "rate_limit" to of(value.rateLimit),
        )
        is List<*> -> JsonArray(value.map { of(it) })
        else -> error("no canonical form for ${value::class.simpleName}")
    }

    /** A save report, `saved` and `failed` sorted by photo id, and every entry of [directory]. */
    fun saveReport(report: SaveReport, directory: File): JsonElement {
        val saved = report.saved.sortedBy { it.photoId }.map {
            obj("photo_id" to str(it.photoId), "file_name" to str(File(it.path).name), "bytes" to JsonPrimitive(it.bytes))
        }
        val failed = report.failed.sortedBy { it.photoId }.map {
            val info = describe(it.error)
            obj(
                "photo_id" to str(it.photoId),
                "error" to obj("class" to str(info.className), "code" to str(info.code), "status" to num(info.status)),
            )
        }
        val files = directory.list().orEmpty().sorted().map { JsonPrimitive(it) }
        return obj("saved" to JsonArray(saved), "failed" to JsonArray(failed), "files" to JsonArray(files))
    }
}
