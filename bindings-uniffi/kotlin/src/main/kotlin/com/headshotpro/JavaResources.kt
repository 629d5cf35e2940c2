package com.headshotpro

import com.headshotpro.JavaCalls.async
import com.headshotpro.JavaCalls.blocking
import com.headshotpro.types.DeletedModel
import com.headshotpro.types.DownloadLinks
import com.headshotpro.types.FavoriteListParams
import com.headshotpro.types.FavoritePhoto
import com.headshotpro.types.Invite
import com.headshotpro.types.InviteDetails
import com.headshotpro.types.InviteSummary
import com.headshotpro.types.InviteV2
import com.headshotpro.types.Member
import com.headshotpro.types.MemberListParams
import com.headshotpro.types.Model
import com.headshotpro.types.ModelListParams
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.ModelSummary
import com.headshotpro.types.ModelVersion
import com.headshotpro.types.Organization
import com.headshotpro.types.Photo
import com.headshotpro.types.PhotoInclude
import com.headshotpro.types.PhotoListParams
import com.headshotpro.types.Team
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer
import java.util.stream.Stream

// The resource groups of [JavaClient]: one line per operation and form, each
// the suspending call of the Kotlin API run by [JavaCalls]. Blocking forms
// declare HeadshotProException (a checked exception in Java); futures
// complete exceptionally with it. Lists answer a [JavaPage]; `listAll` is a
// Stream over every item, fetched page by page.

/** Organization details and credits: `client.organization()`. */
class JavaOrganization internal constructor(private val api: OrganizationApi) {
    @Throws(HeadshotProException::class) fun retrieve(): Organization = blocking { api.retrieve() }
    fun retrieveAsync(): CompletableFuture<Organization> = async { api.retrieve() }
    @Throws(HeadshotProException::class) fun credits(): Long = blocking { api.credits() }
    fun creditsAsync(): CompletableFuture<Long> = async { api.credits() }
}

/** A [BulkProgressListener] calling a Java consumer. */
private fun progressListener(consumer: Consumer<BulkProgress>) = object : BulkProgressListener {
    override fun onProgress(progress: BulkProgress) = consumer.accept(progress)
}

/** Team-member invites: `client.invites()`. */
class JavaInvites internal constructor(private val api: InvitesApi) {
    @Throws(HeadshotProException::class) @JvmOverloads fun create(email: String, teamId: String? = null): Invite = blocking { api.create(email, teamId) }
    @JvmOverloads fun createAsync(email: String, teamId: String? = null): CompletableFuture<Invite> = async { api.create(email, teamId) }
    @Throws(HeadshotProException::class) fun revoke(email: String): Unit = blocking { api.revoke(email) }
    fun revokeAsync(email: String): CompletableFuture<Void?> = async { api.revoke(email).let { null } }
    @Throws(HeadshotProException::class) fun list(): List<InviteSummary> = blocking { api.list() }
    /**
     * Invites every email (into [teamId] if set, [concurrency] at once,
     * 1..=32, 4 unless set) and returns one result per input, in input
     * order; [onProgress] (may be null) is told as each input settles.
     */
    @Throws(HeadshotProException::class) @JvmOverloads
    fun createMany(emails: List<String>, teamId: String? = null, concurrency: Long? = null, onProgress: Consumer<BulkProgress>? = null): List<BulkInviteResult> =
        blocking { api.createMany(emails, teamId, concurrency, onProgress?.let(::progressListener)) }
    /** [createMany] as a future. */
    @JvmOverloads
    fun createManyAsync(emails: List<String>, teamId: String? = null, concurrency: Long? = null, onProgress: Consumer<BulkProgress>? = null): CompletableFuture<List<BulkInviteResult>> =
        async { api.createMany(emails, teamId, concurrency, onProgress?.let(::progressListener)) }
    fun listAsync(): CompletableFuture<List<InviteSummary>> = async { api.list() }
    @Throws(HeadshotProException::class) fun retrieve(inviteId: String): InviteDetails = blocking { api.retrieve(inviteId) }
    fun retrieveAsync(inviteId: String): CompletableFuture<InviteDetails> = async { api.retrieve(inviteId) }
    @Throws(HeadshotProException::class) fun retrieveByEmail(email: String): InviteV2 = blocking { api.retrieveByEmail(email) }
    fun retrieveByEmailAsync(email: String): CompletableFuture<InviteV2> = async { api.retrieveByEmail(email) }
}

/** Teams of the organization: `client.teams()`. */
class JavaTeams internal constructor(private val api: TeamsApi) {
    @Throws(HeadshotProException::class) fun list(): List<Team> = blocking { api.list() }
    fun listAsync(): CompletableFuture<List<Team>> = async { api.list() }
    @Throws(HeadshotProException::class) fun create(name: String): Organization = blocking { api.create(name) }
    fun createAsync(name: String): CompletableFuture<Organization> = async { api.create(name) }
    @Throws(HeadshotProException::class) fun update(teamId: String, name: String): Organization = blocking { api.update(teamId, name) }
    fun updateAsync(teamId: String, name: String): CompletableFuture<Organization> = async { api.update(teamId, name) }
    @Throws(HeadshotProException::class) fun delete(teamId: String): Organization = blocking { api.delete(teamId) }
    fun deleteAsync(teamId: String): CompletableFuture<Organization> = async { api.delete(teamId) }
    @Throws(HeadshotProException::class) fun addMembers(teamId: String, emails: List<String>): Organization = blocking { api.addMembers(teamId, emails) }
    fun addMembersAsync(teamId: String, emails: List<String>): CompletableFuture<Organization> = async { api.addMembers(teamId, emails) }
}

/** Members of the organization: `client.members()`. */
class JavaMembers internal constructor(private val api: MembersApi) {
    @Throws(HeadshotProException::class) @JvmOverloads fun list(params: MemberListParams = MemberListParams()): JavaPage<Member> = blocking { api.list(params).java() }
    @JvmOverloads fun listAsync(params: MemberListParams = MemberListParams()): CompletableFuture<JavaPage<Member>> = async { api.list(params).java() }
    @Throws(HeadshotProException::class) @JvmOverloads fun listAll(params: MemberListParams = MemberListParams()): Stream<Member> = list(params).autoPagingStream()
}

/** Whitelabel models: `client.models()`. `wait` takes a `java.time.Duration`. */
class JavaModels internal constructor(private val api: ModelsApi) {
    @Throws(HeadshotProException::class) @JvmOverloads fun create(email: String, teamId: String? = null, isDevelopment: Boolean = false, version: ModelVersion? = null): Model = blocking { api.create(email, teamId, isDevelopment, version) }
    @JvmOverloads fun createAsync(email: String, teamId: String? = null, isDevelopment: Boolean = false, version: ModelVersion? = null): CompletableFuture<Model> = async { api.create(email, teamId, isDevelopment, version) }
    @Throws(HeadshotProException::class) fun retrieve(modelId: String): Model = blocking { api.retrieve(modelId) }
    fun retrieveAsync(modelId: String): CompletableFuture<Model> = async { api.retrieve(modelId) }
    @Throws(HeadshotProException::class) fun delete(modelId: String): DeletedModel = blocking { api.delete(modelId) }
    fun deleteAsync(modelId: String): CompletableFuture<DeletedModel> = async { api.delete(modelId) }
    @Throws(HeadshotProException::class) fun wait(modelId: String, until: ModelStatus, timeout: Duration): Model = blocking { api.wait(modelId, until, JavaCalls.millis("timeout", timeout)) }
    fun waitAsync(modelId: String, until: ModelStatus, timeout: Duration): CompletableFuture<Model> = async { api.wait(modelId, until, JavaCalls.millis("timeout", timeout)) }
    @Throws(HeadshotProException::class) @JvmOverloads fun list(params: ModelListParams = ModelListParams()): JavaPage<ModelSummary> = blocking { api.list(params).java() }
    @JvmOverloads fun listAsync(params: ModelListParams = ModelListParams()): CompletableFuture<JavaPage<ModelSummary>> = async { api.list(params).java() }
    @Throws(HeadshotProException::class) @JvmOverloads fun listAll(params: ModelListParams = ModelListParams()): Stream<ModelSummary> = list(params).autoPagingStream()
}

/** Generated headshots: `client.photos()`. `save`'s progress is a `Consumer<SaveProgress>`. */
class JavaPhotos internal constructor(private val api: PhotosApi) {
    @Throws(HeadshotProException::class) @JvmOverloads fun list(modelId: String, params: PhotoListParams = PhotoListParams()): JavaPage<Photo> = blocking { api.list(modelId, params).java() }
    @JvmOverloads fun listAsync(modelId: String, params: PhotoListParams = PhotoListParams()): CompletableFuture<JavaPage<Photo>> = async { api.list(modelId, params).java() }
    @Throws(HeadshotProException::class) @JvmOverloads fun listAll(modelId: String, params: PhotoListParams = PhotoListParams()): Stream<Photo> = list(modelId, params).autoPagingStream()
    @Throws(HeadshotProException::class) @JvmOverloads fun retrieve(modelId: String, photoId: String, include: PhotoInclude? = null): Photo = blocking { api.retrieve(modelId, photoId, include) }
    @JvmOverloads fun retrieveAsync(modelId: String, photoId: String, include: PhotoInclude? = null): CompletableFuture<Photo> = async { api.retrieve(modelId, photoId, include) }
    @Throws(HeadshotProException::class) @JvmOverloads fun favorite(modelId: String, include: PhotoInclude? = null): Photo? = blocking { api.favorite(modelId, include) }
    @JvmOverloads fun favoriteAsync(modelId: String, include: PhotoInclude? = null): CompletableFuture<Photo?> = async { api.favorite(modelId, include) }
    @Throws(HeadshotProException::class) @JvmOverloads fun downloadLinks(modelId: String, photoIds: List<String>? = null, include: PhotoInclude? = null): DownloadLinks = blocking { api.downloadLinks(modelId, photoIds, include) }
    @JvmOverloads fun downloadLinksAsync(modelId: String, photoIds: List<String>? = null, include: PhotoInclude? = null): CompletableFuture<DownloadLinks> = async { api.downloadLinks(modelId, photoIds, include) }
    @Throws(HeadshotProException::class) @JvmOverloads fun favorites(params: FavoriteListParams = FavoriteListParams()): JavaPage<FavoritePhoto> = blocking { api.favorites(params).java() }
    @JvmOverloads fun favoritesAsync(params: FavoriteListParams = FavoriteListParams()): CompletableFuture<JavaPage<FavoritePhoto>> = async { api.favorites(params).java() }
    @Throws(HeadshotProException::class) @JvmOverloads fun favoritesAll(params: FavoriteListParams = FavoriteListParams()): Stream<FavoritePhoto> = favorites(params).autoPagingStream()
    @Throws(HeadshotProException::class) @JvmOverloads fun save(modelId: String, directory: String, options: SaveOptions = SaveOptions(), onProgress: Consumer<SaveProgress>? = null): SaveReport = blocking { api.save(modelId, directory, options, onProgress?.let { ProgressLambda(it::accept) }) }
    @JvmOverloads fun saveAsync(modelId: String, directory: String, options: SaveOptions = SaveOptions(), onProgress: Consumer<SaveProgress>? = null): CompletableFuture<SaveReport> = async { api.save(modelId, directory, options, onProgress?.let { ProgressLambda(it::accept) }) }
}
