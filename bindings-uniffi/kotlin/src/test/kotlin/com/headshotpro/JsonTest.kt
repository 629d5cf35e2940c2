package com.headshotpro

import com.headshotpro.types.DeletedModel
import com.headshotpro.types.DownloadLinks
import com.headshotpro.types.FavoritePhoto
import com.headshotpro.types.Invite
import com.headshotpro.types.InviteDetails
import com.headshotpro.types.InviteSummary
import com.headshotpro.types.InviteV2
import com.headshotpro.types.LikedStatus
import com.headshotpro.types.LogLevel
import com.headshotpro.types.LogRecord
import com.headshotpro.types.Member
import com.headshotpro.types.Model
import com.headshotpro.types.ModelSummary
import com.headshotpro.types.Organization
import com.headshotpro.types.Photo
import com.headshotpro.types.RateLimitInfo
import com.headshotpro.types.ResponseMeta
import com.headshotpro.types.Team
import com.headshotpro.types.WebhookEvent
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.util.Collections

/** Every data type round-trips through the API's JSON. */
class JsonTest : MockTest() {
    /** [value] survives the trip (exactly, unless a duration is cut to whole milliseconds) and its JSON is stable. */
    private fun <T> roundTrip(value: T, toJson: (T) -> String, fromJson: (String) -> T, exact: Boolean = true): String {
        val text = toJson(value)
        val back = fromJson(text)
        if (exact) assertEquals(value, back, text)
        assertEquals(text, toJson(back))
        Json.parseToJsonElement(text).jsonObject
        return text
    }

    @Test
    fun everyTypeRoundTrips() = runBlocking {
        val records = Collections.synchronizedList(mutableListOf<LogRecord>())
        val client = mock.client(ClientOptions(logLevel = LogLevel.INFO, logger = logHandler { records += it }))
        val org = client.teams().create("Design")
        roundTrip(org, Organization::toJson, Organization::fromJson)
        roundTrip(org.teams.first(), Team::toJson, Team::fromJson)
        val invite = client.invites().create("ada@example.com")
        roundTrip(invite, Invite::toJson, Invite::fromJson)
        val summary = roundTrip(client.invites().list().first(), InviteSummary::toJson, InviteSummary::fromJson)
        assertTrue(Regex("\"createdAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"").containsMatchIn(summary), summary)
        roundTrip(client.invites().retrieve(invite.id), InviteDetails::toJson, InviteDetails::fromJson)
        roundTrip(client.invites().retrieveByEmail("ada@example.com"), InviteV2::toJson, InviteV2::fromJson)
        val model = client.models().create("grace@example.com", isDevelopment = true)
        assertTrue(roundTrip(model, Model::toJson, Model::fromJson).contains("\"modelId\""))
        mock.seed(members = 1)
        roundTrip(client.members().list().items().first(), Member::toJson, Member::fromJson)
        roundTrip(client.models().list().items().first(), ModelSummary::toJson, ModelSummary::fromJson)
        val seeded = mock.seed(models = 1).modelIds.single()
        val photo = client.photos().list(seeded).items().first()
        roundTrip(photo, Photo::toJson, Photo::fromJson)
        mock.likePhoto(photo.id, LikedStatus.Loved)
        mock.chooseFavorite(seeded, photo.id)
        roundTrip(client.photos().favorites().items().first(), FavoritePhoto::toJson, FavoritePhoto::fromJson)
        roundTrip(client.photos().downloadLinks(seeded), DownloadLinks::toJson, DownloadLinks::fromJson)
        roundTrip(client.models().delete(model.modelId), DeletedModel::toJson, DeletedModel::fromJson)
        val body = "{\"id\":\"evt_1\",\"event\":\"model.created\",\"createdAt\":\"2024-01-15T10:30:00.000Z\",\"objectType\":\"model\"," +
            "\"object\":{\"_id\":\"6650a1b2\",\"uid\":\"mdl_1\",\"title\":\"Ada\",\"trigger\":\"female\",\"status\":\"onboarding\"," +
            "\"isDevelopment\":true,\"finishedAt\":null,\"deletedAt\":null,\"inviteExpiresAt\":\"2024-12-31T23:59:59.000Z\"," +
            "\"createdAt\":\"2024-01-15T10:30:00.000Z\",\"organization\":\"org_1\"}}"
        roundTrip(parseWebhook(body.toByteArray()), WebhookEvent::toJson, WebhookEvent::fromJson)
        roundTrip(RateLimitInfo(300, 299, java.time.Instant.parse("2024-01-15T10:30:00Z")), RateLimitInfo::toJson, RateLimitInfo::fromJson)
        val capturing = client.capturing()
        capturing.client().organization().credits()
        roundTrip(capturing.lastResponse()!!, ResponseMeta::toJson, ResponseMeta::fromJson, exact = false)
        roundTrip(records.first(), LogRecord::toJson, LogRecord::fromJson)
        val page = client.photos().list(seeded)
        assertTrue(page.toJson().contains("\"pagination\""), page.toJson())
    }

    @Test
    fun textThatDoesNotFitIsAnInvalidArgument() {
        for (bad in listOf("not json", "{}", """{"modelId": 1}""")) {
            assertThrows<HeadshotProException.InvalidArgumentException> { Model.fromJson(bad) }
        }
    }
}
