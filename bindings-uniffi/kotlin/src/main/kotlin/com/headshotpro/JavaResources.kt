package com.headshotpro

import com.headshotpro.JavaCalls.async
import com.headshotpro.JavaCalls.blocking
import com.headshotpro.types.DeletedModel
import com.headshotpro.types.Invite
import com.headshotpro.types.InviteDetails
import com.headshotpro.types.InviteSummary
import com.headshotpro.types.Model
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.Organization
import java.time.Duration
import java.util.concurrent.CompletableFuture

// The resource groups of [JavaClient]: one line per operation and form, each
// the suspending call of the Kotlin API run by [JavaCalls]. The blocking forms
// declare HeadshotProException (a checked exception in Java, as uniffi makes
// it extend Exception); the async forms complete exceptionally with it.

/** Organization details and credits: `client.organization()`. */
class JavaOrganization internal constructor(private val api: OrganizationApi) {
    @Throws(HeadshotProException::class) fun retrieve(): Organization = blocking { api.retrieve() }
    fun retrieveAsync(): CompletableFuture<Organization> = async { api.retrieve() }
    @Throws(HeadshotProException::class) fun credits(): Long = blocking { api.credits() }
    fun creditsAsync(): CompletableFuture<Long> = async { api.credits() }
}

/** Team-member invites: `client.invites()`. */
class JavaInvites internal constructor(private val api: InvitesApi) {
    @Throws(HeadshotProException::class) @JvmOverloads fun create(email: String, teamId: String? = null): Invite = blocking { api.create(email, teamId) }
    @JvmOverloads fun createAsync(email: String, teamId: String? = null): CompletableFuture<Invite> = async { api.create(email, teamId) }
    @Throws(HeadshotProException::class) fun revoke(email: String): Unit = blocking { api.revoke(email) }
    fun revokeAsync(email: String): CompletableFuture<Void?> = async { api.revoke(email).let { null } }
    @Throws(HeadshotProException::class) fun list(): List<InviteSummary> = blocking { api.list() }
    fun listAsync(): CompletableFuture<List<InviteSummary>> = async { api.list() }
    @Throws(HeadshotProException::class) fun retrieve(inviteId: String): InviteDetails = blocking { api.retrieve(inviteId) }
    fun retrieveAsync(inviteId: String): CompletableFuture<InviteDetails> = async { api.retrieve(inviteId) }
}

/** Teams of the organization: `client.teams()`. */
class JavaTeams internal constructor(private val api: TeamsApi) {
    @Throws(HeadshotProException::class) fun create(name: String): Organization = blocking { api.create(name) }
    fun createAsync(name: String): CompletableFuture<Organization> = async { api.create(name) }
    @Throws(HeadshotProException::class) fun update(teamId: String, name: String): Organization = blocking { api.update(teamId, name) }
    fun updateAsync(teamId: String, name: String): CompletableFuture<Organization> = async { api.update(teamId, name) }
    @Throws(HeadshotProException::class) fun delete(teamId: String): Organization = blocking { api.delete(teamId) }
    fun deleteAsync(teamId: String): CompletableFuture<Organization> = async { api.delete(teamId) }
    @Throws(HeadshotProException::class) fun addMembers(teamId: String, emails: List<String>): Organization = blocking { api.addMembers(teamId, emails) }
    fun addMembersAsync(teamId: String, emails: List<String>): CompletableFuture<Organization> = async { api.addMembers(teamId, emails) }
}

/** Whitelabel models: `client.models()`. `wait` takes a `java.time.Duration`. */
class JavaModels internal constructor(private val api: ModelsApi) {
    @Throws(HeadshotProException::class) @JvmOverloads fun create(email: String, teamId: String? = null, isDevelopment: Boolean = false): Model = blocking { api.create(email, teamId, isDevelopment) }
    @JvmOverloads fun createAsync(email: String, teamId: String? = null, isDevelopment: Boolean = false): CompletableFuture<Model> = async { api.create(email, teamId, isDevelopment) }
    @Throws(HeadshotProException::class) fun retrieve(modelId: String): Model = blocking { api.retrieve(modelId) }
    fun retrieveAsync(modelId: String): CompletableFuture<Model> = async { api.retrieve(modelId) }
    @Throws(HeadshotProException::class) fun delete(modelId: String): DeletedModel = blocking { api.delete(modelId) }
    fun deleteAsync(modelId: String): CompletableFuture<DeletedModel> = async { api.delete(modelId) }
    @Throws(HeadshotProException::class) fun wait(modelId: String, until: ModelStatus, timeout: Duration): Model = blocking { api.wait(modelId, until, JavaCalls.millis("timeout", timeout)) }
    fun waitAsync(modelId: String, until: ModelStatus, timeout: Duration): CompletableFuture<Model> = async { api.wait(modelId, until, JavaCalls.millis("timeout", timeout)) }
}
