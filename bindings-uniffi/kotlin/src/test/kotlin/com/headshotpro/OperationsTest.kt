package com.headshotpro

import com.headshotpro.types.InviteStatus
import com.headshotpro.types.ModelStatus
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.Duration
import java.time.Instant

/** Every operation of the SPEC against the real mock, through the public API. */
class OperationsTest : MockTest() {
    private val client = client()

    @Test
    fun organizationAndCredits() = runBlocking {
        val org = client.organization().retrieve()
        assertTrue(org.uid.isNotEmpty())
        assertTrue(org.name.isNotEmpty())
        assertEquals(100L, client.organization().credits())
        mock.setOrganization(MockOrganizationUpdate(credits = 7))
        assertEquals(7L, client.organization().credits())
    }

    @Test
    fun teamsLifecycle() = runBlocking {
        val created = client.teams().create("Design")
        val team = created.teams.single { it.name == "Design" }
        val renamed = client.teams().update(team.id, "Brand")
        assertEquals("Brand", renamed.teams.single { it.id == team.id }.name)
        val invite = client.invites().create("ada@example.com")
        mock.acceptInvite(invite.id)
        val withMembers = client.teams().addMembers(team.id, listOf("ada@example.com"))
        assertTrue(withMembers.teams.any { it.id == team.id })
        val deleted = client.teams().delete(team.id)
        assertFalse(deleted.teams.any { it.id == team.id })
    }

    @Test
    fun invitesLifecycle() = runBlocking {
        val org = client.teams().create("Ops")
        val teamId = org.teams.single().id
        val invite = client.invites().create("ada@example.com", teamId)
        assertEquals("ada@example.com", invite.email)
        assertEquals(teamId, invite.teamId)
        assertTrue(invite.link.isNotEmpty())

        val listed = client.invites().list().single { it.id == invite.id }
        assertTrue(listed.valid)
        assertFalse(listed.used)
        assertTrue(listed.createdAt.isAfter(Instant.now().minus(Duration.ofMinutes(5))))

        assertEquals(InviteStatus.PendingInvite, client.invites().retrieve(invite.id).status)
        mock.acceptInvite(invite.id)
        val details = client.invites().retrieve(invite.id)
        assertEquals(InviteStatus.WaitingForUpload, details.status)
        assertEquals("waiting-for-upload", details.status.toString())

        val second = client.invites().create("grace@example.com")
        assertNull(second.teamId)
        client.invites().revoke("grace@example.com")
        assertEquals(InviteStatus.Revoked, client.invites().retrieve(second.id).status)
    }

    @Test
    fun modelsLifecycleAndWait() = runBlocking {
        val model = client.models().create("ada@example.com", isDevelopment = true)
        assertEquals(ModelStatus.Onboarding, model.status)
        assertTrue(model.isDevelopment)
        assertEquals(model.modelId, client.models().retrieve(model.modelId).modelId)

        mock.completeOnboarding(model.modelId)
        val active = client.models().wait(model.modelId, ModelStatus.Active, 20_000uL)
        assertEquals(ModelStatus.Active, active.status)
        assertEquals("active", active.status.toString())

        val deleted = client.models().delete(model.modelId)
        assertEquals(model.modelId, deleted.modelId)
        assertTrue(deleted.message.isNotEmpty())
    }

    @Test
    fun clientSettingsAndUserAgent() {
        assertEquals(mock.url(), client.baseUrl())
        assertTrue(client.userAgent().startsWith("headshotpro-kotlin/"), client.userAgent())
        assertTrue(client.userAgent().contains(" core/"), client.userAgent())
    }
}
