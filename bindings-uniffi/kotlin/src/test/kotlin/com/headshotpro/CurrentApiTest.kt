package com.headshotpro

import com.headshotpro.types.FavoriteListParams
import com.headshotpro.types.InviteV2Status
import com.headshotpro.types.LikedStatus
import com.headshotpro.types.MemberListParams
import com.headshotpro.types.MemberStatus
import com.headshotpro.types.ModelListParams
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.ModelVersion
import com.headshotpro.types.PhotoInclude
import com.headshotpro.types.PhotoListParams
import com.headshotpro.types.PhotoStatus
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The current API (V2): teams, members, invites by email, model lists, photos. */
class CurrentApiTest : MockTest() {
    private val client = client()

    private fun failure(block: suspend () -> Unit): HeadshotProException =
        assertThrows<HeadshotProException> { runBlocking { block() } }

    @Test
    fun teamsList() = runBlocking {
        client.teams().create("Design")
        client.teams().create("Brand")
        assertEquals(listOf("Design", "Brand"), client.teams().list().map { it.name })
    }

    @Test
    fun membersComePageByPageWithTheirStatus() = runBlocking {
        mock.seed(members = 3)
        val invite = client.invites().create("pending@example.com")
        val page = client.members().list(MemberListParams(limit = 2))
        assertEquals(4L, page.total())
        assertEquals(2L, page.limit())
        assertEquals(0L, page.offset())
        assertTrue(page.hasMore() && page.hasNextPage())
        assertEquals(2, page.items().size)
        assertTrue(page.items().all { it.status == MemberStatus.Accepted && it.email.startsWith("seed-") })

        val next = requireNotNull(page.nextPage())
        assertEquals(2L, next.offset())
        assertEquals("pending@example.com", next.items().last().email)
        assertFalse(next.hasMore())
        assertNull(next.nextPage())

        val pending = client.members().list(MemberListParams(status = MemberStatus.Pending)).items().single()
        assertEquals(invite.id, pending.id)
        assertEquals("pending", pending.status.toString())
    }

    @Test
    fun invitesByEmail() = runBlocking {
        val invite = client.invites().create("ada@example.com")
        val found = client.invites().retrieveByEmail("ADA@example.com")
        assertEquals(invite.id, found.id)
        assertEquals(InviteV2Status.Pending, found.status)
        mock.acceptInvite(invite.id)
        assertEquals(InviteV2Status.Accepted, client.invites().retrieveByEmail("ada@example.com").status)
        val missing = failure { client.invites().retrieveByEmail("nobody@example.com") }
        assertTrue(missing is HeadshotProException.NotFoundException, missing.toString())
    }

    @Test
    fun modelsCarryTheirVersionAndList() = runBlocking {
        val model = client.models().create("ada@example.com", isDevelopment = true, version = ModelVersion.OneShot)
        val sent = mock.requests().single { it.method == "POST" }
        assertTrue(sent.body.contains("\"version\":\"one-shot\""), sent.body)
        val listed = client.models().list(ModelListParams(status = ModelStatus.Onboarding)).items().single()
        assertEquals(model.modelId, listed.id)
        assertEquals(ModelVersion.OneShot, listed.version)
        assertTrue(listed.isDevelopment)
        assertEquals(0L, client.models().list(ModelListParams(status = ModelStatus.Active)).total())

        val refused = failure { client.models().create("bob@example.com", version = ModelVersion.Unknown("turbo")) }
        assertTrue(refused is HeadshotProException.BadRequestException, refused.toString())
        assertTrue(mock.requests().last().body.contains("\"version\":\"turbo\""))
    }

    @Test
    fun photosOfAnActiveModel() = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        val page = client.photos().list(modelId, PhotoListParams(include = PhotoInclude.All))
        assertEquals(8, page.items().size)
        val photo = page.items().first()
        assertEquals(PhotoStatus.Active, photo.status)
        assertEquals(LikedStatus.NotLiked, photo.likedStatus)
        assertNotNull(photo.urls.thumbnail)
        assertEquals(photo.id, client.photos().retrieve(modelId, photo.id).id)
        assertNull(client.photos().retrieve(modelId, photo.id, PhotoInclude.Main).urls.thumbnail)

        assertNull(client.photos().favorite(modelId))
        mock.likePhoto(photo.id, LikedStatus.Loved)
        mock.chooseFavorite(modelId, photo.id)
        assertEquals(photo.id, client.photos().favorite(modelId)?.id)
        val loved = client.photos().list(modelId, PhotoListParams(likedStatus = LikedStatus.Loved)).items()
        assertEquals(listOf(photo.id), loved.map { it.id })

        val links = client.photos().downloadLinks(modelId, listOf(photo.id))
        assertEquals(listOf(photo.id), links.downloads.map { it.photoId })
        assertEquals(8, client.photos().downloadLinks(modelId).downloads.size)

        val favorite = client.photos().favorites(FavoriteListParams(include = PhotoInclude.All)).items().single()
        assertEquals(photo.id, favorite.photo.id)
        assertTrue(favorite.email.orEmpty().startsWith("seed-model-"), favorite.toString())
    }

    @Test
    fun signedPhotoUrlsPrintWithoutTheirSignature() = runBlocking {
        val modelId = mock.seed(models = 1).modelIds.single()
        val photo = client.photos().list(modelId).items().first()
        val query = requireNotNull(java.net.URI(photo.urls.main).rawQuery)
        for (shown in listOf(photo.toString(), photo.urls.toString(), client.photos().downloadLinks(modelId).toString())) {
            assertFalse(shown.contains(query), shown)
        }
    }

    @Test
    fun limitsAndOffsetsAreCheckedBeforeAnyRequest() {
        for (params in listOf(MemberListParams(limit = 0), MemberListParams(limit = 201), MemberListParams(offset = -1))) {
            val e = failure { client.members().list(params) }
            assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        }
        val e = failure { client.photos().downloadLinks("m1", emptyList()) }
        assertTrue(e is HeadshotProException.InvalidArgumentException, e.toString())
        assertEquals(0, requestCount("/api/"))
    }

    @Test
    fun unknownStatusesAreKeptAsSent() = runBlocking {
        mock.injectFault(
            "GET",
            "/api/v2/organization/team",
            status = 200,
            body = """{"success":true,"members":[{"id":"m1","email":"a@example.com","status":"archived",
                |"modelStatus":"retraining"}],"pagination":{"total":1,"limit":50,"offset":0,"hasMore":false}}""".trimMargin(),
        )
        val member = client.members().list().items().single()
        assertEquals(MemberStatus.Unknown("archived"), member.status)
        assertEquals("archived", member.status.toString())
        assertEquals(ModelStatus.Unknown("retraining"), member.modelStatus)
    }
}
