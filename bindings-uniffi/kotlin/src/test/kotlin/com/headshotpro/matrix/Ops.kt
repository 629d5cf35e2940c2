package com.headshotpro.matrix

import com.headshotpro.Client
import com.headshotpro.SaveOptions
import com.headshotpro.favoritesAll
import com.headshotpro.listAll
import com.headshotpro.parseWebhook
import com.headshotpro.request
import com.headshotpro.types.FavoriteListParams
import com.headshotpro.types.MemberListParams
import com.headshotpro.types.ModelListParams
import com.headshotpro.types.PhotoListParams
import com.headshotpro.verifyWebhook
import kotlinx.coroutines.flow.toList
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.longOrNull
import java.io.File

/** Thrown for a case the runner cannot run as written (a missing argument, an unknown op). */
class StepFailure(message: String) : Exception(message)

/** One op of tests/README.md on the public Kotlin API; answers its canonical JSON. */
class Ops(private val args: JsonObject, private val vectors: File, private val caseDir: File) {
    private fun str(key: String): String =
        args[key]?.takeIf { it !is JsonNull }?.jsonPrimitive?.content ?: throw StepFailure("missing argument $key")
    private fun optStr(key: String): String? = args[key]?.takeIf { it !is JsonNull }?.jsonPrimitive?.content
    private fun optLong(key: String): Long? = args[key]?.takeIf { it !is JsonNull }?.jsonPrimitive?.longOrNull
    private fun optStrings(key: String): List<String>? =
        args[key]?.takeIf { it !is JsonNull }?.jsonArray?.map { it.jsonPrimitive.content }

    private fun members() = MemberListParams(optStr("status")?.let(Wire::memberStatus), optLong("limit"), optLong("offset"))
    private fun models() = ModelListParams(optStr("status")?.let(Wire::modelStatus), optStr("team_id"), optLong("limit"), optLong("offset"))
    private fun photos() = PhotoListParams(
        optStr("status")?.let(Wire::photoStatus), optStr("liked_status")?.let(Wire::likedStatus),
        optStr("include")?.let(Wire::include), optLong("limit"), optLong("offset"),
    )
    private fun favorites() = FavoriteListParams(optStr("team_id"), optStr("include")?.let(Wire::include), optLong("limit"), optLong("offset"))
    private fun include() = optStr("include")?.let(Wire::include)

    /** The webhook ops need no client. */
    fun webhook(op: String): Any {
        val vector = Json.parseToJsonElement(File(vectors, str("vector") + ".json").readText()).jsonObject
        val body = vector.getValue("body").jsonPrimitive.content.toByteArray(Charsets.UTF_8)
        if (op == "webhook.parse") return parseWebhook(body)
        val headers = vector["headers"]?.jsonObject.orEmpty().mapValues { it.value.jsonPrimitive.content }
        val secret = optStr("secret") ?: vector.getValue("secret").jsonPrimitive.content
        return verifyWebhook(body, headers, secret, optLong("tolerance_sec")?.toULong())
    }

    /** Every op that calls the API; the result is converted by [Canonical]. */
    suspend fun call(op: String, client: Client): Any? = when (op) {
        "organization.retrieve" -> client.organization().retrieve()
        "organization.credits" -> client.organization().credits()
        "invites.create" -> client.invites().create(str("email"), optStr("team_id"))
        "invites.revoke" -> client.invites().revoke(str("email"))
        "invites.list" -> client.invites().list()
        "invites.retrieve" -> client.invites().retrieve(str("invite_id"))
        "invites.retrieve_by_email" -> client.invites().retrieveByEmail(str("email"))
        "teams.list" -> client.teams().list()
        "teams.create" -> client.teams().create(str("name"))
        "teams.update" -> client.teams().update(str("team_id"), str("name"))
        "teams.delete" -> client.teams().delete(str("team_id"))
        "teams.add_members" -> client.teams().addMembers(str("team_id"), optStrings("emails").orEmpty())
        "members.list" -> client.members().list(members())
        "members.list_all" -> client.members().listAll(members()).toList()
        "models.create" -> client.models().create(
            str("email"),
            optStr("team_id"),
            args["is_development"]?.jsonPrimitive?.booleanOrNull ?: false,
            optStr("version")?.let(Wire::version),
        )
        "models.retrieve" -> client.models().retrieve(str("model_id"))
        "models.delete" -> client.models().delete(str("model_id"))
        "models.wait" -> client.models().wait(str("model_id"), Wire.modelStatus(str("until")), (optLong("timeout_ms") ?: 20_000L).toULong())
        "models.list" -> client.models().list(models())
        "models.list_all" -> client.models().listAll(models()).toList()
        "photos.list" -> client.photos().list(str("model_id"), photos())
        "photos.list_all" -> client.photos().listAll(str("model_id"), photos()).toList()
        "photos.retrieve" -> client.photos().retrieve(str("model_id"), str("photo_id"), include())
        "photos.favorite" -> client.photos().favorite(str("model_id"), include())
        "photos.download_links" -> client.photos().downloadLinks(str("model_id"), optStrings("photo_ids"), include())
        "photos.favorites" -> client.photos().favorites(favorites())
        "photos.favorites_all" -> client.photos().favoritesAll(favorites()).toList()
        "photos.save" -> {
            val options = SaveOptions(
                photoIds = optStrings("photo_ids"),
                include = include(),
                overwrite = args["overwrite"]?.jsonPrimitive?.booleanOrNull ?: false,
                concurrency = optLong("concurrency"),
            )
            Canonical.saveReport(client.photos().save(str("model_id"), caseDir.path, options), caseDir)
        }
        "client.request" -> client.request(
            str("method"),
            str("path"),
            args["body"],
            args["query"]?.takeIf { it !is JsonNull }?.jsonObject.orEmpty().mapValues { it.value.jsonPrimitive.content },
        )
        "client.last_rate_limit" -> client.lastRateLimit()
        else -> throw StepFailure("unknown op $op")
    }
}
