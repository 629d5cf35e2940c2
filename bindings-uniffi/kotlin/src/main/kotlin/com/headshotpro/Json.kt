package com.headshotpro

import com.headshotpro.types.DeletedModel
import com.headshotpro.types.DownloadLinks
import com.headshotpro.types.FavoritePhoto
import com.headshotpro.types.Invite
import com.headshotpro.types.InviteDetails
import com.headshotpro.types.InviteSummary
import com.headshotpro.types.InviteV2
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

// Every data type as the API's JSON and back (camelCase names, ISO 8601 UTC
// timestamps, unknown enum values as sent), one line each over the core's
// to_json/from_json: `model.toJson()`, `Model.fromJson(text)`. `fromJson`
// throws HeadshotProException.InvalidArgumentException for text that is not
// JSON or does not fit the type. Parse the text with kotlinx.serialization
// (`Json.parseToJsonElement(model.toJson())`) for a tree.

/** This organization as the API's JSON. */ fun Organization.toJson(): String = organizationToJson(this)
/** An organization from the API's JSON. */ fun Organization.Companion.fromJson(json: String): Organization = organizationFromJson(json)
/** This team as the API's JSON. */ fun Team.toJson(): String = teamToJson(this)
/** A team from the API's JSON. */ fun Team.Companion.fromJson(json: String): Team = teamFromJson(json)
/** This invite as the API's JSON. */ fun Invite.toJson(): String = inviteToJson(this)
/** An invite from the API's JSON. */ fun Invite.Companion.fromJson(json: String): Invite = inviteFromJson(json)
/** This invite summary as the API's JSON. */ fun InviteSummary.toJson(): String = inviteSummaryToJson(this)
/** An invite summary from the API's JSON. */ fun InviteSummary.Companion.fromJson(json: String): InviteSummary = inviteSummaryFromJson(json)
/** These invite details as the API's JSON. */ fun InviteDetails.toJson(): String = inviteDetailsToJson(this)
/** Invite details from the API's JSON. */ fun InviteDetails.Companion.fromJson(json: String): InviteDetails = inviteDetailsFromJson(json)
/** This invite (current API) as the API's JSON. */ fun InviteV2.toJson(): String = inviteV2ToJson(this)
/** An invite (current API) from the API's JSON. */ fun InviteV2.Companion.fromJson(json: String): InviteV2 = inviteV2FromJson(json)
/** This model as the API's JSON. */ fun Model.toJson(): String = modelToJson(this)
/** A model from the API's JSON. */ fun Model.Companion.fromJson(json: String): Model = modelFromJson(json)
/** This deleted model as the API's JSON. */ fun DeletedModel.toJson(): String = deletedModelToJson(this)
/** A deleted model from the API's JSON. */ fun DeletedModel.Companion.fromJson(json: String): DeletedModel = deletedModelFromJson(json)
/** This member as the API's JSON. */ fun Member.toJson(): String = memberToJson(this)
/** A member from the API's JSON. */ fun Member.Companion.fromJson(json: String): Member = memberFromJson(json)
/** This model summary as the API's JSON. */ fun ModelSummary.toJson(): String = modelSummaryToJson(this)
/** A model summary from the API's JSON. */ fun ModelSummary.Companion.fromJson(json: String): ModelSummary = modelSummaryFromJson(json)
/** This photo as the API's JSON. */ fun Photo.toJson(): String = photoToJson(this)
/** A photo from the API's JSON. */ fun Photo.Companion.fromJson(json: String): Photo = photoFromJson(json)
/** This favorite photo as the API's JSON. */ fun FavoritePhoto.toJson(): String = favoritePhotoToJson(this)
/** A favorite photo from the API's JSON. */ fun FavoritePhoto.Companion.fromJson(json: String): FavoritePhoto = favoritePhotoFromJson(json)
/** These download links as the API's JSON. */ fun DownloadLinks.toJson(): String = downloadLinksToJson(this)
/** Download links from the API's JSON. */ fun DownloadLinks.Companion.fromJson(json: String): DownloadLinks = downloadLinksFromJson(json)
/** This webhook event as the API's JSON. */ fun WebhookEvent.toJson(): String = webhookEventToJson(this)
/** A webhook event from the API's JSON. */ fun WebhookEvent.Companion.fromJson(json: String): WebhookEvent = webhookEventFromJson(json)
/** This rate limit as JSON. */ fun RateLimitInfo.toJson(): String = rateLimitInfoToJson(this)
/** A rate limit from JSON. */ fun RateLimitInfo.Companion.fromJson(json: String): RateLimitInfo = rateLimitInfoFromJson(json)
/** These response facts as JSON. */ fun ResponseMeta.toJson(): String = responseMetaToJson(this)
/** Response facts from JSON. */ fun ResponseMeta.Companion.fromJson(json: String): ResponseMeta = responseMetaFromJson(json)
/** This log record as JSON. */ fun LogRecord.toJson(): String = logRecordToJson(this)
/** A log record from JSON. */ fun LogRecord.Companion.fromJson(json: String): LogRecord = logRecordFromJson(json)
