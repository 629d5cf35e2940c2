package com.headshotpro

/**
 * `createMany` with the progress as a lambda, called once per input as it
 * settles (on the thread driving the sends: keep it quick; what it throws
 * is ignored).
 *
 * ```kotlin
 * val results = client.invites().createMany(emails, teamId = "team_1", concurrency = 8) { p ->
 *     println("${p.completed}/${p.total} ${p.result.email}: ${p.result.outcome}")
 * }
 * val failed = results.filter { it.outcome == BulkOutcome.Failed }
 * ```
 *
 * @throws HeadshotProException.InvalidArgumentException for a concurrency
 *   outside 1..=32 or a blank team id; per-email failures are results.
 */
suspend fun InvitesApi.createMany(
    emails: List<String>,
    teamId: String? = null,
    concurrency: Long? = null,
    onProgress: (BulkProgress) -> Unit,
): List<BulkInviteResult> = createMany(
    emails,
    teamId,
    concurrency,
    object : BulkProgressListener {
        override fun onProgress(progress: BulkProgress) = onProgress(progress)
    },
)
